namespace ToyMachine.Cpu.Isa;

/// <summary>What an instruction does, one value per real instruction of RV32IMA, Zicsr,
/// Zifencei and the privileged set. The interpreter dispatches on it; the decoded form of
/// an instruction is this value plus its register numbers and immediate.</summary>
public enum Op : byte
{
    /// <summary>Not an instruction: executing it raises illegal-instruction.</summary>
    Illegal,
    /// <summary>Slot of the decode cache not decoded yet (never produced by the decoder).</summary>
    NotDecoded,
    Lui, Auipc, Jal, Jalr,
    Beq, Bne, Blt, Bge, Bltu, Bgeu,
    Lb, Lh, Lw, Lbu, Lhu,
    Sb, Sh, Sw,
    Addi, Slti, Sltiu, Xori, Ori, Andi, Slli, Srli, Srai,
    Add, Sub, Sll, Slt, Sltu, Xor, Srl, Sra, Or, And,
    Fence, FenceTso, FenceI,
    Ecall, Ebreak,
    Csrrw, Csrrs, Csrrc, Csrrwi, Csrrsi, Csrrci,
    Mul, Mulh, Mulhsu, Mulhu, Div, Divu, Rem, Remu,
    LrW, ScW, AmoswapW, AmoaddW, AmoxorW, AmoandW, AmoorW, AmominW, AmomaxW, AmominuW, AmomaxuW,
    Sret, Mret, Wfi, SfenceVma,
}

/// <summary>How the bits of an instruction word are laid out (the base formats of the
/// ISA manual, plus the few shapes that reuse a base format with fixed fields).</summary>
public enum Format : byte
{
    /// <summary>funct7 | rs2 | rs1 | funct3 | rd | opcode.</summary>
    R,
    /// <summary>imm[11:0] | rs1 | funct3 | rd | opcode.</summary>
    I,
    /// <summary>I-type with imm[4:0] a shift amount and imm[11:5] fixed.</summary>
    Shift,
    /// <summary>imm[11:5] | rs2 | rs1 | funct3 | imm[4:0] | opcode.</summary>
    S,
    /// <summary>imm[12|10:5] | rs2 | rs1 | funct3 | imm[4:1|11] | opcode.</summary>
    B,
    /// <summary>imm[31:12] | rd | opcode.</summary>
    U,
    /// <summary>imm[20|10:1|11|19:12] | rd | opcode.</summary>
    J,
    /// <summary>csr | rs1 | funct3 | rd | opcode.</summary>
    Csr,
    /// <summary>csr | uimm[4:0] | funct3 | rd | opcode.</summary>
    CsrImm,
    /// <summary>fm | pred | succ | rs1 | funct3 | rd | opcode.</summary>
    Fence,
    /// <summary>funct5 | aq | rl | rs2 | rs1 | funct3 | rd | opcode.</summary>
    Amo,
    /// <summary>No operands: every bit is fixed.</summary>
    Fixed,
}

/// <summary>The cost class of an instruction in the cycle model (docs/cycle-model.md).</summary>
public enum CostClass : byte
{
    Alu, Branch, Jump, Load, Store, Mul, Div, Atomic, Csr, Fence, FenceI, System, Wfi, Sfence,
}

/// <summary>One instruction of the machine: how it is spelled, how it is encoded, and
/// the order of its operands in assembly.</summary>
/// <param name="Mnemonic">The GNU as spelling, such as <c>addi</c> or <c>amoadd.w</c>.</param>
/// <param name="Op">What it does.</param>
/// <param name="Format">How its fields are laid out.</param>
/// <param name="Match">The fixed bits of the encoding.</param>
/// <param name="Mask">Which bits are fixed: <c>(word &amp; Mask) == Match</c> identifies it.</param>
/// <param name="Operands">Operand syntax, comma separated, using the names
/// <c>rd rs1 rs2 imm offset shamt csr uimm pred succ (rs1)</c>; <c>imm(rs1)</c> is a
/// base+displacement memory operand. Empty for instructions without operands.</param>
/// <param name="Cost">Its class in the cycle model.</param>
/// <param name="Extension">The extension that defines it: I, M, A, Zicsr, Zifencei, Priv.</param>
public sealed record InstructionDef(
    string Mnemonic, Op Op, Format Format, uint Match, uint Mask, string Operands,
    CostClass Cost, string Extension);

/// <summary>The one instruction table. The decoder, the disassembler, the assembler and
/// any later engine read this list; nothing else spells an encoding.</summary>
public static class Instructions
{
    // Masks of the common shapes: which fields are fixed.
    private const uint OpcodeOnly = 0x0000_007F;          // opcode
    private const uint Funct3 = 0x0000_707F;              // funct3 | opcode
    private const uint Funct7 = 0xFE00_707F;              // funct7 | funct3 | opcode
    private const uint AmoMask = 0xF800_707F;             // funct5 | funct3 | opcode (aq, rl free)
    private const uint LrMask = 0xF9F0_707F;              // as AmoMask, and rs2 = 0
    private const uint AllBits = 0xFFFF_FFFF;

    /// <summary>Every instruction, in the order the decoder tries them where two masks
    /// overlap (the more specific first: <c>fence.tso</c> before <c>fence</c>).</summary>
    public static readonly IReadOnlyList<InstructionDef> All =
    [
        // RV32I: upper immediates and jumps
        new("lui",    Op.Lui,   Format.U, 0x0000_0037, OpcodeOnly, "rd,imm",        CostClass.Alu,    "I"),
        new("auipc",  Op.Auipc, Format.U, 0x0000_0017, OpcodeOnly, "rd,imm",        CostClass.Alu,    "I"),
        new("jal",    Op.Jal,   Format.J, 0x0000_006F, OpcodeOnly, "rd,offset",     CostClass.Jump,   "I"),
        new("jalr",   Op.Jalr,  Format.I, 0x0000_0067, Funct3,     "rd,imm(rs1)",   CostClass.Jump,   "I"),

        // RV32I: branches
        new("beq",    Op.Beq,   Format.B, 0x0000_0063, Funct3, "rs1,rs2,offset", CostClass.Branch, "I"),
        new("bne",    Op.Bne,   Format.B, 0x0000_1063, Funct3, "rs1,rs2,offset", CostClass.Branch, "I"),
        new("blt",    Op.Blt,   Format.B, 0x0000_4063, Funct3, "rs1,rs2,offset", CostClass.Branch, "I"),
        new("bge",    Op.Bge,   Format.B, 0x0000_5063, Funct3, "rs1,rs2,offset", CostClass.Branch, "I"),
        new("bltu",   Op.Bltu,  Format.B, 0x0000_6063, Funct3, "rs1,rs2,offset", CostClass.Branch, "I"),
        new("bgeu",   Op.Bgeu,  Format.B, 0x0000_7063, Funct3, "rs1,rs2,offset", CostClass.Branch, "I"),

        // RV32I: loads and stores
        new("lb",     Op.Lb,    Format.I, 0x0000_0003, Funct3, "rd,imm(rs1)",  CostClass.Load,  "I"),
        new("lh",     Op.Lh,    Format.I, 0x0000_1003, Funct3, "rd,imm(rs1)",  CostClass.Load,  "I"),
        new("lw",     Op.Lw,    Format.I, 0x0000_2003, Funct3, "rd,imm(rs1)",  CostClass.Load,  "I"),
        new("lbu",    Op.Lbu,   Format.I, 0x0000_4003, Funct3, "rd,imm(rs1)",  CostClass.Load,  "I"),
        new("lhu",    Op.Lhu,   Format.I, 0x0000_5003, Funct3, "rd,imm(rs1)",  CostClass.Load,  "I"),
        new("sb",     Op.Sb,    Format.S, 0x0000_0023, Funct3, "rs2,imm(rs1)", CostClass.Store, "I"),
        new("sh",     Op.Sh,    Format.S, 0x0000_1023, Funct3, "rs2,imm(rs1)", CostClass.Store, "I"),
        new("sw",     Op.Sw,    Format.S, 0x0000_2023, Funct3, "rs2,imm(rs1)", CostClass.Store, "I"),

        // RV32I: register-immediate
        new("addi",   Op.Addi,  Format.I,     0x0000_0013, Funct3, "rd,rs1,imm",   CostClass.Alu, "I"),
        new("slti",   Op.Slti,  Format.I,     0x0000_2013, Funct3, "rd,rs1,imm",   CostClass.Alu, "I"),
        new("sltiu",  Op.Sltiu, Format.I,     0x0000_3013, Funct3, "rd,rs1,imm",   CostClass.Alu, "I"),
        new("xori",   Op.Xori,  Format.I,     0x0000_4013, Funct3, "rd,rs1,imm",   CostClass.Alu, "I"),
        new("ori",    Op.Ori,   Format.I,     0x0000_6013, Funct3, "rd,rs1,imm",   CostClass.Alu, "I"),
        new("andi",   Op.Andi,  Format.I,     0x0000_7013, Funct3, "rd,rs1,imm",   CostClass.Alu, "I"),
        new("slli",   Op.Slli,  Format.Shift, 0x0000_1013, Funct7, "rd,rs1,shamt", CostClass.Alu, "I"),
        new("srli",   Op.Srli,  Format.Shift, 0x0000_5013, Funct7, "rd,rs1,shamt", CostClass.Alu, "I"),
        new("srai",   Op.Srai,  Format.Shift, 0x4000_5013, Funct7, "rd,rs1,shamt", CostClass.Alu, "I"),

        // RV32I: register-register
        new("add",    Op.Add,   Format.R, 0x0000_0033, Funct7, "rd,rs1,rs2", CostClass.Alu, "I"),
        new("sub",    Op.Sub,   Format.R, 0x4000_0033, Funct7, "rd,rs1,rs2", CostClass.Alu, "I"),
        new("sll",    Op.Sll,   Format.R, 0x0000_1033, Funct7, "rd,rs1,rs2", CostClass.Alu, "I"),
        new("slt",    Op.Slt,   Format.R, 0x0000_2033, Funct7, "rd,rs1,rs2", CostClass.Alu, "I"),
        new("sltu",   Op.Sltu,  Format.R, 0x0000_3033, Funct7, "rd,rs1,rs2", CostClass.Alu, "I"),
        new("xor",    Op.Xor,   Format.R, 0x0000_4033, Funct7, "rd,rs1,rs2", CostClass.Alu, "I"),
        new("srl",    Op.Srl,   Format.R, 0x0000_5033, Funct7, "rd,rs1,rs2", CostClass.Alu, "I"),
        new("sra",    Op.Sra,   Format.R, 0x4000_5033, Funct7, "rd,rs1,rs2", CostClass.Alu, "I"),
        new("or",     Op.Or,    Format.R, 0x0000_6033, Funct7, "rd,rs1,rs2", CostClass.Alu, "I"),
        new("and",    Op.And,   Format.R, 0x0000_7033, Funct7, "rd,rs1,rs2", CostClass.Alu, "I"),

        // RV32I: ordering and environment. fence.tso (fm=1000, pred=succ=rw) is a fence
        // with one fixed operand set, so it is tried first.
        new("fence.tso", Op.FenceTso, Format.Fixed, 0x8330_000F, 0xFFF0_707F, "",          CostClass.Fence,  "I"),
        new("fence",     Op.Fence,    Format.Fence, 0x0000_000F, Funct3,      "pred,succ", CostClass.Fence,  "I"),
        new("fence.i",   Op.FenceI,   Format.I,     0x0000_100F, Funct3,      "",          CostClass.FenceI, "Zifencei"),
        new("ecall",     Op.Ecall,    Format.Fixed, 0x0000_0073, AllBits,     "",          CostClass.System, "I"),
        new("ebreak",    Op.Ebreak,   Format.Fixed, 0x0010_0073, AllBits,     "",          CostClass.System, "I"),

        // Zicsr
        new("csrrw",  Op.Csrrw,  Format.Csr,    0x0000_1073, Funct3, "rd,csr,rs1",  CostClass.Csr, "Zicsr"),
        new("csrrs",  Op.Csrrs,  Format.Csr,    0x0000_2073, Funct3, "rd,csr,rs1",  CostClass.Csr, "Zicsr"),
        new("csrrc",  Op.Csrrc,  Format.Csr,    0x0000_3073, Funct3, "rd,csr,rs1",  CostClass.Csr, "Zicsr"),
        new("csrrwi", Op.Csrrwi, Format.CsrImm, 0x0000_5073, Funct3, "rd,csr,uimm", CostClass.Csr, "Zicsr"),
        new("csrrsi", Op.Csrrsi, Format.CsrImm, 0x0000_6073, Funct3, "rd,csr,uimm", CostClass.Csr, "Zicsr"),
        new("csrrci", Op.Csrrci, Format.CsrImm, 0x0000_7073, Funct3, "rd,csr,uimm", CostClass.Csr, "Zicsr"),

        // M
        new("mul",    Op.Mul,    Format.R, 0x0200_0033, Funct7, "rd,rs1,rs2", CostClass.Mul, "M"),
        new("mulh",   Op.Mulh,   Format.R, 0x0200_1033, Funct7, "rd,rs1,rs2", CostClass.Mul, "M"),
        new("mulhsu", Op.Mulhsu, Format.R, 0x0200_2033, Funct7, "rd,rs1,rs2", CostClass.Mul, "M"),
        new("mulhu",  Op.Mulhu,  Format.R, 0x0200_3033, Funct7, "rd,rs1,rs2", CostClass.Mul, "M"),
        new("div",    Op.Div,    Format.R, 0x0200_4033, Funct7, "rd,rs1,rs2", CostClass.Div, "M"),
        new("divu",   Op.Divu,   Format.R, 0x0200_5033, Funct7, "rd,rs1,rs2", CostClass.Div, "M"),
        new("rem",    Op.Rem,    Format.R, 0x0200_6033, Funct7, "rd,rs1,rs2", CostClass.Div, "M"),
        new("remu",   Op.Remu,   Format.R, 0x0200_7033, Funct7, "rd,rs1,rs2", CostClass.Div, "M"),

        // A: funct5 in insn[31:27], aq = insn[26], rl = insn[25]
        new("lr.w",      Op.LrW,      Format.Amo, 0x1000_202F, LrMask,  "rd,(rs1)",     CostClass.Atomic, "A"),
        new("sc.w",      Op.ScW,      Format.Amo, 0x1800_202F, AmoMask, "rd,rs2,(rs1)", CostClass.Atomic, "A"),
        new("amoswap.w", Op.AmoswapW, Format.Amo, 0x0800_202F, AmoMask, "rd,rs2,(rs1)", CostClass.Atomic, "A"),
        new("amoadd.w",  Op.AmoaddW,  Format.Amo, 0x0000_202F, AmoMask, "rd,rs2,(rs1)", CostClass.Atomic, "A"),
        new("amoxor.w",  Op.AmoxorW,  Format.Amo, 0x2000_202F, AmoMask, "rd,rs2,(rs1)", CostClass.Atomic, "A"),
        new("amoand.w",  Op.AmoandW,  Format.Amo, 0x6000_202F, AmoMask, "rd,rs2,(rs1)", CostClass.Atomic, "A"),
        new("amoor.w",   Op.AmoorW,   Format.Amo, 0x4000_202F, AmoMask, "rd,rs2,(rs1)", CostClass.Atomic, "A"),
        new("amomin.w",  Op.AmominW,  Format.Amo, 0x8000_202F, AmoMask, "rd,rs2,(rs1)", CostClass.Atomic, "A"),
        new("amomax.w",  Op.AmomaxW,  Format.Amo, 0xA000_202F, AmoMask, "rd,rs2,(rs1)", CostClass.Atomic, "A"),
        new("amominu.w", Op.AmominuW, Format.Amo, 0xC000_202F, AmoMask, "rd,rs2,(rs1)", CostClass.Atomic, "A"),
        new("amomaxu.w", Op.AmomaxuW, Format.Amo, 0xE000_202F, AmoMask, "rd,rs2,(rs1)", CostClass.Atomic, "A"),

        // Privileged
        new("sret",       Op.Sret,      Format.Fixed, 0x1020_0073, AllBits,     "",        CostClass.System, "Priv"),
        new("mret",       Op.Mret,      Format.Fixed, 0x3020_0073, AllBits,     "",        CostClass.System, "Priv"),
        new("wfi",        Op.Wfi,       Format.Fixed, 0x1050_0073, AllBits,     "",        CostClass.Wfi,    "Priv"),
        new("sfence.vma", Op.SfenceVma, Format.R,     0x1200_0073, 0xFE00_7FFF, "rs1,rs2", CostClass.Sfence, "Priv"),
    ];

    private static readonly InstructionDef?[] ByOp = BuildByOp();

    private static InstructionDef?[] BuildByOp()
    {
        var byOp = new InstructionDef?[Enum.GetValues<Op>().Length];
        foreach (var def in All)
            byOp[(int)def.Op] = def;
        return byOp;
    }

    /// <summary>The table entry of an operation, or null for <see cref="Op.Illegal"/>
    /// and <see cref="Op.NotDecoded"/>.</summary>
    public static InstructionDef? Of(Op op) => ByOp[(int)op];
}
