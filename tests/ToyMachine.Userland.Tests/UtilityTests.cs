namespace ToyMachine.Userland.Tests;

/// <summary>The utilities of userland/bin on the bare-metal shim, whose little file
/// system (/, /bin with cat and echo, /motd), process table, kill, sleep, time_ms
/// and shutdown are fixed in guest/shim.s; the expected outputs are written by hand
/// from those fixed values.</summary>
public class UtilityTests
{
    private static (string Output, int ExitCode) Run(string commandLine, string input = "") =>
        Repository.RunGuest(commandLine.Split(' ')[0] + ".elf", commandLine, input);

    [Fact]
    public void Cat_copies_files_in_order()
    {
        Assert.Equal(("Welcome to ToyMachine.\nSecond line.\nWelcome to ToyMachine.\nSecond line.\n", 0), Run("cat /motd /motd"));
    }

    [Fact]
    public void Cat_without_files_copies_standard_input_as_does_a_dash()
    {
        Assert.Equal(("one\ntwo\n", 0), Run("cat", "one\ntwo\n"));
        Assert.Equal(("one\n", 0), Run("cat -", "one\n"));
    }

    [Fact]
    public void Cat_reports_a_missing_file_and_a_directory_but_copies_the_rest()
    {
        Assert.Equal(
            ("cat: /nope: No such file or directory\nWelcome to ToyMachine.\nSecond line.\ncat: /bin: Is a directory\n", 1),
            Run("cat /nope /motd /bin"));
    }

    [Fact]
    public void Ls_lists_the_root_without_dot_entries()
    {
        Assert.Equal(("bin\nmotd\n", 0), Run("ls"));
        Assert.Equal(("bin\nmotd\n", 0), Run("ls /"));
    }

    [Fact]
    public void Ls_long_form_shows_type_and_size_and_skips_free_slots()
    {
        // /bin holds ".", "..", cat (1234 bytes), a free slot (inode 0), echo (56789).
        Assert.Equal(("-      1234 cat\n-     56789 echo\n", 0), Run("ls -l /bin"));
        Assert.Equal(("d       160 bin\n-        36 motd\n", 0), Run("ls -l /"));
    }

    [Fact]
    public void Ls_of_several_paths_heads_each_directory_and_lists_a_file_as_itself()
    {
        Assert.Equal(("/bin:\ncat\necho\n/motd\n", 0), Run("ls /bin /motd"));
        Assert.Equal(("/:\nd       160 bin\n-        36 motd\n/bin:\n-      1234 cat\n-     56789 echo\n", 0), Run("ls -l / /bin"));
    }

    [Fact]
    public void Ls_a_shows_the_dot_entries()
    {
        Assert.Equal((".\n..\nbin\nmotd\n", 0), Run("ls -a"));
    }

    [Fact]
    public void Ls_reports_a_missing_path_and_an_unknown_option()
    {
        Assert.Equal(("ls: /nope: No such file or directory\n", 1), Run("ls /nope"));
        Assert.Equal(("ls: unknown option -x\nusage: ls [-la] [PATH...]\n", 2), Run("ls -x"));
    }

    [Fact]
    public void Ps_prints_one_line_per_process_with_64_bit_cycles_and_a_16_byte_name()
    {
        Assert.Equal((
            "  PID  PPID  PGID STATE        CYCLES NAME\n" +
            "    1     0     1 sleep        123456 init\n" +
            "    2     1     2 run      5000000000 sh\n" +
            "   17     2    17 zombie            7 a-very-long-name\n", 0),
            Run("ps"));
    }

    [Fact]
    public void Kill_sends_TERM_by_default()
    {
        Assert.Equal(("[shim: kill 2 15]\n", 0), Run("kill 2"));
    }

    [Fact]
    public void Kill_takes_signals_by_number_and_by_name_and_negative_pids_for_groups()
    {
        Assert.Equal(("[shim: kill 2 9]\n[shim: kill -2 9]\n", 0), Run("kill -9 2 -2"));
        Assert.Equal(("[shim: kill 1 1]\n", 0), Run("kill -HUP 1"));
        Assert.Equal(("[shim: kill 1 10]\n", 0), Run("kill -SIGUSR1 1"));
        Assert.Equal(("[shim: kill -2 15]\n", 0), Run("kill -- -2"));
    }

    [Fact]
    public void Kill_reports_a_missing_process_and_a_bad_pid_and_goes_on()
    {
        Assert.Equal(("[shim: kill 7 15]\nkill: 7: No such process\nkill: abc: not a process id\n[shim: kill 1 15]\n", 1),
            Run("kill 7 abc 1"));
    }

    [Fact]
    public void Kill_refuses_an_unknown_signal_and_a_missing_pid()
    {
        Assert.Equal(("kill: FOO: unknown signal\n", 2), Run("kill -FOO 1"));
        Assert.Equal(("usage: kill [-SIG] PID... | kill -l [SIG...]\n", 2), Run("kill -9"));
        Assert.Equal(("usage: kill [-SIG] PID... | kill -l [SIG...]\n", 2), Run("kill"));
    }

    [Fact]
    public void Kill_l_lists_every_signal_of_abi_md()
    {
        var run = Run("kill -l");
        Assert.Equal(0, run.ExitCode);
        Assert.Equal(
            " 1 HUP\n 2 INT\n 3 QUIT\n 4 ILL\n 5 TRAP\n 6 ABRT\n 7 BUS\n 8 FPE\n 9 KILL\n10 USR1\n11 SEGV\n" +
            "12 USR2\n13 PIPE\n14 ALRM\n15 TERM\n17 CHLD\n18 CONT\n19 STOP\n20 TSTP\n21 TTIN\n22 TTOU\n",
            run.Output);
    }

    [Fact]
    public void Sleep_takes_seconds_or_milliseconds_with_ms()
    {
        Assert.Equal(("[shim: sleep 2000]\n", 0), Run("sleep 2"));
        Assert.Equal(("[shim: sleep 250]\n", 0), Run("sleep 250ms"));
    }

    [Fact]
    public void Sleep_refuses_a_bad_duration()
    {
        const string usage = "usage: sleep SECONDS | sleep MILLISECONDSms\n";
        Assert.Equal((usage, 1), Run("sleep x"));
        Assert.Equal((usage, 1), Run("sleep -1"));
        Assert.Equal((usage, 1), Run("sleep"));
        Assert.Equal((usage, 1), Run("sleep ms"));
    }

    [Fact]
    public void Uptime_prints_machine_time_in_seconds_and_the_process_count()
    {
        Assert.Equal(("up 12.345 s, 3 processes\n", 0), Run("uptime"));
    }

    [Fact]
    public void Shutdown_powers_off_with_its_code()
    {
        Assert.Equal(("", 9), Run("shutdown 9"));
        Assert.Equal(("", 0), Run("shutdown"));
    }

    [Fact]
    public void Shutdown_refuses_a_bad_code()
    {
        Assert.Equal(("usage: shutdown [CODE]\n", 1), Run("shutdown x"));
        Assert.Equal(("usage: shutdown [CODE]\n", 1), Run("shutdown 1 2"));
    }
}
