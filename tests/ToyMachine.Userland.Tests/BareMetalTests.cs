namespace ToyMachine.Userland.Tests;

/// <summary>The userland library and the shell, run without the kernel: each fixture
/// is linked with guest/shim.s, which serves a few system calls in M-mode and takes
/// argv from the first input line (guest/build.sh). The expected outputs are written
/// by hand.</summary>
public class BareMetalTests
{
    [Fact]
    public void Library_routines_give_what_their_C_namesakes_give()
    {
        var run = Repository.RunGuest("libtest.elf", "prog hello world", File.ReadAllText(Repository.Guest("libtest.input")));
        Assert.Equal(File.ReadAllText(Repository.Guest("libtest.expected")), run.Output);
    }

    [Fact]
    public void Returning_from_main_exits_with_its_value()
    {
        Assert.Equal(7, Repository.RunGuest("libtest.elf", "prog").ExitCode);
    }

    [Fact]
    public void Echo_prints_its_arguments_separated_by_spaces()
    {
        var run = Repository.RunGuest("echo.elf", "echo hello  world");
        Assert.Equal("hello world\n", run.Output);
        Assert.Equal(0, run.ExitCode);
        Assert.Equal("\n", Repository.RunGuest("echo.elf", "echo").Output);
        Assert.Equal("a b", Repository.RunGuest("echo.elf", "echo -n a b").Output);
    }

    [Theory]
    [InlineData("true.elf", 0)]
    [InlineData("false.elf", 1)]
    public void True_and_false_exit_with_0_and_1(string program, int code)
    {
        var run = Repository.RunGuest(program, program);
        Assert.Equal("", run.Output);
        Assert.Equal(code, run.ExitCode);
    }

    [Fact]
    public void Shell_reports_unknown_commands_with_status_127_and_expands_it_as_dollar_question()
    {
        var run = Repository.RunGuest("sh.elf", "sh", "nosuch arg\n$?\nexit\n");
        Assert.Equal("$ sh: nosuch: not found\n$ sh: 127: not found\n$ ", run.Output);
        Assert.Equal(127, run.ExitCode);
    }

    [Fact]
    public void Shell_joins_quoted_and_escaped_parts_into_one_word()
    {
        // 'a b' keeps the space; "c \"d\" $?" keeps the quotes it escapes and
        // expands $? (0 at the start); \<space> is a literal space.
        var run = Repository.RunGuest("sh.elf", "sh", "'a b'\"c \\\"d\\\" $?\"\\ e\n");
        Assert.Equal("$ sh: a bc \"d\" 0 e: not found\n$ exit\n", run.Output);   // "exit" at end of input on the console
        Assert.Equal(127, run.ExitCode);     // end of input: the last status
    }

    [Fact]
    public void Shell_keeps_a_dollar_that_starts_no_expansion_and_expands_dollar_bang()
    {
        // $! is the last background pid: 0 before any.
        var run = Repository.RunGuest("sh.elf", "sh", "a$x\"$y$\"$!\n");
        Assert.Equal("$ sh: a$x$y$0: not found\n$ exit\n", run.Output);
    }

    [Fact]
    public void Shell_skips_blank_lines_and_comments()
    {
        var run = Repository.RunGuest("sh.elf", "sh", "   \n# a comment\n\t\nexit 5\n");
        Assert.Equal("$ $ $ $ ", run.Output);
        Assert.Equal(5, run.ExitCode);
    }

    [Fact]
    public void Shell_refuses_pipes_and_redirection_for_now_and_misplaced_operators()
    {
        var run = Repository.RunGuest("sh.elf", "sh", "a | b\nx > y\n;\n& x\n\"open\n");
        Assert.Equal(
            "$ sh: '|': pipes and redirection are not supported yet\n" +
            "$ sh: '>': pipes and redirection are not supported yet\n" +
            "$ sh: syntax error near ';'\n" +
            "$ sh: syntax error near '&'\n" +
            "$ sh: syntax error: unterminated quote\n$ exit\n",
            run.Output);
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public void Shell_runs_each_command_of_a_semicolon_list()
    {
        var run = Repository.RunGuest("sh.elf", "sh", "one; /bin/two ;three\n");
        Assert.Equal("$ sh: one: not found\nsh: /bin/two: not found\nsh: three: not found\n$ exit\n", run.Output);
    }

    [Fact]
    public void Shell_exit_takes_a_number_and_refuses_anything_else()
    {
        Assert.Equal(3, Repository.RunGuest("sh.elf", "sh", "exit 3\n").ExitCode);
        Assert.Equal(255, Repository.RunGuest("sh.elf", "sh", "exit -1\n").ExitCode);
        var run = Repository.RunGuest("sh.elf", "sh", "exit x\n");
        Assert.Equal("$ sh: exit: x: numeric argument required\n", run.Output);
        Assert.Equal(2, run.ExitCode);
    }

    [Fact]
    public void Shell_cd_accepts_the_root_and_explains_a_missing_directory()
    {
        var run = Repository.RunGuest("sh.elf", "sh", "cd /\ncd\nexit $?\n");
        Assert.Equal("$ $ $ ", run.Output);
        Assert.Equal(0, run.ExitCode);
        run = Repository.RunGuest("sh.elf", "sh", "cd /nowhere\n");
        Assert.Equal("$ sh: cd: /nowhere: No such file or directory\n$ exit\n", run.Output);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void Shell_finds_programs_in_bin_and_reports_a_failed_fork_with_status_126()
    {
        // The shim has /bin/echo but no fork: the shell gets as far as forking.
        var run = Repository.RunGuest("sh.elf", "sh", "echo hi\nexit $?\n");
        Assert.Equal("$ sh: fork: Function not implemented\n$ ", run.Output);
        Assert.Equal(126, run.ExitCode);
    }

    [Fact]
    public void Shell_refuses_to_run_a_directory()
    {
        var run = Repository.RunGuest("sh.elf", "sh", "/bin\n");
        Assert.Equal("$ sh: /bin: Is a directory\n$ exit\n", run.Output);
        Assert.Equal(126, run.ExitCode);
    }

    [Fact]
    public void Shell_cd_explains_that_there_is_no_current_directory()
    {
        var run = Repository.RunGuest("sh.elf", "sh", "cd /bin\ncd /motd\n");
        Assert.Equal(
            "$ sh: cd: /bin: there is no current directory; every path starts at /\n" +
            "$ sh: cd: /motd: Not a directory\n$ exit\n",
            run.Output);
        Assert.Equal(1, run.ExitCode);
    }
}
