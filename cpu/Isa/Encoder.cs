namespace ToyMachine.Cpu.Isa;

/// <summary>Places operand values into the fields of an instruction word: the inverse of
/// the <see cref="Decoder"/> extractors. Callers check ranges first; these only place bits.</summary>
public static class Encoder
{
    /// <summary>rd into insn[11:7].</summary>
    public static uint Rd(int rd) => (uint)(rd & 0x1F) << 7;
    /// <summary>rs1 into insn[19:15].</summary>
    public static uint Rs1(int rs1) => (uint)(rs1 & 0x1F) << 15;
    /// <summary>rs2 into insn[24:20].</summary>
    public static uint Rs2(int rs2) => (uint)(rs2 & 0x1F) << 20;

    /// <summary>insn[31:20] = imm[11:0].</summary>
    public static uint ImmI(int imm) => (uint)(imm & 0xFFF) << 20;

    /// <summary>insn[31:25] = imm[11:5], insn[11:7] = imm[4:0].</summary>
    public static uint ImmS(int imm) => ((uint)(imm >> 5) & 0x7F) << 25 | ((uint)imm & 0x1F) << 7;

    /// <summary>insn[31] = imm[12], insn[30:25] = imm[10:5], insn[11:8] = imm[4:1], insn[7] = imm[11].</summary>
    public static uint ImmB(int imm) =>
        ((uint)(imm >> 12) & 1) << 31
        | ((uint)(imm >> 5) & 0x3F) << 25
        | ((uint)(imm >> 1) & 0xF) << 8
        | ((uint)(imm >> 11) & 1) << 7;

    /// <summary>insn[31:12] = imm[31:12] (the value is the already-shifted upper immediate's bits).</summary>
    public static uint ImmU(int imm20) => (uint)(imm20 & 0xFFFFF) << 12;

    /// <summary>insn[31] = imm[20], insn[30:21] = imm[10:1], insn[20] = imm[11], insn[19:12] = imm[19:12].</summary>
    public static uint ImmJ(int imm) =>
        ((uint)(imm >> 20) & 1) << 31
        | ((uint)(imm >> 1) & 0x3FF) << 21
        | ((uint)(imm >> 11) & 1) << 20
        | ((uint)(imm >> 12) & 0xFF) << 12;

    /// <summary>insn[31:20] = csr.</summary>
    public static uint Csr(int csr) => (uint)(csr & 0xFFF) << 20;
}
