using System.Text;

namespace ToyMachine.Assembler.Internal;

/// <summary>One source line as the listing shows it.</summary>
internal sealed class ListingLine
{
    public ListingLine(string file, int line, string text, Section section, int firstItem, bool fromExpansion)
    {
        File = file;
        Line = line;
        Text = text;
        Section = section;
        FirstItem = firstItem;
        FromExpansion = fromExpansion;
    }

    public string File { get; }
    public int Line { get; }
    public string Text { get; }
    public Section Section { get; }
    public int FirstItem { get; }
    public bool FromExpansion { get; }
    /// <summary>A macro or repetition was expanded from this line (its bytes are listed
    /// under the expanded lines).</summary>
    public bool Expanded { get; set; }
    public Section? EndSection { get; private set; }
    public int EndItem { get; private set; }

    public void End(Section section, int item)
    {
        EndSection = section;
        EndItem = item;
    }
}

/// <summary>Renders the listing: file:line, address, bytes (in memory order) and the source;
/// lines produced by macros and repetitions are marked with '+'.</summary>
internal static class Listing
{
    private const int BytesPerLine = 8;

    public static string Render(List<ListingLine> lines)
    {
        var sb = new StringBuilder();
        foreach (var l in lines)
        {
            string where = $"{l.File}:{l.Line}";
            var sec = l.Section;
            int start = sec.OffsetOf(l.FirstItem);
            int end = l.EndSection == sec ? sec.OffsetOf(l.EndItem) : start;
            if (l.Expanded || sec.Kind == OutKind.None) end = start;
            uint addr = sec.Address + (uint)start;
            var bytes = sec.Bytes.Length >= end ? sec.Bytes.AsSpan(start, end - start) : ReadOnlySpan<byte>.Empty;
            int n = Math.Min(bytes.Length, BytesPerLine);
            sb.Append(where.PadRight(24)).Append(' ').Append(addr.ToString("x8")).Append("  ");
            sb.Append(Hex(bytes[..n]).PadRight(BytesPerLine * 2 + 1));
            sb.Append(l.FromExpansion ? "+ " : "  ").Append(l.Text.Replace('\t', ' ')).Append('\n');
            for (int i = n; i < bytes.Length; i += BytesPerLine)
            {
                int m = Math.Min(BytesPerLine, bytes.Length - i);
                sb.Append(' ', 25).Append((addr + (uint)i).ToString("x8")).Append("  ").Append(Hex(bytes.Slice(i, m))).Append('\n');
            }
        }
        return sb.ToString();
    }

    private static string Hex(ReadOnlySpan<byte> b) => Convert.ToHexStringLower(b);
}
