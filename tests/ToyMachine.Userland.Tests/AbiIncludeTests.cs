using System.Text.RegularExpressions;

namespace ToyMachine.Userland.Tests;

/// <summary>The includes of userland/include (the one list of system calls, errors,
/// signals, flags and structure offsets) against ../shared/spec/abi.md, and the
/// files made from them (lib/syscalls.s, the strerror and signal tables) against
/// the includes.</summary>
public partial class AbiIncludeTests
{
    private static readonly string Abi = Repository.AbiMarkdown;

    private static Dictionary<string, long> Inc(string file) => Repository.Equs(file).ToDictionary(e => e.Name, e => e.Value);

    [Fact]
    public void Syscalls_inc_names_every_call_of_abi_md_with_its_number()
    {
        var fromAbi = CallRow().Matches(Abi).ToDictionary(m => "SYS_" + m.Groups[2].Value, m => long.Parse(m.Groups[1].Value));
        Assert.True(fromAbi.Count >= 50, $"only {fromAbi.Count} calls found in abi.md's table");
        Assert.Equal(fromAbi.OrderBy(p => p.Value), Inc("syscalls.inc").OrderBy(p => p.Value));
    }

    [Fact]
    public void Syscalls_inc_gives_each_call_the_arguments_of_abi_md_and_toymachine_h_wrappers_take_as_many()
    {
        static string[] Args(string list) =>
            list.Replace("\\", "").Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var fromAbi = CallRowWithArgs().Matches(Abi).ToDictionary(m => m.Groups[1].Value, m => Args(m.Groups[2].Value));
        var inc = File.ReadAllLines(Repository.Path("userland", "include", "syscalls.inc"))
            .Select(l => IncComment().Match(l)).Where(m => m.Success)
            .ToDictionary(m => m.Groups[1].Value, m => (Comment: m.Groups[2].Value, Args: Args(m.Groups[3].Value)));
        Assert.Equal(fromAbi.Keys.Order(), inc.Keys.Order());
        string header = File.ReadAllText(Repository.Path("userland", "include", "toymachine.h"));
        var wrappers = WrapperParameters().Matches(header).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value.Trim());
        foreach (var (name, (comment, args)) in inc)
        {
            Assert.True(comment == name, $"syscalls.inc: SYS_{name} is commented as {comment}()");
            Assert.True(fromAbi[name].SequenceEqual(args),
                $"syscalls.inc: {name}({string.Join(", ", args)}), abi.md: {name}({string.Join(", ", fromAbi[name])})");
            int parameters = wrappers[name] is "void" or "" ? 0 : wrappers[name].Split(',').Length;
            Assert.True(parameters == args.Length, $"toymachine.h: {name}() takes {parameters} parameters, abi.md {args.Length}");
        }
    }

    [Fact]
    public void Errno_inc_has_every_error_of_abi_md_with_its_value()
    {
        string section = Section("## Errors");
        var fromAbi = ErrorPair().Matches(section).ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value));
        Assert.Equal(32, fromAbi.Count);
        Assert.Equal(fromAbi.OrderBy(p => p.Value), Inc("errno.inc").OrderBy(p => p.Value));
    }

    [Fact]
    public void Signal_inc_has_every_signal_of_abi_md_with_its_value()
    {
        string numbers = Abi[Abi.IndexOf("Numbers: SIGHUP", StringComparison.Ordinal)..];
        numbers = numbers[..numbers.IndexOf("\n\n", StringComparison.Ordinal)];
        var fromAbi = SignalPair().Matches(numbers).ToDictionary(m => m.Groups[1].Value, m => long.Parse(m.Groups[2].Value));
        Assert.Equal(21, fromAbi.Count);
        Assert.Equal(fromAbi.OrderBy(p => p.Value), Inc("signal.inc").OrderBy(p => p.Value));
    }

    /// <summary>Names of abi.inc that abi.md does not spell out as NAME VALUE: structure
    /// offsets and type codes (checked below from abi.md's structure text) and two
    /// values abi.md gives in prose.</summary>
    private static bool IsStructureOrProse(string name) =>
        Regex.IsMatch(name, "^(PROC_|DIRENT_|STAT_|S_|PS_|MSQ_|SA_HANDLER$|SA_MASK$|SA_FLAGS$|SIGACTION_SIZE$)")
        || name is "FUTEX_FOREVER" or "SIGNAL_TRAMPOLINE";

    [Fact]
    public void Abi_inc_flags_appear_in_abi_md_with_the_same_values()
    {
        foreach (var (name, value) in Repository.Equs("abi.inc"))
        {
            if (IsStructureOrProse(name)) continue;
            var given = Regex.Matches(Abi, $@"\b{name}\b\s*\(?(0x[0-9A-Fa-f]+|\d+)\b|\b(0x[0-9A-Fa-f]+|\d+)\s*=\s*{name}\b")
                .Select(m => Repository.ParseNumber(m.Groups[1].Success ? m.Groups[1].Value : m.Groups[2].Value)).ToList();
            Assert.True(given.Count > 0, $"abi.inc's {name} has no value in abi.md");
            Assert.All(given, v => Assert.True(v == value, $"{name}: abi.inc {value:X}, abi.md {v:X}"));
        }
        var inc = Inc("abi.inc");
        Assert.Contains("timeout 0xFFFFFFFF = forever", Abi);
        Assert.Equal(0xFFFFFFFFL, inc["FUTEX_FOREVER"]);
        Assert.Contains("The page 0x7FFF_F000", Abi);
        Assert.Equal(0x7FFF_F000L, inc["SIGNAL_TRAMPOLINE"]);
    }

    [Theory]
    [InlineData("procs", "PROC_", "PROC_SIZE")]
    [InlineData("open", "DIRENT_", "DIRENT_SIZE")]
    [InlineData("fstat", "STAT_", "STAT_SIZE_OF")]
    [InlineData("sigaction", "SA_", "SIGACTION_SIZE")]
    [InlineData("msgctl", "MSQ_", "MSQ_SIZE")]
    public void Abi_inc_structure_offsets_follow_the_layout_abi_md_gives(string call, string prefix, string sizeName)
    {
        var inc = Inc("abi.inc");
        string row = Abi.Split('\n').Single(l => Regex.IsMatch(l, $@"^\|\s*\d+\s*\|\s*{call}\("));
        string fields = Regex.Match(row, @"\{([^}]*)\}").Groups[1].Value;
        fields = Regex.Replace(fields, @"\([^)]*\)", "");
        int offset = 0, maxAlign = 1;
        foreach (var group in fields.Split(';', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries))
        {
            var m = Regex.Match(group, @"^(i32|u32|u64|char)\s+(.*)$");
            Assert.True(m.Success, $"{call}: cannot read field group '{group}'");
            foreach (var field in m.Groups[2].Value.Split(',', StringSplitOptions.TrimEntries))
            {
                var array = Regex.Match(field, @"^(\w+)\[(\d+)\]$");
                string fieldName = array.Success ? array.Groups[1].Value : field;
                int size = m.Groups[1].Value == "u64" ? 8 : m.Groups[1].Value == "char" ? int.Parse(array.Groups[2].Value) : 4;
                int align = m.Groups[1].Value == "char" ? 1 : size;
                offset = (offset + align - 1) / align * align;
                maxAlign = Math.Max(maxAlign, align);
                Assert.True(inc.TryGetValue(prefix + fieldName.ToUpperInvariant(), out long got), $"abi.inc lacks {prefix}{fieldName.ToUpperInvariant()}");
                Assert.True(got == offset, $"{prefix}{fieldName.ToUpperInvariant()} = {got}, abi.md's layout gives {offset}");
                if (array.Success)
                    Assert.Equal(size, inc[prefix + fieldName.ToUpperInvariant() + "_SIZE"]);
                offset += size;
            }
        }
        int total = (offset + maxAlign - 1) / maxAlign * maxAlign;
        Assert.Equal(total, inc[sizeName]);
        var stated = Regex.Match(row, @"\((\d+) bytes each\)|(\d+)-byte records");
        if (stated.Success)
            Assert.Equal(total, int.Parse(stated.Groups[1].Success ? stated.Groups[1].Value : stated.Groups[2].Value));
    }

    [Fact]
    public void Abi_inc_state_and_type_codes_are_the_ones_abi_md_lists()
    {
        var inc = Inc("abi.inc");
        string procs = Abi.Split('\n').Single(l => l.Contains("| procs(", StringComparison.Ordinal));
        var states = Regex.Matches(Regex.Match(procs, @"state \(([^)]*)\)").Groups[1].Value, @"(\d+) (\w+)");
        Assert.Equal(5, states.Count);
        foreach (Match s in states)
            Assert.Equal(long.Parse(s.Groups[1].Value), inc["PS_" + s.Groups[2].Value.ToUpperInvariant()]);
        string fstat = Abi.Split('\n').Single(l => l.Contains("| fstat(", StringComparison.Ordinal));
        var names = new Dictionary<string, string>
        {
            ["file"] = "S_FILE", ["directory"] = "S_DIR", ["console"] = "S_CONSOLE", ["socket"] = "S_SOCKET",
            ["pipe"] = "S_PIPE", ["shared memory"] = "S_SHM", ["fifo"] = "S_FIFO",
        };
        var types = Regex.Matches(Regex.Match(fstat, @"type \(([^)]*)\)").Groups[1].Value, @"(\d+) ([a-z ]+)");
        Assert.Equal(7, types.Count);
        foreach (Match t in types)
            Assert.Equal(long.Parse(t.Groups[1].Value), inc[names[t.Groups[2].Value.Trim()]]);
    }

    [Fact]
    public void Syscall_stubs_are_generated_from_syscalls_inc_one_per_call()
    {
        string stubs = File.ReadAllText(Repository.Path("userland", "lib", "syscalls.s"));
        Assert.Contains("GENERATED by gen-syscalls.sh", stubs);
        var found = Stub().Matches(stubs).Select(m => (Label: m.Groups[1].Value, Call: m.Groups[2].Value)).ToList();
        Assert.All(found, s => Assert.Equal(s.Label, s.Call));
        Assert.Equal(Repository.Equs("syscalls.inc").Select(e => e.Name["SYS_".Length..]), found.Select(s => s.Label));
        Assert.Equal(found.Count, Regex.Matches(stubs, @"\becall\b").Count);
    }

    [Fact]
    public void Syscalls_s_is_exactly_what_gen_syscalls_sh_writes_from_syscalls_inc()
    {
        // gen-syscalls.sh's loop, line for line: "# args", .globl, label, li a7, ecall, ret.
        var expected = new System.Text.StringBuilder();
        foreach (var line in File.ReadAllLines(Repository.Path("userland", "include", "syscalls.inc")))
        {
            var m = Regex.Match(line, @"^\.equ SYS_(\w+),[^#]*# *(.*)$");
            if (!m.Success) continue;
            string name = m.Groups[1].Value;
            expected.Append($"\n# {m.Groups[2].Value}\n    .globl {name}\n{name}:\n    li a7, SYS_{name}\n    ecall\n    ret\n");
        }
        string stubs = File.ReadAllText(Repository.Path("userland", "lib", "syscalls.s"));
        int body = stubs.IndexOf("    .text\n", StringComparison.Ordinal);
        Assert.True(body >= 0, "syscalls.s has no .text line");
        Assert.Equal(expected.ToString(), stubs[(body + "    .text\n".Length)..]);
    }

    [Fact]
    public void Strerror_table_has_a_message_for_every_error_of_errno_inc()
    {
        string table = File.ReadAllText(Repository.Path("userland", "lib", "errno.s"));
        var rows = Regex.Matches(table, @"\.word (E\w+), errno_n_\1, errno_m_\1").Select(m => m.Groups[1].Value);
        Assert.Equal(Repository.Equs("errno.inc").Select(e => e.Name), rows);
    }

    [Fact]
    public void Signal_table_has_a_name_and_description_for_every_signal_of_signal_inc()
    {
        string table = File.ReadAllText(Repository.Path("userland", "lib", "signals.s"));
        var rows = Regex.Matches(table, @"\.word (SIG\w+), signal_n_\1, signal_d_\1").Select(m => m.Groups[1].Value);
        Assert.Equal(Repository.Equs("signal.inc").Select(e => e.Name), rows);
    }

    [Fact]
    public void Toymachine_h_agrees_with_the_assembly_includes()
    {
        string header = File.ReadAllText(Repository.Path("userland", "include", "toymachine.h"));
        var defines = Define().Matches(header).ToDictionary(m => m.Groups[1].Value, m => Repository.ParseNumber(m.Groups[2].Value));
        foreach (var inc in new[] { "syscalls.inc", "errno.inc", "signal.inc", "abi.inc" })
            foreach (var (name, value) in Repository.Equs(inc))
            {
                Assert.True(defines.TryGetValue(name, out long got), $"toymachine.h lacks {name} of {inc}");
                Assert.True(got == value, $"toymachine.h {name} = {got:X}, {inc} {value:X}");
            }
        var calls = Repository.Equs("syscalls.inc").Select(e => e.Name).ToHashSet();
        Assert.Equal(calls, defines.Keys.Where(k => k.StartsWith("SYS_", StringComparison.Ordinal)).ToHashSet());
    }

    [Fact]
    public void Toymachine_h_has_an_ecall_wrapper_for_every_call_using_its_number()
    {
        string header = File.ReadAllText(Repository.Path("userland", "include", "toymachine.h"));
        var wrappers = Wrapper().Matches(header).ToDictionary(m => m.Groups[1].Value, m => m.Groups[2].Value);
        foreach (var (name, _) in Repository.Equs("syscalls.inc"))
        {
            string call = name["SYS_".Length..];
            Assert.True(wrappers.TryGetValue(call, out string? number), $"toymachine.h has no wrapper {call}()");
            Assert.Equal(name, number);
        }
    }

    private static string Section(string heading)
    {
        int start = Abi.IndexOf(heading, StringComparison.Ordinal);
        Assert.True(start >= 0, $"abi.md has no '{heading}'");
        int end = Abi.IndexOf("\n## ", start + heading.Length, StringComparison.Ordinal);
        return Abi[start..(end < 0 ? Abi.Length : end)];
    }

    [GeneratedRegex(@"^\|\s*(\d+)\s*\|\s*(\w+)\(", RegexOptions.Multiline)]
    private static partial Regex CallRow();
    [GeneratedRegex(@"^\|\s*\d+\s*\|\s*(\w+)\(([^)]*)\)", RegexOptions.Multiline)]
    private static partial Regex CallRowWithArgs();
    [GeneratedRegex(@"^\.equ SYS_(\w+),\s*\d+\s*#\s*(\w+)\(([^)]*)\)")]
    private static partial Regex IncComment();
    [GeneratedRegex(@"static inline [^(]*?\b(\w+)\(([^)]*)\)\s*\{[^}]*?TM_SYSCALL\(SYS_")]
    private static partial Regex WrapperParameters();
    [GeneratedRegex(@"\b(E[A-Z0-9]+) (\d+)\b")]
    private static partial Regex ErrorPair();
    [GeneratedRegex(@"\b(SIG[A-Z0-9]+) (\d+)\b")]
    private static partial Regex SignalPair();
    [GeneratedRegex(@"^(\w+):\s*\n\s*li a7, SYS_(\w+)\s*\n\s*ecall\s*\n\s*ret\b", RegexOptions.Multiline)]
    private static partial Regex Stub();
    [GeneratedRegex(@"^#define (\w+) (0x[0-9A-Fa-f]+u?|\d+)\s*$", RegexOptions.Multiline)]
    private static partial Regex Define();
    [GeneratedRegex(@"static inline [^(]*?\b(\w+)\([^)]*\)\s*\{[^}]*?TM_SYSCALL\((SYS_\w+)")]
    private static partial Regex Wrapper();
}
