using System.Runtime.CompilerServices;
using System.Text;

namespace ToyMachine.Assembler.Internal;

internal sealed partial class Driver
{
    private readonly List<string> _printed = [];

    internal IReadOnlyList<string> Printed => _printed;

    private static bool IsConditional(ReadOnlySpan<char> name) => name switch
    {
        ".if" or ".ifdef" or ".ifndef" or ".ifnotdef" or ".ifeq" or ".ifne" or ".ifc" or ".ifnc"
            or ".ifeqs" or ".ifnes" or ".ifb" or ".ifnb" or ".ifgt" or ".ifge" or ".iflt" or ".ifle"
            or ".else" or ".elseif" or ".endif" => true,
        _ => false,
    };

    // ---------------------------------------------------------------- conditionals

    private void Conditional(ReadOnlySpan<char> name, string t, int p, int e, int at)
    {
        bool parentActive = _conds.Count == 0 || _conds[^1].Active;
        switch (name)
        {
            case ".else":
            {
                if (_conds.Count == 0) { Error(At(at), ".else without .if"); return; }
                var c = _conds[^1];
                if (c.SeenElse) { Error(At(at), "duplicate .else"); return; }
                c.Active = c.ParentActive && !c.Taken;
                c.Taken = true;
                c.SeenElse = true;
                _conds[^1] = c;
                return;
            }
            case ".elseif":
            {
                if (_conds.Count == 0) { Error(At(at), ".elseif without .if"); return; }
                var c = _conds[^1];
                if (c.SeenElse) { Error(At(at), ".elseif after .else"); return; }
                if (!c.ParentActive || c.Taken) c.Active = false;
                else
                {
                    bool v = AbsoluteOrFalse(t, p, e) != 0;
                    c.Active = v;
                    c.Taken = v;
                }
                _conds[^1] = c;
                return;
            }
            case ".endif":
                if (_conds.Count == 0) { Error(At(at), ".endif without .if"); return; }
                _conds.RemoveAt(_conds.Count - 1);
                return;
        }
        bool cond = false;
        if (parentActive)
        {
            switch (name)
            {
                case ".if": case ".ifne": cond = AbsoluteOrFalse(t, p, e) != 0; break;
                case ".ifeq": cond = AbsoluteOrFalse(t, p, e) == 0; break;
                case ".ifgt": cond = AbsoluteOrFalse(t, p, e) > 0; break;
                case ".ifge": cond = AbsoluteOrFalse(t, p, e) >= 0; break;
                case ".iflt": cond = AbsoluteOrFalse(t, p, e) < 0; break;
                case ".ifle": cond = AbsoluteOrFalse(t, p, e) <= 0; break;
                case ".ifdef":
                case ".ifndef":
                case ".ifnotdef":
                {
                    int q = SkipWs(t, p, e);
                    int ne = IdentEnd(t, q, e);
                    if (ne == q) { Error(At(q), $"{name.ToString()} needs a symbol name"); break; }
                    bool defined = _symLookup.TryGetValue(t.AsSpan(q, ne - q), out var s) && s.IsDefined;
                    cond = name is ".ifdef" ? defined : !defined;
                    ExpectEnd(t, ne, e);
                    break;
                }
                case ".ifb": case ".ifnb":
                {
                    bool blank = SkipWs(t, p, e) >= e;
                    cond = name is ".ifb" ? blank : !blank;
                    break;
                }
                case ".ifc": case ".ifnc": case ".ifeqs": case ".ifnes":
                {
                    var (a, b, ok) = TwoStrings(t, p, e);
                    if (!ok) { Error(At(p), $"{name.ToString()} needs two operands separated by a comma"); break; }
                    bool same = a == b;
                    cond = name is ".ifc" or ".ifeqs" ? same : !same;
                    break;
                }
            }
        }
        _conds.Add(new Cond { Active = parentActive && cond, Taken = cond || !parentActive, ParentActive = parentActive, At = At(at) });
    }

    private (string A, string B, bool Ok) TwoStrings(string t, int p, int e)
    {
        p = SkipWs(t, p, e);
        string a = OneString(t, ref p, e, ',');
        p = SkipWs(t, p, e);
        if (p >= e || t[p] != ',') return ("", "", false);
        p = SkipWs(t, p + 1, e);
        string b = OneString(t, ref p, e, '\0');
        return (a, b, true);
    }

    private static string OneString(string t, ref int p, int e, char stop)
    {
        if (p < e && (t[p] == '"' || t[p] == '\''))
        {
            char q = t[p];
            int s = ++p;
            while (p < e && t[p] != q) p++;
            string r = t.Substring(s, p - s);
            if (p < e) p++;
            return r;
        }
        int st = p;
        while (p < e && t[p] != stop) p++;
        return t.Substring(st, TrimEnd(t, st, p) - st);
    }

    private long AbsoluteOrFalse(string t, int p, int e)
    {
        var v = Absolute(t, ref p, e);
        ExpectEnd(t, p, e);
        return v ?? 0;
    }

    /// <summary>An expression whose value must be known now (as GNU as requires for
    /// .if, .rept, .space, li and the like).</summary>
    private long? Absolute(string t, ref int p, int e)
    {
        int start = SkipWs(t, p, e);
        var expr = ParseExpression(t, ref p, e);
        if (expr is null) return null;
        return AbsoluteValue(expr, At(start));
    }

    private long? AbsoluteValue(Expr expr, Loc at)
    {
        if (expr is NumExpr n) return n.Value;
        if (!Eval.TryEval(expr, null, out var v, out var err, out var errAt))
        {
            Error(errAt.IsValid ? errAt : at, err + " (a value known at this point is needed)");
            return null;
        }
        if (v.Sec is not null)
        {
            Error(at, "expression must be absolute (it is an address)");
            return null;
        }
        return v.Off;
    }

    // ---------------------------------------------------------------- blocks: macros, .rept, .irp

    private void CollectLine(string t, int start, int end)
    {
        var c = _collecting!;
        int p = SkipWs(t, start, end);
        // A label may precede .endm / .endr.
        int ne = IdentEnd(t, p, end);
        if (ne < end && ne > p && t[ne] == ':') { p = SkipWs(t, ne + 1, end); ne = IdentEnd(t, p, end); }
        var word = t.AsSpan(p, ne - p);
        if (word.ContainsAnyInRange('A', 'Z')) word = word.ToString().ToLowerInvariant();
        bool isMacro = c.Kind == "macro";
        bool opens = isMacro ? word is ".macro" : word is ".rept" or ".irp" or ".irpc";
        bool closes = isMacro ? word is ".endm" : word is ".endr";
        if (opens) c.Depth++;
        else if (closes)
        {
            if (c.Depth == 0)
            {
                _collecting = null;
                FinishBlock(c);
                return;
            }
            c.Depth--;
        }
        string text = start == 0 && end == t.Length ? t : t.Substring(start, end - start);
        c.Lines.Add(new ExpandedLine(text, _src, _line));
    }

    private void FinishBlock(Collecting c)
    {
        switch (c.Kind)
        {
            case "macro":
            {
                var m = c.Macro!;
                m.Body.AddRange(c.Lines);
                _macros[m.Name] = m;
                return;
            }
            case "rept":
            {
                if (c.Count * c.Lines.Count > MaxExpandedLines)
                {
                    Error(c.StartedAt, $".rept expands to more than {MaxExpandedLines} lines");
                    return;
                }
                var lines = new List<ExpandedLine>();
                for (long i = 0; i < c.Count; i++) lines.AddRange(c.Lines);
                RunExpansion(new Expansion(".rept", c.StartedAt, lines.ToArray()));
                return;
            }
            default:
            {
                var lines = new List<ExpandedLine>();
                foreach (var value in c.IrpValues!)
                {
                    var map = new Dictionary<string, string>(StringComparer.Ordinal) { [c.IrpParam!] = value };
                    foreach (var l in c.Lines) lines.Add(new ExpandedLine(Substitute(l.Text, map, null), l.Origin, l.Line));
                }
                RunExpansion(new Expansion("." + c.Kind, c.StartedAt, lines.ToArray()));
                return;
            }
        }
    }

    private void DefineMacro(string t, int p, int e, Loc at)
    {
        p = SkipWs(t, p, e);
        int ne = IdentEnd(t, p, e);
        if (ne == p) { Error(At(p), ".macro needs a name"); StartCollect("macro", at, null); return; }
        string name = t.Substring(p, ne - p);
        var parameters = new List<MacroParam>();
        p = SkipWs(t, ne, e);
        if (p < e && t[p] == ',') p = SkipWs(t, p + 1, e);
        bool ok = true;
        while (p < e)
        {
            int ps = p;
            int pe = IdentEnd(t, p, e);
            if (pe == p) { Error(At(p), $"bad macro parameter '{Snippet(t, p, e)}'"); ok = false; break; }
            string pname = t.Substring(p, pe - p);
            p = SkipWs(t, pe, e);
            bool req = false, vararg = false;
            string? def = null;
            if (p < e && t[p] == ':')
            {
                int qs = p + 1;
                int qe = IdentEnd(t, qs, e);
                var q = t.AsSpan(qs, qe - qs);
                if (q is "req") req = true;
                else if (q is "vararg") vararg = true;
                else { Error(At(p), $"bad qualifier ':{q.ToString()}' of macro parameter '{pname}'"); ok = false; }
                p = SkipWs(t, qe, e);
            }
            if (p < e && t[p] == '=')
            {
                p = SkipWs(t, p + 1, e);
                def = MacroArgument(t, ref p, e);
            }
            foreach (var existing in parameters)
                if (existing.Name == pname) { Error(At(ps), $"duplicate macro parameter '{pname}'"); ok = false; }
            parameters.Add(new MacroParam(pname, def, req, vararg));
            p = SkipWs(t, p, e);
            if (p < e && t[p] == ',') p = SkipWs(t, p + 1, e);
        }
        if (_macros.ContainsKey(name)) { Error(at, $"macro '{name}' is already defined (at {Place(_macros[name].DefinedAt)})"); ok = false; }
        var m = new Macro(name, parameters, [], at);
        StartCollect("macro", at, ok ? m : new Macro("\u0001" + name, parameters, [], at));
    }

    private void StartCollect(string kind, Loc at, Macro? m, long count = 0, string? param = null, List<string>? values = null)
    {
        _collecting = new Collecting { Kind = kind, StartedAt = at, Macro = m ?? new Macro("\u0001bad", [], [], at), Count = count, IrpParam = param, IrpValues = values };
    }

    /// <summary>One macro argument as GNU as reads it: a quoted string (without its quotes),
    /// or characters up to a comma or blank outside parentheses.</summary>
    private static string MacroArgument(string t, ref int p, int e)
    {
        if (p < e && t[p] == '"')
        {
            var sb = new StringBuilder();
            p++;
            while (p < e && t[p] != '"')
            {
                if (t[p] == '\\' && p + 1 < e) { sb.Append(t[p]); p++; }
                sb.Append(t[p]);
                p++;
            }
            if (p < e) p++;
            return sb.ToString();
        }
        int s = p, depth = 0;
        while (p < e)
        {
            char c = t[p];
            if (c == '(') depth++;
            else if (c == ')') { if (depth > 0) depth--; }
            else if (depth == 0 && c == ',') break;
            else if (depth == 0 && (c == ' ' || c == '\t'))
            {
                // GNU as's input scrubber keeps a blank only between two symbol characters
                // ("m 1 2" has two arguments, "m 42 << 8" one).
                int j = SkipWs(t, p, e);
                if (j >= e || t[j] == ',' || (p > s && IsArgSymbolChar(t[p - 1]) && IsArgSymbolChar(t[j]))) break;
                p = j;
                continue;
            }
            else if (c == '"')
            {
                p++;
                while (p < e && t[p] != '"') { if (t[p] == '\\') p++; p++; }
            }
            else if (c == '\'' && p + 1 < e) p++;
            p++;
        }
        if (p > e) p = e;
        return t.Substring(s, p - s);
    }

    private static bool IsArgSymbolChar(char c) => IsIdentChar(c) || c == '"' || c == '\'';

    private void InvokeMacro(Macro m, string t, int p, int e, Loc at)
    {
        if (m.Name.StartsWith('\u0001')) return;
        var values = new string?[m.Parameters.Count];
        int positional = 0;
        p = SkipWs(t, p, e);
        bool ok = true;
        while (p < e)
        {
            // name=value
            int ne = IdentEnd(t, p, e);
            int afterName = SkipWs(t, ne, e);
            int index = -1;
            if (ne > p && afterName < e && t[afterName] == '=' && !(afterName + 1 < e && t[afterName + 1] == '='))
            {
                var pname = t.AsSpan(p, ne - p);
                for (int i = 0; i < m.Parameters.Count; i++)
                    if (pname.SequenceEqual(m.Parameters[i].Name)) index = i;
                if (index < 0) { Error(At(p), $"macro '{m.Name}' has no parameter '{pname.ToString()}'"); ok = false; }
                p = SkipWs(t, afterName + 1, e);
            }
            else
            {
                index = positional < m.Parameters.Count ? positional : -1;
                positional++;
                if (index < 0) { Error(At(p), $"too many arguments for macro '{m.Name}' (it takes {m.Parameters.Count})"); ok = false; break; }
            }
            string value;
            if (index >= 0 && m.Parameters[index].VarArg)
            {
                value = t.Substring(p, TrimEnd(t, p, e) - p);
                p = e;
            }
            else value = MacroArgument(t, ref p, e);
            if (index >= 0) values[index] = value;
            p = SkipWs(t, p, e);
            if (p < e && t[p] == ',') p = SkipWs(t, p + 1, e);
        }
        var map = new Dictionary<string, string>(StringComparer.Ordinal);
        for (int i = 0; i < m.Parameters.Count; i++)
        {
            var prm = m.Parameters[i];
            string? v = values[i];
            if (v is null || (v.Length == 0 && prm.Default is not null)) v = prm.Default;
            if (v is null && prm.Required) { Error(at, $"missing value for required parameter '{prm.Name}' of macro '{m.Name}'"); ok = false; }
            map[prm.Name] = v ?? "";
        }
        if (!ok) return;
        string counter = (_macroCounter++).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var lines = new ExpandedLine[m.Body.Count];
        for (int i = 0; i < lines.Length; i++)
        {
            var l = m.Body[i];
            lines[i] = new ExpandedLine(Substitute(l.Text, map, counter), l.Origin, l.Line);
        }
        RunExpansion(new Expansion($"macro '{m.Name}'", at, lines));
    }

    /// <summary>Replaces <c>\name</c> by the argument, <c>\@</c> by the expansion counter and
    /// removes <c>\()</c>.</summary>
    private static string Substitute(string text, Dictionary<string, string> map, string? counter)
    {
        if (text.IndexOf('\\') < 0) return text;
        var sb = new StringBuilder(text.Length + 16);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '\\' || i + 1 >= text.Length) { sb.Append(c); continue; }
            char n = text[i + 1];
            if (n == '@' && counter is not null) { sb.Append(counter); i++; continue; }
            if (n == '(' && i + 2 < text.Length && text[i + 2] == ')') { i += 2; continue; }
            if (IsIdentStart(n) || char.IsAsciiDigit(n))
            {
                int j = i + 1;
                while (j < text.Length && (char.IsAsciiLetterOrDigit(text[j]) || text[j] == '_' || text[j] == '$')) j++;
                // Take the longest parameter name that matches.
                string word = text.Substring(i + 1, j - i - 1);
                if (map.TryGetValue(word, out var value)) { sb.Append(value); i = j - 1; continue; }
            }
            sb.Append(c);
        }
        return sb.ToString();
    }

    // ---------------------------------------------------------------- directives

    private void Directive(ReadOnlySpan<char> name, string t, int p, int e, int at)
    {
        var loc = At(at);
        switch (name)
        {
            // Sections
            case ".text": SwitchTo(GetSection(".text", null, null, loc)); IgnoreRest(t, p, e); return;
            case ".data": SwitchTo(GetSection(".data", null, null, loc)); IgnoreRest(t, p, e); return;
            case ".bss": SwitchTo(GetSection(".bss", null, null, loc)); IgnoreRest(t, p, e); return;
            case ".rodata": SwitchTo(GetSection(".rodata", null, null, loc)); IgnoreRest(t, p, e); return;
            case ".section": SectionDirective(t, p, e, loc, push: false); return;
            case ".pushsection": SectionDirective(t, p, e, loc, push: true); return;
            case ".popsection":
                if (_sectionStack.Count == 0) { Error(loc, ".popsection without .pushsection"); return; }
                (_sec, _previousSection) = _sectionStack.Pop();
                return;
            case ".previous":
                if (_previousSection is not null) (_sec, _previousSection) = (_previousSection, _sec);
                return;

            // Symbols
            case ".globl": case ".global": SymbolList(t, p, e, s => { s.Global = true; if (!s.DeclaredGlobalAt.IsValid) s.DeclaredGlobalAt = loc; }); return;
            case ".weak": SymbolList(t, p, e, s => { s.Global = true; s.Weak = true; if (!s.DeclaredGlobalAt.IsValid) s.DeclaredGlobalAt = loc; }); return;
            case ".local": SymbolList(t, p, e, s => s.Global = false); return;
            case ".hidden": case ".protected": case ".internal": case ".extern": SymbolList(t, p, e, _ => { }); return;
            case ".equ": case ".set": case ".equiv": case ".eqv":
            {
                int q = SkipWs(t, p, e);
                int ne = IdentEnd(t, q, e);
                if (ne == q) { Error(At(q), $"{name.ToString()} needs a symbol name"); return; }
                string sym = t.Substring(q, ne - q);
                int c = SkipWs(t, ne, e);
                if (c >= e || t[c] != ',') { Error(At(c), $"expected ',' after '{sym}'"); return; }
                Assign(sym, t, c + 1, e, loc, redefine: name is ".set" or ".equ", equiv: name is ".equiv");
                return;
            }
            case ".type": TypeDirective(t, p, e); return;
            case ".size":
            {
                int q = SkipWs(t, p, e);
                int ne = IdentEnd(t, q, e);
                if (ne == q) { Error(At(q), ".size needs a symbol name"); return; }
                var s = GetSymbol(t.AsSpan(q, ne - q));
                int c = SkipWs(t, ne, e);
                if (c >= e || t[c] != ',') { Error(At(c), "expected ','"); return; }
                c++;
                var expr = ParseExpression(t, ref c, e);
                if (expr is not null) { s.SizeExpr = expr; ExpectEnd(t, c, e); }
                return;
            }

            // Data
            case ".byte": case ".dc.b": DataDirective(t, p, e, 1); return;
            case ".dc.w": DataDirective(t, p, e, 2); return;
            case ".dc.l": DataDirective(t, p, e, 4); return;
            case ".half": case ".short": case ".2byte": case ".hword": DataDirective(t, p, e, 2); return;
            case ".word": case ".long": case ".4byte": case ".int": DataDirective(t, p, e, 4); return;
            case ".dword": case ".quad": case ".8byte": DataDirective(t, p, e, 8); return;
            case ".ascii": StringDirective(t, p, e, false); return;
            case ".asciz": case ".string": StringDirective(t, p, e, true); return;
            case ".zero":
            {
                var n = Absolute(t, ref p, e);
                if (n is null) return;
                ExpectEnd(t, p, e);
                AddFill(n.Value, 1, 0, loc);
                return;
            }
            case ".space": case ".skip":
            {
                var n = Absolute(t, ref p, e);
                if (n is null) return;
                long fill = 0;
                p = SkipWs(t, p, e);
                if (p < e && t[p] == ',') { p++; var f = Absolute(t, ref p, e); if (f is null) return; fill = f.Value; }
                ExpectEnd(t, p, e);
                AddFill(n.Value, 1, fill, loc);
                return;
            }
            case ".fill":
            {
                var n = Absolute(t, ref p, e);
                if (n is null) return;
                long size = 1, value = 0;
                p = SkipWs(t, p, e);
                if (p < e && t[p] == ',')
                {
                    p++;
                    var sz = Absolute(t, ref p, e); if (sz is null) return; size = sz.Value;
                    p = SkipWs(t, p, e);
                    if (p < e && t[p] == ',') { p++; var v = Absolute(t, ref p, e); if (v is null) return; value = v.Value; }
                }
                ExpectEnd(t, p, e);
                if (size < 0) { Error(loc, ".fill size is negative"); return; }
                if (size > 8) { Warning(loc, ".fill size clamped to 8"); size = 8; }
                AddFill(n.Value, (int)size, value, loc);
                return;
            }
            case ".incbin": Incbin(t, p, e, loc); return;
            case ".insn": Insn(t, p, e, loc); return;
            case ".sleb128": case ".uleb128": Leb128(t, p, e, name is ".sleb128"); return;

            // Alignment and location
            case ".align": case ".p2align": AlignDirective(t, p, e, loc, pow2: true); return;
            case ".balign": AlignDirective(t, p, e, loc, pow2: false); return;
            case ".balignw": AlignDirective(t, p, e, loc, pow2: false, fillWidth: 2); return;
            case ".balignl": AlignDirective(t, p, e, loc, pow2: false, fillWidth: 4); return;
            case ".p2alignw": AlignDirective(t, p, e, loc, pow2: true, fillWidth: 2); return;
            case ".p2alignl": AlignDirective(t, p, e, loc, pow2: true, fillWidth: 4); return;
            case ".lcomm": case ".comm": Common(t, p, e, loc, global: name is ".comm"); return;
            case ".org":
            {
                var expr = ParseExpression(t, ref p, e);
                if (expr is null) return;
                long fill = 0;
                p = SkipWs(t, p, e);
                if (p < e && t[p] == ',') { p++; var f = Absolute(t, ref p, e); if (f is null) return; fill = f.Value; }
                ExpectEnd(t, p, e);
                Org(expr, fill, loc);
                return;
            }

            // Files
            case ".include": Include(t, p, e, loc); return;

            // Macros and repetition
            case ".macro": DefineMacro(t, p, e, loc); return;
            case ".endm": Error(loc, ".endm without .macro"); return;
            case ".exitm":
                if (_exp is null) Error(loc, ".exitm outside a macro");
                else
                {
                    for (var x = _exp; x is not null; x = x.InvokedAt.Exp)
                    {
                        x.Exit = true;
                        if (x.What.StartsWith("macro", StringComparison.Ordinal)) break;
                    }
                }
                return;
            case ".purgem":
            {
                int q = SkipWs(t, p, e);
                int ne = IdentEnd(t, q, e);
                if (!_macros.Remove(t.Substring(q, ne - q))) Error(At(q), $"macro '{t.Substring(q, ne - q)}' is not defined");
                return;
            }
            case ".rept":
            {
                var n = Absolute(t, ref p, e);
                ExpectEnd(t, p, e);
                long count = n ?? 0;
                if (count < 0) { Warning(loc, ".rept count is negative, using 0"); count = 0; }
                if (count > 1_000_000) { Error(loc, ".rept count too large"); count = 0; }
                StartCollect("rept", loc, null, count);
                return;
            }
            case ".irp": case ".irpc":
            {
                int q = SkipWs(t, p, e);
                int ne = IdentEnd(t, q, e);
                if (ne == q) { Error(At(q), $"{name.ToString()} needs a parameter name"); StartCollect("rept", loc, null, 0); return; }
                string param = t.Substring(q, ne - q);
                q = SkipWs(t, ne, e);
                if (q < e && t[q] == ',') q = SkipWs(t, q + 1, e);
                var values = new List<string>();
                if (name is ".irp")
                {
                    while (q < e)
                    {
                        values.Add(MacroArgument(t, ref q, e));
                        q = SkipWs(t, q, e);
                        if (q < e && t[q] == ',') q = SkipWs(t, q + 1, e);
                    }
                    if (values.Count == 0) values.Add("");
                }
                else
                {
                    string chars = MacroArgument(t, ref q, e);
                    foreach (char c in chars) values.Add(c.ToString());
                }
                StartCollect(name is ".irp" ? "irp" : "irpc", loc, null, 0, param, values);
                return;
            }
            case ".endr": Error(loc, ".endr without .rept, .irp or .irpc"); return;

            // Messages
            case ".error": case ".warning": case ".print":
            {
                int q = SkipWs(t, p, e);
                string msg;
                if (q < e && t[q] == '"')
                {
                    var bytes = new List<byte>();
                    if (!ParseString(t, ref q, e, bytes)) return;
                    msg = Encoding.Latin1.GetString(bytes.ToArray());
                }
                else msg = name is ".error" ? ".error directive invoked in source file" : name is ".warning" ? ".warning directive invoked in source file" : "";
                if (name is ".error") Error(loc, msg);
                else if (name is ".warning") Warning(loc, msg);
                else _printed.Add(msg);
                return;
            }
            case ".err": Error(loc, ".err encountered"); return;
            case ".end": _endOfFile = true; return;

            case ".option": OptionDirective(t, p, e, loc); return;

            // Accepted and ignored, as GNU as records them only outside the program's bytes.
            case ".file": case ".ident": case ".attribute": case ".loc": case ".addrsig": case ".addrsig_sym":
            case ".cfi_startproc": case ".cfi_endproc": case ".cfi_def_cfa": case ".cfi_def_cfa_offset": case ".cfi_offset":
            case ".cfi_restore": case ".cfi_sections": case ".cfi_adjust_cfa_offset": case ".cfi_rel_offset":
            case ".cfi_register": case ".cfi_remember_state": case ".cfi_restore_state": case ".cfi_def_cfa_register": case ".cfi_signal_frame":
            case ".nolist": case ".list": case ".eject": case ".title": case ".sbttl": case ".psize": case ".stabs": case ".stabn": case ".stabd":
                return;
        }
        if (IsConditional(name)) { Conditional(name, t, p, e, at); return; }
        Error(loc, $"unknown directive '{name.ToString()}'");
    }

    private void IgnoreRest(string t, int p, int e)
    {
        // ".text 1" names a subsection; the number is accepted and ignored.
        p = SkipWs(t, p, e);
        if (p < e && !char.IsAsciiDigit(t[p])) Error(At(p), $"junk at end of line: '{Snippet(t, p, e)}'");
    }

    private void SectionDirective(string t, int p, int e, Loc loc, bool push)
    {
        p = SkipWs(t, p, e);
        string name;
        if (p < e && t[p] == '"')
        {
            int s = ++p;
            while (p < e && t[p] != '"') p++;
            name = t.Substring(s, p - s);
            if (p < e) p++;
        }
        else
        {
            int s = p;
            while (p < e && t[p] != ',' && t[p] != ' ' && t[p] != '\t') p++;
            name = t.Substring(s, p - s);
        }
        if (name.Length == 0) { Error(loc, ".section needs a name"); return; }
        string? flags = null, type = null;
        p = SkipWs(t, p, e);
        if (p < e && t[p] == ',')
        {
            p = SkipWs(t, p + 1, e);
            if (p < e && t[p] == '"')
            {
                int s = ++p;
                while (p < e && t[p] != '"') p++;
                flags = t.Substring(s, p - s);
                if (p < e) p++;
                foreach (char c in flags)
                    if ("awxMSGTo?RdeyiC".IndexOf(c) < 0) { Error(loc, $"unknown section flag '{c}'"); return; }
            }
            p = SkipWs(t, p, e);
            if (p < e && t[p] == ',')
            {
                p = SkipWs(t, p + 1, e);
                if (p < e && (t[p] == '@' || t[p] == '%')) p++;
                int s = p;
                p = IdentEnd(t, p, e);
                type = t.Substring(s, p - s);
            }
        }
        if (push) _sectionStack.Push((_sec, _previousSection));
        var sec = GetSection(name, flags, type, loc);
        SwitchTo(sec);
    }

    private void SymbolList(string t, int p, int e, Action<Symbol> apply)
    {
        while (true)
        {
            p = SkipWs(t, p, e);
            int ne = IdentEnd(t, p, e);
            if (ne == p) { Error(At(p), "expected a symbol name"); return; }
            var s = GetSymbol(t.AsSpan(p, ne - p));
            apply(s);
            p = SkipWs(t, ne, e);
            if (p >= e) return;
            if (t[p] != ',') { Error(At(p), $"junk at end of line: '{Snippet(t, p, e)}'"); return; }
            p++;
        }
    }

    private void TypeDirective(string t, int p, int e)
    {
        p = SkipWs(t, p, e);
        int ne = IdentEnd(t, p, e);
        if (ne == p) { Error(At(p), ".type needs a symbol name"); return; }
        var s = GetSymbol(t.AsSpan(p, ne - p));
        p = SkipWs(t, ne, e);
        if (p < e && t[p] == ',') p = SkipWs(t, p + 1, e);
        if (p < e && (t[p] == '@' || t[p] == '%' || t[p] == '#' || t[p] == '"')) p++;
        int ts = p;
        p = IdentEnd(t, p, e);
        var ty = t.AsSpan(ts, p - ts);
        s.ElfType = ty switch
        {
            "function" or "STT_FUNC" => 2,
            "object" or "STT_OBJECT" => 1,
            "notype" or "STT_NOTYPE" => 0,
            "tls_object" or "STT_TLS" => 6,
            "common" or "STT_COMMON" => 5,
            "gnu_indirect_function" or "STT_GNU_IFUNC" => 10,
            _ => 255,
        };
        if (s.ElfType == 255) { Error(At(ts), $"unrecognized symbol type '{ty.ToString()}'"); s.ElfType = 0; }
    }

    private void OptionDirective(string t, int p, int e, Loc loc)
    {
        p = SkipWs(t, p, e);
        int ne = IdentEnd(t, p, e);
        var opt = t.AsSpan(p, ne - p);
        switch (opt)
        {
            case "push": _optionStack.Push(true); break;
            case "pop":
                if (_optionStack.Count == 0) Error(loc, ".option pop with no .option push");
                else _optionStack.Pop();
                break;
            case "relax": case "norelax": case "norvc": case "nopic": case "pic": case "csr-check": case "no-csr-check": break;
            case "rvc": Error(loc, ".option rvc: this machine has no compressed instructions (no C extension)"); break;
            case "arch":
            {
                string rest = t.Substring(ne, e - ne);
                if (rest.Contains('c', StringComparison.Ordinal) && rest.Contains("+c", StringComparison.Ordinal))
                    Error(loc, ".option arch: this machine has no C extension");
                break;
            }
            default: Error(At(p), $"unknown .option '{opt.ToString()}'"); break;
        }
    }

    private void Include(string t, int p, int e, Loc loc)
    {
        p = SkipWs(t, p, e);
        if (p >= e || t[p] != '"') { Error(At(p), ".include needs a quoted file name"); return; }
        var bytes = new List<byte>();
        if (!ParseString(t, ref p, e, bytes)) return;
        ExpectEnd(t, p, e);
        string name = Encoding.UTF8.GetString(bytes.ToArray());
        string? path = FindFile(name);
        if (path is null) { Error(loc, $"cannot find include file '{name}'"); return; }
        if (_includeDepth >= 32) { Error(loc, "includes nested too deeply (32 levels)"); return; }
        string text;
        try { text = File.ReadAllText(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { Error(loc, $"cannot read include file '{name}': {ex.Message}"); return; }
        _includeDepth++;
        RunSource(new Source(path.StartsWith("./", StringComparison.Ordinal) ? path[2..] : path, text, Path.GetDirectoryName(Path.GetFullPath(path))));
        _includeDepth--;
    }

    private string? FindFile(string name)
    {
        if (Path.IsPathRooted(name)) return File.Exists(name) ? name : null;
        if (_src.Directory is not null)
        {
            string c = Path.Combine(_src.Directory, name);
            if (File.Exists(c)) return RelativeIfPossible(c);
        }
        if (File.Exists(name)) return name;
        foreach (var dir in _options.IncludeDirectories)
        {
            string c = Path.Combine(dir, name);
            if (File.Exists(c)) return c;
        }
        return null;
    }

    private static string RelativeIfPossible(string full)
    {
        string rel = Path.GetRelativePath(Directory.GetCurrentDirectory(), full);
        return rel.StartsWith("..", StringComparison.Ordinal) ? full : rel;
    }

    private void Incbin(string t, int p, int e, Loc loc)
    {
        p = SkipWs(t, p, e);
        if (p >= e || t[p] != '"') { Error(At(p), ".incbin needs a quoted file name"); return; }
        var nameBytes = new List<byte>();
        if (!ParseString(t, ref p, e, nameBytes)) return;
        long skip = 0, count = -1;
        p = SkipWs(t, p, e);
        if (p < e && t[p] == ',')
        {
            p++;
            var s = Absolute(t, ref p, e); if (s is null) return; skip = s.Value;
            p = SkipWs(t, p, e);
            if (p < e && t[p] == ',') { p++; var c = Absolute(t, ref p, e); if (c is null) return; count = c.Value; }
        }
        ExpectEnd(t, p, e);
        string name = Encoding.UTF8.GetString(nameBytes.ToArray());
        string? path = FindFile(name);
        if (path is null) { Error(loc, $"cannot find file '{name}' for .incbin"); return; }
        byte[] data;
        try { data = File.ReadAllBytes(path); }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { Error(loc, $"cannot read '{name}': {ex.Message}"); return; }
        if (skip < 0 || skip > data.Length) { Error(loc, $".incbin skip {skip} is outside the file ({data.Length} bytes)"); return; }
        long n = count < 0 ? data.Length - skip : Math.Min(count, data.Length - skip);
        if (count > data.Length - skip) Warning(loc, $".incbin count {count} is beyond the end of the file; truncated to {n}");
        AddBytes(data.AsSpan((int)skip, (int)n).ToArray(), loc);
    }

    /// <summary>.insn VALUE or .insn LENGTH, VALUE: a raw instruction, its length taken from
    /// its low bits as GNU as does when not given (values up to 64 bits). The .insn forms
    /// with a format name (.insn r ...) are not supported.</summary>
    private void Insn(string t, int p, int e, Loc loc)
    {
        int q = SkipWs(t, p, e);
        int ne = IdentEnd(t, q, e);
        if (ne > q && char.IsAsciiLetter(t[q]) && _symLookup.TryGetValue(t.AsSpan(q, ne - q), out _) == false && ne - q <= 3)
        {
            Error(At(q), ".insn with a format name is not supported; give the encoding: .insn [LENGTH,] VALUE");
            return;
        }
        var first = Absolute(t, ref p, e);
        if (first is null) return;
        long length, value;
        p = SkipWs(t, p, e);
        if (p < e && t[p] == ',')
        {
            p++;
            var v = Absolute(t, ref p, e);
            if (v is null) return;
            length = first.Value;
            value = v.Value;
        }
        else
        {
            value = first.Value;
            // riscv_insn_length: 16, 32, 48, 64 bits, then 80 + 16 * nnn; a reserved length is 2.
            long nnn = (value >> 12) & 7;
            length = (value & 3) != 3 ? 2 : (value & 0x1F) != 0x1F ? 4 : (value & 0x3F) == 0x1F ? 6
                : (value & 0x7F) == 0x3F ? 8 : nnn != 7 ? 10 + 2 * nnn : 2;
        }
        ExpectEnd(t, p, e);
        if (length < 2 || length > 22 || (length & 1) != 0) { Error(loc, $".insn length {length} is not an instruction length (2 to 22 bytes, even)"); return; }
        if (_sec.NoBits) { Error(loc, $"instruction in section '{_sec.Name}', which has no contents"); return; }
        var bytes = new byte[length];
        WriteLe(bytes, value, (int)Math.Min(length, 8)); // wider encodings: the value zero-extended
        AddBytes(bytes, loc);
    }

    private void Leb128(string t, int p, int e, bool signed)
    {
        var bytes = new List<byte>();
        while (true)
        {
            var v = Absolute(t, ref p, e);
            if (v is null) return;
            long x = v.Value;
            while (true)
            {
                byte b = (byte)(x & 0x7F);
                x = signed ? x >> 7 : (long)((ulong)x >> 7);
                bool done = signed ? (x == 0 && (b & 0x40) == 0) || (x == -1 && (b & 0x40) != 0) : x == 0;
                if (!done) b |= 0x80;
                bytes.Add(b);
                if (done) break;
            }
            p = SkipWs(t, p, e);
            if (p >= e) break;
            if (t[p] != ',') { Error(At(p), $"junk at end of line: '{Snippet(t, p, e)}'"); return; }
            p++;
        }
        AddBytes(bytes.ToArray(), At(p));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void DataDirective(string t, int p, int e, int width)
    {
        p = SkipWs(t, p, e);
        if (p >= e) return;
        List<Expr>? pending = null;
        Span<byte> buf = stackalloc byte[8];
        byte[]? constBytes = null;
        int constCount = 0;
        var startLoc = At(p);
        int index = 0;
        while (true)
        {
            int vs = SkipWs(t, p, e);
            _dotExtra = index++ * width;
            var expr = ParseExpression(t, ref p, e);
            _dotExtra = 0;
            if (expr is null) return;
            if (expr is NumExpr n && pending is null)
            {
                CheckDataRange(n.Value, width, At(vs));
                constBytes ??= new byte[width * 4];
                if (constCount + width > constBytes.Length) Array.Resize(ref constBytes, constBytes.Length * 2);
                WriteLe(constBytes.AsSpan(constCount), n.Value, width);
                constCount += width;
            }
            else
            {
                pending ??= [];
                if (constBytes is not null && constCount > 0)
                {
                    for (int i = 0; i < constCount; i += width)
                        pending.Add(new NumExpr(ReadLe(constBytes.AsSpan(i, width)), startLoc));
                    constCount = 0;
                }
                pending.Add(expr);
            }
            p = SkipWs(t, p, e);
            if (p >= e) break;
            if (t[p] != ',') { Error(At(p), $"junk at end of line: '{Snippet(t, p, e)}'"); return; }
            p++;
        }
        if (pending is not null)
        {
            var item = NewItem(ItemKind.Data, pending.Count * width, startLoc);
            item.Width = (byte)width;
            item.Exprs = pending.ToArray();
        }
        else if (constCount > 0)
        {
            AddBytes(constCount == constBytes!.Length ? constBytes : constBytes.AsSpan(0, constCount).ToArray(), startLoc);
        }
    }

    private static long ReadLe(ReadOnlySpan<byte> b)
    {
        long v = 0;
        for (int i = b.Length - 1; i >= 0; i--) v = v << 8 | b[i];
        return v;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void WriteLe(Span<byte> dest, long value, int width)
    {
        for (int i = 0; i < width; i++) dest[i] = (byte)(value >> (8 * i));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal void CheckDataRange(long value, int width, Loc at)
    {
        if (width >= 8) return;
        long max = 1L << (8 * width);
        if (value >= max || value < -(max >> 1) - (max >> 1))
        {
            long truncated = value & (max - 1);
            Warning(at, $"value 0x{value:x} truncated to 0x{truncated:x}");
        }
    }

    private void StringDirective(string t, int p, int e, bool zero)
    {
        var bytes = new List<byte>();
        var loc = At(p);
        while (true)
        {
            p = SkipWs(t, p, e);
            if (p >= e || t[p] != '"') { Error(At(p), "expected a string in double quotes"); return; }
            if (!ParseString(t, ref p, e, bytes)) return;
            if (zero) bytes.Add(0);
            p = SkipWs(t, p, e);
            if (p >= e) break;
            if (t[p] != ',') { Error(At(p), $"junk at end of line: '{Snippet(t, p, e)}'"); return; }
            p++;
        }
        AddBytes(bytes.ToArray(), loc);
    }

    /// <summary>A double-quoted string with the C escapes GNU as knows.</summary>
    internal bool ParseString(string t, ref int p, int e, List<byte> into)
    {
        int start = p;
        p++; // opening quote
        while (true)
        {
            if (p >= e) { Error(At(start), "missing closing '\"' of string"); return false; }
            char c = t[p++];
            if (c == '"') return true;
            if (c != '\\')
            {
                if (c < 0x80) into.Add((byte)c);
                else into.AddRange(Encoding.UTF8.GetBytes(c.ToString()));
                continue;
            }
            if (p >= e) { Error(At(start), "missing closing '\"' of string"); return false; }
            char x = t[p++];
            switch (x)
            {
                case 'n': into.Add(10); break;
                case 't': into.Add(9); break;
                case 'r': into.Add(13); break;
                case 'b': into.Add(8); break;
                case 'f': into.Add(12); break;
                case 'v': into.Add(11); break;
                case '\\': into.Add((byte)'\\'); break;
                case '"': into.Add((byte)'"'); break;
                case '\'': into.Add((byte)'\''); break;
                case 'x': case 'X':
                {
                    int v = 0, n = 0;
                    while (p < e && char.IsAsciiHexDigit(t[p])) { v = (v << 4) | HexVal(t[p]); p++; n++; }
                    if (n == 0) into.Add((byte)'x');
                    else into.Add((byte)v);
                    break;
                }
                default:
                    if (x >= '0' && x <= '7')
                    {
                        int v = x - '0', n = 1;
                        while (n < 3 && p < e && t[p] >= '0' && t[p] <= '7') { v = v * 8 + (t[p] - '0'); p++; n++; }
                        into.Add((byte)v);
                    }
                    else into.Add((byte)x); // as GNU as: an unknown escape is the character itself
                    break;
            }
        }
    }

    private static int HexVal(char c) => c <= '9' ? c - '0' : (c | 0x20) - 'a' + 10;

    /// <summary>.lcomm / .comm: reserves zeroed space in this file's .bss under a label.</summary>
    private void Common(string t, int p, int e, Loc loc, bool global)
    {
        p = SkipWs(t, p, e);
        int ne = IdentEnd(t, p, e);
        if (ne == p) { Error(At(p), "expected a symbol name"); return; }
        string name = t.Substring(p, ne - p);
        p = SkipWs(t, ne, e);
        if (p >= e || t[p] != ',') { Error(At(p), "expected ',' and a size"); return; }
        p++;
        var size = Absolute(t, ref p, e);
        if (size is null) return;
        // Without an alignment GNU as aligns by size (TC_IMPLICIT_LCOMM_ALIGNMENT).
        long align = size >= 8 ? 8 : size >= 4 ? 4 : size >= 2 ? 2 : 1;
        p = SkipWs(t, p, e);
        if (p < e && t[p] == ',') { p++; var a = Absolute(t, ref p, e); if (a is null) return; align = a.Value; }
        ExpectEnd(t, p, e);
        if (size < 0) { Error(loc, "size is negative"); return; }
        if (align < 0 || (align & (align - 1)) != 0) { Error(loc, $"alignment not a power of 2: {align}"); return; }
        var sym = GetSymbol(name);
        if (sym.IsDefined) { Error(loc, $"symbol '{name}' is already defined (at {Place(sym.DefinedAt)})"); return; }
        var save = _sec;
        _sec = GetSection(".bss", null, null, loc);
        if (align > 1)
        {
            if (align > _sec.Align) _sec.Align = (int)align;
            var pad = NewItem(ItemKind.Align, 0, loc);
            pad.Count = align;
            pad.MaxSkip = -1;
            pad.Size = AlignPadding(pad, pad.Offset);
            _sec.Size += pad.Size;
        }
        BindLabel(sym, loc);
        if (global) { sym.Global = true; if (!sym.DeclaredGlobalAt.IsValid) sym.DeclaredGlobalAt = loc; }
        sym.ElfType = 1;
        sym.SizeExpr = new NumExpr(size.Value, loc);
        AddFill(size.Value, 1, 0, loc);
        _sec = save;
    }

    private void AlignDirective(string t, int p, int e, Loc loc, bool pow2, int fillWidth = 1)
    {
        var n = Absolute(t, ref p, e);
        if (n is null) return;
        bool hasFill = false;
        long fill = 0;
        int maxSkip = -1;
        p = SkipWs(t, p, e);
        if (p < e && t[p] == ',')
        {
            p = SkipWs(t, p + 1, e);
            if (p < e && t[p] != ',')
            {
                var f = Absolute(t, ref p, e); if (f is null) return;
                fill = f.Value; hasFill = true;
                p = SkipWs(t, p, e);
            }
            if (p < e && t[p] == ',')
            {
                p++;
                var m = Absolute(t, ref p, e); if (m is null) return;
                maxSkip = (int)Math.Clamp(m.Value, 0, int.MaxValue);
            }
        }
        ExpectEnd(t, p, e);
        long bytes;
        if (pow2)
        {
            if (n.Value < 0 || n.Value > 31) { Error(loc, $"alignment too large: {n.Value} (at most 31)"); return; }
            bytes = 1L << (int)n.Value;
        }
        else
        {
            bytes = n.Value == 0 ? 1 : n.Value;
            if (bytes < 0 || (bytes & (bytes - 1)) != 0) { Error(loc, $"alignment not a power of 2: {n.Value}"); return; }
            if (bytes > 1L << 31) { Error(loc, "alignment too large"); return; }
        }
        if (bytes > _sec.Align && maxSkip != 0) _sec.Align = (int)bytes;
        // GNU as (riscv_frag_align_code): in code, without a fill value, an alignment no
        // larger than an instruction is only recorded, not padded.
        if (_sec.IsCode && !hasFill && bytes <= 4) return;
        var item = NewItem(ItemKind.Align, 0, loc);
        item.Count = bytes;
        item.Width = (byte)fillWidth;
        item.HasFill = hasFill;
        item.FillValue = fill;
        item.MaxSkip = maxSkip;
        item.Size = AlignPadding(item, item.Offset);
        _sec.Size += item.Size;
        if (_sec.IsCode) _sec.VarCount++;
    }

    /// <summary>The padding an alignment item needs at an offset.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static int AlignPadding(Item a, int offset)
    {
        long mask = a.Count - 1;
        int pad = (int)((a.Count - (offset & mask)) & mask);
        if (a.MaxSkip >= 0 && pad > a.MaxSkip) pad = 0;
        return pad;
    }

    private void Org(Expr target, long fill, Loc loc)
    {
        long? offset;
        if (Eval.TryEval(target, null, out var v, out var err, out _))
        {
            if (v.Sec is not null && v.Sec != _sec) { Error(loc, ".org target is in another section"); return; }
            offset = v.Off;
        }
        else { Error(loc, err + " (.org needs a value known at this point)"); return; }
        if (offset < _sec.Size) { Error(loc, $"attempt to move .org backwards (from 0x{_sec.Size:x} to 0x{offset:x})"); return; }
        if (offset > 64 * 1024 * 1024) { Error(loc, ".org target too far"); return; }
        var item = NewItem(ItemKind.Org, 0, loc);
        item.Count = offset.Value;
        item.FillValue = fill;
        item.Size = (int)(offset.Value - item.Offset);
        _sec.Size += item.Size;
        if (_sec.IsCode) _sec.VarCount++;
    }

    private void AddFill(long count, int size, long value, Loc loc)
    {
        if (count < 0) { Warning(loc, "repeat count is negative; nothing is emitted"); return; }
        if (count * size > 64 * 1024 * 1024) { Error(loc, "fill too large"); return; }
        if (count == 0 || size == 0) return;
        var item = NewItem(ItemKind.Fill, (int)(count * size), loc);
        item.Count = count;
        item.Width = (byte)size;
        item.FillValue = value;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void AddBytes(byte[] bytes, Loc loc)
    {
        if (bytes.Length == 0) return;
        if (bytes.Length <= 256)
        {
            var c = OpenChunk(loc, bytes.Length);
            bytes.CopyTo(c.Bytes!, c.Size);
            c.Size += bytes.Length;
            _sec.Size += bytes.Length;
            return;
        }
        var item = NewItem(ItemKind.Bytes, bytes.Length, loc);
        item.Bytes = bytes;
    }

    private Item? _chunk;

    /// <summary>The byte chunk at the end of the current section, with room for n more bytes.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Item OpenChunk(Loc loc, int n)
    {
        var items = _sec.Items;
        var c = _chunk;
        if (c is null || items.Count == 0 || !ReferenceEquals(items[^1], c))
        {
            c = new Item { Kind = ItemKind.Bytes, Offset = _sec.Size, Size = 0, Loc = loc, Bytes = new byte[Math.Max(64, n)] };
            items.Add(c);
            _chunk = c;
        }
        if (c.Size + n > c.Bytes!.Length) Array.Resize(ref c.Bytes, Math.Max(c.Bytes.Length * 2, c.Size + n));
        return c;
    }

    /// <summary>Ends the open chunk, so that the next item starts at a new index (labels and
    /// '.' name item boundaries).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void CloseChunk() => _chunk = null;

    /// <summary>Appends an item to the current section at its current end.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal Item NewItem(ItemKind kind, int size, Loc loc)
    {
        var item = new Item { Kind = kind, Offset = _sec.Size, Size = size, Loc = loc };
        _sec.Items.Add(item);
        _sec.Size += size;
        return item;
    }
}
