using System.Text;
using System.Text.RegularExpressions;
using ToyMachine.Cpu;

namespace ToyMachine.Userland.Tests;

/// <summary>Paths of the checkout (found from the test binary upwards) and of the
/// shared specification beside it (../shared), and the parsers the tests share.</summary>
internal static partial class Repository
{
    public static string Root { get; } = FindRoot();

    public static string Path(params string[] parts) => System.IO.Path.Combine([Root, .. parts]);

    /// <summary>../shared/spec/abi.md, relative to the repository root as CI has it. A git
    /// worktree one level further down (wt/NAME beside shared/) finds it in the
    /// nearest ancestor that has shared/spec/abi.md.</summary>
    public static string AbiMarkdown
    {
        get
        {
            for (var dir = new DirectoryInfo(Root).Parent; dir != null; dir = dir.Parent)
            {
                string path = System.IO.Path.Combine(dir.FullName, "shared", "spec", "abi.md");
                if (File.Exists(path)) return File.ReadAllText(path);
            }
            throw new FileNotFoundException(
                $"abi.md not found at {System.IO.Path.GetFullPath(System.IO.Path.Combine(Root, "..", "shared", "spec", "abi.md"))}: the shared specification must sit beside the repository (../shared)");
        }
    }

    public static string Guest(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "guest", name);

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir != null; dir = dir.Parent)
            if (File.Exists(System.IO.Path.Combine(dir.FullName, "ToyMachine.sln")))
                return dir.FullName;
        throw new DirectoryNotFoundException($"no ToyMachine.sln above {AppContext.BaseDirectory}");
    }

    /// <summary>The <c>.equ NAME, VALUE</c> lines of an include of userland/include, in order.</summary>
    public static IReadOnlyList<(string Name, long Value)> Equs(string include)
    {
        var result = new List<(string, long)>();
        foreach (var line in File.ReadLines(Path("userland", "include", include)))
        {
            var m = EquLine().Match(line);
            if (m.Success) result.Add((m.Groups[1].Value, ParseNumber(m.Groups[2].Value)));
        }
        return result;
    }

    public static long ParseNumber(string text)
    {
        text = text.Trim().TrimEnd('u', 'U');
        return text.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? Convert.ToInt64(text[2..], 16)
            : long.Parse(text, System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>Runs a bare-metal fixture (a program linked with guest/shim.s) to power-off.
    /// The shim takes argv from the first console line, <paramref name="commandLine"/>;
    /// <paramref name="input"/> follows it, for the program's fd 0.</summary>
    public static (string Output, int ExitCode) RunGuest(string elf, string commandLine, string input = "", ulong maxCycles = 50_000_000)
    {
        input = commandLine + "\n" + input;
        var output = new MemoryStream();
        using var machine = new Machine(new MachineConfig
        {
            Output = output, MemorySize = 16 << 20, Input = Encoding.ASCII.GetBytes(input),
        });
        LoadWithShim(machine, ElfFile.Load(Guest(elf)));
        var reason = machine.Run(maxCycles);
        Assert.True(reason == StopReason.PowerOff, $"{elf} stopped with {reason}, output so far:\n{Encoding.ASCII.GetString(output.ToArray())}");
        return (Encoding.ASCII.GetString(output.ToArray()), machine.ExitCode);
    }

    /// <summary>Loads a program linked with the shim and starts it at shim_entry,
    /// whatever the ELF's entry says: GNU ld is told -e shim_entry, but an assembler
    /// that always enters at _start (the contract's) gives crt0's, which would run
    /// the program without the shim's trap handler.</summary>
    public static void LoadWithShim(Machine machine, ElfFile elf)
    {
        machine.LoadElf(elf);
        if (elf.Symbols.TryGetValue("shim_entry", out uint entry))
            machine.Hart.Reset(entry);
    }

    [GeneratedRegex(@"^\s*\.equ\s+(\w+)\s*,\s*(0x[0-9A-Fa-f]+|\d+)")]
    private static partial Regex EquLine();
}
