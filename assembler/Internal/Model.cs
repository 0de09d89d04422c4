using System.Runtime.CompilerServices;
namespace ToyMachine.Assembler.Internal;

/// <summary>A file of source text: a real file, an included file or a string.</summary>
internal sealed class Source
{
    public Source(string name, string text, string? directory)
    {
        Name = name;
        Text = text;
        Directory = directory;
    }

    public string Name { get; }
    public string Text { get; }
    public string? Directory { get; }
    private int[]? _lineStarts;

    /// <summary>The text of a 1-based line (without its end of line).</summary>
    public string LineText(int line)
    {
        _lineStarts ??= ComputeLineStarts(Text);
        if (line < 1 || line > _lineStarts.Length) return "";
        int start = _lineStarts[line - 1];
        int end = line < _lineStarts.Length ? _lineStarts[line] : Text.Length;
        while (end > start && (Text[end - 1] == '\n' || Text[end - 1] == '\r')) end--;
        return Text.Substring(start, end - start);
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
            if (text[i] == '\n' && i + 1 <= text.Length) starts.Add(i + 1);
        if (starts.Count > 1 && starts[^1] == text.Length) starts.RemoveAt(starts.Count - 1);
        return starts.ToArray();
    }
}

/// <summary>One line produced by a macro, .rept or .irp expansion.</summary>
internal sealed class ExpandedLine
{
    public ExpandedLine(string text, Source origin, int line)
    {
        Text = text;
        Origin = origin;
        Line = line;
    }

    public string Text { get; }
    /// <summary>The file the line was written in (the macro body's file).</summary>
    public Source Origin { get; }
    public int Line { get; }
}

/// <summary>A macro or repetition being expanded: where it was invoked from.</summary>
internal sealed class Expansion
{
    public Expansion(string what, Loc invokedAt, ExpandedLine[] lines)
    {
        What = what;
        InvokedAt = invokedAt;
        Lines = lines;
    }

    public string What { get; }
    public Loc InvokedAt { get; }
    public ExpandedLine[] Lines { get; }
    public bool Exit { get; set; }
}

/// <summary>A place in the source: file, line, column, and the expansion it came from.</summary>
internal readonly struct Loc
{
    public Loc(Source src, int line, int col, Expansion? exp = null, int expIndex = 0)
    {
        Src = src;
        Line = line;
        Col = col;
        Exp = exp;
        ExpIndex = expIndex;
    }

    public Source Src { get; }
    public int Line { get; }
    public int Col { get; }
    public Expansion? Exp { get; }
    public int ExpIndex { get; }

    public bool IsValid => Src is not null;

    public string LineText => Exp is not null ? Exp.Lines[ExpIndex].Text : Src.LineText(Line);

    public Loc WithCol(int col) => new(Src, Line, col, Exp, ExpIndex);

    public override string ToString() => Src is null ? "" : $"{Src.Name}:{Line}";
}

/// <summary>Where a section's bytes go in the program.</summary>
internal enum OutKind { Text, Rodata, Data, Bss, None }

internal enum SymKind { Undefined, Label, Equ }

/// <summary>A symbol of one file (a label, an <c>.equ</c>, or a name only referenced).</summary>
internal sealed class Symbol
{
    public Symbol(string name, FileUnit file)
    {
        Name = name;
        File = file;
    }

    public string Name { get; }
    public FileUnit File { get; }
    public SymKind Kind;
    public Section? Section;
    public int ItemIndex;
    public int VarCount;
    public Expr? EquExpr;
    public bool Global;
    public bool Weak;
    public bool IsTemporary; // .L names and numeric local labels: not in the symbol table
    public Loc DefinedAt;
    public Loc ReferencedAt;
    public Loc DeclaredGlobalAt;
    public byte ElfType;
    public Expr? SizeExpr;
    public bool Evaluating;
    public bool IsEquiv;

    public bool IsDefined => Kind != SymKind.Undefined;
}

/// <summary>The symbols and sections of one source file given on the command line.</summary>
internal sealed class FileUnit
{
    public FileUnit(Source source) => Source = source;

    public Source Source { get; }
    public Dictionary<string, Symbol> Symbols { get; } = new(StringComparer.Ordinal);
    public List<Section> Sections { get; } = [];
    public Dictionary<int, int> LocalLabelCounts { get; } = [];
}

/// <summary>The contents of one section of one file.</summary>
internal sealed class Section
{
    public Section(string name, FileUnit file, OutKind kind, bool code, bool noBits)
    {
        Name = name;
        File = file;
        Kind = kind;
        IsCode = code;
        NoBits = noBits;
    }

    public string Name { get; }
    public FileUnit File { get; }
    public OutKind Kind { get; }
    public bool IsCode { get; }
    public bool NoBits { get; }
    public List<Item> Items { get; } = [];
    /// <summary>Current size (the offset of the next item).</summary>
    public int Size;
    /// <summary>Number of items so far whose size may change in layout.</summary>
    public int VarCount;
    /// <summary>Alignment in bytes (power of two).</summary>
    public int Align = 1;
    public uint Address;
    public byte[] Bytes = [];
    /// <summary>Nop padding added at the end of a code section (SUB_SEGMENT_ALIGN).</summary>
    public int TailPad;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int OffsetOf(int itemIndex) => itemIndex < Items.Count ? Items[itemIndex].Offset : Size;
}

internal enum ItemKind : byte { Insn, Branch, Data, Bytes, Fill, Align, Org }

/// <summary>How an expression's value goes into an instruction word.</summary>
internal enum Fix : byte
{
    None,
    ImmI, ImmS, ImmU,
    HiU, LoI, LoS,
    PcrelHiU, PcrelLoI, PcrelLoS,
    PairLoI, PairLoS,
    Jal, Branch,
}

/// <summary>One piece of a section: an instruction, data, fill or alignment.</summary>
internal sealed class Item
{
    public ItemKind Kind;
    public Fix Fix;
    public byte Width;      // Data: bytes per value; Fill: size
    public bool HasFill;
    public int Offset;
    public int Size;
    public uint Word;
    public Expr? Expr;
    public Item? Hi;        // PairLo: the auipc
    public byte[]? Bytes;
    public Expr[]? Exprs;
    public long Count;      // Fill: repeat; Align: alignment bytes; Org: unused
    public long FillValue;
    public int MaxSkip;     // Align: max bytes to skip, or -1
    public Loc Loc;
}
