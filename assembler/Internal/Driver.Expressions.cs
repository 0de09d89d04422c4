using System.Runtime.CompilerServices;
namespace ToyMachine.Assembler.Internal;

internal enum Modifier : byte { None, Hi, Lo, PcrelHi, PcrelLo }

internal sealed partial class Driver
{
    /// <summary>Bytes already emitted by the statement being read (for '.').</summary>
    private int _dotExtra;

    /// <summary>Parses an expression starting at p; stops before a comma, an unmatched ')'
    /// or the end. Reports errors and returns null on failure.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal Expr? ParseExpression(string t, ref int p, int e) => ParseBinary(t, ref p, e, 1);

    // GNU as precedence (not C's): * / % << >> bind tightest, then | & ^ !, then + -,
    // then comparisons, then &&, then ||.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static (BinOp Op, int Rank, int Len) PeekOperator(string t, int p, int e)
    {
        char c = t[p];
        char n = p + 1 < e ? t[p + 1] : '\0';
        return c switch
        {
            '*' => (BinOp.Mul, 6, 1),
            '/' => (BinOp.Div, 6, 1),
            '%' => (BinOp.Mod, 6, 1),
            '<' when n == '<' => (BinOp.Shl, 6, 2),
            '>' when n == '>' => (BinOp.Shr, 6, 2),
            '|' when n == '|' => (BinOp.LogOr, 1, 2),
            '|' => (BinOp.Or, 5, 1),
            '&' when n == '&' => (BinOp.LogAnd, 2, 2),
            '&' => (BinOp.And, 5, 1),
            '^' => (BinOp.Xor, 5, 1),
            '!' when n == '=' => (BinOp.Ne, 3, 2),
            '!' => (BinOp.OrNot, 5, 1),
            '+' => (BinOp.Add, 4, 1),
            '-' => (BinOp.Sub, 4, 1),
            '=' when n == '=' => (BinOp.Eq, 3, 2),
            '<' when n == '>' => (BinOp.Ne, 3, 2),
            '<' when n == '=' => (BinOp.Le, 3, 2),
            '>' when n == '=' => (BinOp.Ge, 3, 2),
            '<' => (BinOp.Lt, 3, 1),
            '>' => (BinOp.Gt, 3, 1),
            _ => (BinOp.Add, 0, 0),
        };
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Expr? ParseBinary(string t, ref int p, int e, int minRank)
    {
        var left = ParseUnary(t, ref p, e);
        if (left is null) return null;
        while (true)
        {
            p = SkipWs(t, p, e);
            if (p >= e) break;
            var (op, rank, len) = PeekOperator(t, p, e);
            if (rank == 0 || rank < minRank) break;
            int opPos = p;
            p += len;
            var right = ParseBinary(t, ref p, e, rank + 1);
            if (right is null) return null;
            var at = At(opPos);
            if (left is NumExpr a && right is NumExpr b)
            {
                if ((op is BinOp.Div or BinOp.Mod) && b.Value == 0)
                {
                    Error(at, "division by zero");
                    return null;
                }
                left = new NumExpr(Eval.Apply(op, a.Value, b.Value), left.Loc);
            }
            else left = new BinExpr(op, left, right, at);
        }
        return left;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Expr? ParseUnary(string t, ref int p, int e)
    {
        p = SkipWs(t, p, e);
        if (p >= e)
        {
            Error(At(p), "missing expression");
            return null;
        }
        int start = p;
        char c = t[p];
        switch (c)
        {
            case '-':
            case '~':
            case '!':
            case '+':
            {
                p++;
                var operand = ParseUnary(t, ref p, e);
                if (operand is null) return null;
                if (operand is NumExpr n)
                    return new NumExpr(c switch { '-' => unchecked(-n.Value), '~' => ~n.Value, '!' => n.Value == 0 ? 1 : 0, _ => n.Value }, At(start));
                return new UnExpr(c, operand, At(start));
            }
            case '(':
            {
                p++;
                var inner = ParseBinary(t, ref p, e, 1);
                if (inner is null) return null;
                p = SkipWs(t, p, e);
                if (p >= e || t[p] != ')')
                {
                    Error(At(p), "missing ')'");
                    return null;
                }
                p++;
                return inner;
            }
            case '\'':
                return CharLiteral(t, ref p, e);
        }
        if (char.IsAsciiDigit(c)) return Number(t, ref p, e);
        if (IsIdentStart(c))
        {
            int ne = IdentEnd(t, p, e);
            var at = At(p);
            if (ne == p + 1 && c == '.')
            {
                p = ne;
                CloseChunk();
                return new DotExpr(_sec, _sec.Items.Count, _dotExtra, at);
            }
            var sym = GetSymbol(t.AsSpan(p, ne - p));
            p = ne;
            return SymbolValue(sym, at);
        }
        if (c == '%')
        {
            Error(At(p), "a %hi/%lo/%pcrel modifier is only allowed as a whole operand");
            return null;
        }
        Error(At(p), $"bad expression: '{Snippet(t, p, e)}'");
        return null;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Expr SymbolValue(Symbol sym, Loc at)
    {
        if (sym.Kind == SymKind.Equ)
        {
            if (sym.EquExpr is NumExpr n) return new NumExpr(n.Value, at);
            return sym.EquExpr!;
        }
        if (!sym.ReferencedAt.IsValid) sym.ReferencedAt = at;
        return new SymExpr(sym, at);
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Expr? CharLiteral(string t, ref int p, int e)
    {
        int start = p;
        p++;
        if (p >= e)
        {
            Error(At(start), "missing character after '");
            return null;
        }
        long v;
        char c = t[p++];
        if (c == '\\' && p < e)
        {
            char x = t[p++];
            switch (x)
            {
                case 'n': v = 10; break;
                case 't': v = 9; break;
                case 'r': v = 13; break;
                case 'b': v = 8; break;
                case 'f': v = 12; break;
                case 'x': case 'X':
                    v = 0;
                    while (p < e && char.IsAsciiHexDigit(t[p])) { v = (v << 4) | (long)HexVal(t[p]); p++; }
                    break;
                default:
                    if (x >= '0' && x <= '7')
                    {
                        v = x - '0';
                        for (int n = 1; n < 3 && p < e && t[p] >= '0' && t[p] <= '7'; n++) v = v * 8 + (t[p++] - '0');
                    }
                    else v = x;
                    break;
            }
        }
        else v = c;
        if (p < e && t[p] == '\'') p++;
        return new NumExpr(v, At(start));
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Expr? Number(string t, ref int p, int e)
    {
        int start = p;
        var at = At(start);
        ulong v = 0;
        bool overflow = false;
        if (t[p] == '0' && p + 1 < e && (t[p + 1] == 'x' || t[p + 1] == 'X') && p + 2 < e && char.IsAsciiHexDigit(t[p + 2]))
        {
            p += 2;
            while (p < e && char.IsAsciiHexDigit(t[p]))
            {
                if (v >> 60 != 0) overflow = true;
                v = (v << 4) | (uint)HexVal(t[p]);
                p++;
            }
        }
        else if (t[p] == '0' && p + 1 < e && (t[p + 1] == 'b' || t[p + 1] == 'B') && p + 2 < e && (t[p + 2] == '0' || t[p + 2] == '1'))
        {
            p += 2;
            while (p < e && (t[p] == '0' || t[p] == '1'))
            {
                if (v >> 63 != 0) overflow = true;
                v = (v << 1) | (uint)(t[p] - '0');
                p++;
            }
        }
        else
        {
            int ds = p;
            while (p < e && char.IsAsciiDigit(t[p])) p++;
            // 1b / 1f: a local label reference
            if (p < e && (t[p] == 'b' || t[p] == 'f') && (p + 1 >= e || !IsIdentChar(t[p + 1])))
            {
                bool forward = t[p] == 'f';
                if (!int.TryParse(t.AsSpan(ds, p - ds), out int n))
                {
                    Error(at, "local label number too large");
                    p++;
                    return null;
                }
                p++;
                var sym = LocalLabelRef(n, forward, at);
                if (sym is null) return null;
                return new SymExpr(sym, at);
            }
            bool octal = t[ds] == '0' && p - ds > 1;
            for (int i = ds; i < p; i++)
            {
                uint d = (uint)(t[i] - '0');
                if (octal)
                {
                    if (d > 7) { Error(at, $"bad octal number '{t.Substring(ds, p - ds)}'"); return null; }
                    if (v >> 61 != 0) overflow = true;
                    v = v * 8 + d;
                }
                else
                {
                    if (v > (ulong.MaxValue - d) / 10) overflow = true;
                    v = unchecked(v * 10 + d);
                }
            }
        }
        if (p < e && IsIdentChar(t[p]))
        {
            Error(at, $"bad number '{Snippet(t, start, IdentEnd(t, p, e))}'");
            p = IdentEnd(t, p, e);
            return null;
        }
        if (overflow)
        {
            Error(at, "number too large (more than 64 bits)");
            return null;
        }
        return new NumExpr(unchecked((long)v), at);
    }

    /// <summary>An operand that may be <c>%hi(x)</c>, <c>%lo(x)</c>, <c>%pcrel_hi(x)</c>,
    /// <c>%pcrel_lo(x)</c> or a plain expression.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private Expr? ParseModExpr(string t, ref int p, int e, out Modifier mod)
    {
        mod = Modifier.None;
        p = SkipWs(t, p, e);
        if (p < e && t[p] == '%')
        {
            int ns = p + 1;
            int ne = IdentEnd(t, ns, e);
            var name = t.AsSpan(ns, ne - ns);
            mod = name switch
            {
                "hi" => Modifier.Hi,
                "lo" => Modifier.Lo,
                "pcrel_hi" => Modifier.PcrelHi,
                "pcrel_lo" => Modifier.PcrelLo,
                _ => (Modifier)255,
            };
            if ((byte)mod == 255)
            {
                Error(At(p), $"unsupported relocation modifier '%{name.ToString()}' (only %hi, %lo, %pcrel_hi, %pcrel_lo)");
                return null;
            }
            p = SkipWs(t, ne, e);
            if (p >= e || t[p] != '(')
            {
                Error(At(p), $"expected '(' after %{name.ToString()}");
                return null;
            }
            p++;
            var inner = ParseBinary(t, ref p, e, 1);
            if (inner is null) return null;
            p = SkipWs(t, p, e);
            if (p >= e || t[p] != ')')
            {
                Error(At(p), "missing ')'");
                return null;
            }
            p++;
            return inner;
        }
        return ParseExpression(t, ref p, e);
    }
}
