using System.Buffers.Binary;
using System.Text;
using ToyMachine.Cpu;
using static ToyMachine.Images.Tests.TestFiles;

namespace ToyMachine.Images.Tests;

/// <summary>The boot block (kernel/boot/bootblock.s, GNU-built copy in Fixtures/) booted
/// by the machine's ROM from an image the builder wrote, with the fixture kernel
/// (Fixtures/tinykernel.s) checking what it was promised.</summary>
public class BootBlockTests
{
    private static (StopReason Reason, int ExitCode, string Output) Boot(
        byte[] image, uint memoryMiB = 16, ulong maxCycles = 10_000_000, Action<Machine>? before = null, Action<Machine>? after = null)
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, image);
            var output = new MemoryStream();
            using var machine = new Machine(new MachineConfig { Output = output, DiskImage = path, MemorySize = memoryMiB << 20 });
            // Garbage where the kernel goes: the boot block must zero the bss itself,
            // and must not touch the byte past the kernel's memory.
            machine.Ram.Write(0x8001_0000, Enumerable.Repeat((byte)0xA5, 0x20000).ToArray());
            before?.Invoke(machine);
            var reason = machine.Run(maxCycles);
            after?.Invoke(machine);
            return (reason, machine.ExitCode, Encoding.ASCII.GetString(output.ToArray()));
        }
        finally { File.Delete(path); }
    }

    private static byte[] Image()
    {
        var builder = NewBuilder();
        builder.Add("/bin/true", UserProgram, "user.elf");
        return builder.Build();
    }

    private static void SetSuperblock(byte[] image, int offset, uint value) =>
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(512 + offset), value);

    [Fact]
    public void Boot_block_loads_the_kernel_zero_fills_its_bss_and_enters_it_with_a0_and_a1()
    {
        var run = Boot(Image());
        Assert.Equal((0, "kernel: ok\n"), (run.ExitCode, run.Output));
        Assert.Equal(StopReason.PowerOff, run.Reason);
        Assert.Equal(0, run.ExitCode);
    }

    [Fact]
    public void Boot_block_fits_sector_0_with_its_signature()
    {
        var bin = BootBlock;
        Assert.Equal(512, bin.Length);
        Assert.Equal("BOOT"u8.ToArray(), bin.AsSpan(508).ToArray());
    }

    [Fact]
    public void A_bad_superblock_magic_prints_a_line_and_powers_off_with_4()
    {
        var image = Image();
        image[512] ^= 1;
        Assert.Equal((StopReason.PowerOff, 4, "boot: bad superblock\n"), Boot(image));
    }

    [Fact]
    public void An_unknown_version_is_a_bad_superblock()
    {
        var image = Image();
        SetSuperblock(image, 4, 2);
        Assert.Equal((StopReason.PowerOff, 4, "boot: bad superblock\n"), Boot(image));
    }

    [Fact]
    public void A_kernel_past_the_end_of_the_disk_is_a_read_error_with_5()
    {
        var image = Image();
        SetSuperblock(image, 16, (uint)(image.Length / 512));   // kernel_sector = the first sector past the end
        Assert.Equal((StopReason.PowerOff, 5, "boot: disk read error\n"), Boot(image));
    }

    [Theory]
    [InlineData(32, 0x00FF_0001u)]       // kernel_mem_size: ends one byte past 16 MiB of RAM
    [InlineData(24, 0x8000_F000u)]       // kernel_load below 0x8001_0000
    [InlineData(32, 0x0000_1000u)]       // mem size below the file size
    [InlineData(32, 0x8000_0000u)]       // load + mem size wraps past 2^32
    public void A_kernel_outside_RAM_above_0x80010000_does_not_fit_and_powers_off_with_6(int offset, uint value)
    {
        var image = Image();
        SetSuperblock(image, offset, value);
        Assert.Equal((StopReason.PowerOff, 6, "boot: kernel does not fit\n"), Boot(image));
    }

    [Fact]
    public void The_limit_is_the_RAM_size_from_the_boot_info_block_and_the_zero_fill_stops_at_the_memory_size()
    {
        // Ends one byte past 16 MiB: refused with 16 MiB of RAM (above), entered with 32,
        // after zeroing up to and including 0x8100_0000 and nothing after it.
        var image = Image();
        SetSuperblock(image, 32, 0x00FF_0001);
        byte[] ends = new byte[3];
        var run = Boot(image, memoryMiB: 32, maxCycles: 100_000_000,
            before: m => m.Ram.Write(0x80FF_FFFF, new byte[] { 0xA5, 0xA5, 0xA5 }),
            after: m => m.Ram.Read(0x80FF_FFFF, ends));
        Assert.Equal((StopReason.PowerOff, 0, "kernel: ok\n"), run);
        Assert.Equal(new byte[] { 0, 0, 0xA5 }, ends);
    }
}
