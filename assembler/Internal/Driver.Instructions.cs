using System.Runtime.CompilerServices;
using ToyMachine.Cpu.Isa;

namespace ToyMachine.Assembler.Internal;

internal enum Shape : byte { U, J, Jalr, Load, Store, B, I, Shift, R, None, Fence, Csr, CsrI, Lr, Amo, Sfence }

internal enum Pseudo : byte
{
    None, Nop, Li, La, Lla, Mv, Not, Neg, Seqz, Snez, Sltz, Sgtz,
    Beqz, Bnez, Blez, Bgez, Bltz, Bgtz, Bgt, Ble, Bgtu, Bleu,
    J, Jr, Ret, Call, Tail, Csrr, Csrw, Csrs, Csrc, Csrwi, Csrsi, Csrci, ReadCounter, Unimp,
    ZextB, Jump, SextB, SextH, ZextH, Sgt, Sgtu,
}

/// <summary>What a mnemonic means: a table instruction (with the shape of its operands)
/// or a pseudo-instruction.</summary>
internal sealed class Mnemonic
{
    public InstructionDef? Def;
    public Shape Shape;
    public Pseudo Pseudo;
    public uint Extra;     // aq/rl bits, or the CSR of rdcycle and friends
}

internal sealed partial class Driver
{
    private static readonly Dictionary<string, Mnemonic> Mnemonics = BuildMnemonics();
    private static readonly Dictionary<string, Mnemonic>.AlternateLookup<ReadOnlySpan<char>> MnemonicLookup =
        Mnemonics.GetAlternateLookup<ReadOnlySpan<char>>();
    private static readonly Dictionary<string, int> Registers = BuildRegisters();
    private static readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> RegisterLookup =
        Registers.GetAlternateLookup<ReadOnlySpan<char>>();

    private static uint M(Op op) => Instructions.Of(op)!.Match;

    private static Dictionary<string, Mnemonic> BuildMnemonics()
    {
        var d = new Dictionary<string, Mnemonic>(StringComparer.Ordinal);
        foreach (var def in Instructions.All)
        {
            Shape shape = def.Operands switch
            {
                "rd,imm" => Shape.U,
                "rd,offset" => Shape.J,
                "rd,imm(rs1)" => def.Op == Op.Jalr ? Shape.Jalr : Shape.Load,
                "rs2,imm(rs1)" => Shape.Store,
                "rs1,rs2,offset" => Shape.B,
                "rd,rs1,imm" => Shape.I,
                "rd,rs1,shamt" => Shape.Shift,
                "rd,rs1,rs2" => Shape.R,
                "" => Shape.None,
                "pred,succ" => Shape.Fence,
                "rd,csr,rs1" => Shape.Csr,
                "rd,csr,uimm" => Shape.CsrI,
                "rd,(rs1)" => Shape.Lr,
                "rd,rs2,(rs1)" => Shape.Amo,
                "rs1,rs2" => Shape.Sfence,
                _ => throw new InvalidOperationException($"operand syntax '{def.Operands}' of {def.Mnemonic} is not known to the assembler"),
            };
            d[def.Mnemonic] = new Mnemonic { Def = def, Shape = shape };
            if (def.Format == Format.Amo)
            {
                d[def.Mnemonic + ".aq"] = new Mnemonic { Def = def, Shape = shape, Extra = 1u << 26 };
                d[def.Mnemonic + ".rl"] = new Mnemonic { Def = def, Shape = shape, Extra = 1u << 25 };
                d[def.Mnemonic + ".aqrl"] = new Mnemonic { Def = def, Shape = shape, Extra = 3u << 25 };
            }
        }
        void P(string name, Pseudo p, uint extra = 0) => d[name] = new Mnemonic { Pseudo = p, Extra = extra };
        P("nop", Pseudo.Nop); P("li", Pseudo.Li); P("la", Pseudo.La); P("lla", Pseudo.Lla);
        P("mv", Pseudo.Mv); P("not", Pseudo.Not); P("neg", Pseudo.Neg);
        P("seqz", Pseudo.Seqz); P("snez", Pseudo.Snez); P("sltz", Pseudo.Sltz); P("sgtz", Pseudo.Sgtz);
        P("beqz", Pseudo.Beqz); P("bnez", Pseudo.Bnez); P("blez", Pseudo.Blez); P("bgez", Pseudo.Bgez);
        P("bltz", Pseudo.Bltz); P("bgtz", Pseudo.Bgtz); P("bgt", Pseudo.Bgt); P("ble", Pseudo.Ble);
        P("bgtu", Pseudo.Bgtu); P("bleu", Pseudo.Bleu);
        P("j", Pseudo.J); P("jr", Pseudo.Jr); P("ret", Pseudo.Ret); P("call", Pseudo.Call); P("tail", Pseudo.Tail);
        P("csrr", Pseudo.Csrr); P("csrw", Pseudo.Csrw); P("csrs", Pseudo.Csrs); P("csrc", Pseudo.Csrc);
        P("csrwi", Pseudo.Csrwi); P("csrsi", Pseudo.Csrsi); P("csrci", Pseudo.Csrci);
        P("rdcycle", Pseudo.ReadCounter, Csrs.Cycle); P("rdcycleh", Pseudo.ReadCounter, Csrs.Cycleh);
        P("rdtime", Pseudo.ReadCounter, Csrs.Time); P("rdtimeh", Pseudo.ReadCounter, Csrs.Timeh);
        P("rdinstret", Pseudo.ReadCounter, Csrs.Instret); P("rdinstreth", Pseudo.ReadCounter, Csrs.Instreth);
        P("unimp", Pseudo.Unimp);
        P("zext.b", Pseudo.ZextB);
        P("jump", Pseudo.Jump);
        P("sgt", Pseudo.Sgt); P("sgtu", Pseudo.Sgtu);
        P("sext.b", Pseudo.SextB); P("sext.h", Pseudo.SextH); P("zext.h", Pseudo.ZextH);
        d["scall"] = d["ecall"];
        d["sbreak"] = d["ebreak"];
        return d;
    }

    private static Dictionary<string, int> BuildRegisters()
    {
        var r = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < 32; i++) r["x" + i] = i;
        string[] abi = ["zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1",
            "a0", "a1", "a2", "a3", "a4", "a5", "a6", "a7",
            "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6"];
        for (int i = 0; i < 32; i++) r[abi[i]] = i;
        r["fp"] = 8;
        return r;
    }

    /// <summary>The ABI name of a register (for messages).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int RegisterNumber(ReadOnlySpan<char> name) => RegisterLookup.TryGetValue(name, out int n) ? n : -1;

    // ---------------------------------------------------------------- operands

    private struct Span2
    {
        public int S, E;
    }

    private static readonly System.Buffers.SearchValues<char> IdentChars =
        System.Buffers.SearchValues.Create("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.$");

    private Span2[] _ops = new Span2[8];
    private int _opCount;
    private string _t = "";

    /// <summary>Splits the operand text at top-level commas.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool SplitOperands(string t, int p, int e)
    {
        _t = t;
        _opCount = 0;
        p = SkipWs(t, p, e);
        e = TrimEnd(t, p, e);
        if (p >= e) return true;
        int s = p, depth = 0;
        for (int i = p; i <= e; i++)
        {
            char c = i < e ? t[i] : ',';
            if (c == '(') depth++;
            else if (c == ')') depth--;
            else if (c == '\'' && i + 1 < e) { i++; if (t[i] == '\\' && i + 1 < e) i++; }
            else if (c == '"')
            {
                i++;
                while (i < e && t[i] != '"') { if (t[i] == '\\') i++; i++; }
            }
            else if (c == ',' && depth <= 0)
            {
                if (_opCount == _ops.Length) { Error(At(i), "too many operands"); return false; }
                int os = SkipWs(t, s, i), oe = TrimEnd(t, os, i);
                if (os >= oe) { Error(At(Math.Min(i, e)), "missing operand"); return false; }
                _ops[_opCount++] = new Span2 { S = os, E = oe };
                s = i + 1;
            }
        }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private ReadOnlySpan<char> OpText(int i) => _t.AsSpan(_ops[i].S, _ops[i].E - _ops[i].S);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Loc OpLoc(int i) => At(_ops[i].S);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Reg(int i)
    {
        int r = RegisterNumber(OpText(i));
        if (r < 0) Error(OpLoc(i), $"expected a register, found '{OpText(i).ToString()}'");
        return r;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool IsReg(int i) => RegisterNumber(OpText(i)) >= 0;

    /// <summary>A plain decimal or 0x number with an optional '-', the common operand,
    /// read without the expression parser.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryPlainNumber(string t, int s, int e, out long value)
    {
        value = 0;
        bool neg = s < e && t[s] == '-';
        if (neg) s++;
        int n = e - s;
        if (n <= 0 || n > 17) return false;
        long v = 0;
        if (n > 2 && t[s] == '0' && (t[s + 1] | 0x20) == 'x')
        {
            for (int k = s + 2; k < e; k++)
            {
                char c = t[k];
                int d = c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;
                if ((uint)d > 15 || (c > '9' && (c | 0x20) < 'a')) return false;
                v = v << 4 | (long)d;
            }
        }
        else
        {
            if (t[s] == '0' && n > 1) return false; // octal, or 0b..: the full parser
            for (int k = s; k < e; k++)
            {
                uint d = (uint)(t[k] - '0');
                if (d > 9) return false;
                v = v * 10 + d;
            }
        }
        value = neg ? -v : v;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Expr? OpExpr(int i, out Modifier mod)
    {
        if (TryPlainNumber(_t, _ops[i].S, _ops[i].E, out long plain))
        {
            mod = Modifier.None;
            return new NumExpr(plain, At(_ops[i].S));
        }
        int p = _ops[i].S;
        var expr = ParseModExpr(_t, ref p, _ops[i].E, out mod);
        if (expr is null) return null;
        p = SkipWs(_t, p, _ops[i].E);
        if (p < _ops[i].E) { Error(At(p), $"junk after expression: '{Snippet(_t, p, _ops[i].E)}'"); return null; }
        return expr;
    }

    /// <summary>A base+displacement operand <c>imm(reg)</c>, <c>(reg)</c> or <c>%lo(x)(reg)</c>.
    /// Returns false (without error) when the operand has no trailing register.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool TryMem(int i, out Expr? disp, out Modifier mod, out int reg, out bool failed)
    {
        disp = null; mod = Modifier.None; reg = -1; failed = false;
        int s = _ops[i].S, e = _ops[i].E;
        if (e <= s || _t[e - 1] != ')') return false;
        int open = _t.LastIndexOf('(', e - 1, e - s);
        if (open < 0) return false;
        var inner = _t.AsSpan(open + 1, e - 1 - open - 1).Trim();
        reg = RegisterNumber(inner);
        if (reg < 0)
        {
            // "4(a9)": a base that looks like a register name but is none.
            if (inner.Length > 0 && char.IsAsciiLetter(inner[0]) && !inner.ContainsAnyExcept(IdentChars) && open > s && _t[open - 1] != '%'
                && !_symLookup.TryGetValue(inner, out _))
            {
                Error(At(open + 1), $"'{inner.ToString()}' is not a register");
                failed = true;
                return true;
            }
            return false;
        }
        int de = TrimEnd(_t, s, open);
        if (de <= s) { disp = new NumExpr(0, At(s)); return true; }
        if (TryPlainNumber(_t, s, de, out long plain)) { disp = new NumExpr(plain, At(s)); return true; }
        int p = s;
        disp = ParseModExpr(_t, ref p, de, out mod);
        if (disp is null) { failed = true; return true; }
        p = SkipWs(_t, p, de);
        if (p < de) { Error(At(p), $"junk in memory operand: '{Snippet(_t, p, de)}'"); failed = true; }
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private bool Count(int n, string syntax, int at)
    {
        if (_opCount == n) return true;
        Error(At(at), $"wrong number of operands: expected '{syntax}'");
        return false;
    }

    // ---------------------------------------------------------------- emitting

    /// <summary>Appends a finished instruction word. Consecutive finished words share one
    /// byte chunk (an item), so the common case allocates nothing per line.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Emit(uint word, Loc loc)
    {
        var c = OpenChunk(loc, 4);
        var b = c.Bytes!;
        int o = c.Size;
        b[o] = (byte)word; b[o + 1] = (byte)(word >> 8); b[o + 2] = (byte)(word >> 16); b[o + 3] = (byte)(word >> 24);
        c.Size = o + 4;
        _sec.Size += 4;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Item EmitFix(uint word, Fix fix, Expr expr, Loc loc)
    {
        var item = NewItem(ItemKind.Insn, 4, loc);
        item.Word = word;
        item.Fix = fix;
        item.Expr = expr;
        return item;
    }

    /// <summary>An I-type immediate operand (plain value, %lo or %pcrel_lo).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EmitI(uint word, int opIndex, Expr? expr, Modifier mod, Loc loc, bool store)
    {
        if (expr is null) return;
        var at = expr.Loc;
        switch (mod)
        {
            case Modifier.None:
                if (expr is NumExpr n)
                {
                    if (n.Value < -2048 || n.Value > 2047) { Error(at, $"immediate {n.Value} out of range -2048..2047"); return; }
                    Emit(word | (store ? Encoder.ImmS((int)n.Value) : Encoder.ImmI((int)n.Value)), loc);
                    return;
                }
                EmitFix(word, store ? Fix.ImmS : Fix.ImmI, expr, loc);
                return;
            case Modifier.Lo:
                if (expr is NumExpr lo)
                {
                    int v = LoPart(lo.Value);
                    Emit(word | (store ? Encoder.ImmS(v) : Encoder.ImmI(v)), loc);
                    return;
                }
                EmitFix(word, store ? Fix.LoS : Fix.LoI, expr, loc);
                return;
            case Modifier.PcrelLo:
                EmitFix(word, store ? Fix.PcrelLoS : Fix.PcrelLoI, expr, loc);
                return;
            default:
                Error(at, mod == Modifier.Hi ? "%hi is for lui (use %lo here)" : "%pcrel_hi is for auipc (use %pcrel_lo here)");
                return;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int LoPart(long v) => (int)(((v & 0xFFF) ^ 0x800) - 0x800);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int HiPart(long v) => (int)(((v + 0x800) >> 12) & 0xFFFFF);

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EmitBranch(uint word, Expr? target, Loc loc)
    {
        if (target is null) return;
        var item = NewItem(ItemKind.Branch, 4, loc);
        item.Word = word;
        item.Expr = target;
        item.Fix = Fix.Branch;
        _sec.VarCount++;
    }

    /// <summary>auipc rd, %pcrel_hi(target) followed by an instruction taking %pcrel_lo of it.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EmitPcrelPair(int hiReg, Expr target, uint loWord, bool store, Loc loc)
    {
        var hi = EmitFix(M(Op.Auipc) | Encoder.Rd(hiReg), Fix.PcrelHiU, target, loc);
        var lo = EmitFix(loWord, store ? Fix.PairLoS : Fix.PairLoI, target, loc);
        lo.Hi = hi;
    }

    // ---------------------------------------------------------------- instructions

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Instruction(ReadOnlySpan<char> name, string t, int p, int e, int at)
    {
        if (!MnemonicLookup.TryGetValue(name, out var m))
        {
            Error(At(at), $"unknown instruction '{name.ToString()}'");
            return;
        }
        if (!SplitOperands(t, p, e)) return;
        var loc = At(at);
        if (_sec.NoBits) { Error(loc, $"instruction in section '{_sec.Name}', which has no contents"); return; }
        if (m.Def is { } def) { RealInstruction(def, m, loc, at); return; }
        PseudoInstruction(m, loc, at);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RealInstruction(InstructionDef def, Mnemonic m, Loc loc, int at)
    {
        uint w = def.Match | m.Extra;
        switch (m.Shape)
        {
            case Shape.R:
            {
                if (!Count(3, "rd, rs1, rs2", at)) return;
                int rd = Reg(0), rs1 = Reg(1);
                if (!IsReg(2))
                {
                    // add/and/or/... with an immediate: GNU as takes it as addi/andi/ori/...
                    var alt = ImmediateForm(def.Op);
                    if (alt is not null && rd >= 0 && rs1 >= 0)
                    {
                        var ex = OpExpr(2, out var mod);
                        if (alt.Format == Format.Shift) { EmitShift(alt.Match | Encoder.Rd(rd) | Encoder.Rs1(rs1), ex, loc); return; }
                        EmitI(alt.Match | Encoder.Rd(rd) | Encoder.Rs1(rs1), 2, ex, mod, loc, store: false);
                        return;
                    }
                }
                int rs2 = Reg(2);
                if (rd < 0 || rs1 < 0 || rs2 < 0) return;
                Emit(w | Encoder.Rd(rd) | Encoder.Rs1(rs1) | Encoder.Rs2(rs2), loc);
                return;
            }
            case Shape.I:
            {
                if (!Count(3, "rd, rs1, imm", at)) return;
                int rd = Reg(0), rs1 = Reg(1);
                if (rd < 0 || rs1 < 0) return;
                var ex = OpExpr(2, out var mod);
                EmitI(w | Encoder.Rd(rd) | Encoder.Rs1(rs1), 2, ex, mod, loc, store: false);
                return;
            }
            case Shape.Shift:
            {
                if (!Count(3, "rd, rs1, shamt", at)) return;
                int rd = Reg(0), rs1 = Reg(1);
                if (rd < 0 || rs1 < 0) return;
                EmitShift(w | Encoder.Rd(rd) | Encoder.Rs1(rs1), OpExpr(2, out _), loc);
                return;
            }
            case Shape.U:
            {
                if (!Count(2, "rd, imm", at)) return;
                int rd = Reg(0);
                if (rd < 0) return;
                var ex = OpExpr(1, out var mod);
                if (ex is null) return;
                w |= Encoder.Rd(rd);
                switch (mod)
                {
                    case Modifier.None:
                        if (ex is NumExpr n)
                        {
                            if (n.Value < 0 || n.Value > 0xFFFFF) { Error(ex.Loc, $"{def.Mnemonic} immediate {n.Value} out of range 0..1048575"); return; }
                            Emit(w | Encoder.ImmU((int)n.Value), loc);
                        }
                        else EmitFix(w, Fix.ImmU, ex, loc);
                        return;
                    case Modifier.Hi:
                        if (ex is NumExpr h) Emit(w | Encoder.ImmU(HiPart(h.Value)), loc);
                        else EmitFix(w, Fix.HiU, ex, loc);
                        return;
                    case Modifier.PcrelHi:
                        if (def.Op != Op.Auipc) { Error(ex.Loc, "%pcrel_hi is for auipc"); return; }
                        EmitFix(w, Fix.PcrelHiU, ex, loc);
                        return;
                    default:
                        Error(ex.Loc, $"%lo/%pcrel_lo cannot be used with {def.Mnemonic}");
                        return;
                }
            }
            case Shape.J:
            {
                // jal offset | jal rd, offset
                int rd = 1, ti = 0;
                if (_opCount == 2) { rd = Reg(0); ti = 1; if (rd < 0) return; }
                else if (!Count(1, "rd, offset", at)) return;
                var ex = OpExpr(ti, out var mod);
                if (ex is null) return;
                if (mod != Modifier.None) { Error(ex.Loc, "jal takes a plain target"); return; }
                EmitFix(w | Encoder.Rd(rd), Fix.Jal, ex, loc);
                return;
            }
            case Shape.Jalr:
                Jalr(w, loc, at);
                return;
            case Shape.Load:
            {
                if (!Count(2, "rd, imm(rs1)", at)) return;
                int rd = Reg(0);
                if (rd < 0) return;
                if (TryMem(1, out var disp, out var mod, out int rs1, out bool failed))
                {
                    if (failed) return;
                    EmitI(w | Encoder.Rd(rd) | Encoder.Rs1(rs1), 1, disp, mod, loc, store: false);
                    return;
                }
                // lw rd, symbol: auipc rd, %pcrel_hi(symbol); lw rd, %pcrel_lo(symbol)(rd)
                var ex = OpExpr(1, out var m2);
                if (ex is null) return;
                if (m2 != Modifier.None) { Error(ex.Loc, "expected imm(rs1) or a symbol"); return; }
                EmitPcrelPair(rd, ex, w | Encoder.Rd(rd) | Encoder.Rs1(rd), store: false, loc);
                return;
            }
            case Shape.Store:
            {
                if (_opCount == 3)
                {
                    // sw rs2, symbol, rt: auipc rt, %pcrel_hi(symbol); sw rs2, %pcrel_lo(symbol)(rt)
                    int src = Reg(0), tmp = Reg(2);
                    if (src < 0 || tmp < 0) return;
                    var sym = OpExpr(1, out var ms);
                    if (sym is null) return;
                    if (ms != Modifier.None) { Error(sym.Loc, "expected a symbol"); return; }
                    EmitPcrelPair(tmp, sym, w | Encoder.Rs2(src) | Encoder.Rs1(tmp), store: true, loc);
                    return;
                }
                if (!Count(2, "rs2, imm(rs1)", at)) return;
                int rs2 = Reg(0);
                if (rs2 < 0) return;
                if (TryMem(1, out var disp, out var mod, out int rs1, out bool failed))
                {
                    if (failed) return;
                    EmitI(w | Encoder.Rs2(rs2) | Encoder.Rs1(rs1), 1, disp, mod, loc, store: true);
                    return;
                }
                Error(OpLoc(1), "expected imm(rs1); a store to a symbol needs a temporary register: sw rs2, symbol, rt");
                return;
            }
            case Shape.B:
            {
                if (!Count(3, "rs1, rs2, offset", at)) return;
                int rs1 = Reg(0), rs2 = Reg(1);
                if (rs1 < 0 || rs2 < 0) return;
                var ex = OpExpr(2, out var mod);
                if (ex is not null && mod != Modifier.None) { Error(ex.Loc, "a branch takes a plain target"); return; }
                EmitBranch(w | Encoder.Rs1(rs1) | Encoder.Rs2(rs2), ex, loc);
                return;
            }
            case Shape.None:
                if (!Count(0, def.Mnemonic, at)) return;
                Emit(w, loc);
                return;
            case Shape.Fence:
            {
                if (_opCount == 0) { Emit(w | 0xF_F0_0000u, loc); return; }
                if (!Count(2, "pred, succ", at)) return;
                int pred = FenceSet(0), succ = FenceSet(1);
                if (pred < 0 || succ < 0) return;
                Emit(w | (uint)pred << 24 | (uint)succ << 20, loc);
                return;
            }
            case Shape.Csr:
            {
                if (!Count(3, "rd, csr, rs1", at)) return;
                int rd = Reg(0);
                int csr = CsrOperand(1);
                if (!IsReg(2) && ImmediateCsrForm(def.Op) is { } alt)
                {
                    // csrrw rd, csr, imm is taken as csrrwi, as GNU as does.
                    int u = Uimm5(2);
                    if (rd < 0 || csr < 0 || u < 0) return;
                    Emit(alt.Match | Encoder.Rd(rd) | Encoder.Csr(csr) | Encoder.Rs1(u), loc);
                    return;
                }
                int rs1 = Reg(2);
                if (rd < 0 || csr < 0 || rs1 < 0) return;
                Emit(w | Encoder.Rd(rd) | Encoder.Csr(csr) | Encoder.Rs1(rs1), loc);
                return;
            }
            case Shape.CsrI:
            {
                if (!Count(3, "rd, csr, uimm", at)) return;
                int rd = Reg(0);
                int csr = CsrOperand(1);
                int u = Uimm5(2);
                if (rd < 0 || csr < 0 || u < 0) return;
                Emit(w | Encoder.Rd(rd) | Encoder.Csr(csr) | Encoder.Rs1(u), loc);
                return;
            }
            case Shape.Lr:
            {
                if (!Count(2, "rd, (rs1)", at)) return;
                int rd = Reg(0);
                int rs1 = AmoAddress(1);
                if (rd < 0 || rs1 < 0) return;
                Emit(w | Encoder.Rd(rd) | Encoder.Rs1(rs1), loc);
                return;
            }
            case Shape.Amo:
            {
                if (!Count(3, "rd, rs2, (rs1)", at)) return;
                int rd = Reg(0), rs2 = Reg(1);
                int rs1 = AmoAddress(2);
                if (rd < 0 || rs2 < 0 || rs1 < 0) return;
                Emit(w | Encoder.Rd(rd) | Encoder.Rs1(rs1) | Encoder.Rs2(rs2), loc);
                return;
            }
            case Shape.Sfence:
            {
                int rs1 = 0, rs2 = 0;
                if (_opCount >= 1) rs1 = Reg(0);
                if (_opCount >= 2) rs2 = Reg(1);
                if (_opCount > 2) { Error(At(at), "wrong number of operands: expected 'sfence.vma [rs1[, rs2]]'"); return; }
                if (rs1 < 0 || rs2 < 0) return;
                Emit(w | Encoder.Rs1(rs1) | Encoder.Rs2(rs2), loc);
                return;
            }
        }
    }

    private static InstructionDef? ImmediateForm(Op op) => op switch
    {
        Op.Add => Instructions.Of(Op.Addi),
        Op.And => Instructions.Of(Op.Andi),
        Op.Or => Instructions.Of(Op.Ori),
        Op.Xor => Instructions.Of(Op.Xori),
        Op.Slt => Instructions.Of(Op.Slti),
        Op.Sltu => Instructions.Of(Op.Sltiu),
        Op.Sll => Instructions.Of(Op.Slli),
        Op.Srl => Instructions.Of(Op.Srli),
        Op.Sra => Instructions.Of(Op.Srai),
        _ => null,
    };

    private static InstructionDef? ImmediateCsrForm(Op op) => op switch
    {
        Op.Csrrw => Instructions.Of(Op.Csrrwi),
        Op.Csrrs => Instructions.Of(Op.Csrrsi),
        Op.Csrrc => Instructions.Of(Op.Csrrci),
        _ => null,
    };

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EmitShift(uint w, Expr? ex, Loc loc)
    {
        if (ex is null) return;
        var v = AbsoluteValue(ex, ex.Loc);
        if (v is null) return;
        if (v < 0 || v > 31) { Error(ex.Loc, $"shift amount {v} out of range 0..31"); return; }
        Emit(w | (uint)v.Value << 20, loc);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Jalr(uint w, Loc loc, int at)
    {
        // jalr rs | jalr imm(rs) | jalr rd, rs | jalr rd, imm(rs) | jalr rd, rs, imm
        int rd, rs1;
        Expr? imm = null;
        Modifier mod = Modifier.None;
        if (_opCount == 1)
        {
            rd = 1;
            if (TryMem(0, out imm, out mod, out rs1, out bool failed)) { if (failed) return; }
            else rs1 = Reg(0);
        }
        else if (_opCount == 2)
        {
            rd = Reg(0);
            if (TryMem(1, out imm, out mod, out rs1, out bool failed)) { if (failed) return; }
            else rs1 = Reg(1);
        }
        else if (_opCount == 3)
        {
            rd = Reg(0);
            rs1 = Reg(1);
            imm = OpExpr(2, out mod);
            if (imm is null) return;
        }
        else { Error(At(at), "wrong number of operands: expected 'rd, imm(rs1)'"); return; }
        if (rd < 0 || rs1 < 0) return;
        EmitI(w | Encoder.Rd(rd) | Encoder.Rs1(rs1), 0, imm ?? new NumExpr(0, loc), mod, loc, store: false);
    }

    private int FenceSet(int i)
    {
        var s = OpText(i);
        if (s is "0") return 0;
        int bits = 0;
        foreach (char c in s)
        {
            int b = c switch { 'i' => 8, 'o' => 4, 'r' => 2, 'w' => 1, _ => -1 };
            if (b < 0 || (bits & b) != 0 || (bits != 0 && b > LowestBit(bits)))
            {
                Error(OpLoc(i), $"bad fence operand '{s.ToString()}' (a subset of 'iorw', in that order)");
                return -1;
            }
            bits |= b;
        }
        if (bits == 0) { Error(OpLoc(i), "missing fence operand"); return -1; }
        return bits;
    }

    private static int LowestBit(int bits) => bits & -bits;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CsrOperand(int i)
    {
        var s = OpText(i);
        if (Csrs.TryGetNumber(s.ToString(), out ushort n)) return n;
        if (RegisterNumber(s) >= 0) { Error(OpLoc(i), $"expected a CSR, found register '{s.ToString()}'"); return -1; }
        var ex = OpExpr(i, out var mod);
        if (ex is null) return -1;
        if (mod != Modifier.None) { Error(ex.Loc, "a CSR operand cannot take a modifier"); return -1; }
        if (ex is SymExpr se && !se.Symbol.IsDefined)
        {
            Error(ex.Loc, $"unknown CSR '{s.ToString()}'");
            return -1;
        }
        var v = AbsoluteValue(ex, ex.Loc);
        if (v is null) return -1;
        if (v < 0 || v > 0xFFF) { Error(ex.Loc, $"CSR number {v} out of range 0..4095"); return -1; }
        return (int)v.Value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int Uimm5(int i)
    {
        var ex = OpExpr(i, out var mod);
        if (ex is null) return -1;
        if (mod != Modifier.None) { Error(ex.Loc, "expected a 5-bit unsigned immediate"); return -1; }
        var v = AbsoluteValue(ex, ex.Loc);
        if (v is null) return -1;
        if (v < 0 || v > 31) { Error(ex.Loc, $"immediate {v} out of range 0..31"); return -1; }
        return (int)v.Value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int AmoAddress(int i)
    {
        if (TryMem(i, out var disp, out var mod, out int reg, out bool failed))
        {
            if (failed) return -1;
            if (mod != Modifier.None || AbsoluteValue(disp!, disp!.Loc) is not 0)
            {
                Error(OpLoc(i), "the address of an atomic instruction is (rs1), with no offset");
                return -1;
            }
            return reg;
        }
        Error(OpLoc(i), $"expected (rs1), found '{OpText(i).ToString()}'");
        return -1;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void PseudoInstruction(Mnemonic m, Loc loc, int at)
    {
        switch (m.Pseudo)
        {
            case Pseudo.Nop:
                if (!Count(0, "nop", at)) return;
                Emit(M(Op.Addi), loc);
                return;
            case Pseudo.Li:
            {
                if (!Count(2, "rd, imm", at)) return;
                int rd = Reg(0);
                if (rd < 0) return;
                var ex = OpExpr(1, out var mod);
                if (ex is null) return;
                if (mod != Modifier.None) { Error(ex.Loc, "li takes a plain constant"); return; }
                if (ex is not NumExpr)
                {
                    if (!Eval.TryEval(ex, null, out var v, out _, out _) || v.Sec is not null)
                    {
                        Error(ex.Loc, "li needs a constant known at this point (use la for an address)");
                        return;
                    }
                    ex = new NumExpr(v.Off, ex.Loc);
                }
                LoadConstant(rd, ((NumExpr)ex).Value, loc);
                return;
            }
            case Pseudo.La:
            case Pseudo.Lla:
            {
                if (!Count(2, "rd, symbol", at)) return;
                int rd = Reg(0);
                if (rd < 0) return;
                var ex = OpExpr(1, out var mod);
                if (ex is null) return;
                if (mod != Modifier.None) { Error(ex.Loc, "expected a symbol"); return; }
                // A constant known at this point is loaded as li loads it (GNU as: load_const).
                if (Eval.TryEval(ex, null, out var cv, out _, out _) && cv.Sec is null)
                {
                    LoadConstant(rd, cv.Off, loc);
                    return;
                }
                EmitPcrelPair(rd, ex, M(Op.Addi) | Encoder.Rd(rd) | Encoder.Rs1(rd), store: false, loc);
                return;
            }
            case Pseudo.Mv: TwoReg(M(Op.Addi), "rd, rs", at, loc, rsField: 15); return;
            case Pseudo.Not: TwoReg(M(Op.Xori) | Encoder.ImmI(-1), "rd, rs", at, loc, rsField: 15); return;
            case Pseudo.Neg: TwoReg(M(Op.Sub), "rd, rs", at, loc, rsField: 20); return;
            case Pseudo.Seqz: TwoReg(M(Op.Sltiu) | Encoder.ImmI(1), "rd, rs", at, loc, rsField: 15); return;
            case Pseudo.Snez: TwoReg(M(Op.Sltu), "rd, rs", at, loc, rsField: 20); return;
            case Pseudo.Sltz: TwoReg(M(Op.Slt), "rd, rs", at, loc, rsField: 15); return;
            case Pseudo.Sgtz: TwoReg(M(Op.Slt), "rd, rs", at, loc, rsField: 20); return;
            case Pseudo.ZextB: TwoReg(M(Op.Andi) | Encoder.ImmI(255), "rd, rs", at, loc, rsField: 15); return;
            case Pseudo.Beqz: BranchZero(M(Op.Beq), false, at, loc); return;
            case Pseudo.Bnez: BranchZero(M(Op.Bne), false, at, loc); return;
            case Pseudo.Blez: BranchZero(M(Op.Bge), true, at, loc); return;
            case Pseudo.Bgez: BranchZero(M(Op.Bge), false, at, loc); return;
            case Pseudo.Bltz: BranchZero(M(Op.Blt), false, at, loc); return;
            case Pseudo.Bgtz: BranchZero(M(Op.Blt), true, at, loc); return;
            case Pseudo.Bgt: BranchSwapped(M(Op.Blt), at, loc); return;
            case Pseudo.Ble: BranchSwapped(M(Op.Bge), at, loc); return;
            case Pseudo.Bgtu: BranchSwapped(M(Op.Bltu), at, loc); return;
            case Pseudo.Bleu: BranchSwapped(M(Op.Bgeu), at, loc); return;
            case Pseudo.J:
            {
                if (!Count(1, "offset", at)) return;
                var ex = OpExpr(0, out var mod);
                if (ex is null) return;
                if (mod != Modifier.None) { Error(ex.Loc, "j takes a plain target"); return; }
                EmitFix(M(Op.Jal), Fix.Jal, ex, loc);
                return;
            }
            case Pseudo.Jr:
            {
                if (_opCount == 2)
                {
                    int r = Reg(0);
                    if (r < 0) return;
                    var ex = OpExpr(1, out var mod);
                    EmitI(M(Op.Jalr) | Encoder.Rs1(r), 1, ex, mod, loc, store: false);
                    return;
                }
                if (!Count(1, "rs", at)) return;
                if (TryMem(0, out var disp, out var md, out int rb, out bool failed))
                {
                    if (!failed) EmitI(M(Op.Jalr) | Encoder.Rs1(rb), 0, disp, md, loc, store: false);
                    return;
                }
                int rs = Reg(0);
                if (rs < 0) return;
                Emit(M(Op.Jalr) | Encoder.Rs1(rs), loc);
                return;
            }
            case Pseudo.Ret:
                if (!Count(0, "ret", at)) return;
                Emit(M(Op.Jalr) | Encoder.Rs1(1), loc);
                return;
            case Pseudo.Call:
            case Pseudo.Tail:
            {
                // call sym: auipc ra; jalr ra. call rd, sym: auipc t1; jalr rd, t1. tail sym: auipc t1; jr t1.
                int rd = m.Pseudo == Pseudo.Call ? 1 : 6, link = m.Pseudo == Pseudo.Call ? 1 : 0;
                int ti = 0;
                if (m.Pseudo == Pseudo.Call && _opCount == 2) { link = Reg(0); rd = 6; ti = 1; if (link < 0) return; }
                else if (!Count(1, "symbol", at)) return;
                var ex = OpExpr(ti, out var mod);
                if (ex is null) return;
                if (mod != Modifier.None) { Error(ex.Loc, "expected a symbol"); return; }
                EmitPcrelPair(rd, ex, M(Op.Jalr) | Encoder.Rd(link) | Encoder.Rs1(rd), store: false, loc);
                return;
            }
            case Pseudo.Sgt:
            case Pseudo.Sgtu:
            {
                // sgt rd, rs, rt = slt rd, rt, rs
                if (!Count(3, "rd, rs, rt", at)) return;
                int rd = Reg(0), rs = Reg(1), rt = Reg(2);
                if (rd < 0 || rs < 0 || rt < 0) return;
                Emit(M(m.Pseudo == Pseudo.Sgt ? Op.Slt : Op.Sltu) | Encoder.Rd(rd) | Encoder.Rs1(rt) | Encoder.Rs2(rs), loc);
                return;
            }
            case Pseudo.SextB: ShiftPair(Op.Srai, 24, at, loc); return;
            case Pseudo.SextH: ShiftPair(Op.Srai, 16, at, loc); return;
            case Pseudo.ZextH: ShiftPair(Op.Srli, 16, at, loc); return;
            case Pseudo.Jump:
            {
                // jump target, rt: auipc rt, %pcrel_hi(target); jalr zero, %pcrel_lo(target)(rt)
                if (!Count(2, "symbol, rt", at)) return;
                int rt = Reg(1);
                if (rt < 0) return;
                var ex = OpExpr(0, out var mod);
                if (ex is null) return;
                if (mod != Modifier.None) { Error(ex.Loc, "expected a symbol"); return; }
                EmitPcrelPair(rt, ex, M(Op.Jalr) | Encoder.Rs1(rt), store: false, loc);
                return;
            }
            case Pseudo.Csrr:
            {
                if (!Count(2, "rd, csr", at)) return;
                int rd = Reg(0), csr = CsrOperand(1);
                if (rd < 0 || csr < 0) return;
                Emit(M(Op.Csrrs) | Encoder.Rd(rd) | Encoder.Csr(csr), loc);
                return;
            }
            case Pseudo.Csrw: CsrWrite(M(Op.Csrrw), M(Op.Csrrwi), at, loc); return;
            case Pseudo.Csrs: CsrWrite(M(Op.Csrrs), M(Op.Csrrsi), at, loc); return;
            case Pseudo.Csrc: CsrWrite(M(Op.Csrrc), M(Op.Csrrci), at, loc); return;
            case Pseudo.Csrwi: CsrWriteImm(M(Op.Csrrwi), at, loc); return;
            case Pseudo.Csrsi: CsrWriteImm(M(Op.Csrrsi), at, loc); return;
            case Pseudo.Csrci: CsrWriteImm(M(Op.Csrrci), at, loc); return;
            case Pseudo.ReadCounter:
            {
                if (!Count(1, "rd", at)) return;
                int rd = Reg(0);
                if (rd < 0) return;
                Emit(M(Op.Csrrs) | Encoder.Rd(rd) | Encoder.Csr((int)m.Extra), loc);
                return;
            }
            case Pseudo.Unimp:
                if (!Count(0, "unimp", at)) return;
                Emit(M(Op.Csrrw) | Encoder.Csr(Csrs.Cycle), loc);
                return;
        }
    }

    /// <summary>li as GNU as expands it (load_const in tc-riscv.c): lui for the upper part
    /// when it is not zero, addi for the lower part when it is not zero or there is no lui.
    /// The parts are computed on the value sign-extended from 32 bits, as GNU as does for RV32.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void LoadConstant(int rd, long value, Loc loc)
    {
        if (value > uint.MaxValue || value < int.MinValue)
        {
            Error(loc, $"li constant 0x{value:x} does not fit in 32 bits");
            return;
        }
        // On RV32 GNU as works on the value sign-extended from bit 31: li 0xfffff800 is one addi.
        value = (int)(uint)value;
        long lower = ((value & 0xFFF) ^ 0x800) - 0x800;
        long upper = value - lower;
        int hiReg = 0;
        if (upper != 0)
        {
            uint upperImm = (uint)upper >> 12;
            Emit(M(Op.Lui) | Encoder.Rd(rd) | Encoder.ImmU((int)upperImm), loc);
            hiReg = rd;
        }
        if (lower != 0 || hiReg == 0)
            Emit(M(Op.Addi) | Encoder.Rd(rd) | Encoder.Rs1(hiReg) | Encoder.ImmI((int)lower), loc);
    }

    /// <summary>sext.b/sext.h/zext.h without Zbb, as GNU as expands them: slli rd, rs, n;
    /// srai/srli rd, rd, n.</summary>
    private void ShiftPair(Op right, int n, int at, Loc loc)
    {
        if (!Count(2, "rd, rs", at)) return;
        int rd = Reg(0), rs = Reg(1);
        if (rd < 0 || rs < 0) return;
        Emit(M(Op.Slli) | Encoder.Rd(rd) | Encoder.Rs1(rs) | (uint)n << 20, loc);
        Emit(M(right) | Encoder.Rd(rd) | Encoder.Rs1(rd) | (uint)n << 20, loc);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void TwoReg(uint w, string syntax, int at, Loc loc, int rsField)
    {
        if (!Count(2, syntax, at)) return;
        int rd = Reg(0), rs = Reg(1);
        if (rd < 0 || rs < 0) return;
        Emit(w | Encoder.Rd(rd) | (uint)rs << rsField, loc);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BranchZero(uint w, bool zeroFirst, int at, Loc loc)
    {
        if (!Count(2, "rs, offset", at)) return;
        int rs = Reg(0);
        if (rs < 0) return;
        var ex = OpExpr(1, out var mod);
        if (ex is not null && mod != Modifier.None) { Error(ex.Loc, "a branch takes a plain target"); return; }
        EmitBranch(w | (zeroFirst ? Encoder.Rs2(rs) : Encoder.Rs1(rs)), ex, loc);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BranchSwapped(uint w, int at, Loc loc)
    {
        if (!Count(3, "rs, rt, offset", at)) return;
        int rs = Reg(0), rt = Reg(1);
        if (rs < 0 || rt < 0) return;
        var ex = OpExpr(2, out var mod);
        if (ex is not null && mod != Modifier.None) { Error(ex.Loc, "a branch takes a plain target"); return; }
        EmitBranch(w | Encoder.Rs1(rt) | Encoder.Rs2(rs), ex, loc);
    }

    private void CsrWrite(uint w, uint wImm, int at, Loc loc)
    {
        if (!Count(2, "csr, rs", at)) return;
        int csr = CsrOperand(0);
        if (!IsReg(1))
        {
            int u = Uimm5(1);
            if (csr < 0 || u < 0) return;
            Emit(wImm | Encoder.Csr(csr) | Encoder.Rs1(u), loc);
            return;
        }
        int rs = Reg(1);
        if (csr < 0 || rs < 0) return;
        Emit(w | Encoder.Csr(csr) | Encoder.Rs1(rs), loc);
    }

    private void CsrWriteImm(uint w, int at, Loc loc)
    {
        if (!Count(2, "csr, uimm", at)) return;
        int csr = CsrOperand(0), u = Uimm5(1);
        if (csr < 0 || u < 0) return;
        Emit(w | Encoder.Csr(csr) | Encoder.Rs1(u), loc);
    }
}
