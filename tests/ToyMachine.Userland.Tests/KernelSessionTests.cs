using System.Text;
using System.Text.RegularExpressions;
using ToyMachine.Cpu;
using ToyMachine.Images;

namespace ToyMachine.Userland.Tests;

/// <summary>The image the sessions boot: the kernel and every userland/bin program,
/// built from the sources with the project's assembler (images/SystemBuild.cs), as
/// `dotnet build` builds images/default; built once per test run.</summary>
internal static class SessionImage
{
    private static readonly Lazy<byte[]> Standard = new(() => new SystemBuild(Repository.Root).Image());

    /// <summary>The standard image, or one with <paramref name="extra"/> files added
    /// (as `toymachine mkimage --add` adds them).</summary>
    public static byte[] Build(IEnumerable<(string GuestPath, byte[] Contents)>? extra = null) =>
        extra is null ? Standard.Value : new SystemBuild(Repository.Root).Image(extra);
}

/// <summary>Scripted shell sessions and usertests on the real kernel, booted from a
/// disk image with the console fed from a string (as `toymachine boot --input`). The
/// kernel echoes the input, so the checks look for the lines the programs print, not
/// for a whole transcript. Every expected line is written by hand.</summary>
public partial class KernelSessionTests
{
    internal static (string Output, int ExitCode) Boot(string input, string cmdline = "quiet", ulong maxCycles = 4_000_000_000, byte[]? imageBytes = null)
    {
        string image = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(image, imageBytes ?? SessionImage.Build());     // writes stay in the copy
            var output = new MemoryStream();
            using var machine = new Machine(new MachineConfig
            {
                Output = output, DiskImage = image, CommandLine = cmdline, Input = Encoding.ASCII.GetBytes(input),
            });
            var reason = machine.Run(maxCycles);
            string text = Encoding.ASCII.GetString(output.ToArray());
            Assert.True(reason == StopReason.PowerOff, $"the machine stopped with {reason}; output:\n{text}");
            return (text, machine.ExitCode);
        }
        finally { File.Delete(image); }
    }

    private static string[] Lines(string output) => output.Replace("$ ", "\n").Split('\n');

    [Fact]
    public void Shutdown_ends_the_run_with_its_code_and_quotes_make_single_words()
    {
        var run = Boot("echo \"a  b\" c\\ d '$?'\nshutdown 7\n");
        Assert.Contains("a  b c d $?", Lines(run.Output));
        Assert.Equal(7, run.ExitCode);
    }

    [Fact]
    public void Unknown_commands_give_127_and_dollar_question_shows_each_status()
    {
        var run = Boot("nosuch\necho $?\nfalse\necho $?\ntrue\necho $?\nshutdown\n");
        var lines = Lines(run.Output);
        int notFound = Array.IndexOf(lines, "sh: nosuch: not found");
        Assert.True(notFound >= 0, run.Output);
        Assert.Equal(["127", "1", "0"], lines.Skip(notFound + 1).Where(l => l.Length > 0).Take(3));
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Background_jobs_print_their_pid_and_are_reported_when_done()
    {
        var run = Boot("sleep 100ms &\nwait\nshutdown\n");
        var started = Regex.Match(run.Output, @"\[(\d+)\]\n");
        Assert.True(started.Success, run.Output);
        Assert.Contains($"[{started.Groups[1].Value}] Done", Lines(run.Output));
    }

    [Fact]
    public void Kill_ends_background_jobs_and_the_shell_says_how()
    {
        var run = Boot("sleep 10 &\nkill $!\nwait\nsleep 10 &\nkill -9 $!\nwait\nshutdown\n");
        var pids = Regex.Matches(run.Output, @"\[(\d+)\]\n").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(2, pids.Count);
        Assert.Contains($"[{pids[0]}] Terminated", Lines(run.Output));
        Assert.Contains($"[{pids[1]}] Killed", Lines(run.Output));
    }

    [Fact]
    public void Wait_for_a_pid_gives_its_status_even_after_it_was_reported()
    {
        var run = Boot("false &\nwait $!\necho \"status $?\"\nsleep 10 &\nkill $!\ntrue\nwait $!\necho \"status $?\"\nwait 999\nshutdown\n");
        var lines = Lines(run.Output);
        Assert.Equal(["status 1", "status 143"], lines.Where(l => l.StartsWith("status ", StringComparison.Ordinal)));
        Assert.Contains("sh: wait: 999: No child processes", lines);
    }

    [Fact]
    public void A_foreground_child_killed_by_a_signal_is_reported_with_status_128_plus_it()
    {
        // kill 0 signals the caller's own group: the kill process, alone in its group.
        var run = Boot("kill -SEGV 0\necho $?\nkill -TERM 0\necho $?\nkill -KILL 0\necho $?\nshutdown\n");
        var lines = Lines(run.Output).Where(l => l.Length > 0).ToList();
        int segv = lines.IndexOf("Segmentation fault");
        Assert.True(segv >= 0, run.Output);
        Assert.Equal(["Segmentation fault", "139", "Terminated", "143", "Killed", "137"], lines.Skip(segv).Take(6));
    }

    [Fact]
    public void Kill_of_a_missing_pid_and_cat_and_ls_of_a_missing_file_say_why()
    {
        var run = Boot("kill 999\ncat /nope\nls /nope\nshutdown\n");
        var lines = Lines(run.Output);
        Assert.Contains("kill: 999: No such process", lines);
        Assert.Contains("cat: /nope: No such file or directory", lines);
        Assert.Contains("ls: /nope: No such file or directory", lines);
    }

    [Fact]
    public void Cat_copies_a_file_of_the_image()
    {
        // /bin/true is the one file every image has whose first bytes are known.
        var run = Boot("cat /bin/true\necho\necho done\nshutdown\n");
        Assert.Contains("\u007fELF\u0001\u0001\u0001", run.Output);
        Assert.Contains("done", Lines(run.Output));
    }

    [Fact]
    public void Ps_lists_the_shell_and_itself_running()
    {
        var run = Boot("ps\nshutdown\n");
        var lines = Lines(run.Output);
        Assert.Contains("  PID  PPID  PGID STATE        CYCLES NAME", lines);
        Assert.Contains(lines, l => PsLine().Match(l) is { Success: true } m && m.Groups[1].Value == "run" && m.Groups[2].Value == "ps");
        Assert.Contains(lines, l => PsLine().Match(l) is { Success: true } m && m.Groups[2].Value == "sh");
    }

    [Fact]
    public void Ls_lists_bin_with_types_and_sizes_in_the_long_form()
    {
        var run = Boot("ls /bin\nls -l /bin\nshutdown\n");
        var lines = Lines(run.Output);
        foreach (var program in new[] { "sh", "echo", "ls", "usertests" })
        {
            Assert.Contains(program, lines);
            Assert.Contains(lines, l => Regex.IsMatch(l, $@"^- +[1-9]\d* {program}$"));
        }
    }

    [Fact]
    public void Exit_in_a_nested_shell_returns_its_status_to_the_outer_one()
    {
        var run = Boot("sh\nexit 4\necho $?\nshutdown\n");
        Assert.Contains("4", Lines(run.Output));
    }

    [Fact]
    public void Usertests_pass_every_check_on_the_kernel()
    {
        var run = Boot("", "quiet init=/bin/usertests");
        var fails = Lines(run.Output).Where(l => l.StartsWith("FAIL", StringComparison.Ordinal)).ToList();
        Assert.True(fails.Count == 0, string.Join("\n", fails));
        Assert.Matches(@"usertests: \d+ checks, 0 failed", run.Output);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Usertests_shutdown_powers_off_with_the_number_of_failures()
    {
        var run = Boot("", "quiet init=/bin/usertests");
        var fails = Lines(run.Output).Count(l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Equal(fails, run.ExitCode);
        var viaShell = Boot("usertests --shutdown\n");
        var failsViaShell = Lines(viaShell.Output).Count(l => l.StartsWith("FAIL", StringComparison.Ordinal));
        Assert.Matches(@"usertests: \d+ checks, \d+ failed", viaShell.Output);
        Assert.Equal(failsViaShell, viaShell.ExitCode);
    }

    [Fact]
    public void Init_starts_a_new_shell_when_the_old_one_exits()
    {
        var run = Boot("echo first\nexit 3\necho second\nshutdown 5\n", "quiet init=/bin/init");
        var lines = Lines(run.Output);
        Assert.Contains("first", lines);
        Assert.Contains("second", lines);
        Assert.Equal(5, run.ExitCode);
    }

    [GeneratedRegex(@"^\s+\d+\s+\d+\s+\d+ (\w+)\s+\d+ (\S+)$")]
    private static partial Regex PsLine();
}
