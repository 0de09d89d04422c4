using System.Runtime.InteropServices;

namespace ToyMachine.Cpu;

/// <summary>Privilege levels, with their encodings in <c>mstatus.MPP</c>.</summary>
public enum Privilege : uint
{
    User = 0, Supervisor = 1, Machine = 3,
}

/// <summary>The architectural state of the hart in one unmanaged block, so that the
/// interpreter reaches it through one pointer and a later JIT can address every field
/// at a fixed offset. Everything a trap, a CSR or an instruction reads or writes is here.</summary>
[StructLayout(LayoutKind.Sequential)]
public unsafe struct HartState
{
    /// <summary>x0..x31, then x[32]: the sink that instructions with rd = x0 write to,
    /// so that x0 stays zero without a test on every write.</summary>
    public fixed uint X[33];
    /// <summary>The program counter.</summary>
    public uint Pc;
    /// <summary>The current privilege level.</summary>
    public Privilege Priv;
    /// <summary>Machine cycles since reset: the clock of the machine. <c>mcycle</c> reads
    /// this plus <see cref="McycleOffset"/>; <c>mtime</c> is this divided by 10.</summary>
    public ulong Cycle;
    /// <summary>Instructions retired since reset.</summary>
    public ulong Instret;
    /// <summary>What software wrote into <c>mcycle</c>, as a difference from <see cref="Cycle"/>.</summary>
    public ulong McycleOffset;
    /// <summary>What software wrote into <c>minstret</c>, as a difference from <see cref="Instret"/>.</summary>
    public ulong MinstretOffset;
    /// <summary>Cycles skipped by <c>wfi</c> (part of <see cref="Cycle"/>).</summary>
    public ulong IdleCycles;

    public uint Mstatus, Medeleg, Mideleg, Mie, Mtvec, Mcounteren, Mscratch, Mepc, Mcause, Mtval;
    /// <summary>The bits of <c>mip</c> software can write (SSIP, STIP without Sstc, SEIP).</summary>
    public uint MipSoftware;
    /// <summary>The bits of <c>mip</c> driven by devices and timers (MSIP, MTIP, MEIP, SEIP, STIP with Sstc).</summary>
    public uint MipExternal;
    public uint Menvcfg, Menvcfgh;
    public uint Stvec, Scounteren, Sscratch, Sepc, Scause, Stval, Satp;
    public ulong Stimecmp;

    /// <summary>Physical address of the word reserved by lr.w, valid when <see cref="ReservationValid"/> is 1.</summary>
    public uint ReservationAddress;
    public uint ReservationValid;
}
