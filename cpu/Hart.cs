using System.Runtime.InteropServices;
using ToyMachine.Cpu.Devices;
using ToyMachine.Cpu.Isa;

namespace ToyMachine.Cpu;

/// <summary>
/// The one hart of the machine: RV32IMA + Zicsr + Zifencei + Zicntr with M, S and U
/// modes, Sv32 and Sstc. Its state lives in one unmanaged <see cref="HartState"/>.
/// </summary>
/// <remarks>
/// The hart is split over several files: this one holds construction, traps and
/// interrupts; Hart.Csr.cs the control and status registers; Hart.Memory.cs address
/// translation, the TLB and loads and stores; Hart.Execute.cs the interpreter loop.
/// docs/cpu.md describes how execution flows between them.
/// </remarks>
public sealed unsafe partial class Hart : IDisposable
{
    /// <summary>The architectural state.</summary>
    public HartState* State { get; private set; }

    private readonly Ram _ram;
    private readonly Bus _bus;

    /// <summary>Execute() returns when the cycle reaches this; slow paths set it to 0
    /// to hand control back to the machine (an interrupt may now be pending, the
    /// machine must power off, <c>wfi</c> wants to sleep).</summary>
    private ulong _until;

    /// <summary>True after <c>wfi</c> until an enabled interrupt becomes pending.</summary>
    public bool WaitingForInterrupt { get; private set; }

    /// <summary>The exception or interrupt cause of the last trap taken (bit 31 set for
    /// interrupts), for the trace; <see cref="uint.MaxValue"/> if none since it was cleared.</summary>
    public uint LastTrapCause { get; set; } = uint.MaxValue;

    /// <summary>Creates a hart in the reset state (M-mode, pc 0x1000) on the given RAM and bus.</summary>
    public Hart(Ram ram, Bus bus)
    {
        _ram = ram;
        _bus = bus;
        State = (HartState*)NativeMemory.AllocZeroed((nuint)sizeof(HartState));
        InitMemory();
        Reset(MemoryMap.BootRomBase);
    }

    /// <summary>Puts the hart in its reset state with the given pc: M-mode, every CSR at
    /// its reset value, registers zero, counters zero.</summary>
    public void Reset(uint pc)
    {
        NativeMemory.Clear(State, (nuint)sizeof(HartState));
        State->Pc = pc;
        State->Priv = Privilege.Machine;
        State->Stimecmp = ulong.MaxValue;
        WaitingForInterrupt = false;
        FlushTlb();
        UpdateTranslationMode();
        _until = 0;
    }

    /// <summary>Frees the unmanaged state and the decode cache.</summary>
    public void Dispose()
    {
        FreeMemory();
        if (State != null) NativeMemory.Free(State);
        State = null;
    }

    // ---- Interrupts ------------------------------------------------------------------

    /// <summary>The line that drives one bit of <c>mip</c> from a device (MSIP, MTIP and
    /// MEIP from the CLINT and PLIC, SEIP from the PLIC's S context).</summary>
    public IInterruptLine InterruptLine(int bit) => new MipLine(this, 1u << bit);

    private sealed class MipLine(Hart hart, uint mask) : IInterruptLine
    {
        public void Set(bool level) => hart.SetExternalPending(mask, level);
    }

    private void SetExternalPending(uint mask, bool level)
    {
        uint old = State->MipExternal;
        State->MipExternal = level ? old | mask : old & ~mask;
        if (State->MipExternal != old) _until = 0;
    }

    /// <summary><c>mip</c> as software reads it: the writable bits OR'd with the lines.</summary>
    internal uint Mip => State->MipSoftware | State->MipExternal;

    /// <summary>Takes the highest-priority interrupt that is pending, enabled and not
    /// masked at the current privilege, as the privileged specification orders them:
    /// MEI, MSI, MTI, SEI, SSI, STI. Returns true when one was taken.</summary>
    public bool TakePendingInterrupt()
    {
        HartState* s = State;
        uint pending = Mip & s->Mie;
        if (pending == 0) return false;

        // "An interrupt i will trap to M-mode if ... the current privilege mode is M and
        // the MIE bit in mstatus is set, or the current privilege mode has less privilege
        // than M-mode", and it is not delegated by mideleg.
        uint toMachine = pending & ~s->Mideleg;
        bool machineEnabled = s->Priv < Privilege.Machine || (s->Mstatus & MstatusMie) != 0;
        if (machineEnabled && toMachine != 0)
        {
            TakeTrap(InterruptCause(toMachine), 0, interrupt: true);
            return true;
        }

        // Delegated interrupts trap to S-mode when running below S, or in S with SIE set;
        // they are never taken in M-mode.
        uint toSupervisor = pending & s->Mideleg;
        bool supervisorEnabled = s->Priv < Privilege.Supervisor
            || (s->Priv == Privilege.Supervisor && (s->Mstatus & MstatusSie) != 0);
        if (supervisorEnabled && toSupervisor != 0)
        {
            TakeTrap(InterruptCause(toSupervisor), 0, interrupt: true);
            return true;
        }
        return false;
    }

    /// <summary>True when an interrupt is pending and locally enabled.</summary>
    public bool InterruptPendingAndEnabled => (Mip & State->Mie) != 0;

    /// <summary>The condition that ends (or skips) a <c>wfi</c> wait: any interrupt pending
    /// in <c>mip</c>, whatever <c>mie</c> and the global enables say. The specification
    /// lets <c>wfi</c> resume for any reason; resuming on a pending but disabled interrupt
    /// is what the official rv32si wfi test requires (docs/platform.md).</summary>
    public bool InterruptPending => Mip != 0;

    /// <summary>Ends a <c>wfi</c> wait: an enabled interrupt is pending.</summary>
    internal void Wake() => WaitingForInterrupt = false;

    /// <summary>Moves the clock forward by <paramref name="cycles"/> that the hart spends
    /// asleep in <c>wfi</c>; they count in <c>mcycle</c> and as idle cycles.</summary>
    internal void SkipIdle(ulong cycles)
    {
        State->Cycle += cycles;
        State->IdleCycles += cycles;
    }

    private static uint InterruptCause(uint set)
    {
        ReadOnlySpan<int> order = [Interrupts.MachineExternal, Interrupts.MachineSoftware, Interrupts.MachineTimer,
                                   Interrupts.SupervisorExternal, Interrupts.SupervisorSoftware, Interrupts.SupervisorTimer];
        foreach (int bit in order)
            if ((set & (1u << bit)) != 0) return (uint)bit;
        throw new InvalidOperationException("no interrupt in set");
    }

    // ---- Traps -----------------------------------------------------------------------

    /// <summary>Exception causes (mcause values without the interrupt bit).</summary>
    public static class Cause
    {
        public const uint InstructionMisaligned = 0, InstructionAccessFault = 1, IllegalInstruction = 2;
        public const uint Breakpoint = 3, LoadMisaligned = 4, LoadAccessFault = 5;
        public const uint StoreMisaligned = 6, StoreAccessFault = 7;
        public const uint EcallFromU = 8, EcallFromS = 9, EcallFromM = 11;
        public const uint InstructionPageFault = 12, LoadPageFault = 13, StorePageFault = 15;
    }

    /// <summary>Raises a synchronous exception at the current pc: the instruction has no
    /// effect and does not retire.</summary>
    internal void RaiseException(uint cause, uint tval) => TakeTrap(cause, tval, interrupt: false);

    /// <summary>Enters the trap handler: M-mode unless the trap is delegated to S-mode
    /// (only from S or U), with <c>xepc</c>, <c>xcause</c>, <c>xtval</c> and the
    /// <c>xPIE</c>/<c>xIE</c>/<c>xPP</c> stack of <c>mstatus</c> updated.</summary>
    private void TakeTrap(uint cause, uint tval, bool interrupt)
    {
        HartState* s = State;
        uint deleg = interrupt ? s->Mideleg : s->Medeleg;
        uint mcause = interrupt ? cause | 0x8000_0000u : cause;
        uint pc = s->Pc;
        LastTrapCause = mcause;
        WaitingForInterrupt = false;
        s->ReservationValid = 0;
        s->Cycle += CycleModel.TrapEntry;

        if (s->Priv <= Privilege.Supervisor && (deleg & (1u << (int)cause)) != 0)
        {
            s->Sepc = pc;
            s->Scause = mcause;
            s->Stval = tval;
            uint st = s->Mstatus;
            // SPIE = SIE, SIE = 0, SPP = the privilege the trap came from.
            st = (st & ~MstatusSpie) | ((st & MstatusSie) << 4);
            st &= ~MstatusSie;
            st = (st & ~MstatusSpp) | (s->Priv == Privilege.Supervisor ? MstatusSpp : 0);
            s->Mstatus = st;
            s->Priv = Privilege.Supervisor;
            s->Pc = TrapVector(s->Stvec, cause, interrupt);
        }
        else
        {
            s->Mepc = pc;
            s->Mcause = mcause;
            s->Mtval = tval;
            uint st = s->Mstatus;
            // MPIE = MIE, MIE = 0, MPP = the privilege the trap came from.
            st = (st & ~MstatusMpie) | ((st & MstatusMie) << 4);
            st &= ~MstatusMie;
            st = (st & ~MstatusMpp) | ((uint)s->Priv << MstatusMppShift);
            s->Mstatus = st;
            s->Priv = Privilege.Machine;
            s->Pc = TrapVector(s->Mtvec, cause, interrupt);
        }
        UpdateTranslationMode();
        _until = 0;
    }

    /// <summary>"When MODE=Vectored, all synchronous exceptions into machine mode cause
    /// the pc to be set to the address in the BASE field, whereas interrupts cause the pc
    /// to be set to the address in the BASE field plus four times the interrupt cause number."</summary>
    private static uint TrapVector(uint tvec, uint cause, bool interrupt)
    {
        uint baseAddress = tvec & ~3u;
        return interrupt && (tvec & 3) == 1 ? baseAddress + 4 * cause : baseAddress;
    }

    /// <summary>mret: "the privilege mode is changed to y (MPP); MIE is set to MPIE; the
    /// privilege mode is set to y; MPIE is set to 1; and MPP is set to the least-privileged
    /// supported mode. If y≠M, MRET also sets MPRV=0."</summary>
    private void ReturnFromMachine()
    {
        HartState* s = State;
        uint st = s->Mstatus;
        var y = (Privilege)((st & MstatusMpp) >> MstatusMppShift);
        st = (st & ~MstatusMie) | ((st & MstatusMpie) >> 4);
        st |= MstatusMpie;
        st &= ~MstatusMpp;                          // MPP = U
        if (y != Privilege.Machine) st &= ~MstatusMprv;
        s->Mstatus = st;
        s->Priv = y;
        s->Pc = s->Mepc;
        UpdateTranslationMode();
        _until = 0;
    }

    /// <summary>sret: the privilege becomes SPP, SIE = SPIE, SPIE = 1, SPP = U, and
    /// (since the new mode is below M) MPRV = 0.</summary>
    private void ReturnFromSupervisor()
    {
        HartState* s = State;
        uint st = s->Mstatus;
        var y = (st & MstatusSpp) != 0 ? Privilege.Supervisor : Privilege.User;
        st = (st & ~MstatusSie) | ((st & MstatusSpie) >> 4);
        st |= MstatusSpie;
        st &= ~(MstatusSpp | MstatusMprv);
        s->Mstatus = st;
        s->Priv = y;
        s->Pc = s->Sepc;
        UpdateTranslationMode();
        _until = 0;
    }

    // ---- Counters --------------------------------------------------------------------

    /// <summary>Machine cycles since reset.</summary>
    public ulong Cycles => State->Cycle;

    /// <summary>Instructions retired since reset.</summary>
    public ulong Instructions => State->Instret;

    /// <summary>Cycles that <c>wfi</c> skipped because nothing was due.</summary>
    public ulong IdleCycles => State->IdleCycles;

    /// <summary>Reads register x<paramref name="n"/>.</summary>
    public uint Reg(int n) => State->X[n];

    /// <summary>Writes register x<paramref name="n"/> (x0 stays zero).</summary>
    public void SetReg(int n, uint value)
    {
        if (n != 0) State->X[n] = value;
    }

    /// <summary>The program counter.</summary>
    public uint Pc
    {
        get => State->Pc;
        set => State->Pc = value;
    }

    /// <summary>The cycle at which the Sstc timer next fires, or MaxValue when it is
    /// disabled or already pending.</summary>
    public ulong NextTimerEvent
    {
        get
        {
            HartState* s = State;
            if ((s->Menvcfgh & MenvcfghStce) == 0 || (s->MipExternal & Interrupts.Stip) != 0) return ulong.MaxValue;
            return s->Stimecmp >= ulong.MaxValue / MemoryMap.CyclesPerTick
                ? ulong.MaxValue
                : s->Stimecmp * MemoryMap.CyclesPerTick;
        }
    }

    /// <summary>With Sstc enabled, STIP follows <c>time &gt;= stimecmp</c>; the machine
    /// calls this whenever time has moved to an event.</summary>
    public void UpdateSupervisorTimer()
    {
        HartState* s = State;
        if ((s->Menvcfgh & MenvcfghStce) == 0) return;
        bool level = s->Cycle / MemoryMap.CyclesPerTick >= s->Stimecmp;
        SetExternalPending(Interrupts.Stip, level);
    }

    /// <summary>The decoded-instruction helper the trace uses: the word at a virtual
    /// address, read without side effects on the TLB or A/D bits; null when unmapped.</summary>
    public uint? PeekInstruction(uint va)
    {
        if (!TranslateQuietly(va, out uint pa)) return null;
        if (_ram.Contains(pa, 4)) return *(uint*)(_ram.Pointer + (pa - MemoryMap.RamBase));
        if (pa - MemoryMap.BootRomBase < MemoryMap.BootRomSize && _bus.Read(pa, 4, out uint w)) return w;
        return null;
    }

    internal static InstructionDef? Describe(uint word) => Decoder.Find(word);
}
