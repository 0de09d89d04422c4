using System.Runtime.CompilerServices;
namespace ToyMachine.Assembler.Internal;

internal enum BinOp : byte
{
    Mul, Div, Mod, Shl, Shr,
    Or, And, Xor, OrNot,
    Add, Sub,
    Eq, Ne, Lt, Gt, Le, Ge,
    LogAnd, LogOr,
}

/// <summary>An expression as written, kept when it cannot be folded to a number at once
/// (it names a label or a symbol not defined yet).</summary>
internal abstract class Expr
{
    public abstract Loc Loc { get; }
}

internal sealed class NumExpr(long value, Loc loc) : Expr
{
    public long Value { get; } = value;
    public override Loc Loc { get; } = loc;
}

internal sealed class SymExpr(Symbol symbol, Loc loc) : Expr
{
    public Symbol Symbol { get; } = symbol;
    public override Loc Loc { get; } = loc;
}

/// <summary><c>.</c>: the location of the statement it is written in.</summary>
internal sealed class DotExpr(Section section, int itemIndex, int extra, Loc loc) : Expr
{
    public Section Section { get; } = section;
    public int ItemIndex { get; } = itemIndex;
    /// <summary>Bytes after the start of the item (the n-th value of a .word list).</summary>
    public int Extra { get; } = extra;
    public override Loc Loc { get; } = loc;
}

internal sealed class UnExpr(char op, Expr operand, Loc loc) : Expr
{
    public char Op { get; } = op;
    public Expr Operand { get; } = operand;
    public override Loc Loc { get; } = loc;
}

internal sealed class BinExpr(BinOp op, Expr left, Expr right, Loc loc) : Expr
{
    public BinOp Op { get; } = op;
    public Expr Left { get; } = left;
    public Expr Right { get; } = right;
    public override Loc Loc { get; } = loc;
}

/// <summary>A value: a number, or an offset into a section (before addresses are known).</summary>
internal struct Val
{
    public long Off;
    public Section? Sec;
    public int Var;
}

/// <summary>Evaluates expressions. Before layout a label is "section + offset"; after
/// layout (final) it is its address.</summary>
internal static class Eval
{
    /// <summary>Resolves a symbol to its definition (a local one, or, after layout, the
    /// global of another file it names). Null when nothing defines it (yet).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static Symbol? Resolve(Symbol s, Func<Symbol, Symbol?>? globals)
    {
        if (s.IsDefined) return s;
        return globals?.Invoke(s);
    }

    /// <summary>Evaluates; on failure returns false with the reason and the place.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static bool TryEval(Expr e, Func<Symbol, Symbol?>? globals, out Val v, out string? error, out Loc errorAt)
    {
        bool final = globals is not null;
        error = null;
        errorAt = e.Loc;
        v = default;
        switch (e)
        {
            case NumExpr n:
                v.Off = n.Value;
                return true;
            case DotExpr d:
                if (final) v.Off = d.Section.Address + d.Section.OffsetOf(d.ItemIndex) + d.Extra;
                else
                {
                    v.Sec = d.Section;
                    v.Off = d.Section.OffsetOf(d.ItemIndex) + d.Extra;
                    v.Var = VarAt(d.Section, d.ItemIndex);
                }
                return true;
            case SymExpr se:
            {
                var s = Resolve(se.Symbol, globals);
                if (s is null)
                {
                    error = final ? $"undefined symbol '{se.Symbol.Name}'" : $"symbol '{se.Symbol.Name}' is not defined yet";
                    return false;
                }
                if (s.Kind == SymKind.Label)
                {
                    if (final) v.Off = s.Section!.Address + s.Section.OffsetOf(s.ItemIndex);
                    else
                    {
                        v.Sec = s.Section;
                        v.Off = s.Section!.OffsetOf(s.ItemIndex);
                        v.Var = s.VarCount;
                    }
                    return true;
                }
                if (s.Evaluating)
                {
                    error = $"symbol '{s.Name}' is defined in terms of itself";
                    return false;
                }
                s.Evaluating = true;
                try
                {
                    return TryEval(s.EquExpr!, globals, out v, out error, out errorAt);
                }
                finally { s.Evaluating = false; }
            }
            case UnExpr u:
            {
                if (!TryEval(u.Operand, globals, out var a, out error, out errorAt)) return false;
                if (a.Sec is not null)
                {
                    if (u.Op == '+') { v = a; return true; }
                    error = "operand of a unary operator must be absolute";
                    errorAt = u.Loc;
                    return false;
                }
                v.Off = u.Op switch
                {
                    '-' => -a.Off,
                    '~' => ~a.Off,
                    '!' => a.Off == 0 ? 1 : 0,
                    _ => a.Off,
                };
                return true;
            }
            case BinExpr b:
            {
                if (!TryEval(b.Left, globals, out var l, out error, out errorAt)) return false;
                if (!TryEval(b.Right, globals, out var r, out error, out errorAt)) return false;
                if (b.Op == BinOp.Add)
                {
                    if (l.Sec is not null && r.Sec is not null) { error = "cannot add two relocatable values"; errorAt = b.Loc; return false; }
                    v.Sec = l.Sec ?? r.Sec;
                    v.Var = l.Sec is not null ? l.Var : r.Var;
                    v.Off = l.Off + r.Off;
                    return true;
                }
                if (b.Op == BinOp.Sub)
                {
                    if (r.Sec is not null)
                    {
                        if (l.Sec != r.Sec || l.Var != r.Var)
                        {
                            error = l.Sec is null ? "cannot subtract a relocatable value from an absolute one"
                                : "difference of symbols in different sections or across code whose size is not known yet";
                            errorAt = b.Loc;
                            return false;
                        }
                        v.Off = l.Off - r.Off;
                        return true;
                    }
                    v = l;
                    v.Off = l.Off - r.Off;
                    return true;
                }
                if (l.Sec is not null || r.Sec is not null)
                {
                    if (l.Sec == r.Sec && l.Var == r.Var && b.Op is >= BinOp.Eq and <= BinOp.Ge)
                    {
                        v.Off = Compare(b.Op, l.Off, r.Off);
                        return true;
                    }
                    error = "operands of this operator must be absolute";
                    errorAt = b.Loc;
                    return false;
                }
                if ((b.Op is BinOp.Div or BinOp.Mod) && r.Off == 0)
                {
                    error = "division by zero";
                    errorAt = b.Loc;
                    return false;
                }
                v.Off = Apply(b.Op, l.Off, r.Off);
                return true;
            }
        }
        error = "bad expression";
        return false;
    }

    private static int VarAt(Section s, int itemIndex)
    {
        // The number of variable-size items before itemIndex: only needed for '.' before layout,
        // where itemIndex is the end of the section.
        return itemIndex >= s.Items.Count ? s.VarCount : CountVar(s, itemIndex);
    }

    private static int CountVar(Section s, int itemIndex)
    {
        int n = 0;
        for (int i = 0; i < itemIndex; i++)
            if (s.Items[i].Kind is ItemKind.Branch || (s.Items[i].Kind is ItemKind.Align or ItemKind.Org && s.IsCode)) n++;
        return n;
    }

    public static long Compare(BinOp op, long a, long b) => op switch
    {
        BinOp.Eq => a == b ? -1 : 0,
        BinOp.Ne => a != b ? -1 : 0,
        BinOp.Lt => a < b ? -1 : 0,
        BinOp.Gt => a > b ? -1 : 0,
        BinOp.Le => a <= b ? -1 : 0,
        _ => a >= b ? -1 : 0,
    };

    /// <summary>The operators as GNU as computes them on 64-bit values (comparisons give
    /// -1 for true, as GNU as does).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static long Apply(BinOp op, long a, long b) => op switch
    {
        BinOp.Mul => unchecked(a * b),
        BinOp.Div => b == -1 ? unchecked(-a) : a / b,
        BinOp.Mod => b == -1 ? 0 : a % b,
        BinOp.Shl => b is >= 0 and < 64 ? a << (int)b : 0,
        BinOp.Shr => b is >= 0 and < 64 ? (long)((ulong)a >> (int)b) : 0,
        BinOp.Or => a | b,
        BinOp.And => a & b,
        BinOp.Xor => a ^ b,
        BinOp.OrNot => a | ~b,
        BinOp.Add => unchecked(a + b),
        BinOp.Sub => unchecked(a - b),
        BinOp.LogAnd => a != 0 && b != 0 ? 1 : 0,
        BinOp.LogOr => a != 0 || b != 0 ? 1 : 0,
        _ => Compare(op, a, b),
    };
}
