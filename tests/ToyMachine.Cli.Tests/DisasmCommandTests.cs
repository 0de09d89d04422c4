using System.Text.RegularExpressions;

namespace ToyMachine.Cli.Tests;

/// <summary><c>toymachine disasm</c> and the trace's disassembly, against what GNU objdump
/// printed (tests/ToyMachine.Assembler.Tests/Golden/disasm, rebuilt by its regen.sh).</summary>
public class DisasmCommandTests
{
    private static string Golden(string name)
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "ToyMachine.Assembler.Tests", "Golden", "disasm", name);
            if (File.Exists(candidate)) return candidate;
        }
        throw new FileNotFoundException("golden not found: " + name);
    }

    // objdump names the file as it was given; the tests give a full path.
    private static string WithHeaderName(string listing, string name) =>
        Regex.Replace(listing, @"^\n[^\n]*:     file format", "\n" + name + ":     file format");

    [Fact]
    public void Disasm_of_an_ELF_prints_the_listing_objdump_prints()
    {
        var r = Toymachine.Run("disasm", Golden("layout.elf"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Assert.Equal(File.ReadAllText(Golden("layout.objdump")), WithHeaderName(r.Stdout, "layout.elf"));
    }

    [Fact]
    public void Disasm_of_a_flat_binary_places_it_at_the_base_address()
    {
        var r = Toymachine.Run("disasm", Golden("aliases.bin"), "--base", "0x80000000");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal(File.ReadAllText(Golden("aliases.bin.objdump")), WithHeaderName(r.Stdout, "aliases.bin"));
    }

    [Fact]
    public void Disasm_of_a_missing_file_exits_2_with_one_line_naming_it()
    {
        var r = Toymachine.Run("disasm", "/nonexistent/program.elf");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("toymachine: program.elf: no such file\n", r.Stderr);
        Assert.Equal("", r.Stdout);
    }

    [Fact]
    public void Disasm_of_a_damaged_ELF_exits_2_with_one_line_saying_what_is_wrong()
    {
        string path = Path.Combine(Path.GetTempPath(), $"damaged-{Guid.NewGuid():N}.elf");
        var bytes = File.ReadAllBytes(Golden("layout.elf"));
        bytes[4] = 2;   // EI_CLASS: 64-bit
        File.WriteAllBytes(path, bytes);
        var r = Toymachine.Run("disasm", path);
        File.Delete(path);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"toymachine: {Path.GetFileName(path)}: not a 32-bit ELF file (EI_CLASS is not ELFCLASS32)\n", r.Stderr);
    }

    [Theory]
    [InlineData("0x1_0000_0000")]
    [InlineData("start")]
    [InlineData("-4")]
    public void Disasm_with_a_base_that_is_not_an_address_exits_2(string value)
    {
        var r = Toymachine.Run("disasm", Golden("aliases.bin"), "--base", value);
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith($"toymachine: --base {value}: ", r.Stderr);
    }

    [Fact]
    public void Disasm_of_an_ELF_with_a_base_exits_2_because_the_ELF_has_its_addresses()
    {
        var r = Toymachine.Run("disasm", Golden("layout.elf"), "--base", "0x1000");
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Fact]
    public void Trace_lines_show_the_full_disassembly_objdump_prints()
    {
        // objdump of hello.elf without symbols: the text for a word with no symbol table,
        // which is what each trace line carries (tab after the mnemonic as a space).
        var objdump = new Dictionary<string, string>();
        foreach (var line in File.ReadAllLines(Golden("fixture-hello-stripped.objdump")))
        {
            var m = Regex.Match(line, @"^([0-9a-f]{8}):\t[0-9a-f]{8} +\t(.*)$");
            if (m.Success) objdump[m.Groups[1].Value] = Regex.Replace(m.Groups[2].Value, " # .*$", "").Replace('\t', ' ');
        }

        string trace = Path.Combine(Path.GetTempPath(), $"trace-{Guid.NewGuid():N}.txt");
        var r = Toymachine.Run("run", Toymachine.Fixture("hello.elf"), "--trace", trace);
        Assert.Equal(0, r.ExitCode);
        var lines = File.ReadAllLines(trace);
        File.Delete(trace);

        // "         184 80000010 00a58533  add a0,a1,a0                    a0=0x0000002a"
        Assert.StartsWith("           0 80000000 00000517  auipc a0,0x0 ", lines[0]);
        int checkedLines = 0;
        foreach (var line in lines)
        {
            var m = Regex.Match(line, @"^ *\d+ ([0-9a-f]{8}) [0-9a-f]{8}  (.{32})");
            Assert.True(m.Success, "trace line: " + line);
            string text = Regex.Replace(m.Groups[2].Value.TrimEnd(), " # .*$", "");
            if (objdump.TryGetValue(m.Groups[1].Value, out var expected))
            {
                Assert.Equal(expected, text);
                checkedLines++;
            }
        }
        Assert.True(checkedLines > 100, $"only {checkedLines} trace lines were checked");
    }
}
