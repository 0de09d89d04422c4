namespace ToyMachine.Cpu.Isa;

/// <summary>A control and status register the machine implements: its assembly name and
/// its 12-bit number. Bits [11:10] of the number say whether it is read-only (0b11) and
/// bits [9:8] the lowest privilege that may access it.</summary>
public sealed record CsrDef(string Name, ushort Number);

/// <summary>The CSR numbers of machine.md, in one place for the hart, the assembler and
/// the disassembler.</summary>
public static class Csrs
{
    // Unprivileged counters (Zicntr)
    public const ushort Cycle = 0xC00, Time = 0xC01, Instret = 0xC02;
    public const ushort Cycleh = 0xC80, Timeh = 0xC81, Instreth = 0xC82;

    // Supervisor
    public const ushort Sstatus = 0x100, Sie = 0x104, Stvec = 0x105, Scounteren = 0x106;
    public const ushort Sscratch = 0x140, Sepc = 0x141, Scause = 0x142, Stval = 0x143, Sip = 0x144;
    public const ushort Stimecmp = 0x14D, Stimecmph = 0x15D;
    public const ushort Satp = 0x180;

    // Machine
    public const ushort Mvendorid = 0xF11, Marchid = 0xF12, Mimpid = 0xF13, Mhartid = 0xF14;
    public const ushort Mstatus = 0x300, Misa = 0x301, Medeleg = 0x302, Mideleg = 0x303;
    public const ushort Mie = 0x304, Mtvec = 0x305, Mcounteren = 0x306;
    public const ushort Menvcfg = 0x30A, Mstatush = 0x310, Menvcfgh = 0x31A;
    public const ushort Mscratch = 0x340, Mepc = 0x341, Mcause = 0x342, Mtval = 0x343, Mip = 0x344;
    public const ushort Pmpcfg0 = 0x3A0, Pmpaddr0 = 0x3B0;
    public const ushort Mcycle = 0xB00, Minstret = 0xB02, Mcycleh = 0xB80, Minstreth = 0xB82;

    // Debug triggers (Sdtrig): the hart has none. As for PMP, the registers exist so that
    // software probing for triggers does not trap: tselect reads 0 (trigger 0), tdata1
    // reads type 0 ("no trigger at this index"), and every write is ignored.
    public const ushort Tselect = 0x7A0, Tdata1 = 0x7A1, Tdata2 = 0x7A2, Tdata3 = 0x7A3;

    /// <summary>Number of <c>pmpcfg</c> registers (RV32, 64 PMP entries).</summary>
    public const int PmpcfgCount = 16;
    /// <summary>Number of <c>pmpaddr</c> registers.</summary>
    public const int PmpaddrCount = 64;

    /// <summary>Every CSR by name, in the order the privileged specification lists them.</summary>
    public static readonly IReadOnlyList<CsrDef> All = BuildAll();

    private static List<CsrDef> BuildAll()
    {
        var all = new List<CsrDef>
        {
            new("cycle", Cycle), new("time", Time), new("instret", Instret),
            new("cycleh", Cycleh), new("timeh", Timeh), new("instreth", Instreth),
            new("sstatus", Sstatus), new("sie", Sie), new("stvec", Stvec), new("scounteren", Scounteren),
            new("sscratch", Sscratch), new("sepc", Sepc), new("scause", Scause), new("stval", Stval),
            new("sip", Sip), new("stimecmp", Stimecmp), new("stimecmph", Stimecmph), new("satp", Satp),
            new("mvendorid", Mvendorid), new("marchid", Marchid), new("mimpid", Mimpid), new("mhartid", Mhartid),
            new("mstatus", Mstatus), new("misa", Misa), new("medeleg", Medeleg), new("mideleg", Mideleg),
            new("mie", Mie), new("mtvec", Mtvec), new("mcounteren", Mcounteren),
            new("menvcfg", Menvcfg), new("mstatush", Mstatush), new("menvcfgh", Menvcfgh),
            new("mscratch", Mscratch), new("mepc", Mepc), new("mcause", Mcause), new("mtval", Mtval), new("mip", Mip),
        };
        for (int i = 0; i < PmpcfgCount; i++) all.Add(new($"pmpcfg{i}", (ushort)(Pmpcfg0 + i)));
        for (int i = 0; i < PmpaddrCount; i++) all.Add(new($"pmpaddr{i}", (ushort)(Pmpaddr0 + i)));
        all.AddRange([new("mcycle", Mcycle), new("minstret", Minstret), new("mcycleh", Mcycleh), new("minstreth", Minstreth)]);
        all.AddRange([new("tselect", Tselect), new("tdata1", Tdata1), new("tdata2", Tdata2), new("tdata3", Tdata3)]);
        return all;
    }

    private static readonly Dictionary<string, ushort> ByName =
        All.ToDictionary(c => c.Name, c => c.Number, StringComparer.Ordinal);
    private static readonly Dictionary<ushort, string> ByNumber =
        All.ToDictionary(c => c.Number, c => c.Name);

    /// <summary>The number of a CSR name, if the machine has it.</summary>
    public static bool TryGetNumber(string name, out ushort number) => ByName.TryGetValue(name, out number);

    /// <summary>The name of a CSR number, or null when the machine has no such CSR.</summary>
    public static string? NameOf(uint number) => ByNumber.GetValueOrDefault((ushort)number);
}
