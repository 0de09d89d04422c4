namespace ToyMachine.Cli.Tests;

public class BootCommandTests
{
    [Fact]
    public void Boot_of_a_hand_made_image_runs_its_boot_block_and_exits_with_its_code()
    {
        string image = Path.Combine(Path.GetTempPath(), $"boot-{Guid.NewGuid():N}.img");
        var disk = new byte[4 * 512];
        File.ReadAllBytes(Toymachine.Fixture("bootblock.bin")).CopyTo(disk, 0);
        File.WriteAllBytes(image, disk);
        try
        {
            var r = Toymachine.Run("boot", image, "--cmdline", "init=/bin/sh", "--memory", "32", "--input", Toymachine.Fixture("hello.elf"));
            Assert.Equal(42, r.ExitCode);
            Assert.Contains("ram_size 02000000\n", r.Stdout);
            Assert.Contains("disk_sectors 00000004\n", r.Stdout);
            Assert.Contains("cmdline init=/bin/sh\n", r.Stdout);
        }
        finally { File.Delete(image); }
    }

    [Fact]
    public void Boot_of_a_file_that_is_not_a_disk_image_exits_2_with_one_line()
    {
        string image = Path.Combine(Path.GetTempPath(), "odd-size.img");
        File.WriteAllBytes(image, new byte[1000]);
        var r = Toymachine.Run("boot", image);
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("toymachine: odd-size.img: not a disk image", r.Stderr);
        Assert.Single(r.Stderr.TrimEnd('\n').Split('\n'));
    }

    [Theory]
    [InlineData("8")]
    [InlineData("2048")]
    public void Boot_with_memory_out_of_range_exits_2(string mib)
    {
        string image = Path.Combine(Path.GetTempPath(), "small.img");
        File.WriteAllBytes(image, new byte[512]);
        var r = Toymachine.Run("boot", image, "--memory", mib);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("--memory", r.Stderr);
    }
}
