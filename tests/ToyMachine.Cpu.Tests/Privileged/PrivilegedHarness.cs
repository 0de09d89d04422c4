using ToyMachine.Cpu.Devices;
using ToyMachine.Cpu.Isa;
using static ToyMachine.Cpu.Tests.Asm;

namespace ToyMachine.Cpu.Tests.Privileged;

/// <summary>A <see cref="HartHarness"/> with helpers for privileged tests: CSR accesses
/// done by real instructions in M-mode (so their side effects happen as in a program),
/// entering S or U through <c>mret</c>, and Sv32 page tables built in RAM.</summary>
public sealed unsafe class PrivilegedHarness : IDisposable
{
    public const uint Base = HartHarness.Base;
    /// <summary>Where one-off M-mode instructions run (physical, never mapped below M).</summary>
    public const uint Scratch = Base + 0xF_0000;
    /// <summary>Where the code under test goes.</summary>
    public const uint Code = Base + 0x1000;
    /// <summary>The trap vectors: M at +0x100 (mtvec), S at +0x200 (stvec), direct mode.</summary>
    public const uint MachineVector = Base + 0x100, SupervisorVector = Base + 0x200;
    /// <summary>The root page table and the pool second-level tables come from.</summary>
    public const uint Root = Base + 0x8_0000;
    private uint _nextTable = Root + 0x1000;

    public HartHarness H { get; } = new();
    public Hart Hart => H.Hart;
    public HartState* S => H.Hart.State;

    public PrivilegedHarness()
    {
        Csrw(Csrs.Mtvec, MachineVector);
        Csrw(Csrs.Stvec, SupervisorVector);
    }

    public uint this[int reg]
    {
        get => H[reg];
        set => H[reg] = value;
    }

    /// <summary>Runs instruction words one by one at <see cref="Scratch"/> in M-mode.</summary>
    public void M(params uint[] words)
    {
        if (S->Priv != Privilege.Machine) throw new InvalidOperationException("not in M-mode");
        H.Load(words, Scratch);
        H.Hart.Pc = Scratch;
        H.Step(words.Length);
    }

    /// <summary>csrrw x0, csr, t0 in M-mode (t0 is kept).</summary>
    public void Csrw(int csr, uint value)
    {
        uint t0 = H[T0];
        H[T0] = value;
        M(Csr("csrrw", Zero, csr, T0));
        H[T0] = t0;
    }

    /// <summary>csrrs t0, csr, x0 in M-mode.</summary>
    public uint Csrr(int csr)
    {
        uint t0 = H[T0];
        M(Csr("csrrs", T0, csr, Zero));
        uint value = H[T0];
        H[T0] = t0;
        return value;
    }

    /// <summary>csrrs x0, csr, t0 (for mip the base is the software-written bits, not the lines).</summary>
    public void CsrSet(int csr, uint bits) => CsrOp("csrrs", csr, bits);
    /// <summary>csrrc x0, csr, t0.</summary>
    public void CsrClear(int csr, uint bits) => CsrOp("csrrc", csr, bits);

    private void CsrOp(string op, int csr, uint bits)
    {
        uint t0 = H[T0];
        H[T0] = bits;
        M(Csr(op, Zero, csr, T0));
        H[T0] = t0;
    }

    /// <summary>From M-mode, continues in <paramref name="mode"/> at <paramref name="pc"/> by
    /// mret, leaving the rest of mstatus as it is (MPIE becomes MIE's next value).</summary>
    public void Enter(Privilege mode, uint pc)
    {
        Csrw(Csrs.Mepc, pc);
        Csrw(Csrs.Mstatus, (Csrr(Csrs.Mstatus) & ~0x1800u) | (uint)mode << 11);
        M(Fixed("mret"));
        if (S->Priv != mode || H.Hart.Pc != pc) throw new InvalidOperationException("mret did not enter the mode");
    }

    /// <summary>Places <paramref name="words"/> at <paramref name="physical"/> and runs them,
    /// one step each (an instruction retired or a trap taken), from <paramref name="pc"/>
    /// (the virtual address of the first word; default: the same as physical).</summary>
    public void Run(uint physical, uint[] words, uint? pc = null)
    {
        H.Load(words, physical);
        H.Hart.Pc = pc ?? physical;
        H.Step(words.Length);
    }

    /// <summary>Runs one instruction at <see cref="Code"/> in the current mode (with
    /// translation on, <see cref="Code"/> must be mapped at itself).</summary>
    public void One(uint word) => Run(Code, [word]);

    public uint ReadWord(uint physical) => H.ReadWord(physical);
    public void WriteWord(uint physical, uint value) => H.WriteWord(physical, value);

    // ---- Sv32 -------------------------------------------------------------------------

    public const uint V = 1, R = 2, W = 4, X = 8, U = 16, G = 32, A = 64, D = 128;

    /// <summary>The physical address of the PTE that maps <paramref name="va"/> at level 1.</summary>
    public static uint RootPte(uint va) => Root + (va >> 22) * 4;

    /// <summary>Maps a 4 MiB megapage: root[va.vpn1] = leaf(pa, flags).</summary>
    public void MapMegapage(uint va, uint pa, uint flags) => WriteWord(RootPte(va), (pa >> 12) << 10 | flags);

    /// <summary>Maps a 4 KiB page through a second-level table (made when needed); returns
    /// the physical address of the leaf PTE.</summary>
    public uint MapPage(uint va, uint pa, uint flags)
    {
        uint rootPte = ReadWord(RootPte(va));
        if ((rootPte & V) == 0)
        {
            rootPte = (_nextTable >> 12) << 10 | V;
            WriteWord(RootPte(va), rootPte);
            _nextTable += 0x1000;
        }
        uint pte = ((rootPte >> 10) << 12) + ((va >> 12) & 0x3FF) * 4;
        WriteWord(pte, (pa >> 12) << 10 | flags);
        return pte;
    }

    /// <summary>Identity-maps the first 4 MiB of RAM (code, tables) for S-mode, and
    /// turns Sv32 on with satp (which flushes the TLB).</summary>
    public void EnableSv32(uint codeFlags = V | R | W | X | A | D)
    {
        MapMegapage(Base, Base, codeFlags);
        Csrw(Csrs.Satp, 0x8000_0000u | Root >> 12);
    }

    /// <summary>Raises or lowers an interrupt line (MSIP, MTIP, MEIP, SEIP as devices drive them).</summary>
    public void Line(int bit, bool level) => H.Hart.InterruptLine(bit).Set(level);

    public void Dispose() => H.Dispose();
}
