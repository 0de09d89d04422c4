using System.Buffers.Binary;
using static ToyMachine.Images.Tests.TestFiles;

namespace ToyMachine.Images.Tests;

/// <summary>The reader on images the builder did not write: hand-patched and damaged ones.</summary>
public class ReaderTests
{
    private static byte[] Image()
    {
        var builder = NewBuilder();
        builder.SizeMiB = 1;
        builder.Add("/bin/true", UserProgram, "user.elf");
        builder.Add("/etc/motd", "hi\n"u8.ToArray(), "motd");
        builder.Add("/data/big", new byte[20 * 4096], "big");
        return builder.Build();
    }

    [Fact]
    public void A_file_that_is_not_an_image_is_refused_with_one_line()
    {
        var e = Assert.Throws<ImageException>(() => FileSystemImage.Open(new byte[8192], "x.img"));
        Assert.Equal("x.img: not a ToyMachine disk image (no \"TYFS\" superblock in sector 1)", e.Message);
        Assert.Throws<ImageException>(() => FileSystemImage.Open(new byte[100], "x.img"));
    }

    [Fact]
    public void A_truncated_image_is_refused()
    {
        var e = Assert.Throws<ImageException>(() => FileSystemImage.Open(Image()[..(512 << 10)], "x.img"));
        Assert.StartsWith("x.img: the superblock says 256 blocks", e.Message);
    }

    [Fact]
    public void Empty_directory_slots_and_holes_are_read_as_the_format_says()
    {
        var image = Image();
        var fs = FileSystemImage.Open(image);
        // Empty the record of "bin" in the root directory: listing skips it.
        uint rootBlock = fs.ReadInode(1).Direct[0];
        int bin = (int)rootBlock * 4096 + 2 * 32;
        Assert.Equal(2u, U32(image, bin));
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(bin), 0);
        Assert.Equal(["/data/", "/data/big", "/etc/", "/etc/motd"], FileSystemImage.Open(image).ListAll());

        // A zero block pointer inside the size is a hole of zeros.
        var motd = fs.Find("/etc/motd")!;
        int inodeAt = (int)(fs.Superblock.InodeStart * 4096 + motd.Number * 64);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(inodeAt + 12), 0);
        Assert.Equal(new byte[3], FileSystemImage.Open(image).ReadFile("/etc/motd"));
    }

    [Fact]
    public void Check_finds_a_wrong_bitmap_bit_and_a_wrong_free_count()
    {
        var image = Image();
        var fs = FileSystemImage.Open(image);
        int bitmap = (int)fs.Superblock.BitmapStart * 4096;
        image[bitmap + 25] = 0x01;       // block 200 marked used
        Assert.Contains("bitmap bit 200 is 1, block is free", fs.Check());
        Assert.Contains(fs.Check(), p => p.StartsWith("superblock free_blocks"));
    }

    [Fact]
    public void Check_finds_a_missing_boot_signature()
    {
        var image = Image();
        image[511] = 0;
        Assert.Equal(["sector 0 does not end with the boot signature \"BOOT\""], FileSystemImage.Open(image).Check());
    }

    [Fact]
    public void Check_finds_a_block_used_twice()
    {
        var image = Image();
        var fs = FileSystemImage.Open(image);
        var motd = fs.Find("/etc/motd")!;
        var truth = fs.Find("/bin/true")!;
        int inodeAt = (int)(fs.Superblock.InodeStart * 4096 + motd.Number * 64);
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(inodeAt + 12), truth.Direct[0]);
        Assert.Contains(fs.Check(), p => p.Contains($"block {truth.Direct[0]} is used by inodes"));
    }

    [Fact]
    public void A_damaged_image_gives_image_errors_never_a_crash()
    {
        var good = Image();
        var fs = FileSystemImage.Open(good);
        int metadataEnd = (int)(fs.Superblock.DataStart + 8) * 4096;
        var random = new Random(42);
        for (int round = 0; round < 200; round++)
        {
            var image = (byte[])good.Clone();
            for (int k = 0; k < 4; k++)
            {
                int at = random.Next(2) == 0 ? 512 + random.Next(76) : (int)fs.Superblock.InodeStart * 4096 + random.Next(metadataEnd - (int)fs.Superblock.InodeStart * 4096);
                image[at] = (byte)random.Next(256);
            }
            try
            {
                var damaged = FileSystemImage.Open(image);
                damaged.Check();
                foreach (var path in damaged.ListAll())
                    if (!path.EndsWith('/')) damaged.ReadFile(path);
            }
            catch (ImageException) { }
        }
    }
}
