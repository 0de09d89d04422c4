namespace ToyMachine.Cli.Tests;

public class RunCommandTests
{
    [Fact]
    public void Run_prints_the_guest_output_and_exits_with_its_code()
    {
        var r = Toymachine.Run("run", Toymachine.Fixture("hello.elf"));
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("hello, world\n", r.Stdout);
        Assert.Equal("", r.Stderr);
    }

    [Fact]
    public void Run_out_of_cycles_exits_124_with_one_line()
    {
        var r = Toymachine.Run("run", Toymachine.Fixture("spin.elf"), "--max-cycles", "5000");
        Assert.Equal(124, r.ExitCode);
        Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.StartsWith("toymachine: ", r.Stderr);
    }

    [Fact]
    public void Run_of_a_file_that_is_not_ELF_exits_2_with_one_line_naming_it()
    {
        string path = Path.Combine(Path.GetTempPath(), "not-an-elf.elf");
        File.WriteAllText(path, "this is text, not a program\n");
        var r = Toymachine.Run("run", path);
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("toymachine: not-an-elf.elf: not an ELF file\n", r.Stderr);
    }

    [Fact]
    public void Run_of_a_missing_file_exits_2_without_a_stack_trace()
    {
        var r = Toymachine.Run("run", "/nonexistent/program.elf");
        Assert.Equal(2, r.ExitCode);
        Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
        Assert.DoesNotContain("   at ", r.Stderr);
    }

    [Fact]
    public void Stats_report_instructions_cycles_host_time_and_guest_MIPS()
    {
        var r = Toymachine.Run("run", Toymachine.Fixture("hello.elf"), "--stats");
        Assert.Equal(0, r.ExitCode);
        Assert.Matches(@"^instructions \d+, cycles \d+ \(idle \d+\), host \d+\.\d+ s, \d+\.\d guest MIPS\n$", r.Stderr);
    }

    [Fact]
    public void Trace_writes_one_line_per_instruction_with_cycle_pc_word_and_effect()
    {
        string trace = Path.Combine(Path.GetTempPath(), $"trace-{Guid.NewGuid():N}.txt");
        var r = Toymachine.Run("run", Toymachine.Fixture("hello.elf"), "--trace", trace, "--stats");
        Assert.Equal(0, r.ExitCode);
        var lines = File.ReadAllLines(trace);
        File.Delete(trace);
        // The first instruction of hello.s is `la a0, msg` = auipc a0, 0 at 0x80000000.
        Assert.Matches(@"^\s+0 80000000 00000517  auipc\s.*a0=0x80000000$", lines[0]);
        long instructions = long.Parse(System.Text.RegularExpressions.Regex.Match(r.Stderr, @"instructions (\d+)").Groups[1].Value);
        // Every retired instruction has a line, plus the final store that powers off.
        Assert.InRange(lines.Length, instructions, instructions + 1);
    }

    [Fact]
    public void Piped_input_reaches_the_guest_console()
    {
        // hello.elf ignores input; this checks that a pipe does not hang or break a run.
        var r = Toymachine.RunWithInput("some input\n", "run", Toymachine.Fixture("hello.elf"));
        Assert.Equal(0, r.ExitCode);
    }
}
