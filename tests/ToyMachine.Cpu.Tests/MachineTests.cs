using System.Text;
using ToyMachine.Cpu.Devices;

namespace ToyMachine.Cpu.Tests;

/// <summary>The whole machine running bare-metal programs and a hand-made boot image,
/// built with GNU binutils from Fixtures/*.s (Fixtures/build.sh).</summary>
public class MachineTests
{
    private static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    private static (StopReason Reason, string Output, int ExitCode, ulong Cycles, ulong Instructions) RunElf(
        string name, ulong maxCycles = 10_000_000)
    {
        var output = new MemoryStream();
        using var machine = new Machine(new MachineConfig { Output = output, MemorySize = 16 << 20 });
        machine.LoadElf(ElfFile.Load(Fixture(name)));
        var reason = machine.Run(maxCycles);
        return (reason, Encoding.ASCII.GetString(output.ToArray()), machine.ExitCode, machine.Hart.Cycles, machine.Hart.Instructions);
    }

    [Fact]
    public void Hello_prints_what_QEMU_prints_and_powers_off_with_zero()
    {
        var run = RunElf("hello.elf");
        Assert.Equal(StopReason.PowerOff, run.Reason);
        Assert.Equal(File.ReadAllText(Fixture("hello.qemu.out")), run.Output);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void A_riscv_tests_style_program_passes_through_tohost()
    {
        var run = RunElf("selftest.elf");
        Assert.Equal(StopReason.PowerOff, run.Reason);
        Assert.True(run.ExitCode == 0, $"selftest.s failed case {run.ExitCode}");
    }

    [Fact]
    public void A_store_to_tohost_with_bit_0_set_ends_the_run_with_value_shifted_right()
    {
        var elf = ElfFile.Load(Fixture("selftest.elf"));
        using var machine = new Machine(new MachineConfig { Output = Stream.Null, MemorySize = 16 << 20 });
        machine.LoadElf(elf);
        // Replace the program's first instruction with: sw t0, 0(t1) where t0 = 85, t1 = tohost.
        machine.Hart.SetReg(5, 85);
        machine.Hart.SetReg(6, elf.Symbols["tohost"]);
        machine.Ram.Write(elf.Entry, BitConverter.GetBytes(0x0053_2023u));
        Assert.Equal(StopReason.PowerOff, machine.Run(1_000));
        Assert.Equal(42, machine.ExitCode);
        Assert.Equal(1ul, machine.Hart.Instructions);
    }

    [Fact]
    public void Machine_timer_interrupt_is_taken_at_the_cycle_mtimecmp_names()
    {
        var run = RunElf("timer.elf");
        // mtimecmp = 1000 ticks = cycle 10,000; the handler's first instruction reads
        // mcycle after the trap entry's 5 cycles (CycleModel.TrapEntry).
        Assert.Equal($"mcause 80000007 mcycle {10_000 + CycleModel.TrapEntry:x8}\n", run.Output);
        Assert.Equal(StopReason.PowerOff, run.Reason);
    }

    [Fact]
    public void Supervisor_timer_interrupt_is_taken_at_the_cycle_stimecmp_names()
    {
        var run = RunElf("sstc.elf");
        // stimecmp = 500 ticks = cycle 5,000; delegated to S-mode (scause = interrupt 5).
        Assert.Equal($"scause 80000005 cycle {5_000 + CycleModel.TrapEntry:x8}\n", run.Output);
    }

    [Fact]
    public void Console_input_arrives_byte_by_byte_through_the_UART_interrupt()
    {
        var output = new MemoryStream();
        using var machine = new Machine(new MachineConfig
        {
            Output = output, MemorySize = 16 << 20, Input = Encoding.ASCII.GetBytes("hello, toy q ignored"),
        });
        machine.LoadElf(ElfFile.Load(Fixture("echo.elf")));
        Assert.Equal(StopReason.PowerOff, machine.Run(10_000_000));
        Assert.Equal("HELLO, TOY \nbye\n", Encoding.ASCII.GetString(output.ToArray()));
        Assert.Equal(12, machine.ExitCode);     // the bytes up to and including 'q'
    }

    [Fact]
    public void Wfi_skips_idle_time_instead_of_executing_it()
    {
        var output = new MemoryStream();
        using var machine = new Machine(new MachineConfig { Output = output, MemorySize = 16 << 20 });
        machine.LoadElf(ElfFile.Load(Fixture("timer.elf")));
        machine.Run();
        // Almost all of the 10,000 cycles before the timer were slept, not executed: a
        // wfi loop that spun instead would retire over 3,000 instructions (wfi 1 cycle,
        // j 2 cycles) on top of the ~500 of the program's printing.
        Assert.True(machine.Hart.IdleCycles > 9_900, $"idle cycles {machine.Hart.IdleCycles}");
        Assert.True(machine.Hart.Instructions < 1_000, $"instructions {machine.Hart.Instructions}");
    }

    [Fact]
    public void The_same_program_twice_gives_the_same_output_and_counts()
    {
        var first = RunElf("timer.elf");
        var second = RunElf("timer.elf");
        Assert.Equal(first, second);
        Assert.Equal(RunElf("hello.elf"), RunElf("hello.elf"));
    }

    [Fact]
    public void A_program_that_never_stops_runs_into_the_cycle_limit()
    {
        var run = RunElf("spin.elf", maxCycles: 1_000);
        Assert.Equal(StopReason.CycleLimit, run.Reason);
        Assert.InRange(run.Cycles, 1_000ul, 1_001ul);
    }

    [Fact]
    public void Wfi_with_nothing_that_could_wake_it_stops_the_machine_as_idle()
    {
        Assert.Equal(StopReason.Idle, RunElf("idle.elf").Reason);
    }

    [Fact]
    public void A_segment_outside_RAM_is_refused_with_a_message_naming_it()
    {
        var bytes = File.ReadAllBytes(Fixture("hello.elf"));
        // p_paddr of the PT_LOAD program header := 0x1000_0000 (the UART, not RAM).
        int phoff = BitConverter.ToInt32(bytes, 28), phnum = BitConverter.ToUInt16(bytes, 44);
        int load = Enumerable.Range(0, phnum).Select(i => phoff + 32 * i).First(ph => BitConverter.ToUInt32(bytes, ph) == 1);
        BitConverter.GetBytes(0x1000_0000u).CopyTo(bytes, load + 12);
        using var machine = new Machine(new MachineConfig { Output = Stream.Null, MemorySize = 16 << 20 });
        var e = Assert.Throws<InvalidElfException>(() => machine.LoadElf(ElfFile.Parse(bytes)));
        Assert.Contains("0x10000000", e.Message);
        Assert.Contains("outside RAM", e.Message);
    }

    [Theory]
    [InlineData(4, 2, "not a 32-bit ELF file")]                       // EI_CLASS = ELFCLASS64
    [InlineData(18, 62, "not a RISC-V executable")]                  // e_machine = EM_X86_64
    [InlineData(16, 1, "not an executable")]                         // e_type = ET_REL
    [InlineData(0, 0x7E, "not an ELF file")]                         // bad magic
    public void Files_that_are_not_RV32_executables_are_refused_with_one_line(int offset, byte value, string message)
    {
        var bytes = File.ReadAllBytes(Fixture("hello.elf"));
        bytes[offset] = value;
        var e = Assert.Throws<InvalidElfException>(() => ElfFile.Parse(bytes));
        Assert.StartsWith(message, e.Message);
        Assert.DoesNotContain('\n', e.Message);
    }

    [Fact]
    public void Truncated_ELF_files_are_refused_not_crashed_on()
    {
        var bytes = File.ReadAllBytes(Fixture("hello.elf"));
        for (int length = 0; length < bytes.Length; length += 7)
        {
            try { ElfFile.Parse(bytes.AsSpan(0, length)); }
            catch (InvalidElfException) { }
        }
    }

    [Fact]
    public void Boot_ROM_loads_sector_0_and_enters_it_with_the_boot_info_block()
    {
        string image = Path.GetTempFileName();
        try
        {
            var disk = new byte[8 * 512];
            File.ReadAllBytes(Fixture("bootblock.bin")).CopyTo(disk, 0);
            File.WriteAllBytes(image, disk);
            var output = new MemoryStream();
            using (var machine = new Machine(new MachineConfig
            {
                Output = output, DiskImage = image, CommandLine = "quiet init=/bin/usertests",
            }))
            {
                Assert.Equal(StopReason.PowerOff, machine.Run(50_000_000));
                Assert.Equal(42, machine.ExitCode);
            }
            // machine.md, "Boot": a0 = hart id 0, a1 = 0x1800; the block holds "BYOT",
            // ram_base, ram_size (128 MiB by default), disk_sectors, the command line.
            Assert.Equal(
                "hart 00000000\ninfo 00001800\nmagic 544f5942\nram_base 80000000\nram_size 08000000\n" +
                "disk_sectors 00000008\ncmdline quiet init=/bin/usertests\n",
                Encoding.ASCII.GetString(output.ToArray()));
        }
        finally { File.Delete(image); }
    }

    [Fact]
    public void Booting_without_a_readable_boot_block_fails_with_the_ROM_exit_code()
    {
        string image = Path.GetTempFileName();     // empty: no sector 0
        try
        {
            using var machine = new Machine(new MachineConfig { Output = Stream.Null, DiskImage = image });
            Assert.Equal(StopReason.PowerOff, machine.Run(50_000_000));
            Assert.Equal(BootRom.ExitDiskError, machine.ExitCode);
        }
        finally { File.Delete(image); }
    }
}
