namespace ToyMachine.Assembler.Tests;

/// <summary>Every corpus source assembles to the same section bytes and addresses as GNU as
/// + GNU ld (goldens made by Corpus/regen.sh), and its ELF has the segments ld gives it.</summary>
public class CorpusTests
{
    private static readonly string CorpusDir = Path.Combine(AppContext.BaseDirectory, "Corpus");

    public static TheoryData<string> Names()
    {
        var data = new TheoryData<string>();
        foreach (var g in Directory.GetFiles(CorpusDir, "*.golden").Order(StringComparer.Ordinal))
            data.Add(Path.GetFileNameWithoutExtension(g));
        return data;
    }

    internal sealed record GoldenSection(string Name, uint Address, uint Size, byte[]? Bytes);
    internal sealed record GoldenLoad(uint Vaddr, uint FileSize, uint MemSize, string Flags);

    internal static (List<GoldenSection> Sections, List<GoldenLoad> Loads) ReadGolden(string name)
    {
        var sections = new List<GoldenSection>();
        var loads = new List<GoldenLoad>();
        var lines = File.ReadAllLines(Path.Combine(CorpusDir, name + ".golden"));
        for (int i = 0; i < lines.Length; i++)
        {
            var f = lines[i].Split(' ');
            if (f[0] == "LOAD")
            {
                loads.Add(new GoldenLoad(Convert.ToUInt32(f[1], 16), Convert.ToUInt32(f[2], 16), Convert.ToUInt32(f[3], 16), f[4]));
                continue;
            }
            string secName = f[0];
            uint addr = Convert.ToUInt32(f[1], 16), size = Convert.ToUInt32(f[2], 16);
            byte[]? bytes = null;
            if (secName != ".bss")
            {
                var hex = new System.Text.StringBuilder();
                while (i + 1 < lines.Length && !lines[i + 1].Contains(' ')) hex.Append(lines[++i]);
                bytes = Convert.FromHexString(hex.ToString());
            }
            sections.Add(new GoldenSection(secName, addr, size, bytes));
        }
        return (sections, loads);
    }

    internal static AssemblyResult AssembleCorpus(string name)
    {
        string multi = Path.Combine(CorpusDir, name + ".multi");
        var paths = Directory.Exists(multi)
            ? Directory.GetFiles(multi, "*.s").Order(StringComparer.Ordinal).ToArray()
            : [Path.Combine(CorpusDir, name + ".s")];
        var result = Assembler.Assemble(paths.Select(SourceFile.FromPath).ToList(),
            new AssemblerOptions { IncludeDirectories = [CorpusDir] });
        Assert.True(result.Succeeded, string.Join("\n", result.Diagnostics));
        return result;
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Corpus_source_assembles_to_the_bytes_GNU_as_and_ld_produce(string name)
    {
        var (golden, _) = ReadGolden(name);
        var result = AssembleCorpus(name);
        var ours = result.Sections.Where(s => s.Size > 0).OrderBy(s => s.Address).ToList();
        Assert.Equal(golden.Select(g => g.Name), ours.Select(s => s.Name));
        foreach (var (g, o) in golden.Zip(ours))
        {
            Assert.True(g.Address == o.Address, $"{g.Name}: address 0x{o.Address:x}, GNU ld 0x{g.Address:x}");
            Assert.True(g.Size == o.Size, $"{g.Name}: size 0x{o.Size:x}, GNU ld 0x{g.Size:x}");
            if (g.Bytes is not null)
            {
                int diff = FirstDifference(g.Bytes, o.Bytes);
                if (diff >= 0)
                    Assert.Fail($"{g.Name}: first difference at 0x{g.Address + diff:x}: ours {Word(o.Bytes, diff)}, GNU {Word(g.Bytes, diff)}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Names))]
    public void Corpus_ELF_has_the_sections_and_load_segments_of_the_GNU_ld_output(string name)
    {
        var (golden, loads) = ReadGolden(name);
        var elf = new ElfReader(AssembleCorpus(name).ToElf());
        Assert.Equal(2, (int)elf.Type);
        Assert.Equal(243, (int)elf.Machine);
        foreach (var g in golden)
        {
            var s = elf.Sections.Single(x => x.Name == g.Name);
            Assert.Equal(g.Address, s.Addr);
            Assert.Equal(g.Size, s.Size);
            Assert.Equal(g.Name == ".bss" ? 8u : 1u, s.Type);
            if (g.Bytes is not null) Assert.Equal(g.Bytes, elf.SectionBytes(g.Name));
        }
        // ld's first segment also maps the ELF headers below .text; the ends, the flags and
        // the file/memory split must agree.
        var ourLoads = elf.Segments.Where(p => p.Type == 1).ToList();
        Assert.Equal(loads.Count, ourLoads.Count);
        foreach (var (g, o) in loads.Zip(ourLoads))
        {
            Assert.Equal(g.Flags, FlagString(o.Flags));
            Assert.Equal(g.Vaddr + g.MemSize, o.Vaddr + o.MemSize);
            Assert.Equal(g.Vaddr + g.FileSize, o.Vaddr + o.FileSize);
            Assert.True(o.Vaddr >= g.Vaddr);
            Assert.Equal(o.Vaddr % 0x1000, o.Offset % 0x1000);
        }
    }

    private static string FlagString(uint f) => ((f & 4) != 0 ? "R" : "") + ((f & 2) != 0 ? "W" : "") + ((f & 1) != 0 ? "E" : "");

    private static int FirstDifference(byte[] a, byte[] b)
    {
        for (int i = 0; i < Math.Max(a.Length, b.Length); i++)
            if (i >= a.Length || i >= b.Length || a[i] != b[i]) return i;
        return -1;
    }

    private static string Word(byte[] b, int at) => Convert.ToHexString(b.AsSpan(at, Math.Min(4, Math.Max(0, b.Length - at))));
}
