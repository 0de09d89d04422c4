using static ToyMachine.Images.Tests.TestFiles;

namespace ToyMachine.Images.Tests;

/// <summary>What the builder accepts and refuses besides ELF checks: guest paths, sizes,
/// boot blocks; and that its images are deterministic and read back whole.</summary>
public class BuilderTests
{
    private static string Refusal(Action action)
    {
        var e = Assert.Throws<ImageException>(action);
        Assert.DoesNotContain('\n', e.Message);
        return e.Message;
    }

    [Theory]
    [InlineData("etc/motd", "must be absolute")]
    [InlineData("/", "not the root directory")]
    [InlineData("/etc/../motd", "'..' is not allowed")]
    [InlineData("/./motd", "'.' is not allowed")]
    [InlineData("/etc/a234567890123456789012345678", "longer than 27 bytes")]
    [InlineData("/etc/with space", "printable ASCII")]
    [InlineData("/etc/caf\u00e9", "printable ASCII")]
    public void Bad_guest_paths_are_refused_naming_the_path(string path, string reason)
    {
        var message = Refusal(() => NewBuilder().Add(path, [1, 2, 3], "host"));
        Assert.StartsWith(path + ": ", message);
        Assert.Contains(reason, message);
    }

    [Fact]
    public void A_27_byte_name_is_the_longest_accepted()
    {
        var builder = NewBuilder();
        builder.Add("/etc/a23456789012345678901234567", [1], "host");
        Assert.Equal([1], FileSystemImage.Open(builder.Build()).ReadFile("/etc/a23456789012345678901234567"));
    }

    [Fact]
    public void Adding_a_path_twice_is_refused()
    {
        var builder = NewBuilder();
        builder.Add("/etc/motd", [1], "a");
        Assert.Equal("/etc/motd: added twice", Refusal(() => builder.Add("/etc/motd", [2], "b")));
        Assert.Equal("/etc: already a directory in the image", Refusal(() => builder.Add("/etc", [2], "b")));
    }

    [Fact]
    public void A_path_below_a_file_is_refused()
    {
        var builder = NewBuilder();
        builder.Add("/etc/motd", [1], "a");
        Assert.Equal("/etc/motd/x: /etc/motd is a file, not a directory", Refusal(() => builder.Add("/etc/motd/x", [2], "b")));
    }

    [Fact]
    public void Repeated_slashes_are_ignored_and_directories_are_created_on_the_way()
    {
        var builder = NewBuilder();
        builder.Add("//usr/share//doc/readme", [7], "readme");
        var fs = FileSystemImage.Open(builder.Build());
        Assert.Equal(["/bin/", "/usr/", "/usr/share/", "/usr/share/doc/", "/usr/share/doc/readme"], fs.ListAll());
        Assert.Empty(fs.Check());
    }

    [Fact]
    public void Bin_exists_even_when_nothing_is_added()
    {
        var fs = FileSystemImage.Open(NewBuilder().Build());
        Assert.Equal(["/bin/"], fs.ListAll());
        Assert.True(fs.Find("/bin")!.IsDirectory);
        Assert.Empty(fs.Check());
    }

    [Fact]
    public void A_file_larger_than_the_format_allows_is_refused()
    {
        var message = Refusal(() => NewBuilder().Add("/big", new byte[ImageFormat.MaxFileSize + 1], "big.dat"));
        Assert.Equal("big.dat: 4243457 bytes is larger than the largest file of the image format (4243456 bytes)", message);
    }

    [Fact]
    public void The_largest_file_uses_every_direct_and_indirect_pointer()
    {
        var big = new byte[ImageFormat.MaxFileSize];
        new Random(1).NextBytes(big);
        var builder = NewBuilder();
        builder.Add("/big", big, "big.dat");
        var fs = FileSystemImage.Open(builder.Build());
        Assert.Equal(big, fs.ReadFile("/big"));
        Assert.Empty(fs.Check());
    }

    [Fact]
    public void The_default_size_grows_past_4_MiB_in_whole_MiB_when_the_content_needs_it()
    {
        var builder = NewBuilder();
        builder.Add("/a", new byte[3 << 20], "a");
        builder.Add("/b", new byte[3 << 20], "b");
        var image = builder.Build();
        Assert.Equal(7 << 20, image.Length);
        Assert.Empty(FileSystemImage.Open(image).Check());
    }

    [Fact]
    public void Content_that_does_not_fit_the_asked_size_is_refused_with_the_size_it_needs()
    {
        var builder = NewBuilder();
        builder.Add("/a", new byte[3 << 20], "a");
        builder.SizeMiB = 2;
        Assert.Equal("--size 2: the content needs 4 MiB", Refusal(() => builder.Build()));
        builder.SizeMiB = 4;
        Assert.Equal(4 << 20, builder.Build().Length);
    }

    [Theory]
    [InlineData(0)]
    [InlineData(1025)]
    public void A_size_outside_1_to_1024_MiB_is_refused(int size)
    {
        var builder = NewBuilder();
        builder.SizeMiB = size;
        Assert.Equal($"--size {size}: must be 1 to 1024 MiB", Refusal(() => builder.Build()));
    }

    [Fact]
    public void A_1_MiB_image_has_one_inode_block_and_still_boots_its_layout()
    {
        var builder = NewBuilder();
        builder.SizeMiB = 1;
        var fs = FileSystemImage.Open(builder.Build());
        Assert.Equal((256u, 1u, 64u), (fs.Superblock.TotalBlocks, fs.Superblock.InodeBlocks, fs.Superblock.InodeCount));
        Assert.Empty(fs.Check());
    }

    [Fact]
    public void More_files_than_one_inode_per_4_blocks_get_more_inode_blocks()
    {
        var builder = NewBuilder();
        builder.SizeMiB = 1;        // 64 inode slots by the rule; 100 files need 2 blocks
        for (int i = 0; i < 100; i++) builder.Add($"/f/{i}", [], $"f{i}");
        var fs = FileSystemImage.Open(builder.Build());
        Assert.Equal(2u, fs.Superblock.InodeBlocks);
        Assert.Equal(101, fs.ListAll().Count - 1);       // /f/, 100 files, and /bin/
        Assert.Empty(fs.Check());
    }

    [Fact]
    public void The_same_inputs_give_the_same_bytes_whatever_the_order_of_adding()
    {
        var one = NewBuilder();
        one.Add("/bin/true", UserProgram, "user.elf");
        one.Add("/etc/motd", [1, 2], "motd");
        var two = NewBuilder();
        two.Add("/etc/motd", [1, 2], "motd");
        two.Add("/bin/true", UserProgram, "user.elf");
        Assert.Equal(one.Build(), two.Build());
    }

    [Fact]
    public void A_short_boot_block_is_padded_and_signed()
    {
        var image = new ImageBuilder([0x6F, 0x00, 0x00, 0x00], "boot.bin", TinyKernel, "k.elf").Build();
        Assert.Equal(new byte[] { 0x6F, 0, 0, 0, 0 }, image[..5]);
        AssertZero(image[5..508]);
        Assert.Equal("BOOT"u8.ToArray(), image[508..512]);
    }

    [Fact]
    public void A_512_byte_boot_block_without_the_signature_is_refused()
    {
        Assert.Equal("boot.bin: a 512-byte boot block must end with the signature \"BOOT\" (bytes 508-511)",
            Refusal(() => _ = new ImageBuilder(new byte[512], "boot.bin", TinyKernel, "k.elf")));
    }

    [Fact]
    public void A_boot_block_of_509_bytes_is_refused()
    {
        Assert.Equal("boot.bin: the boot block is 509 bytes; sector 0 holds 508 bytes of code and the signature",
            Refusal(() => _ = new ImageBuilder(new byte[509], "boot.bin", TinyKernel, "k.elf")));
    }

    [Fact]
    public void Empty_files_have_no_blocks()
    {
        var builder = NewBuilder();
        builder.Add("/empty", [], "empty");
        var fs = FileSystemImage.Open(builder.Build());
        var inode = fs.Find("/empty")!;
        Assert.Equal((1u, 0u, 0u), (inode.Type, inode.Size, inode.Direct[0]));
        Assert.Empty(fs.ReadFile("/empty"));
    }
}
