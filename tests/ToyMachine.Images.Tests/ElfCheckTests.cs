using static ToyMachine.Images.Tests.TestFiles;

namespace ToyMachine.Images.Tests;

/// <summary>Programs and kernels the builder refuses, from hand-made ELF bytes: each
/// refusal is one line starting with the host file's name.</summary>
public class ElfCheckTests
{
    private static readonly Segment[] Good = [new(0x0001_0000, 0x10, 0x1000)];

    private static string Refusal(byte[] program, string guestPath = "/bin/prog")
    {
        var e = Assert.Throws<ImageException>(() => NewBuilder().Add(guestPath, program, "prog.elf"));
        Assert.StartsWith("prog.elf: ", e.Message);
        Assert.DoesNotContain('\n', e.Message);
        return e.Message;
    }

    [Fact]
    public void A_well_formed_user_program_is_accepted()
    {
        var builder = NewBuilder();
        builder.Add("/bin/prog", Elf(0x0001_0000, Good), "prog.elf");
        builder.Add("/bin/two", Elf(0x7FFE_FFFC, [new(0x0001_0000, 0x10, 0x10), new(0x7FFE_F000, 0, 0x1000)]), "two.elf");
        Assert.Empty(FileSystemImage.Open(builder.Build()).Check());
    }

    [Fact]
    public void A_non_ELF_file_under_bin_is_stored_as_data_for_exec_to_refuse()
    {
        var builder = NewBuilder();
        builder.Add("/bin/script", "#!/bin/sh\n"u8.ToArray(), "script");
        Assert.Equal("#!/bin/sh\n"u8.ToArray(), FileSystemImage.Open(builder.Build()).ReadFile("/bin/script"));
    }

    [Fact]
    public void A_data_file_outside_bin_is_stored_unchecked()
    {
        var builder = NewBuilder();
        builder.Add("/etc/motd", "hello\n"u8.ToArray(), "motd");
        Assert.Equal("hello\n"u8.ToArray(), FileSystemImage.Open(builder.Build()).ReadFile("/etc/motd"));
    }

    [Fact]
    public void A_64_bit_ELF_is_refused_even_outside_bin()
    {
        Assert.Contains("32-bit", Refusal(Elf(0x0001_0000, Good, elfClass: 2), "/data/prog"));
    }

    [Fact]
    public void A_big_endian_ELF_is_refused()
    {
        Assert.Contains("little-endian", Refusal(Elf(0x0001_0000, Good, data: 2)));
    }

    [Fact]
    public void An_x86_ELF_is_refused()
    {
        Assert.Contains("not a RISC-V executable", Refusal(Elf(0x0001_0000, Good, machine: 62)));
    }

    [Fact]
    public void A_shared_object_is_refused()
    {
        Assert.Contains("ET_EXEC", Refusal(Elf(0x0001_0000, Good, type: 3)));
    }

    [Theory]
    [InlineData(0x0000_0000u, 0x100u)]       // page 0
    [InlineData(0x0000_F000u, 0x1000u)]      // ends just below user space: still below it
    [InlineData(0x0000_FFFFu, 0x10u)]        // starts one byte below user space
    [InlineData(0x7FFE_F000u, 0x1001u)]      // runs one byte into 0x7FFF_0000
    [InlineData(0x7FFF_F000u, 0x1000u)]      // the trampoline page
    [InlineData(0x8000_0000u, 0x1000u)]      // kernel space
    public void A_segment_outside_user_space_is_refused(uint vaddr, uint memsz)
    {
        var message = Refusal(Elf(0x0001_0000, [new(0x0001_0000, 4, 4), new(vaddr, 0, memsz)]));
        Assert.Contains($"0x{vaddr:X8}", message);
        Assert.Contains("outside user space 0x00010000..0x7FFEFFFF", message);
    }

    [Fact]
    public void An_entry_point_outside_every_segment_is_refused()
    {
        Assert.Contains("entry point 0x00020000", Refusal(Elf(0x0002_0000, Good)));
    }

    [Fact]
    public void A_truncated_ELF_is_refused_with_one_line()
    {
        var program = Elf(0x0001_0000, Good);
        for (int length = 4; length < program.Length; length += 5)
            Refusal(program[..length]);
    }

    private static string KernelRefusal(byte[] kernel)
    {
        var e = Assert.Throws<ImageException>(() => new ImageBuilder(BootBlock, "bootblock.bin", kernel, "kernel.elf"));
        Assert.StartsWith("kernel.elf: ", e.Message);
        return e.Message;
    }

    [Fact]
    public void A_kernel_below_0x80010000_is_refused()
    {
        Assert.Contains("below 0x80010000", KernelRefusal(Elf(0x8000_0000, [new(0x8000_0000, 0x10, 0x10)])));
    }

    [Fact]
    public void A_user_program_given_as_the_kernel_is_refused()
    {
        Assert.Contains("below 0x80010000", KernelRefusal(UserProgram));
    }

    [Fact]
    public void A_kernel_ending_past_16_MiB_of_RAM_is_refused()
    {
        Assert.Contains("past 0x81000000", KernelRefusal(Elf(0x8001_0000, [new(0x8001_0000, 0x10, 0x00FF_0001)])));
    }

    [Fact]
    public void A_kernel_ending_exactly_at_16_MiB_is_accepted()
    {
        var builder = new ImageBuilder(BootBlock, "bootblock.bin", Elf(0x8001_0000, [new(0x8001_0000, 0x10, 0x00FF_0000)]), "kernel.elf");
        var sb = FileSystemImage.Open(builder.Build()).Superblock;
        Assert.Equal((0x8001_0000u, 0x10u, 0x00FF_0000u), (sb.KernelLoad, sb.KernelFileSize, sb.KernelMemSize));
    }

    [Fact]
    public void Overlapping_kernel_segments_are_refused()
    {
        Assert.Contains("overlap", KernelRefusal(Elf(0x8001_0000, [new(0x8001_0000, 0x10, 0x2000), new(0x8001_1000, 0x10, 0x10)])));
    }

    [Fact]
    public void A_kernel_entry_outside_the_kernel_is_refused()
    {
        Assert.Contains("entry point 0x80020000", KernelRefusal(Elf(0x8002_0000, [new(0x8001_0000, 0x10, 0x10)])));
    }

    [Fact]
    public void A_kernel_is_loaded_by_physical_address_with_gaps_and_bss_zero()
    {
        // Segments given out of address order: the blob starts at the lowest p_paddr.
        var kernel = Elf(0x8001_0000, [new(0x8001_3000, 3, 0x100), new(0x8001_0000, 2, 8)]);
        var fs = FileSystemImage.Open(new ImageBuilder(BootBlock, "bootblock.bin", kernel, "kernel.elf").Build());
        Assert.Equal(0x3003u, fs.Superblock.KernelFileSize);
        Assert.Equal(0x3100u, fs.Superblock.KernelMemSize);
        Assert.Equal(0x8001_0000u, fs.Superblock.KernelEntry);
        var blob = fs.KernelBlob.ToArray();
        // Elf() fills segment i with 0x13 + i + j, in program-header order, data after the headers.
        Assert.Equal(new byte[] { 0x14, 0x15 }, blob[..2]);
        AssertZero(blob[2..0x3000]);
        Assert.Equal(new byte[] { 0x13, 0x14, 0x15 }, blob[0x3000..]);
    }
}
