namespace ToyMachine.Cpu.Isa;

/// <summary>Finds the table entry of an instruction word. Entries are bucketed by
/// major opcode (insn[6:2]) so a lookup tries only the handful that share it.</summary>
public static class Decoder
{
    private static readonly InstructionDef[][] ByMajorOpcode = BuildBuckets();

    private static InstructionDef[][] BuildBuckets()
    {
        var buckets = new List<InstructionDef>[32];
        for (int i = 0; i < 32; i++) buckets[i] = [];
        foreach (var def in Instructions.All)
            buckets[(def.Match >> 2) & 0x1F].Add(def);
        return buckets.Select(b => b.ToArray()).ToArray();
    }

    /// <summary>The instruction a 32-bit word encodes, or null when it encodes none the
    /// machine implements (including every 16-bit compressed encoding).</summary>
    public static InstructionDef? Find(uint word)
    {
        if ((word & 0b11) != 0b11) return null;   // insn[1:0] != 11: compressed or reserved
        foreach (var def in ByMajorOpcode[(word >> 2) & 0x1F])
            if ((word & def.Mask) == def.Match)
                return def;
        return null;
    }

    /// <summary>The operation of a word, <see cref="Op.Illegal"/> when it has none.</summary>
    public static Op OpOf(uint word) => Find(word)?.Op ?? Op.Illegal;

    // Field extraction, named after the ISA manual's fields.

    /// <summary>rd = insn[11:7].</summary>
    public static int Rd(uint w) => (int)((w >> 7) & 0x1F);
    /// <summary>rs1 = insn[19:15].</summary>
    public static int Rs1(uint w) => (int)((w >> 15) & 0x1F);
    /// <summary>rs2 = insn[24:20].</summary>
    public static int Rs2(uint w) => (int)((w >> 20) & 0x1F);

    /// <summary>I-immediate: imm[11:0] = insn[31:20], sign-extended.</summary>
    public static int ImmI(uint w) => (int)w >> 20;

    /// <summary>S-immediate: imm[11:5] = insn[31:25], imm[4:0] = insn[11:7], sign-extended.</summary>
    public static int ImmS(uint w) => ((int)w >> 25 << 5) | (int)((w >> 7) & 0x1F);

    /// <summary>B-immediate: imm[12] = insn[31], imm[10:5] = insn[30:25],
    /// imm[4:1] = insn[11:8], imm[11] = insn[7]; sign-extended, bit 0 zero.</summary>
    public static int ImmB(uint w) =>
        ((int)w >> 31 << 12)                    // imm[12]   = insn[31]
        | (int)((w >> 25) & 0x3F) << 5          // imm[10:5] = insn[30:25]
        | (int)((w >> 8) & 0xF) << 1            // imm[4:1]  = insn[11:8]
        | (int)((w >> 7) & 0x1) << 11;          // imm[11]   = insn[7]

    /// <summary>U-immediate: imm[31:12] = insn[31:12], low 12 bits zero.</summary>
    public static int ImmU(uint w) => (int)(w & 0xFFFF_F000);

    /// <summary>J-immediate: imm[20] = insn[31], imm[10:1] = insn[30:21],
    /// imm[11] = insn[20], imm[19:12] = insn[19:12]; sign-extended, bit 0 zero.</summary>
    public static int ImmJ(uint w) =>
        ((int)w >> 31 << 20)                    // imm[20]    = insn[31]
        | (int)((w >> 21) & 0x3FF) << 1         // imm[10:1]  = insn[30:21]
        | (int)((w >> 20) & 0x1) << 11          // imm[11]    = insn[20]
        | (int)(w & 0x000F_F000);               // imm[19:12] = insn[19:12]

    /// <summary>CSR number = insn[31:20].</summary>
    public static int CsrNumber(uint w) => (int)(w >> 20);
}
