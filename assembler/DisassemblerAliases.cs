using ToyMachine.Cpu.Isa;

namespace ToyMachine.Assembler;

/// <summary>A pseudo-instruction objdump prints for an instruction of the table when some
/// of its fields have fixed values, such as <c>li rd,imm</c> for <c>addi</c> with
/// <c>rs1 = zero</c>. The encoding itself stays in cpu/Isa/Instructions.cs; an alias only
/// names the instruction (<see cref="Op"/>) and the field values it needs.</summary>
/// <param name="Op">The real instruction.</param>
/// <param name="Mnemonic">What objdump prints.</param>
/// <param name="Operands">The operands printed, in the vocabulary of
/// <see cref="InstructionDef.Operands"/>.</param>
/// <param name="When">Whether the word's fields fit the alias; null for always.</param>
internal sealed record DisassemblerAlias(Op Op, string Mnemonic, string Operands, Func<uint, bool>? When);

/// <summary>The pseudo-instructions of GNU objdump 2.40 (opcodes/riscv-opc.c, the first
/// matching entry wins, aliases on) for the instructions of the machine, in objdump's
/// order. Checked against objdump output by the golden tests in
/// tests/ToyMachine.Assembler.Tests/Golden/disasm.</summary>
internal static class DisassemblerAliases
{
    private static Func<uint, bool> Where(int? rd = null, int? rs1 = null, int? rs2 = null, int? imm = null, int? csr = null, int? fence = null) =>
        w => (rd is null || Decoder.Rd(w) == rd)
             && (rs1 is null || Decoder.Rs1(w) == rs1)
             && (rs2 is null || Decoder.Rs2(w) == rs2)
             && (imm is null || Decoder.ImmI(w) == imm)
             && (csr is null || Decoder.CsrNumber(w) == csr)
             && (fence is null || (w >> 20) == fence);   // fm | pred | succ = insn[31:20]

    private const int Zero = 0, Ra = 1;

    /// <summary>Every alias, in objdump's order within each instruction.</summary>
    public static readonly IReadOnlyList<DisassemblerAlias> All =
    [
        new(Op.Addi, "nop", "", Where(rd: Zero, rs1: Zero, imm: 0)),
        new(Op.Addi, "li", "rd,imm", Where(rs1: Zero)),
        new(Op.Addi, "mv", "rd,rs1", Where(imm: 0)),
        // objdump 2.40 lists "add rd,rs1,imm" (an alias GNU as accepts) before addi itself.
        new(Op.Addi, "add", "rd,rs1,imm", null),
        new(Op.Andi, "zext.b", "rd,rs1", Where(imm: 255)),
        new(Op.Andi, "and", "rd,rs1,imm", null),
        new(Op.Ori, "or", "rd,rs1,imm", null),
        new(Op.Xori, "not", "rd,rs1", Where(imm: -1)),
        new(Op.Xori, "xor", "rd,rs1,imm", null),
        new(Op.Sltiu, "seqz", "rd,rs1", Where(imm: 1)),
        new(Op.Slli, "sll", "rd,rs1,shamt", null),
        new(Op.Srli, "srl", "rd,rs1,shamt", null),
        new(Op.Srai, "sra", "rd,rs1,shamt", null),

        new(Op.Sub, "neg", "rd,rs2", Where(rs1: Zero)),
        new(Op.Slt, "sltz", "rd,rs1", Where(rs2: Zero)),
        new(Op.Slt, "sgtz", "rd,rs2", Where(rs1: Zero)),
        new(Op.Sltu, "snez", "rd,rs2", Where(rs1: Zero)),

        new(Op.Jalr, "ret", "", Where(rd: Zero, rs1: Ra, imm: 0)),
        new(Op.Jalr, "jr", "rs1", Where(rd: Zero, imm: 0)),
        new(Op.Jalr, "jr", "imm(rs1)", Where(rd: Zero)),
        new(Op.Jalr, "jalr", "rs1", Where(rd: Ra, imm: 0)),
        new(Op.Jalr, "jalr", "imm(rs1)", Where(rd: Ra)),
        new(Op.Jalr, "jalr", "rd,rs1", Where(imm: 0)),
        new(Op.Jal, "j", "offset", Where(rd: Zero)),
        new(Op.Jal, "jal", "offset", Where(rd: Ra)),

        new(Op.Beq, "beqz", "rs1,offset", Where(rs2: Zero)),
        new(Op.Bne, "bnez", "rs1,offset", Where(rs2: Zero)),
        new(Op.Bge, "blez", "rs2,offset", Where(rs1: Zero)),
        new(Op.Bge, "bgez", "rs1,offset", Where(rs2: Zero)),
        new(Op.Blt, "bltz", "rs1,offset", Where(rs2: Zero)),
        new(Op.Blt, "bgtz", "rs2,offset", Where(rs1: Zero)),

        // csrrw zero, cycle, zero is GNU as's unimp.
        new(Op.Csrrw, "unimp", "", Where(rd: Zero, rs1: Zero, csr: Csrs.Cycle)),
        new(Op.Csrrs, "rdcycle", "rd", Where(rs1: Zero, csr: Csrs.Cycle)),
        new(Op.Csrrs, "rdinstret", "rd", Where(rs1: Zero, csr: Csrs.Instret)),
        new(Op.Csrrs, "rdtime", "rd", Where(rs1: Zero, csr: Csrs.Time)),
        new(Op.Csrrs, "rdcycleh", "rd", Where(rs1: Zero, csr: Csrs.Cycleh)),
        new(Op.Csrrs, "rdinstreth", "rd", Where(rs1: Zero, csr: Csrs.Instreth)),
        new(Op.Csrrs, "rdtimeh", "rd", Where(rs1: Zero, csr: Csrs.Timeh)),
        new(Op.Csrrs, "csrr", "rd,csr", Where(rs1: Zero)),
        new(Op.Csrrs, "csrs", "csr,rs1", Where(rd: Zero)),
        new(Op.Csrrw, "csrw", "csr,rs1", Where(rd: Zero)),
        new(Op.Csrrc, "csrc", "csr,rs1", Where(rd: Zero)),
        // The immediate forms print under the register mnemonics, as objdump 2.40 does.
        new(Op.Csrrwi, "csrw", "csr,uimm", Where(rd: Zero)),
        new(Op.Csrrsi, "csrs", "csr,uimm", Where(rd: Zero)),
        new(Op.Csrrci, "csrc", "csr,uimm", Where(rd: Zero)),
        new(Op.Csrrwi, "csrrw", "rd,csr,uimm", null),
        new(Op.Csrrsi, "csrrs", "rd,csr,uimm", null),
        new(Op.Csrrci, "csrrc", "rd,csr,uimm", null),

        // fence iorw,iorw (fm = 0) prints without operands.
        new(Op.Fence, "fence", "", Where(fence: 0x0FF)),
        new(Op.SfenceVma, "sfence.vma", "", Where(rs1: Zero, rs2: Zero)),
        new(Op.SfenceVma, "sfence.vma", "rs1", Where(rs2: Zero)),
    ];

    private static readonly DisassemblerAlias[][] ByOp = BuildByOp();

    private static DisassemblerAlias[][] BuildByOp()
    {
        var byOp = new DisassemblerAlias[Enum.GetValues<Op>().Length][];
        foreach (var op in Enum.GetValues<Op>())
            byOp[(int)op] = All.Where(a => a.Op == op).ToArray();
        return byOp;
    }

    /// <summary>The aliases of an instruction, in the order objdump tries them.</summary>
    public static ReadOnlySpan<DisassemblerAlias> Of(Op op) => ByOp[(int)op];

    /// <summary>Whether objdump knows the word as this instruction at all. Its table is
    /// stricter than the machine's decoder in three places: fence needs rd = rs1 = 0 and
    /// fm = 0, fence.tso rd = rs1 = 0, fence.i rd = rs1 = imm = 0. Other words of those
    /// shapes run on the machine but objdump prints them as <c>.4byte</c>.</summary>
    public static bool ObjdumpKnows(Op op, uint w) => op switch
    {
        Op.Fence => Decoder.Rd(w) == 0 && Decoder.Rs1(w) == 0 && (w >> 28) == 0,   // fm = insn[31:28]
        Op.FenceTso => Decoder.Rd(w) == 0 && Decoder.Rs1(w) == 0,
        Op.FenceI => Decoder.Rd(w) == 0 && Decoder.Rs1(w) == 0 && Decoder.ImmI(w) == 0,
        _ => true,
    };
}
