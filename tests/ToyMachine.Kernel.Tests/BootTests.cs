using ToyMachine.Cpu;

namespace ToyMachine.Kernel.Tests;

/// <summary>Booting: the command line, the banner, init's exit, the console's
/// signal keys, determinism.</summary>
public class BootTests
{
    [Fact]
    public void Banner_names_memory_free_pages_and_init_unless_quiet()
    {
        var run = KernelBoot.Boot("init=/bin/nop", memoryMiB: 32);
        Assert.Matches(@"^ToyMachine kernel: 32 MiB RAM, \d+ free pages, init /bin/nop\n", run.Output);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Quiet_boot_prints_nothing_of_its_own()
    {
        var run = KernelBoot.Boot("quiet init=/bin/nop");
        Assert.Equal("", run.Output);
        Assert.Equal(StopReason.PowerOff, run.Reason);
    }

    [Fact]
    public void Init_exit_status_becomes_the_machine_exit_code()
    {
        var run = KernelBoot.Boot("quiet init=/bin/hello");
        Assert.Equal("hello from user mode\nok getpid is 1 for init\nfailures: 0\n", run.Output);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void A_missing_init_is_reported_with_ENOENT_and_powers_off_with_1()
    {
        var run = KernelBoot.Boot("quiet init=/bin/nothere");
        Assert.Equal("kernel: cannot run init /bin/nothere: error -2\n", run.Output);
        Assert.Equal(1, run.ExitCode);
    }

    [Fact]
    public void A_non_ELF_init_is_reported_with_ENOEXEC()
    {
        var run = KernelBoot.Boot("quiet init=/etc/notelf");
        Assert.Equal("kernel: cannot run init /etc/notelf: error -8\n", run.Output);
        Assert.Equal(1, run.ExitCode);
    }

    [Theory]
    [InlineData((byte)3, "^C\n", 128 + 2)]      // SIGINT
    [InlineData((byte)28, "^\\\n", 128 + 3)]    // SIGQUIT
    public void Control_keys_kill_the_foreground_group_and_init_death_powers_off(byte key, string echo, int exitCode)
    {
        var run = KernelBoot.Boot("quiet init=/bin/t_console", [key]);
        Assert.Equal(echo, run.Output);
        Assert.Equal(exitCode, run.ExitCode);
    }

    [Fact]
    public void Ctrl_Z_stops_the_foreground_group()
    {
        // init stops; nothing is left to run or to wake the machine.
        var run = KernelBoot.Boot("quiet init=/bin/t_console", [26]);
        Assert.Equal("^Z\n", run.Output);
        Assert.Equal(StopReason.Idle, run.Reason);
    }

    [Fact]
    public void The_same_image_and_input_give_identical_output_and_cycle_counts()
    {
        var input = File.ReadAllBytes(KernelBoot.TestFile("console-input.txt"));
        var first = KernelBoot.Boot("init=/bin/t_console", input);
        var second = KernelBoot.Boot("init=/bin/t_console", input);
        Assert.Equal(first.Output, second.Output);
        Assert.Equal(first.Cycles, second.Cycles);
        Assert.Equal(first.Instructions, second.Instructions);
    }

    [Fact]
    public void Shutdown_powers_off_with_its_code_even_when_init_dies_of_the_SIGTERM()
    {
        var run = KernelBoot.Boot("quiet init=/bin/t_shutdown");
        Assert.Equal("waiting\nshutdown\n", run.Output);
        Assert.Equal(StopReason.PowerOff, run.Reason);
        Assert.Equal(7, run.ExitCode);
    }

    [Fact]
    public void Shutdown_waits_100_ms_for_a_process_that_survives_SIGTERM_then_kills_it()
    {
        var run = KernelBoot.Boot("quiet init=/bin/t_shutdown2");
        Assert.Equal(StopReason.PowerOff, run.Reason);
        Assert.Equal(5, run.ExitCode);
        var lines = run.Output.Split('\n');
        Assert.Equal("stopped", lines[0]);
        Assert.StartsWith("cycle ", lines[1]);
        Assert.Equal("", string.Join("\n", lines[2..]));
        // The stopped child keeps its SIGTERM pending: shutdown waits its 100 ms (ten
        // 10 ms steps of the 10 MHz time base, 100 cycles a microsecond: 10,000,000
        // cycles), then SIGKILLs it and powers off, without much more.
        var waited = run.Cycles - ulong.Parse(lines[1]["cycle ".Length..]);
        Assert.InRange(waited, 10_000_000UL, 12_000_000UL);
    }

    [Fact]
    public void The_free_page_count_is_a_kernel_symbol_tests_can_read()
    {
        var run = KernelBoot.Boot("quiet init=/bin/nop", memoryMiB: 16);
        // 16 MiB = 4096 pages, less the kernel image and its tables.
        Assert.InRange(run.FreePages, 3000u, 4096u);
    }
}
