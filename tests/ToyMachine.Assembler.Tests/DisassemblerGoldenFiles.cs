namespace ToyMachine.Assembler.Tests;

/// <summary>Where the disassembler goldens live: Golden/disasm beside the test binaries
/// when the project copies them, else in the source tree above them.</summary>
internal static class DisassemblerGoldenFiles
{
    public static string Directory { get; } = Find();

    public static string PathOf(string name) => Path.Combine(Directory, name);

    private static string Find()
    {
        string beside = Path.Combine(AppContext.BaseDirectory, "Golden", "disasm");
        if (System.IO.Directory.Exists(beside)) return beside;
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "tests", "ToyMachine.Assembler.Tests", "Golden", "disasm");
            if (System.IO.Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException("tests/ToyMachine.Assembler.Tests/Golden/disasm not found above " + AppContext.BaseDirectory);
    }

    /// <summary>The machine's test fixtures (tests/ToyMachine.Cpu.Tests/Fixtures).</summary>
    public static string CpuFixture(string name) =>
        Path.GetFullPath(Path.Combine(Directory, "..", "..", "..", "ToyMachine.Cpu.Tests", "Fixtures", name));

    /// <summary>Fails with the first differing line, numbered, when the texts differ.</summary>
    public static void AssertSameLines(string expected, string actual, string what)
    {
        var want = expected.Split('\n');
        var got = actual.Split('\n');
        for (int i = 0; i < Math.Min(want.Length, got.Length); i++)
            if (want[i] != got[i])
                Assert.Fail($"{what}: line {i + 1} differs\n  objdump: {want[i]}\n  ours:    {got[i]}");
        Assert.True(want.Length == got.Length, $"{what}: objdump printed {want.Length} lines, ours {got.Length}");
    }
}
