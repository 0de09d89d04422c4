using System.Collections.Concurrent;
using ToyMachine.Cpu;

namespace ToyMachine.Kernel.Tests;

/// <summary>The guest test programs of kernel/tests/ run as init; each prints
/// "ok NAME" or "FAIL NAME" per check and exits with the number of failures.</summary>
public class GuestProgramTests
{
    /// <summary>Each program boots once per test run; the theories share its output.</summary>
    private static readonly ConcurrentDictionary<string, Lazy<KernelBoot.Result>> Runs = new();

    private static KernelBoot.Result RunGuest(string program, byte[]? input = null, uint memoryMiB = 128)
    {
        var run = Runs.GetOrAdd(program, _ => new Lazy<KernelBoot.Result>(
            () => KernelBoot.Boot($"init=/bin/{program} quiet", input, memoryMiB))).Value;
        Assert.Equal(StopReason.PowerOff, run.Reason);
        Assert.DoesNotContain("FAIL", run.Output);
        Assert.Contains("failures: 0\n", run.Output);
        Assert.Equal(0, run.ExitCode);
        return run;
    }

    [Theory]
    [InlineData("ok getpid of init is 1")]
    [InlineData("ok call 200 gives ENOSYS")]
    [InlineData("ok t3 preserved across ecall")]
    [InlineData("ok time_ms advanced by at least 20 across sleep(20)")]
    [InlineData("ok shrink then grow reads zero again")]
    [InlineData("ok sbrk of 2 GiB gives ENOMEM")]
    [InlineData("ok setpgid of a missing pid gives ESRCH")]
    [InlineData("ok tcgetpgrp sees it")]
    [InlineData("ok tcsetpgrp of a group nobody is in gives ESRCH")]
    [InlineData("ok procs into NULL gives EFAULT")]
    public void Simple_calls_behave_as_abi_md_says(string line)
    {
        Assert.Contains(line + "\n", RunGuest("t_basic").Output);
    }

    [Theory]
    [InlineData("ok exit(42) gives status 42 << 8")]
    [InlineData("ok waitpid of a non-child gives ECHILD")]
    [InlineData("ok a child's store does not reach the parent")]
    [InlineData("ok load from NULL kills with SIGSEGV")]
    [InlineData("ok store to 0x80000000 kills with SIGSEGV")]
    [InlineData("ok an illegal instruction kills with SIGILL")]
    [InlineData("ok ebreak kills with SIGTRAP")]
    [InlineData("ok a misaligned load kills with SIGBUS")]
    [InlineData("ok touching the stack guard page kills with SIGSEGV")]
    [InlineData("ok the parent runs again beside a spinning child")]
    [InlineData("ok stopped status is (SIGSTOP << 8) | 0x7f")]
    [InlineData("ok init reaps the orphaned grandchild")]
    [InlineData("ok a fork bomb meets EAGAIN")]
    [InlineData("ok every child of the bomb is reaped")]
    [InlineData("ok exec of a non-ELF gives ENOEXEC")]
    [InlineData("ok exec of a missing file gives ENOENT")]
    [InlineData("ok exec in a child passes argv (exit 33)")]
    public void Processes_fork_exec_wait_and_die_of_their_faults(string line)
    {
        Assert.Contains(line + "\n", RunGuest("t_proc").Output);
    }

    [Theory]
    [InlineData("ok read returns the 12 bytes of the file")]
    [InlineData("ok lseek on the console gives ESPIPE")]
    [InlineData("ok dup past 16 descriptors gives EMFILE")]
    [InlineData("ok open for writing gives EACCES")]
    [InlineData("ok O_CREAT|O_EXCL of an existing file gives EEXIST")]
    [InlineData("ok a file in the middle of a path gives ENOTDIR")]
    [InlineData("ok reading a directory returns whole 32-byte records")]
    [InlineData("ok write from a range crossing into unmapped gives EFAULT")]
    [InlineData("ok read into kernel memory gives EFAULT")]
    [InlineData("ok a failed read consumed nothing")]
    [InlineData("ok a path running into unmapped memory gives EFAULT")]
    [InlineData("ok exec with a bad argv string gives EFAULT")]
    [InlineData("ok waitpid into kernel memory gives EFAULT")]
    [InlineData("ok the child is still there to reap")]
    public void Files_descriptors_and_bad_pointers(string line)
    {
        Assert.Contains(line + "\n", RunGuest("t_fs").Output);
    }

    [Theory]
    [InlineData("ok fstat of a pipe gives type 5")]
    [InlineData("ok lseek on a pipe gives ESPIPE")]
    [InlineData("ok read returns 0 once the last writer is gone")]
    [InlineData("ok the reader got every byte the child wrote")]
    [InlineData("ok every byte arrived in order through the ring")]
    [InlineData("ok writing a pipe nobody reads kills with SIGPIPE")]
    [InlineData("ok a blocked reader gets end of file when the writer closes")]
    [InlineData("ok pipe into a range crossing the stack top gives EFAULT")]
    [InlineData("ok pipe with one free descriptor gives EMFILE")]
    public void Pipes_carry_bytes_between_processes(string line)
    {
        Assert.Contains(line + "\n", RunGuest("t_pipe").Output);
    }

    [Fact]
    public void Console_line_discipline_handles_backspace_kill_line_and_end_of_file()
    {
        var input = File.ReadAllBytes(KernelBoot.TestFile("console-input.txt"));
        var run = RunGuest("t_console", input);
        Assert.Contains("ok ^U erased the line (qq)\n", run.Output);
        Assert.Contains("ok ^D at the start of a line is end of file\n", run.Output);
        // The echo: backspace erases on screen, ^U erases the whole line.
        Assert.StartsWith("hello\nab\b \bc\nxyz\b \b\b \b\b \bqq\npartial\nabcdef\n", run.Output);
    }

    [Fact]
    public void Ctrl_C_Ctrl_Z_and_Ctrl_backslash_reach_the_foreground_group_and_spare_init()
    {
        var input = File.ReadAllBytes(KernelBoot.TestFile("jobs-input.txt"));
        var run = RunGuest("t_jobs", input);
        // ^C arrives only when init's read makes room in the full ring, after the child
        // became the foreground group; the 'b' line behind it is echoed at once.
        Assert.Contains("ok the child's group is the foreground\n^C\n" + new string('b', 255) + "\nok a full ring commits its line\n", run.Output);
        Assert.Contains("ok ^C kills the foreground group with SIGINT\n", run.Output);
        Assert.Contains("ok ^Z stops the foreground group with SIGTSTP\n", run.Output);
        Assert.Contains("^\\\n", run.Output);
        Assert.Contains("ok ^\\ kills the foreground group with SIGQUIT\n", run.Output);
    }

    [Fact]
    public void Hostile_programs_leave_the_free_page_count_where_it_was()
    {
        var run = RunGuest("t_pages", memoryMiB: 16);
        Assert.Contains("ok the fork bomb meets EAGAIN\n", run.Output);
        Assert.Contains("ok the free page count is back where it started\n", run.Output);
    }

    // 16 MiB, so that its sweeps of the free pages are short.
    private static KernelBoot.Result Audit() => RunGuest("t_audit", memoryMiB: 16);

    [Fact]
    public void The_audit_leaves_the_free_page_count_where_it_was()
    {
        Assert.Contains("ok sbrk can take over 1000 pages at the start\n", Audit().Output);
        Assert.Contains("ok the free page count is back where it started\n", Audit().Output);
    }

    [Theory]
    [InlineData("ok its status is stopped by SIGSTOP")]
    [InlineData("ok a stopped and continued sleep returns 0 after its whole time")]
    [InlineData("ok SIGTSTP stops a sleeping child")]
    [InlineData("ok a sleep whose deadline passed while stopped returns 0 when continued")]
    [InlineData("ok SIGTSTP stops a child reading a pipe")]
    [InlineData("ok a stopped and continued pipe read goes on and gets the byte")]
    [InlineData("ok SIGSTOP stops a child in waitpid")]
    [InlineData("ok a stopped and continued waitpid goes on and reaps the grandchild")]
    [InlineData("ok SIGTSTP stops a child reading the console")]
    [InlineData("ok continued, the console read goes on waiting")]
    [InlineData("ok until SIGKILL ends it")]
    public void A_blocking_call_stopped_and_continued_goes_on_instead_of_failing_with_EINTR(string line)
    {
        Assert.Contains(line + "\n", Audit().Output);
    }

    [Fact]
    public void A_segment_may_fill_the_top_of_user_space_and_the_stack_goes_below_it()
    {
        var output = Audit().Output;
        Assert.Contains("ok spawn of a program whose segment ends at 0x7FFF_0000\n", output);
        Assert.Contains("ok its stack lies below the segment and its heap cannot grow\n", output);
    }

    [Theory]
    [InlineData("ok exec keeps the pid")]
    [InlineData("ok the exec'd program wrote to its inherited descriptor")]
    [InlineData("ok after exec every register but sp, a0, a1 is 0 and argv lies at or above sp")]
    [InlineData("ok procs: a child that has not run yet is runnable (0)")]
    [InlineData("ok procs: a sleeping child is sleeping (2)")]
    [InlineData("ok procs: its ppid is the parent")]
    [InlineData("ok procs: its pgid is the parent's")]
    [InlineData("ok procs: a stopped child is stopped (3)")]
    [InlineData("ok procs: a dead child not yet reaped is a zombie (4)")]
    [InlineData("ok procs: a process that slept 200 ms on an idle machine is not charged for the idle time")]
    [InlineData("ok procs: a reaped child is gone")]
    [InlineData("ok spawn with 64 arguments gives E2BIG")]
    [InlineData("ok spawn with 63 arguments works")]
    [InlineData("ok spawn with a 3999-byte argument gives E2BIG")]
    [InlineData("ok exec with a 3999-byte argument gives E2BIG")]
    [InlineData("ok spawn of a 300-byte path gives ENAMETOOLONG")]
    [InlineData("ok exec of a 300-byte path gives ENAMETOOLONG")]
    [InlineData("ok open of a 300-byte path gives ENAMETOOLONG")]
    [InlineData("ok setpgid of a process that is neither self nor a child gives ESRCH")]
    [InlineData("ok kill(-pgid, SIGTERM) kills the group's process")]
    [InlineData("ok kill of an empty group gives ESRCH")]
    [InlineData("ok time_ms lies between two readings of time / 10000")]
    public void Exec_procs_argument_limits_groups_and_time_behave_as_abi_md_says(string line)
    {
        Assert.Contains(line + "\n", Audit().Output);
    }

    [Theory]
    [InlineData("ok fstat into 0x80000000 gives EFAULT")]
    [InlineData("ok fstat into a range crossing into the kernel gives EFAULT")]
    [InlineData("ok procs into 0x80000000 gives EFAULT")]
    [InlineData("ok procs into a range crossing the stack top gives EFAULT")]
    [InlineData("ok pipe into 0x80000000 gives EFAULT")]
    [InlineData("ok a failed pipe allocated no descriptor")]
    [InlineData("ok spawn of a path at 0x80000000 gives EFAULT")]
    [InlineData("ok spawn with argv at 0x80000000 gives EFAULT")]
    [InlineData("ok waitpid into 0x80000000 gives EFAULT (no child needed)")]
    [InlineData("ok read into 0x80000000 gives EFAULT")]
    [InlineData("ok write from the trampoline's end into the kernel gives EFAULT")]
    public void Kernel_addresses_and_ranges_leaving_user_memory_give_EFAULT(string line)
    {
        Assert.Contains(line + "\n", Audit().Output);
    }

    [Theory]
    [InlineData("ok waitpid(0) with the only child in another group gives ECHILD")]
    [InlineData("ok waitpid(-pgid) of a group without children gives ECHILD")]
    [InlineData("ok waitpid(-pgid) reaps the child in that group")]
    [InlineData("ok waitpid(0) reaps a child in the caller's group")]
    public void Waitpid_of_0_and_minus_pgid_waits_for_a_group_as_posix_does(string line)
    {
        Assert.Contains(line + "\n", Audit().Output);
    }

    [Theory]
    [InlineData("ok a jump into the kernel (0x80010000) kills with SIGSEGV")]
    [InlineData("ok executing the stack (no X) kills with SIGSEGV")]
    [InlineData("ok a misaligned store kills with SIGBUS")]
    [InlineData("ok a jump to a pc that is not 4-byte aligned kills with SIGBUS")]
    [InlineData("ok a store to the trampoline kills with SIGSEGV")]
    public void A_user_fault_kills_with_the_matching_signal_in_the_wait_status(string line)
    {
        Assert.Contains(line + "\n", Audit().Output);
    }

    [Fact]
    public void A_long_console_write_puts_out_every_byte()
    {
        var output = Audit().Output;
        Assert.Contains("\n" + new string('#', 3000) + "\nok a 3001-byte console write returns 3001\n", output);
    }
}
