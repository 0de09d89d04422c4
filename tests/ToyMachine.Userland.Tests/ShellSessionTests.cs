using System.Text.RegularExpressions;

namespace ToyMachine.Userland.Tests;

/// <summary>Scripted sessions on the real kernel (the default image, console input as
/// `boot --input` gives it), checked against whole transcripts written by hand: what
/// bash and the usual utilities print, in the forms userland/README.md documents.
/// The kernel takes every byte of a short script (up to its 256-byte line buffer) at
/// once and echoes it, so the transcript is the output after that echo; each prompt
/// is "$ ". Processes get pids in order: init 1, the shell 2, then one a command.</summary>
public partial class ShellSessionTests
{
    /// <summary>The output after the kernel's echo of <paramref name="input"/>.</summary>
    private static (string Transcript, int ExitCode) Session(string input)
    {
        var run = KernelSessionTests.Boot(input);
        Assert.True(run.Output.StartsWith(input, StringComparison.Ordinal), $"the echo is not first:\n{run.Output}");
        return (run.Output[input.Length..], run.ExitCode);
    }

    /// <summary>300 bytes of comment lines: more than the kernel's line buffer holds, so a
    /// control character after them reaches the kernel only once the reader (the shell, or
    /// the program in the foreground) has taken some of them. That is how a script types
    /// ^C while a program runs.</summary>
    private static readonly string Filler = string.Concat(Enumerable.Repeat("#" + new string('f', 58) + "\n", 5));

    [Fact]
    public void Quotes_and_backslashes_make_words_and_dollar_question_expands_outside_single_quotes()
    {
        var run = Session("echo \"a  b\" c\\ d '$?' \"x\\\"y\\\\z\\$\" \"$?\" # comment\necho -n no; echo newline\necho\nshutdown\n");
        Assert.Equal("$ a  b c d $? x\"y\\z$ 0\n$ nonewline\n$ \n$ ", run.Transcript);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Bare_names_run_from_bin_and_missing_programs_are_not_found_with_127()
    {
        var run = Session("/bin/echo path\n/bin\necho $?\nnosuch\necho $?\n/nope/x\necho $?\nshutdown\n");
        Assert.Equal(
            "$ path\n" +
            "$ sh: /bin: Is a directory\n$ 126\n" +
            "$ sh: nosuch: not found\n$ 127\n" +
            "$ sh: /nope/x: not found\n$ 127\n$ ", run.Transcript);
    }

    [Fact]
    public void Background_jobs_print_their_pid_and_their_end_before_a_later_prompt()
    {
        var run = Session("true &\nfalse &\nsleep 50ms\necho $!\nwait $!\necho $?\nshutdown\n");
        Assert.Equal(
            "$ [3]\n" +                     // true, pid 3
            "$ [4]\n" +                     // false, pid 4
            "$ [3] Done\n[4] Exit 1\n" +    // after sleep 50ms (pid 5), before the next prompt
            "$ 4\n" +                       // $! is false's pid
            "$ $ 1\n$ ", run.Transcript);   // wait for a job already reported: its status
    }

    [Fact]
    public void Background_jobs_killed_by_a_signal_are_reported_by_its_name()
    {
        var run = Session("sleep 10 &\nkill -INT -- -$!\nwait\nsleep 10 &\nkill -QUIT $!\nsleep 10ms\nshutdown\n");
        Assert.Equal("$ [3]\n$ [3] Interrupt\n$ $ [5]\n$ [5] Quit\n$ $ ", run.Transcript);
    }

    [Fact]
    public void A_foreground_child_killed_by_a_signal_is_reported_as_bash_does_with_status_128_plus_it()
    {
        // kill 0: the kill process's own group, which is just itself.
        var run = Session("kill -SEGV 0\nkill -ILL 0\nkill -BUS 0\nkill -TRAP 0\nkill -QUIT 0\nkill -INT 0\necho $?\n" +
                          "kill -9 0\necho $?\nkill -SIGTERM 0\nkill -15 0\necho $?\nkill -PIPE 0\necho $?\nshutdown\n");
        Assert.Equal(
            "$ Segmentation fault\n$ Illegal instruction\n$ Bus error\n$ Trace/breakpoint trap\n$ Quit\n" +
            "$ \n$ 130\n" +                 // SIGINT: only a newline
            "$ Killed\n$ 137\n" +
            "$ Terminated\n$ Terminated\n$ 143\n" +
            "$ $ 141\n$ ",                  // SIGPIPE: nothing at all
            run.Transcript);
    }

    [Fact]
    public void Builtins_cd_exit_and_wait_say_what_is_wrong()
    {
        var run = Session("cd\ncd /\necho $?\ncd /bin\necho $?\ncd /nope\ncd /bin/sh\nwait 999\necho $?\nwait x\nexit x\n" +
                          "sh\nexit 4\necho $?\nshutdown\n");
        Assert.Equal(
            "$ $ $ 0\n" +
            "$ sh: cd: /bin: there is no current directory; every path starts at /\n$ 1\n" +
            "$ sh: cd: /nope: No such file or directory\n" +
            "$ sh: cd: /bin/sh: Not a directory\n" +
            "$ sh: wait: 999: No child processes\n$ 127\n" +
            "$ sh: wait: usage: wait [PID]\n" +
            "$ sh: exit: x: numeric argument required\n" +     // and the shell exits (2): init starts another
            "$ $ $ 4\n$ ", run.Transcript);
    }

    [Fact]
    public void Kill_takes_names_numbers_and_groups_and_says_why_it_failed()
    {
        var run = Session("kill\necho $?\nkill abc\necho $?\nkill -FOO 3\necho $?\nkill 999\necho $?\n" +
                          "kill -0 2\necho $?\nkill -l 9 TERM SIGINT 99\nshutdown\n");
        Assert.Equal(
            "$ usage: kill [-SIG] PID... | kill -l [SIG...]\n$ 2\n" +
            "$ kill: abc: not a process id\n$ 1\n" +
            "$ kill: FOO: unknown signal\n$ 2\n" +
            "$ kill: 999: No such process\n$ 1\n" +
            "$ $ 0\n" +
            "$ KILL\n15\n2\nkill: 99: unknown signal\n$ ", run.Transcript);
    }

    [Fact]
    public void Kill_minus_l_lists_the_signals_of_abi_md()
    {
        var run = Session("kill -l\nshutdown\n");
        Assert.Equal(
            "$  1 HUP\n 2 INT\n 3 QUIT\n 4 ILL\n 5 TRAP\n 6 ABRT\n 7 BUS\n 8 FPE\n 9 KILL\n10 USR1\n11 SEGV\n" +
            "12 USR2\n13 PIPE\n14 ALRM\n15 TERM\n17 CHLD\n18 CONT\n19 STOP\n20 TSTP\n21 TTIN\n22 TTOU\n$ ",
            run.Transcript);
    }

    [Fact]
    public void Ls_and_cat_report_missing_files_directories_and_bad_options()
    {
        var run = Session("ls\nls -a /\nls -l /\nls -x\nls /nope /bin/true\necho $?\ncat /bin\ncat /nope\necho $?\nshutdown\n");
        Assert.Matches(new Regex(
            @"^\$ bin\n" +
            @"\$ \.\n\.\.\nbin\n" +
            @"\$ d +[1-9]\d* bin\n" +
            @"\$ ls: unknown option -x\nusage: ls \[-la\] \[PATH\.\.\.\]\n" +
            @"\$ ls: /nope: No such file or directory\n/bin/true\n\$ 1\n" +
            @"\$ cat: /bin: Is a directory\n" +
            @"\$ cat: /nope: No such file or directory\n\$ 1\n\$ $"), run.Transcript);
    }

    [Fact]
    public void Ps_lists_pid_ppid_pgid_state_cycles_and_name()
    {
        var run = Session("sleep 5 &\nps\nshutdown\n");
        Assert.Matches(new Regex(
            @"^\$ \[3\]\n" +
            @"\$   PID  PPID  PGID STATE        CYCLES NAME\n" +
            @"    1     0     1 sleep +\d+ init\n" +
            @"    2     1     2 sleep +\d+ sh\n" +
            @"    3     2     3 sleep +\d+ sleep\n" +
            @"    4     2     4 run +\d+ ps\n\$ $"), run.Transcript);
    }

    [Fact]
    public void Utilities_given_bad_arguments_print_their_usage()
    {
        var run = Session("ps x\necho $?\nuptime x\nsleep\nsleep 1x\necho $?\nshutdown x\necho $?\nshutdown\n");
        Assert.Equal(
            "$ usage: ps\n$ 2\n" +
            "$ usage: uptime\n" +
            "$ usage: sleep SECONDS | sleep MILLISECONDSms\n" +
            "$ usage: sleep SECONDS | sleep MILLISECONDSms\n$ 1\n" +
            "$ usage: shutdown [CODE]\n$ 1\n$ ", run.Transcript);
    }

    [Fact]
    public void Uptime_true_false_and_shutdown_with_a_code()
    {
        var run = Session("sleep 250ms\nuptime\ntrue x\necho $?\nfalse x\necho $?\nshutdown 300\nshutdown -1\nshutdown 255\n");
        Assert.Matches(new Regex(@"^\$ \$ up 0\.[2-9]\d\d s, 3 processes\n\$ \$ 0\n\$ \$ 1\n" +
                                 @"\$ shutdown: 300: the code must be 0 to 255\n\$ shutdown: -1: the code must be 0 to 255\n\$ $"),
                     run.Transcript);
        Assert.Equal(255, run.ExitCode);
    }

    [Fact]
    public void Control_c_ends_the_program_in_the_foreground_with_status_130()
    {
        var run = KernelSessionTests.Boot("cat\n" + Filler + "\u0003echo status $?\nps\nshutdown\n");
        Assert.Contains("^C\n", run.Output);
        Assert.Contains("$ status 130\n", run.Output);
        Assert.DoesNotContain(" cat\n", run.Output[run.Output.IndexOf("PID", StringComparison.Ordinal)..]);
    }

    [Fact]
    public void Control_z_stops_the_program_in_the_foreground_and_the_shell_says_so()
    {
        var run = KernelSessionTests.Boot("cat\n" + Filler + "\u001aecho status $?\nps\nshutdown\n");
        Assert.Contains("\n[3] Stopped\n", run.Output);
        Assert.Contains("$ status 148\n", run.Output);
        Assert.Matches(@"\n    3     2     3 stop +\d+ cat\n", run.Output);
    }

    [Fact]
    public void Control_c_z_and_backslash_at_the_prompt_leave_the_shell_running()
    {
        // Without signal handlers in the kernel the console belongs to nobody while the
        // shell reads: the same shell (pid 2) is there afterwards, and $? is untouched.
        var run = KernelSessionTests.Boot("false\n" + Filler + "\u0003" + Filler + "\u001a" + Filler + "\u001c" +
                                          "echo alive $?\nps\nshutdown\n");
        Assert.Contains("^C\n", run.Output);
        Assert.Contains("^Z\n", run.Output);
        Assert.Contains("^\\\n", run.Output);
        Assert.Contains("$ alive 1\n", run.Output);
        Assert.Matches(@"\n    2     1     2 sleep +\d+ sh\n", run.Output);
        Assert.Matches(@"\n    5     2     5 run +\d+ ps\n", run.Output);      // false 3, echo 4, ps 5: no new shell
    }

    [Fact]
    public void Backspace_and_control_u_edit_the_line_and_control_d_ends_input()
    {
        var run = KernelSessionTests.Boot("echo abcX\u007fd\ngarbage\u0015echo ok\ncat\npartial\u0004\u0004\u0004ps\nshutdown\n");
        string output = run.Output[run.Output.IndexOf("\n$ ", StringComparison.Ordinal)..];
        Assert.StartsWith(
            "\n$ abcd\n" +
            "$ ok\n" +
            "$ partial" +                   // cat: the bytes before ^D, then end of file at the next
            "$ exit\n",                     // ^D at the prompt: the shell exits; init starts a new one
            output);
        Assert.Matches(@"\n    6     1     6 sleep +\d+ sh\n", output);
    }

    [Fact]
    public void Cat_copies_text_files_of_the_image_and_ls_gives_their_size()
    {
        // As `mkimage --add motd:/motd` would put it there: 23 + 13 bytes.
        var image = SessionImage.Build([("/motd", System.Text.Encoding.ASCII.GetBytes("Welcome to ToyMachine.\nSecond line.\n"))]);
        const string input = "cat /motd /motd\ncat /motd /nope /motd\necho $?\nls -l /\nshutdown\n";
        var run = KernelSessionTests.Boot(input, imageBytes: image);
        Assert.StartsWith(input, run.Output);
        Assert.Matches(new Regex(
            @"^\$ Welcome to ToyMachine\.\nSecond line\.\nWelcome to ToyMachine\.\nSecond line\.\n" +
            @"\$ Welcome to ToyMachine\.\nSecond line\.\ncat: /nope: No such file or directory\n" +
            @"Welcome to ToyMachine\.\nSecond line\.\n\$ 1\n" +
            @"\$ d +[1-9]\d* bin\n-        36 motd\n\$ $"), run.Output[input.Length..]);
    }
}
