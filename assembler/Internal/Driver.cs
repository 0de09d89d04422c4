using System.Runtime.CompilerServices;
using System.Text;

namespace ToyMachine.Assembler.Internal;

/// <summary>A macro defined with <c>.macro</c>.</summary>
internal sealed class Macro
{
    public Macro(string name, List<MacroParam> parameters, List<ExpandedLine> body, Loc definedAt)
    {
        Name = name;
        Parameters = parameters;
        Body = body;
        DefinedAt = definedAt;
    }

    public string Name { get; }
    public List<MacroParam> Parameters { get; }
    public List<ExpandedLine> Body { get; }
    public Loc DefinedAt { get; }
}

internal sealed record MacroParam(string Name, string? Default, bool Required, bool VarArg);

/// <summary>What a block being collected (a macro body, a .rept/.irp/.irpc body) is for.</summary>
internal sealed class Collecting
{
    public required string Kind;          // "macro", "rept", "irp", "irpc"
    public required Loc StartedAt;
    public Macro? Macro;
    public long Count;
    public string? IrpParam;
    public List<string>? IrpValues;
    public List<ExpandedLine> Lines = [];
    public int Depth;
}

/// <summary>One level of .if nesting.</summary>
internal struct Cond
{
    public bool Active;      // lines are assembled
    public bool Taken;       // some branch of this .if was taken
    public bool ParentActive;
    public bool SeenElse;
    public Loc At;
}

/// <summary>Reads the sources line by line: macros, repetitions, conditionals, includes,
/// directives and instructions, building each file's sections and symbols.</summary>
internal sealed partial class Driver
{
    private readonly AssemblerOptions _options;
    private readonly List<Diagnostic> _diagnostics = [];
    private int _errorCount;
    internal int ErrorCount => _errorCount;
    private bool _stop;
    private readonly List<FileUnit> _files = [];

    // Per file
    private FileUnit _file = null!;
    private Section _sec = null!;
    private Section? _previousSection;
    private readonly Stack<(Section Current, Section? Previous)> _sectionStack = new();
    private Dictionary<string, Macro> _macros = new(StringComparer.Ordinal);
    private Dictionary<string, Macro>.AlternateLookup<ReadOnlySpan<char>> _macroLookup;
    private readonly List<Cond> _conds = [];
    private Collecting? _collecting;
    private int _includeDepth;
    private int _expansionDepth;
    private int _macroCounter;
    private long _expandedLines;
    private const long MaxExpandedLines = 10_000_000;
    private bool _endOfFile;
    private Stack<bool> _optionStack = new();

    // The line being read
    private Source _src = null!;
    private int _line;
    private Expansion? _exp;
    private int _expIndex;
    private int _lineStart;
    private string _lineString = "";

    // Listing
    private readonly List<ListingLine>? _listing;
    private ListingLine? _curListing;

    public Driver(AssemblerOptions options)
    {
        _options = options;
        if (options.Listing) _listing = [];
    }

    public AssemblyResult Run(IReadOnlyList<SourceFile> files)
    {
        try
        {
            foreach (var f in files)
            {
                if (_stop) break;
                var src = new Source(f.Name, f.Text, f.Directory);
                StartFile(src);
                RunSource(src);
                EndFile();
            }
            Image? image = null;
            if (!_stop && _errorCount == 0) image = new Linker(this, _files, _options).Link();
            string? listing = null;
            if (_listing is not null && image is not null) listing = Listing.Render(_listing);
            return new AssemblyResult(_diagnostics, _errorCount == 0 ? image : null, listing, _printed);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug in the assembler must not become a stack trace for the user.
            _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, "", 0, 0, $"internal assembler error: {e.Message}", null));
            return new AssemblyResult(_diagnostics, null, null, _printed);
        }
    }

    // ---------------------------------------------------------------- diagnostics

    public void Error(Loc at, string message) => Report(DiagnosticSeverity.Error, at, message);

    public void Warning(Loc at, string message) => Report(DiagnosticSeverity.Warning, at, message);

    public void ErrorNoPlace(string message)
    {
        if (_stop) return;
        _errorCount++;
        _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, "", 0, 0, message, null));
        if (_errorCount >= _options.MaxErrors) _stop = true;
    }

    private void Report(DiagnosticSeverity severity, Loc at, string message)
    {
        if (_stop) return;
        if (severity == DiagnosticSeverity.Error) _errorCount++;
        if (!at.IsValid)
        {
            _diagnostics.Add(new Diagnostic(severity, "", 0, 0, message, null));
        }
        else
        {
            string m = message;
            int depth = 0;
            for (var e = at.Exp; e is not null; e = e.InvokedAt.Exp, depth++)
            {
                if (depth == 3) { m += " (...)"; break; }
                m += $" (in expansion of {e.What} at {e.InvokedAt})";
            }
            string name = at.Src.Name;
            _diagnostics.Add(new Diagnostic(severity, name, at.Line, at.Col, m, at.LineText));
        }
        if (_errorCount >= _options.MaxErrors)
        {
            _diagnostics.Add(new Diagnostic(DiagnosticSeverity.Error, "", 0, 0, $"too many errors ({_errorCount}), stopping", null));
            _stop = true;
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Loc At(int pos) => new(_src, _line, pos - _lineStart + 1, _exp, _expIndex);

    // ---------------------------------------------------------------- files and lines

    private void StartFile(Source src)
    {
        _file = new FileUnit(src);
        _files.Add(_file);
        _macros = new Dictionary<string, Macro>(StringComparer.OrdinalIgnoreCase);
        _macroLookup = _macros.GetAlternateLookup<ReadOnlySpan<char>>();
        _symLookup = _file.Symbols.GetAlternateLookup<ReadOnlySpan<char>>();
        _conds.Clear();
        _collecting = null;
        _sectionStack.Clear();
        _previousSection = null;
        _optionStack = new Stack<bool>();
        _sec = GetSection(".text", null, null, default);
        foreach (var (name, value) in _options.Defines)
        {
            var sym = GetSymbol(name);
            sym.Kind = SymKind.Equ;
            sym.EquExpr = new NumExpr(value, default);
        }
    }

    private void EndFile()
    {
        if (_collecting is not null)
        {
            Error(_collecting.StartedAt, _collecting.Kind == "macro" ? $"missing .endm for macro '{_collecting.Macro?.Name}'" : $"missing .endr for .{_collecting.Kind}");
            _collecting = null;
        }
        foreach (var c in _conds)
            Error(c.At, "missing .endif");
        _conds.Clear();
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void RunSource(Source src)
    {
        string t = src.Text;
        if (t.Contains("/*", StringComparison.Ordinal)) t = BlankBlockComments(t);
        var saveSrc = _src; var saveLine = _line; var saveExp = _exp; var saveIdx = _expIndex; var saveLs = _lineString;
        _src = src;
        _exp = null;
        _expIndex = 0;
        _lineString = t;
        _endOfFile = false;
        int i = 0, line = 0;
        while (!_stop && !_endOfFile)
        {
            int nl = t.IndexOf('\n', i);
            int lineEnd = nl < 0 ? t.Length : nl;
            line++;
            int end = lineEnd;
            if (end > i && t[end - 1] == '\r') end--;
            if (!(nl < 0 && i >= t.Length))
            {
                _line = line;
                _lineStart = i;
                ProcessLine(t, i, end);
            }
            if (nl < 0) break;
            i = nl + 1;
        }
        _endOfFile = false;
        _src = saveSrc; _line = saveLine; _exp = saveExp; _expIndex = saveIdx; _lineString = saveLs;
    }

    /// <summary>Replaces <c>/* ... */</c> comments by spaces (newlines kept, so lines and
    /// columns do not move).</summary>
    private static string BlankBlockComments(string t)
    {
        var chars = t.ToCharArray();
        bool inString = false;
        for (int i = 0; i < chars.Length; i++)
        {
            char c = chars[i];
            if (inString)
            {
                if (c == '\\') i++;
                else if (c == '"' || c == '\n') inString = false;
                continue;
            }
            if (c == '"') { inString = true; continue; }
            if (c == '#')
            {
                while (i < chars.Length && chars[i] != '\n') i++;
                continue;
            }
            if (c == '\'') { i++; if (i < chars.Length && chars[i] == '\\') i++; continue; }
            if (c == '/' && i + 1 < chars.Length && chars[i + 1] == '*')
            {
                int j = i;
                while (j < chars.Length && !(chars[j] == '*' && j + 1 < chars.Length && chars[j + 1] == '/'))
                {
                    if (chars[j] != '\n') chars[j] = ' ';
                    j++;
                }
                if (j < chars.Length) { chars[j] = ' '; chars[j + 1] = ' '; j++; }
                i = j;
            }
        }
        return new string(chars);
    }

    private void RunExpansion(Expansion exp)
    {
        if (_expansionDepth >= 100)
        {
            Error(exp.InvokedAt, "macros nested too deeply (100 levels)");
            return;
        }
        _expandedLines += exp.Lines.Length;
        if (_expandedLines > MaxExpandedLines)
        {
            Error(exp.InvokedAt, $"macros and repetitions expand to more than {MaxExpandedLines} lines in all; stopping");
            _stop = true;
            return;
        }
        _expansionDepth++;
        if (_curListing is not null) _curListing.Expanded = true;
        var saveSrc = _src; var saveLine = _line; var saveExp = _exp; var saveIdx = _expIndex; var saveLs = _lineString; var saveStart = _lineStart;
        int condDepth = _conds.Count;
        for (int i = 0; i < exp.Lines.Length && !_stop && !exp.Exit && !_endOfFile; i++)
        {
            var l = exp.Lines[i];
            _src = l.Origin;
            _line = l.Line;
            _exp = exp;
            _expIndex = i;
            _lineString = l.Text;
            _lineStart = 0;
            ProcessLine(l.Text, 0, l.Text.Length);
        }
        if (exp.Exit && _conds.Count > condDepth) _conds.RemoveRange(condDepth, _conds.Count - condDepth);
        _src = saveSrc; _line = saveLine; _exp = saveExp; _expIndex = saveIdx; _lineString = saveLs; _lineStart = saveStart;
        _expansionDepth--;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void ProcessLine(string t, int start, int end)
    {
        if (_collecting is not null)
        {
            CollectLine(t, start, end);
            return;
        }
        ListingLine? entry = null, savedEntry = _curListing;
        if (_listing is not null)
        {
            CloseChunk();
            entry = new ListingLine(_src.Name, _line, t.Substring(start, end - start), _sec, _sec.Items.Count, _exp is not null);
            _listing.Add(entry);
            _curListing = entry;
        }
        int s = start;
        int i = start;
        while (i < end)
        {
            char c = t[i];
            if (c == '"')
            {
                i++;
                while (i < end && t[i] != '"') { if (t[i] == '\\') i++; i++; }
                i++;
                continue;
            }
            if (c == '\'')
            {
                i++;
                if (i < end && t[i] == '\\') i++;
                i++;
                continue;
            }
            if (c == '#') break;
            if (c == ';')
            {
                Statement(t, s, i);
                if (_collecting is not null)
                {
                    // A .macro or .rept opened mid-line: the rest of the line belongs to it.
                    entry?.End(_sec, _sec.Items.Count);
                    _curListing = savedEntry;
                    return;
                }
                s = i + 1;
            }
            i++;
        }
        if (i > end) i = end;
        Statement(t, s, i);
        if (entry is not null)
        {
            entry.End(_sec, _sec.Items.Count);
            _curListing = savedEntry;
        }
    }

    // ---------------------------------------------------------------- lexing helpers

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool IsIdentStart(char c) => char.IsAsciiLetter(c) || c == '_' || c == '.' || c == '$';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static bool IsIdentChar(char c) => char.IsAsciiLetterOrDigit(c) || c == '_' || c == '.' || c == '$';

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int SkipWs(string t, int p, int e)
    {
        while (p < e && (t[p] == ' ' || t[p] == '\t' || t[p] == '\f' || t[p] == '\v' || t[p] == '\r')) p++;
        return p;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int TrimEnd(string t, int s, int e)
    {
        while (e > s && (t[e - 1] == ' ' || t[e - 1] == '\t' || t[e - 1] == '\r' || t[e - 1] == '\f' || t[e - 1] == '\v')) e--;
        return e;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static int IdentEnd(string t, int p, int e)
    {
        while (p < e && IsIdentChar(t[p])) p++;
        return p;
    }

    // ---------------------------------------------------------------- statements

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Statement(string t, int s, int e)
    {
        int p = SkipWs(t, s, e);
        if (p >= e) return;

        if (_conds.Count > 0 && !_conds[^1].Active)
        {
            if (t[p] == '.')
            {
                int ne = IdentEnd(t, p + 1, e);
                var name = t.AsSpan(p, ne - p);
                if (name.ContainsAnyInRange('A', 'Z')) name = name.ToString().ToLowerInvariant();
                if (IsConditional(name)) Conditional(name, t, ne, e, p);
            }
            return;
        }

        // Labels: "name:" or "1:" (several may precede a statement).
        while (p < e)
        {
            char c = t[p];
            if (IsIdentStart(c) && c != '$')
            {
                int ne = IdentEnd(t, p, e);
                if (ne < e && t[ne] == ':' && !(ne + 1 < e && t[ne + 1] == '='))
                {
                    DefineLabel(t.AsSpan(p, ne - p), At(p));
                    p = SkipWs(t, ne + 1, e);
                    continue;
                }
                break;
            }
            if (char.IsAsciiDigit(c))
            {
                int ne = p;
                while (ne < e && char.IsAsciiDigit(t[ne])) ne++;
                if (ne < e && t[ne] == ':')
                {
                    DefineLocalLabel(t.AsSpan(p, ne - p), At(p));
                    p = SkipWs(t, ne + 1, e);
                    continue;
                }
            }
            break;
        }
        if (p >= e) return;

        if (!IsIdentStart(t[p]))
        {
            Error(At(p), $"junk at start of statement: '{Snippet(t, p, e)}'");
            return;
        }
        int nameEnd = IdentEnd(t, p, e);
        var mn = t.AsSpan(p, nameEnd - p);
        int q = SkipWs(t, nameEnd, e);

        // name = expr, name == expr (.eqv-like)
        if (q < e && t[q] == '=' && !(q + 1 < e && t[q + 1] == '='))
        {
            Assign(mn.ToString(), t, q + 1, e, At(p), redefine: true);
            return;
        }

        if (_macros.Count > 0 && _macroLookup.TryGetValue(mn, out var macro))
        {
            InvokeMacro(macro, t, q, e, At(p));
            return;
        }

        // GNU as reads mnemonics and directives in any case (registers only in lower case).
        if (mn.ContainsAnyInRange('A', 'Z')) mn = mn.ToString().ToLowerInvariant();
        if (mn[0] == '.' && mn.Length > 1)
        {
            Directive(mn, t, q, e, p);
            return;
        }
        Instruction(mn, t, q, e, p);
    }

    private static string Snippet(string t, int p, int e)
    {
        int n = Math.Min(e - p, 40);
        return t.Substring(p, n).TrimEnd();
    }

    // ---------------------------------------------------------------- symbols

    private Dictionary<string, Symbol>.AlternateLookup<ReadOnlySpan<char>> _symLookup;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal Symbol GetSymbol(ReadOnlySpan<char> name)
    {
        if (_symLookup.TryGetValue(name, out var s)) return s;
        string n = name.ToString();
        s = new Symbol(n, _file) { IsTemporary = n.StartsWith(".L", StringComparison.Ordinal) };
        _file.Symbols.Add(n, s);
        return s;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DefineLabel(ReadOnlySpan<char> name, Loc at)
    {
        var s = GetSymbol(name);
        if (s.IsDefined)
        {
            Error(at, $"symbol '{s.Name}' is already defined (at {Place(s.DefinedAt)})");
            return;
        }
        BindLabel(s, at);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void BindLabel(Symbol s, Loc at)
    {
        CloseChunk();
        s.Kind = SymKind.Label;
        s.Section = _sec;
        s.ItemIndex = _sec.Items.Count;
        s.VarCount = _sec.VarCount;
        s.DefinedAt = at;
    }

    internal static string Place(Loc l) => l.IsValid ? $"{l.Src.Name}:{l.Line}:{l.Col}" : "command line";

    private static string LocalLabelName(int n, int instance) => $"{n}\u0002{instance}";

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DefineLocalLabel(ReadOnlySpan<char> digits, Loc at)
    {
        if (!int.TryParse(digits, out int n))
        {
            Error(at, "local label number too large");
            return;
        }
        _file.LocalLabelCounts.TryGetValue(n, out int count);
        count++;
        _file.LocalLabelCounts[n] = count;
        var s = GetSymbol(LocalLabelName(n, count));
        s.IsTemporary = true;
        BindLabel(s, at);
    }

    /// <summary>The symbol a <c>1b</c> / <c>1f</c> reference names.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Symbol? LocalLabelRef(int n, bool forward, Loc at)
    {
        _file.LocalLabelCounts.TryGetValue(n, out int count);
        if (!forward && count == 0)
        {
            Error(at, $"no previous definition of local label '{n}' for '{n}b'");
            return null;
        }
        var s = GetSymbol(LocalLabelName(n, forward ? count + 1 : count));
        s.IsTemporary = true;
        if (!s.ReferencedAt.IsValid) s.ReferencedAt = at;
        if (forward && !s.IsDefined) _pendingForwardLocals.Add((s, n));
        return s;
    }

    private readonly List<(Symbol Sym, int N)> _pendingForwardLocals = [];

    private void Assign(string name, string t, int p, int e, Loc at, bool redefine, bool equiv = false)
    {
        var expr = ParseExpression(t, ref p, e);
        if (expr is null) return;
        ExpectEnd(t, p, e);
        if (name == ".")
        {
            // ". = expr" moves the location counter like .org.
            Org(expr, 0, at);
            return;
        }
        var s = GetSymbol(name);
        if (s.Kind == SymKind.Label || (s.Kind == SymKind.Equ && (!redefine || equiv || s.IsEquiv)))
        {
            Error(at, $"symbol '{name}' is already defined (at {Place(s.DefinedAt)})");
            return;
        }
        // Fold what can be folded now: .set x, x+1 must see the old x.
        if (Eval.TryEval(expr, null, out var v, out _, out _) && v.Sec is null) expr = new NumExpr(v.Off, expr.Loc);
        s.Kind = SymKind.Equ;
        s.EquExpr = expr;
        s.DefinedAt = at;
        s.IsEquiv = equiv;
    }

    private void ExpectEnd(string t, int p, int e)
    {
        p = SkipWs(t, p, e);
        if (p < e) Error(At(p), $"junk at end of line: '{Snippet(t, p, e)}'");
    }

    // ---------------------------------------------------------------- sections

    private Section GetSection(string name, string? flags, string? type, Loc at)
    {
        foreach (var existing in _file.Sections)
            if (existing.Name == name) return existing;
        OutKind kind;
        bool code = false, noBits = false;
        if (name == ".text" || name.StartsWith(".text.", StringComparison.Ordinal)) { kind = OutKind.Text; code = true; }
        else if (name is ".rodata" or ".srodata" || name.StartsWith(".rodata.", StringComparison.Ordinal) || name.StartsWith(".srodata.", StringComparison.Ordinal)) kind = OutKind.Rodata;
        else if (name is ".data" or ".sdata" || name.StartsWith(".data.", StringComparison.Ordinal) || name.StartsWith(".sdata.", StringComparison.Ordinal)) kind = OutKind.Data;
        else if (name is ".bss" or ".sbss" || name.StartsWith(".bss.", StringComparison.Ordinal) || name.StartsWith(".sbss.", StringComparison.Ordinal)) { kind = OutKind.Bss; noBits = true; }
        else if (flags is null) kind = OutKind.None;
        else if (flags.Contains('x')) { kind = OutKind.Text; code = true; }
        else if (flags.Contains('w')) kind = type == "nobits" ? OutKind.Bss : OutKind.Data;
        else if (flags.Contains('a')) kind = OutKind.Rodata;
        else kind = OutKind.None;
        if (kind == OutKind.Bss || type == "nobits") noBits = true;
        if (flags is not null && flags.Contains('x')) code = true;
        var sec = new Section(name, _file, kind, code, noBits);
        if (name == ".text") sec.Align = 4;
        _file.Sections.Add(sec);
        if (kind == OutKind.None && at.IsValid && name != ".comment" && !name.StartsWith(".note", StringComparison.Ordinal) && !name.StartsWith(".debug", StringComparison.Ordinal))
            Warning(at, $"section '{name}' is not placed in the program (not allocated); its contents are dropped");
        return sec;
    }

    private void SwitchTo(Section s)
    {
        if (s != _sec) _previousSection = _sec;
        _sec = s;
    }
}
