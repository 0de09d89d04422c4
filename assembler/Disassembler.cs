using System.Text;
using ToyMachine.Cpu.Isa;
using Decoder = ToyMachine.Cpu.Isa.Decoder;

namespace ToyMachine.Assembler;

/// <summary>Turns instruction words into text the way GNU <c>objdump -d</c> (binutils 2.40,
/// aliases on) prints them: ABI register names, objdump's pseudo-instructions, branch
/// and jump targets as absolute addresses, hex upper immediates, shift amounts and
/// unknown CSR numbers, <c>.4byte 0x...</c> for words that are no instruction. It reads
/// the machine's one instruction table (cpu/Isa) and never spells an encoding itself;
/// the output assembles again with GNU as to the same word. See docs/disassembler.md.</summary>
public static class Disassembler
{
    internal static readonly string[] AbiNames =
    [
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
        "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
    ];

    // objdump's riscv_pred_succ: the i, o, r, w bits of a fence set; an empty set prints "unknown".
    private static readonly string[] FenceSets =
    [
        "unknown", "w", "r", "rw", "o", "ow", "or", "orw", "i", "iw", "ir", "irw", "io", "iow", "ior", "iorw",
    ];

    /// <summary>The text of one 32-bit word at <paramref name="pc"/>, as objdump prints it
    /// for a file without symbols: mnemonic, a tab, the operands, such as
    /// <c>"beqz\ta0,0x80000010"</c> or <c>"li\ta0,0"</c>. A word whose low bits say it is a
    /// 16-bit instruction gives <c>.2byte</c> of its low half (there is no C extension).</summary>
    public static string Disassemble(uint word, uint pc)
    {
        var text = new StringBuilder(32);
        var context = new DisassemblerContext(null);
        if (InstructionLength((ushort)word) == 2)
            text.Append(".2byte\t0x").Append((word & 0xFFFF).ToString("x"));
        else
            AppendInstruction(text, word, pc, context);
        return text.ToString();
    }

    /// <summary>The length objdump gives an instruction from its first halfword
    /// (riscv_insn_length): 2 unless insn[1:0] = 11, 4 unless insn[4:2] = 111, then 6, 8,
    /// or 10 + 2 * insn[14:12] for the reserved longer formats.</summary>
    internal static int InstructionLength(ushort first)
    {
        if ((first & 0b11) != 0b11) return 2;
        if ((first & 0x1F) != 0x1F) return 4;
        if ((first & 0x3F) == 0x1F) return 6;
        if ((first & 0x7F) == 0x3F) return 8;
        if ((first & 0x7F) == 0x7F && (first & 0x7000) != 0x7000) return 10 + ((first >> 11) & 0xE);
        return 2;
    }

    /// <summary>Appends the text of a 32-bit instruction word, updating the address
    /// tracking of <paramref name="context"/> (lui/auipc followed by an addi, load, store
    /// or jalr on the same register gets a <c># address &lt;symbol&gt;</c> comment).</summary>
    internal static void AppendInstruction(StringBuilder text, uint word, uint pc, DisassemblerContext context)
    {
        var def = Decoder.Find(word);
        bool wideShamt = false;
        if (def is null && (word & (1u << 25)) != 0)
        {
            // objdump prints RV32 shifts by 32..63 (shamt[5] = insn[25] set, illegal on
            // RV32) with the 6-bit shift amount, as on RV64.
            var shift = Decoder.Find(word & ~(1u << 25));
            if (shift is { Format: Format.Shift }) { def = shift; wideShamt = true; }
        }
        if (def is null || !DisassemblerAliases.ObjdumpKnows(def.Op, word))
        {
            text.Append(".4byte\t0x").Append(word.ToString("x"));
            return;
        }

        string mnemonic = def.Mnemonic, operands = def.Operands;
        foreach (var alias in DisassemblerAliases.Of(def.Op))
        {
            if (alias.When is null || alias.When(word))
            {
                mnemonic = alias.Mnemonic;
                operands = alias.Operands;
                break;
            }
        }
        text.Append(mnemonic);
        if (def.Format == Format.Amo)
            text.Append(((word >> 25) & 0b11) switch { 0b10 => ".aq", 0b01 => ".rl", 0b11 => ".aqrl", _ => "" });   // aq = insn[26], rl = insn[25]

        if (operands.Length > 0) text.Append('\t');
        foreach (var part in operands.Split(','))
            if (part.Length > 0)
            {
                if (text[^1] != '\t') text.Append(',');
                AppendOperand(text, part, def, word, pc, context, wideShamt);
            }

        if (context.ToPrintAddress)
        {
            text.Append(" # ");
            context.AppendAddress(text, context.PrintAddress);
            context.ToPrintAddress = false;
        }
    }

    // CSRs that privileged spec 1.12 added: objdump prints them as numbers in a file whose
    // attributes record an older privileged spec (GNU as 2.40 records 1.11 by default).
    private static bool AddedInPriv112(uint csr) =>
        csr is Csrs.Menvcfg or Csrs.Menvcfgh or Csrs.Mstatush
        || (csr >= Csrs.Pmpcfg0 + 4 && csr < Csrs.Pmpcfg0 + Csrs.PmpcfgCount)
        || (csr >= Csrs.Pmpaddr0 + 16 && csr < Csrs.Pmpaddr0 + Csrs.PmpaddrCount);

    private static void AppendOperand(StringBuilder text, string operand, InstructionDef def, uint w, uint pc,
        DisassemblerContext context, bool wideShamt)
    {
        bool isJalr = def.Op == Op.Jalr;
        switch (operand)
        {
            case "rd":
                // objdump remembers the upper part a lui or auipc leaves in rd.
                if (def.Op == Op.Auipc) context.SetHigh(Decoder.Rd(w), pc + (uint)Decoder.ImmU(w));
                else if (def.Op == Op.Lui) context.SetHigh(Decoder.Rd(w), (uint)Decoder.ImmU(w));
                text.Append(AbiNames[Decoder.Rd(w)]);
                break;
            case "rs1":
                if (isJalr) context.MaybePrintAddress(Decoder.Rs1(w), Decoder.ImmI(w));
                text.Append(AbiNames[Decoder.Rs1(w)]);
                break;
            case "rs2":
                text.Append(AbiNames[Decoder.Rs2(w)]);
                break;
            case "imm" when def.Format == Format.U:
                text.Append("0x").Append((w >> 12).ToString("x"));    // imm[31:12], unsigned hex
                break;
            case "imm":
                if ((def.Op == Op.Addi && Decoder.Rs1(w) != 0) || isJalr)
                    context.MaybePrintAddress(Decoder.Rs1(w), Decoder.ImmI(w));
                text.Append(Decoder.ImmI(w));
                break;
            case "imm(rs1)" when def.Format == Format.S:
                context.MaybePrintAddress(Decoder.Rs1(w), Decoder.ImmS(w));
                text.Append(Decoder.ImmS(w)).Append('(');
                AppendOperand(text, "rs1", def, w, pc, context, wideShamt);
                text.Append(')');
                break;
            case "imm(rs1)":
                context.MaybePrintAddress(Decoder.Rs1(w), Decoder.ImmI(w));
                AppendOperand(text, "imm", def, w, pc, context, wideShamt);
                text.Append('(');
                AppendOperand(text, "rs1", def, w, pc, context, wideShamt);
                text.Append(')');
                break;
            case "(rs1)":
                text.Append('(').Append(AbiNames[Decoder.Rs1(w)]).Append(')');
                break;
            case "offset":
                context.AppendAddress(text, pc + (uint)(def.Format == Format.J ? Decoder.ImmJ(w) : Decoder.ImmB(w)));
                break;
            case "shamt":
                text.Append("0x").Append(((w >> 20) & (wideShamt ? 0x3Fu : 0x1Fu)).ToString("x"));   // shamt = insn[25:20]
                break;
            case "csr":
                uint csr = (uint)Decoder.CsrNumber(w);
                string? name = context.CsrNamesBefore112 && AddedInPriv112(csr) ? null : Csrs.NameOf(csr);
                text.Append(name ?? "0x" + csr.ToString("x"));
                break;
            case "uimm":
                text.Append(Decoder.Rs1(w));                                // uimm[4:0] = insn[19:15]
                break;
            case "pred":
                text.Append(FenceSets[(w >> 24) & 0xF]);                     // pred = insn[27:24]
                break;
            case "succ":
                text.Append(FenceSets[(w >> 20) & 0xF]);                     // succ = insn[23:20]
                break;
            default:
                throw new InvalidOperationException($"operand '{operand}' of {def.Mnemonic} has no printed form");
        }
    }
}

/// <summary>What objdump keeps while it disassembles one file: the upper parts lui and
/// auipc left in registers (riscv-dis.c's hi_addr, kept until a use consumes it, even
/// across other writes of the register, as objdump 2.40 does), the value of
/// <c>__global_pointer$</c>, and how to print an address.</summary>
internal sealed class DisassemblerContext
{
    private readonly long[] _high = new long[32];
    private readonly DisassemblerSymbols? _symbols;

    public DisassemblerContext(DisassemblerSymbols? symbols, ElfSectionHeader? section = null)
    {
        Array.Fill(_high, -1);
        _symbols = symbols;
        Section = section;
        if (symbols?.GlobalPointer is uint gp) { Gp = gp; HasGp = true; }
    }

    /// <summary>Whether the file records a privileged spec older than 1.12, so that the
    /// CSRs 1.12 added print as numbers, as objdump does.</summary>
    public bool CsrNamesBefore112 { get; init; }

    /// <summary>The section being disassembled (for symbol lookup), null for flat input.</summary>
    public ElfSectionHeader? Section { get; set; }
    public uint Gp { get; }
    public bool HasGp { get; }
    public uint PrintAddress { get; private set; }
    public bool ToPrintAddress { get; set; }

    public void SetHigh(int reg, uint value) => _high[reg] = value;

    /// <summary>riscv-dis.c maybe_print_address: an address formed from a remembered upper
    /// part, gp, tp or zero plus an offset is printed as a comment after the instruction.</summary>
    public void MaybePrintAddress(int baseReg, int offset)
    {
        const int Gp = 3, Tp = 4;
        if (_high[baseReg] != -1)
        {
            PrintAddress = (baseReg != 0 ? (uint)_high[baseReg] : 0) + (uint)offset;
            _high[baseReg] = -1;
        }
        else if (baseReg == Gp && HasGp) PrintAddress = this.Gp + (uint)offset;
        else if (baseReg == Tp || baseReg == 0) PrintAddress = (uint)offset;
        else return;
        ToPrintAddress = true;
    }

    /// <summary>objdump_print_address: <c>80000010 &lt;loop+0x4&gt;</c> when the file has
    /// symbols, <c>0x80000010</c> when it has none.</summary>
    public void AppendAddress(StringBuilder text, uint address)
    {
        if (_symbols is null || _symbols.Count == 0)
        {
            text.Append("0x").Append(address.ToString("x"));
            return;
        }
        var symbol = _symbols.Find(address, Section, requireSection: false, out _);
        _symbols.AppendAddressWithSymbol(text, Section, symbol, address, skipZeroes: true);
    }
}
