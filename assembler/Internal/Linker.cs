using System.Runtime.CompilerServices;
using ToyMachine.Cpu.Isa;

namespace ToyMachine.Assembler.Internal;

/// <summary>A symbol as it goes into the ELF symbol table.</summary>
internal sealed record ElfSymbol(string Name, uint Value, uint Size, byte Info, int SectionIndex);

/// <summary>The assembled program: output sections, entry, symbols.</summary>
internal sealed class Image
{
    public required List<OutputSection> Sections;
    public required uint Entry;
    public required Dictionary<string, uint> SymbolMap;
    /// <summary>Per input file: its name and its local symbols; then the globals.</summary>
    public required List<(string File, List<ElfSymbol> Locals)> LocalSymbols;
    public required List<ElfSymbol> GlobalSymbols;

    public byte[] ToFlatBinary()
    {
        var loaded = Sections.Where(s => s.Name != ".bss" && s.Size > 0).ToList();
        if (loaded.Count == 0) return [];
        uint start = loaded.Min(s => s.Address);
        uint end = loaded.Max(s => s.Address + s.Size);
        var bin = new byte[end - start];
        foreach (var s in loaded) s.Bytes.CopyTo(bin, s.Address - start);
        return bin;
    }
}

/// <summary>Places every file's sections (docs/assembler.md, "Layout"), decides the size of
/// each branch as GNU as does, resolves symbols across files and produces the bytes.</summary>
internal sealed class Linker
{
    private static readonly OutKind[] Order = [OutKind.Text, OutKind.Rodata, OutKind.Data, OutKind.Bss];
    private static readonly string[] OutNames = [".text", ".rodata", ".data", ".bss"];

    private readonly Driver _d;
    private readonly List<FileUnit> _files;
    private readonly AssemblerOptions _options;
    private readonly Dictionary<string, Symbol> _globals = new(StringComparer.Ordinal);
    private readonly Func<Symbol, Symbol?> _resolve;

    public Linker(Driver driver, List<FileUnit> files, AssemblerOptions options)
    {
        _d = driver;
        _files = files;
        _options = options;
        _resolve = s => s.IsTemporary ? null : _globals.GetValueOrDefault(s.Name);
    }

    private bool Failed => _d.ErrorCount > 0;

    /// <summary>Symbols GNU ld's default script provides, defined here when no file does.</summary>
    private static readonly string[] LinkerSymbols =
        ["_etext", "etext", "__etext", "_edata", "edata", "__bss_start", "_end", "end", "__global_pointer$"];

    public Image? Link()
    {
        CollectGlobals();
        CheckUndefined();
        if (Failed) return null;
        foreach (var f in _files)
            foreach (var s in f.Sections)
                Relax(s);
        var outputs = Place();
        if (Failed) return null;
        DefineLinkerSymbols(outputs);
        foreach (var f in _files)
            foreach (var s in f.Sections)
                if (s.Kind != OutKind.None) Emit(s);
        if (Failed) return null;
        return BuildImage(outputs);
    }

    // ---------------------------------------------------------------- symbols

    private void CollectGlobals()
    {
        foreach (var f in _files)
        {
            foreach (var s in f.Symbols.Values)
            {
                if (!s.Global || !s.IsDefined) continue;
                if (_globals.TryGetValue(s.Name, out var other))
                {
                    _d.Error(s.DefinedAt, $"global symbol '{s.Name}' is defined twice: here and at {Driver.Place(other.DefinedAt)}");
                    continue;
                }
                _globals[s.Name] = s;
            }
        }
    }

    private void CheckUndefined()
    {
        foreach (var f in _files)
        {
            foreach (var s in f.Symbols.Values)
            {
                if (s.IsDefined || !s.ReferencedAt.IsValid) continue;
                if (_resolve(s) is not null) continue;
                string name = s.Name;
                if (LinkerSymbols.Contains(name)) continue;
                int mark = name.IndexOf('\u0002');
                if (mark >= 0)
                {
                    _d.Error(s.ReferencedAt, $"undefined local label '{name[..mark]}f' (no '{name[..mark]}:' after it)");
                    continue;
                }
                string where = s.DeclaredGlobalAt.IsValid ? $" (declared .globl at {Driver.Place(s.DeclaredGlobalAt)}, defined in no file)" : " (no file defines it as .globl)";
                foreach (var other in _files)
                    if (other != f && other.Symbols.TryGetValue(name, out var local) && local.IsDefined)
                    {
                        where = $" ({other.Source.Name} defines it at {Driver.Place(local.DefinedAt)}, but not as .globl)";
                        break;
                    }
                _d.Error(s.ReferencedAt, $"undefined symbol '{name}'{where}");
            }
        }
    }

    // ---------------------------------------------------------------- layout

    /// <summary>Sizes of branches (4 bytes, or 8 when the target is out of reach or not a
    /// label of the same section, as GNU as's relaxed_branch_length decides), alignment
    /// padding and .org gaps, repeated until nothing changes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Relax(Section s)
    {
        bool hasVar = false;
        foreach (var it in s.Items)
            if (it.Kind is ItemKind.Branch or ItemKind.Align or ItemKind.Org) { hasVar = true; break; }
        if (!hasVar) { PadCodeTail(s); return; }
        for (int pass = 0; pass < 1000; pass++)
        {
            bool changed = false;
            int off = 0;
            foreach (var it in s.Items)
            {
                if (it.Offset != off) { it.Offset = off; changed = true; }
                switch (it.Kind)
                {
                    case ItemKind.Branch:
                        if (it.Size == 4 && !BranchFits(s, it)) { it.Size = 8; changed = true; }
                        break;
                    case ItemKind.Align:
                    {
                        int pad = Driver.AlignPadding(it, off);
                        if (pad != it.Size) { it.Size = pad; changed = true; }
                        break;
                    }
                    case ItemKind.Org:
                    {
                        int size = (int)Math.Max(0, it.Count - off);
                        if (size != it.Size) { it.Size = size; changed = true; }
                        break;
                    }
                }
                off += it.Size;
            }
            s.Size = off;
            if (!changed) break;
        }
        foreach (var it in s.Items)
            if (it.Kind == ItemKind.Org && it.Count < it.Offset)
                _d.Error(it.Loc, $"attempt to move .org backwards (from 0x{it.Offset:x} to 0x{it.Count:x})");
        PadCodeTail(s);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool BranchFits(Section s, Item it)
    {
        if (!Eval.TryEval(it.Expr!, null, out var v, out _, out _)) return false; // undefined here: another file
        if (v.Sec is null) return false;         // an absolute address is not a label of this section
        if (v.Sec != s) return false;
        long delta = v.Off - it.Offset;
        return delta >= -4096 && delta < 4096;
    }

    /// <summary>GNU as pads the end of a code section with nops up to the section's alignment.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void PadCodeTail(Section s)
    {
        if (!s.IsCode) return;
        int mask = s.Align - 1;
        s.TailPad = (s.Align - (s.Size & mask)) & mask;
    }

    private List<OutputSection> Place()
    {
        var result = new List<OutputSection>();
        uint cur = _options.Base;
        for (int k = 0; k < Order.Length; k++)
        {
            var kind = Order[k];
            var inputs = _files.SelectMany(f => f.Sections).Where(s => s.Kind == kind).ToList();
            if (kind == OutKind.Data) cur = _options.DataAddress ?? AlignUp(cur, 4096);
            if (inputs.Count == 0 || inputs.All(s => s.Size + s.TailPad == 0)) continue;
            uint align = (uint)inputs.Max(s => s.Align);
            uint start = AlignUp(cur, align);
            cur = start;
            foreach (var s in inputs)
            {
                cur = AlignUp(cur, (uint)s.Align);
                s.Address = cur;
                if ((ulong)cur + (ulong)(s.Size + s.TailPad) > uint.MaxValue)
                {
                    _d.ErrorNoPlace($"the program does not fit below 4 GiB ({OutNames[k]} of {s.File.Source.Name} would end beyond 0xffffffff)");
                    return result;
                }
                cur += (uint)(s.Size + s.TailPad);
            }
            // GNU ld's default script ends .bss with ". = ALIGN(. != 0 ? 32 / 8 : 1)".
            if (kind == OutKind.Bss) cur = AlignUp(cur, 4);
            result.Add(new OutputSection(OutNames[k], start, cur - start, [], align));
        }
        return result;
    }

    private void DefineLinkerSymbols(List<OutputSection> outputs)
    {
        uint End(string name, uint otherwise)
        {
            var o = outputs.FirstOrDefault(x => x.Name == name);
            return o is null ? otherwise : o.Address + o.Size;
        }
        uint textEnd = End(".text", _options.Base);
        uint dataStart = outputs.FirstOrDefault(x => x.Name is ".data" or ".bss")?.Address
            ?? _options.DataAddress ?? AlignUp(End(".rodata", textEnd), 4096);
        uint edata = End(".data", dataStart);
        uint end = AlignUp(End(".bss", edata), 4);
        var values = new Dictionary<string, uint>
        {
            ["_etext"] = textEnd, ["etext"] = textEnd, ["__etext"] = textEnd,
            ["_edata"] = edata, ["edata"] = edata, ["__bss_start"] = edata,
            ["_end"] = end, ["end"] = end, ["__global_pointer$"] = edata + 0x800,
        };
        var linkerFile = new FileUnit(new Source("<linker>", "", null));
        foreach (var (name, value) in values)
        {
            if (_globals.ContainsKey(name)) continue;
            _globals[name] = new Symbol(name, linkerFile) { Kind = SymKind.Equ, EquExpr = new NumExpr(value, default), Global = true };
        }
    }

    private static uint AlignUp(uint v, uint a) => a <= 1 ? v : (uint)Math.Min(((ulong)v + a - 1) & ~((ulong)a - 1), uint.MaxValue);

    // ---------------------------------------------------------------- bytes

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private long? Value(Expr e, Loc at)
    {
        if (e is NumExpr n) return n.Value;
        if (!Eval.TryEval(e, _resolve, out var v, out var err, out var errAt))
        {
            _d.Error(errAt.IsValid ? errAt : at, err!);
            return null;
        }
        return v.Off;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Emit(Section s)
    {
        if (s.NoBits) { CheckNoBits(s); return; }
        var buf = new byte[s.Size + s.TailPad];
        foreach (var it in s.Items)
        {
            var span = buf.AsSpan(it.Offset, it.Size);
            switch (it.Kind)
            {
                case ItemKind.Insn:
                    if (it.Fix == Fix.None) Write32(span, it.Word);
                    else Write32(span, Fixed(s, it));
                    break;
                case ItemKind.Branch:
                    EmitBranch(s, it, span);
                    break;
                case ItemKind.Bytes:
                    it.Bytes.AsSpan(0, it.Size).CopyTo(span);
                    break;
                case ItemKind.Data:
                    for (int i = 0; i < it.Exprs!.Length; i++)
                    {
                        var v = Value(it.Exprs[i], it.Loc);
                        if (v is null) continue;
                        _d.CheckDataRange(v.Value, it.Width, it.Exprs[i].Loc);
                        Driver.WriteLe(span.Slice(i * it.Width, it.Width), v.Value, it.Width);
                    }
                    break;
                case ItemKind.Fill:
                    if (it.FillValue == 0) break;
                    if (it.Width == 1) { span.Fill((byte)it.FillValue); break; }
                    for (long i = 0; i < it.Count; i++)
                        for (int b = 0; b < it.Width; b++)
                            span[(int)(i * it.Width + b)] = b < 4 ? (byte)(it.FillValue >> (8 * b)) : (byte)0;
                    break;
                case ItemKind.Align:
                    if (s.IsCode && !it.HasFill) MakeNops(span);
                    else if (it.Width <= 1) span.Fill((byte)it.FillValue);
                    else
                    {
                        // .balignw/.balignl: the pattern repeated (GNU as rejects a gap that is
                        // not a multiple of the pattern).
                        int lead = span.Length % it.Width;
                        if (lead != 0) _d.Error(it.Loc, $"alignment padding ({span.Length} bytes) not a multiple of {it.Width}");
                        span[..lead].Clear();
                        for (int i = lead; i + it.Width <= span.Length; i += it.Width)
                            Driver.WriteLe(span.Slice(i, it.Width), it.FillValue, it.Width);
                    }
                    break;
                case ItemKind.Org:
                    span.Fill((byte)it.FillValue);
                    break;
            }
        }
        MakeNops(buf.AsSpan(s.Size, s.TailPad));
        s.Bytes = buf;
    }

    /// <summary>A section without contents (.bss) may only reserve zeros; its bytes are not
    /// materialised.</summary>
    private void CheckNoBits(Section s)
    {
        foreach (var it in s.Items)
        {
            bool nonZero = it.Kind switch
            {
                ItemKind.Bytes => it.Bytes.AsSpan(0, it.Size).ContainsAnyExcept((byte)0),
                ItemKind.Data => it.Exprs!.Any(e => Value(e, it.Loc) is not (0 or null)),
                ItemKind.Fill => it.FillValue != 0 && it.Width > 0,
                ItemKind.Insn or ItemKind.Branch => true,
                _ => it.HasFill && it.FillValue != 0 && it.Size > 0,
            };
            if (nonZero)
            {
                _d.Error(it.Loc, $"attempt to store non-zero value in section '{s.Name}'");
                return;
            }
        }
        s.Bytes = [];
    }

    /// <summary>Padding of code as riscv_make_nops writes it: a zero byte for an odd count,
    /// one 2-byte c.nop if needed, then 4-byte nops.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void MakeNops(Span<byte> span)
    {
        int i = 0;
        if (span.Length % 2 == 1) span[i++] = 0;
        if ((span.Length - i) % 4 == 2) { span[i] = 0x01; span[i + 1] = 0x00; i += 2; }
        uint nop = Instructions.Of(Op.Addi)!.Match;
        for (; i + 4 <= span.Length; i += 4) Write32(span.Slice(i, 4), nop);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Write32(Span<byte> s, uint w)
    {
        s[0] = (byte)w; s[1] = (byte)(w >> 8); s[2] = (byte)(w >> 16); s[3] = (byte)(w >> 24);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private uint Fixed(Section s, Item it)
    {
        uint pc = s.Address + (uint)it.Offset;
        uint w = it.Word;
        switch (it.Fix)
        {
            case Fix.PairLoI:
            case Fix.PairLoS:
            {
                var hi = it.Hi!;
                var target = Value(hi.Expr!, hi.Loc);
                if (target is null) return w;
                int lo = Driver.LoPart(target.Value - (s.Address + hi.Offset));
                return w | (it.Fix == Fix.PairLoS ? Encoder.ImmS(lo) : Encoder.ImmI(lo));
            }
            case Fix.PcrelLoI:
            case Fix.PcrelLoS:
            {
                var lo = PcrelLo(it);
                if (lo is null) return w;
                return w | (it.Fix == Fix.PcrelLoS ? Encoder.ImmS(lo.Value) : Encoder.ImmI(lo.Value));
            }
        }
        var v = Value(it.Expr!, it.Loc);
        if (v is null) return w;
        long x = v.Value;
        switch (it.Fix)
        {
            case Fix.ImmI:
            case Fix.ImmS:
                if (x < -2048 || x > 2047) { _d.Error(it.Expr!.Loc, $"immediate {x} out of range -2048..2047"); return w; }
                return w | (it.Fix == Fix.ImmS ? Encoder.ImmS((int)x) : Encoder.ImmI((int)x));
            case Fix.ImmU:
                if (x < 0 || x > 0xFFFFF) { _d.Error(it.Expr!.Loc, $"immediate {x} out of range 0..1048575"); return w; }
                return w | Encoder.ImmU((int)x);
            case Fix.HiU: return w | Encoder.ImmU(Driver.HiPart(x));
            case Fix.LoI: return w | Encoder.ImmI(Driver.LoPart(x));
            case Fix.LoS: return w | Encoder.ImmS(Driver.LoPart(x));
            case Fix.PcrelHiU:
            {
                long delta = x - pc;
                if (delta < int.MinValue || delta > int.MaxValue) { _d.Error(it.Loc, "target out of reach of auipc (more than 2 GiB away)"); return w; }
                return w | Encoder.ImmU(Driver.HiPart(delta));
            }
            case Fix.Jal:
            {
                long delta = (uint)x - (long)pc;
                if ((delta & 1) != 0) { _d.Error(it.Loc, "jump target is not 2-byte aligned"); return w; }
                if (delta < -(1 << 20) || delta >= 1 << 20) { _d.Error(it.Loc, $"jump target out of range (offset {delta}, jal reaches +-1 MiB)"); return w; }
                return w | Encoder.ImmJ((int)delta);
            }
        }
        return w;
    }

    /// <summary>%pcrel_lo(label): the low part of the %pcrel_hi at that label.</summary>
    private int? PcrelLo(Item it)
    {
        if (it.Expr is not SymExpr se) { _d.Error(it.Expr!.Loc, "%pcrel_lo needs the label of an auipc with %pcrel_hi"); return null; }
        var sym = Eval.Resolve(se.Symbol, _resolve);
        if (sym is null || sym.Kind != SymKind.Label || sym.Section is null) { _d.Error(se.Loc, $"%pcrel_lo: '{se.Symbol.Name}' is not a label"); return null; }
        var sec = sym.Section;
        int idx = sym.ItemIndex;
        // The label may be followed by items of size 0 (alignment already satisfied).
        while (idx < sec.Items.Count && sec.Items[idx].Size == 0) idx++;
        if (idx >= sec.Items.Count || sec.Items[idx].Fix != Fix.PcrelHiU)
        {
            _d.Error(se.Loc, $"%pcrel_lo: label '{DisplayName(se.Symbol)}' is not at an auipc with %pcrel_hi");
            return null;
        }
        var hi = sec.Items[idx];
        var target = Value(hi.Expr!, hi.Loc);
        if (target is null) return null;
        return Driver.LoPart(target.Value - (sec.Address + hi.Offset));
    }

    private static string DisplayName(Symbol s)
    {
        int mark = s.Name.IndexOf('\u0002');
        return mark >= 0 ? s.Name[..mark] : s.Name;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void EmitBranch(Section s, Item it, Span<byte> span)
    {
        uint pc = s.Address + (uint)it.Offset;
        var v = Value(it.Expr!, it.Loc);
        if (v is null) return;
        long target = (uint)v.Value;
        if (it.Size == 4)
        {
            long delta = target - pc;
            if ((delta & 1) != 0) { _d.Error(it.Loc, "branch target is not 2-byte aligned"); return; }
            if (delta < -4096 || delta >= 4096) { _d.Error(it.Loc, $"branch target out of range (offset {delta}, a branch reaches +-4 KiB)"); return; }
            Write32(span, it.Word | Encoder.ImmB((int)delta));
            return;
        }
        // The inverted branch skips the jal that follows it (funct3 bit 12 inverts the condition).
        Write32(span[..4], (it.Word ^ 0x1000u) | Encoder.ImmB(8));
        long jdelta = target - (pc + 4);
        if ((jdelta & 1) != 0) { _d.Error(it.Loc, "branch target is not 2-byte aligned"); return; }
        if (jdelta < -(1 << 20) || jdelta >= 1 << 20) { _d.Error(it.Loc, $"branch target out of range (offset {jdelta})"); return; }
        Write32(span.Slice(4, 4), Instructions.Of(Op.Jal)!.Match | Encoder.ImmJ((int)jdelta));
    }

    // ---------------------------------------------------------------- image

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Image BuildImage(List<OutputSection> placed)
    {
        var sections = new List<OutputSection>();
        foreach (var o in placed)
        {
            var bytes = new byte[o.Name == ".bss" ? 0 : o.Size];
            if (o.Name != ".bss")
                foreach (var f in _files)
                    foreach (var s in f.Sections)
                        if (OutNames[(int)s.Kind < 4 ? (int)s.Kind : 0] == o.Name && s.Kind != OutKind.None)
                            s.Bytes.CopyTo(bytes, s.Address - o.Address);
            sections.Add(o with { Bytes = bytes });
        }

        int SectionIndexOf(OutKind k)
        {
            for (int i = 0; i < sections.Count; i++) if (sections[i].Name == OutNames[(int)k]) return i + 1;
            return 0xFFF1;
        }

        var map = new Dictionary<string, uint>(StringComparer.Ordinal);
        var locals = new List<(string, List<ElfSymbol>)>();
        var globals = new List<ElfSymbol>();
        foreach (var f in _files)
        {
            var list = new List<ElfSymbol>();
            foreach (var s in f.Symbols.Values)
            {
                if (!s.IsDefined || s.IsTemporary || s.Kind == SymKind.Undefined) continue;
                if (s.Kind == SymKind.Label && s.Section!.Kind == OutKind.None) continue;
                uint value;
                int shndx;
                if (s.Kind == SymKind.Label)
                {
                    value = s.Section!.Address + (uint)s.Section.OffsetOf(s.ItemIndex);
                    shndx = SectionIndexOf(s.Section.Kind);
                }
                else
                {
                    if (!Eval.TryEval(s.EquExpr!, _resolve, out var v, out _, out _)) continue;
                    value = (uint)v.Off;
                    shndx = EquSection(s, SectionIndexOf);
                }
                uint size = 0;
                if (s.SizeExpr is not null && Eval.TryEval(s.SizeExpr, _resolve, out var sz, out _, out _)) size = (uint)sz.Off;
                byte bind = (byte)(s.Global ? (s.Weak ? 2 : 1) : 0);
                var es = new ElfSymbol(s.Name, value, size, (byte)(bind << 4 | s.ElfType), shndx);
                if (s.Global) { globals.Add(es); map[s.Name] = value; }
                else { list.Add(es); map.TryAdd(s.Name, value); }
            }
            locals.Add((f.Source.Name, list));
        }
        // Linker symbols the program uses are in its symbol table, as ld puts them there.
        foreach (var name in LinkerSymbols)
        {
            if (!_globals.TryGetValue(name, out var ls) || ls.File.Source.Name != "<linker>") continue;
            if (!_files.Any(f => f.Symbols.TryGetValue(name, out var used) && !used.IsDefined)) continue;
            uint v = (uint)((NumExpr)ls.EquExpr!).Value;
            globals.Add(new ElfSymbol(name, v, 0, 0x10, 0xFFF1));
        }
        foreach (var g in globals) map[g.Name] = g.Value;
        uint entry = map.TryGetValue("_start", out var st) && _globals.ContainsKey("_start") ? st
            : map.TryGetValue("_start", out st) ? st
            : sections.FirstOrDefault(o => o.Name == ".text")?.Address ?? _options.Base;
        return new Image { Sections = sections, Entry = entry, SymbolMap = map, LocalSymbols = locals, GlobalSymbols = globals };
    }

    private static int EquSection(Symbol s, Func<OutKind, int> indexOf)
    {
        if (Eval.TryEval(s.EquExpr!, null, out var v, out _, out _) && v.Sec is not null) return indexOf(v.Sec.Kind);
        return 0xFFF1; // SHN_ABS
    }
}
