using System.Text.RegularExpressions;
using ToyMachine.Cpu.Isa;

namespace ToyMachine.Assembler.Tests;

/// <summary>Our listing against what GNU objdump 2.40 printed for the same files
/// (Golden/disasm, rebuilt by regen.sh), line by line, whitespace included.</summary>
public class DisassemblerGoldenTests
{
    [Theory]
    [InlineData("sweep")]       // every table entry with edge and random fields, as raw words
    [InlineData("aliases")]     // every pseudo-instruction as people write it
    [InlineData("layout")]      // labels, data in .text, zero runs, la/call pairs
    [InlineData("layout-stripped")]
    [InlineData("csrs-1.11")]
    [InlineData("csrs-1.12")]
    [InlineData("csrs-noattr")]
    public void Listing_of_a_fixture_is_the_listing_objdump_printed(string name)
    {
        string expected = File.ReadAllText(DisassemblerGoldenFiles.PathOf(name + ".objdump"));
        string actual = DisassemblerListing.FromElf(File.ReadAllBytes(DisassemblerGoldenFiles.PathOf(name + ".elf")), name + ".elf");
        DisassemblerGoldenFiles.AssertSameLines(expected, actual, name);
    }

    [Theory]
    [InlineData("hello")]
    [InlineData("echo")]
    [InlineData("selftest")]
    [InlineData("sstc")]
    [InlineData("timer")]
    [InlineData("idle")]
    [InlineData("spin")]
    public void Listing_of_a_machine_test_program_is_the_listing_objdump_printed(string name)
    {
        string expected = File.ReadAllText(DisassemblerGoldenFiles.PathOf($"fixture-{name}.objdump"));
        string actual = DisassemblerListing.FromElf(File.ReadAllBytes(DisassemblerGoldenFiles.CpuFixture(name + ".elf")), name + ".elf");
        DisassemblerGoldenFiles.AssertSameLines(expected, actual, name);
    }

    [Fact]
    public void Listing_of_a_flat_binary_is_what_objdump_prints_for_it_as_binary()
    {
        string expected = File.ReadAllText(DisassemblerGoldenFiles.PathOf("aliases.bin.objdump"));
        string actual = DisassemblerListing.FromFlatBinary(File.ReadAllBytes(DisassemblerGoldenFiles.PathOf("aliases.bin")), "aliases.bin", 0x8000_0000);
        DisassemblerGoldenFiles.AssertSameLines(expected, actual, "aliases.bin");
    }

    public static TheoryData<string, uint, uint, string> FlatLines()
    {
        // "80000000:\t00000513          \tli\ta0,0" in a listing without symbols.
        var rows = new TheoryData<string, uint, uint, string>();
        var line = new Regex(@"^ *([0-9a-f]+):\t([0-9a-f]{8}) +\t(.*)$");
        int n = 0;
        foreach (var text in File.ReadAllLines(DisassemblerGoldenFiles.PathOf("aliases.bin.objdump")))
        {
            var m = line.Match(text);
            if (m.Success)
                rows.Add($"{++n:d3}", Convert.ToUInt32(m.Groups[1].Value, 16), Convert.ToUInt32(m.Groups[2].Value, 16), m.Groups[3].Value);
        }
        return rows;
    }

    [Theory]
    [MemberData(nameof(FlatLines))]
    public void One_word_disassembles_to_objdumps_text_for_a_file_without_symbols(string line, uint pc, uint word, string objdump)
    {
        _ = line;
        // Alone, a word has no lui/auipc before it, so only objdump's "# address" comments
        // that need no earlier instruction (zero- and tp-based) can appear; compare without them.
        static string WithoutComment(string s) => Regex.Replace(s, " # .*$", "");
        Assert.Equal(WithoutComment(objdump), WithoutComment(Disassembler.Disassemble(word, pc)));
    }

    [Fact]
    public void Sweep_covers_every_instruction_of_the_table()
    {
        var words = Regex.Matches(File.ReadAllText(DisassemblerGoldenFiles.PathOf("sweep.s")), @"\.insn 0x([0-9a-f]{8})")
            .Select(m => Convert.ToUInt32(m.Groups[1].Value, 16));
        var covered = words.Select(Decoder.Find).Where(d => d is not null).Select(d => d!.Op).ToHashSet();
        var missing = Instructions.All.Select(d => d.Op).Where(op => !covered.Contains(op)).ToList();
        Assert.True(missing.Count == 0, "not in sweep.s: " + string.Join(", ", missing));
    }

    [Fact]
    public void Every_alias_appears_in_objdumps_output()
    {
        var printed = new HashSet<string>();
        foreach (var name in new[] { "sweep", "aliases" })
            foreach (Match m in Regex.Matches(File.ReadAllText(DisassemblerGoldenFiles.PathOf(name + ".objdump")), @"^ *[0-9a-f]+:\t[0-9a-f ]+\t([a-z.0-9]+)", RegexOptions.Multiline))
                printed.Add(m.Groups[1].Value);
        var missing = DisassemblerAliases.All.Select(a => a.Mnemonic).Where(m => !printed.Contains(m)).Distinct().ToList();
        Assert.True(missing.Count == 0, "never printed by objdump in the goldens: " + string.Join(", ", missing));
    }
}
