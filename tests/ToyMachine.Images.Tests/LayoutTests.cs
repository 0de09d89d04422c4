using System.Text;
using static ToyMachine.Images.Tests.TestFiles;

namespace ToyMachine.Images.Tests;

/// <summary>Every byte-layout rule of docs/image-format.md, checked at offsets computed by
/// hand from the document (not through the reader), on one image:
/// the fixture kernel, /bin/true (user.elf, 840 bytes), /data/big (14 blocks: direct and
/// indirect) and /etc/motd.</summary>
public class LayoutTests
{
    // tinykernel.elf (readelf -l): .text 0x154 bytes at file offset 0x94 -> 0x8001_0000;
    // .data 5 bytes at file offset 0x1e8 -> 0x8001_2000, memsz 0x10007.
    private const int KernelFileSize = 0x2005, KernelMemSize = 0x12007;
    private const int BigSize = 13 * 4096 + 5;

    private static readonly byte[] Big = Enumerable.Range(0, BigSize).Select(i => (byte)(i * 7 + i / 4096)).ToArray();
    private static readonly byte[] Motd = Encoding.ASCII.GetBytes("hello\n");
    private static readonly byte[] Image = BuildImage();

    private static byte[] BuildImage()
    {
        var builder = NewBuilder();
        builder.Add("/etc/motd", Motd, "motd");
        builder.Add("/bin/true", UserProgram, "user.elf");
        builder.Add("/data/big", Big, "big");
        return builder.Build();
    }

    // Layout by hand (docs/image-format.md, "What the builder puts in"): 4 MiB = 1024
    // blocks; kernel 8197 bytes = blocks 1-3; bitmap block 4; inodes 1024/256 = 4 blocks
    // (5-8), 256 slots; data from block 9. Inodes: 1 /, 2 /bin, 3 /bin/true, 4 /data,
    // 5 /data/big, 6 /etc, 7 /etc/motd. Blocks: / 9, /bin 10, true 11, /data 12,
    // big 13-24 (direct), 25 (indirect), 26-27, /etc 28, motd 29; 30 blocks in use.
    private const int TotalBlocks = 1024, BitmapStart = 4, InodeStart = 5, InodeBlocks = 4, DataStart = 9, UsedBlocks = 30;

    private static int InodeAt(int n) => InodeStart * 4096 + n * 64;

    [Fact]
    public void The_image_is_4_MiB_by_default()
    {
        Assert.Equal(4 << 20, Image.Length);
    }

    [Fact]
    public void Sector_0_holds_the_boot_block_and_ends_with_the_BOOT_signature()
    {
        Assert.Equal(BootBlock.AsSpan(0, 508).ToArray(), Image.AsSpan(0, 508).ToArray());
        Assert.Equal("BOOT"u8.ToArray(), Image.AsSpan(508, 4).ToArray());
    }

    [Fact]
    public void Superblock_fields_sit_at_their_documented_offsets_in_sector_1()
    {
        Assert.Equal("TYFS"u8.ToArray(), Image.AsSpan(512, 4).ToArray());
        uint[] expected =
        [
            0x5346_5954, 1, 4096, TotalBlocks,
            8, 17, 0x8001_0000, KernelFileSize, KernelMemSize, 0x8001_0000,   // 8197 bytes = 17 sectors
            BitmapStart, 1, InodeStart, InodeBlocks, 256, DataStart,
            1, TotalBlocks - UsedBlocks, 256 - 8,                              // slots 0-7 taken
        ];
        for (int i = 0; i < expected.Length; i++)
            Assert.True(expected[i] == U32(Image, 512 + 4 * i), $"superblock offset {4 * i}: want {expected[i]}, got {U32(Image, 512 + 4 * i)}");
        AssertZero(Image.AsSpan(512 + 76, 512 - 76));
        AssertZero(Image.AsSpan(1024, 4096 - 1024));   // sectors 2-7
    }

    [Fact]
    public void The_kernel_blob_is_the_flattened_memory_image_from_block_1()
    {
        var elf = TinyKernel;
        Assert.Equal(elf.AsSpan(0x94, 0x154).ToArray(), Image.AsSpan(4096, 0x154).ToArray());
        AssertZero(Image.AsSpan(4096 + 0x154, 0x2000 - 0x154));    // the gap
        Assert.Equal(elf.AsSpan(0x1e8, 5).ToArray(), Image.AsSpan(4096 + 0x2000, 5).ToArray());
        AssertZero(Image.AsSpan(4096 + KernelFileSize, 3 * 4096 - KernelFileSize));  // padding
    }

    [Fact]
    public void The_bitmap_marks_used_blocks_and_the_bits_past_the_disk_least_significant_bit_first()
    {
        int at = BitmapStart * 4096;
        Assert.Equal(new byte[] { 0xFF, 0xFF, 0xFF, 0x3F }, Image.AsSpan(at, 4).ToArray());    // blocks 0-29
        AssertZero(Image.AsSpan(at + 4, 128 - 4));          // 30-1023 free
        Assert.Equal(-1, Image.AsSpan(at + 128, 4096 - 128).IndexOfAnyExcept((byte)0xFF));  // past the disk
    }

    [Fact]
    public void Inode_0_is_zero_and_the_root_is_inode_1_a_directory()
    {
        AssertZero(Image.AsSpan(InodeAt(0), 64));
        Assert.Equal(2u, U32(Image, InodeAt(1)));          // type directory
        Assert.Equal(5u * 32, U32(Image, InodeAt(1) + 4));  // ".", "..", bin, data, etc
        Assert.Equal(5u, U32(Image, InodeAt(1) + 8));       // 2 + three subdirectories' ".."
        Assert.Equal((uint)DataStart, U32(Image, InodeAt(1) + 12));
        for (int i = 1; i < 12; i++) Assert.Equal(0u, U32(Image, InodeAt(1) + 12 + 4 * i));
        Assert.Equal(0u, U32(Image, InodeAt(1) + 60));
    }

    [Fact]
    public void Directories_are_32_byte_records_with_dot_and_dotdot_first_then_names_in_order()
    {
        AssertRecords(DataStart, (1, "."), (1, ".."), (2, "bin"), (4, "data"), (6, "etc"));
        AssertRecords(10, (2, "."), (1, ".."), (3, "true"));
        AssertRecords(12, (4, "."), (1, ".."), (5, "big"));
        AssertRecords(28, (6, "."), (1, ".."), (7, "motd"));
        Assert.Equal(3u * 32, U32(Image, InodeAt(2) + 4));
        Assert.Equal(10u, U32(Image, InodeAt(2) + 12));
    }

    private static void AssertRecords(int block, params (uint Inode, string Name)[] records)
    {
        for (int i = 0; i < records.Length; i++)
        {
            int at = block * 4096 + 32 * i;
            Assert.Equal(records[i].Inode, U32(Image, at));
            var name = new byte[28];
            Encoding.ASCII.GetBytes(records[i].Name).CopyTo(name, 0);
            Assert.Equal(name, Image.AsSpan(at + 4, 28).ToArray());
        }
        AssertZero(Image.AsSpan(block * 4096 + 32 * records.Length, 4096 - 32 * records.Length));
    }

    [Fact]
    public void A_small_file_has_one_direct_block_and_its_tail_is_zero()
    {
        Assert.Equal(1u, U32(Image, InodeAt(3)));
        Assert.Equal((uint)UserProgram.Length, U32(Image, InodeAt(3) + 4));
        Assert.Equal(1u, U32(Image, InodeAt(3) + 8));
        Assert.Equal(11u, U32(Image, InodeAt(3) + 12));
        Assert.Equal(UserProgram, Image.AsSpan(11 * 4096, UserProgram.Length).ToArray());
        AssertZero(Image.AsSpan(11 * 4096 + UserProgram.Length, 4096 - UserProgram.Length));
        Assert.Equal(Motd, Image.AsSpan(29 * 4096, Motd.Length).ToArray());
        Assert.Equal(29u, U32(Image, InodeAt(7) + 12));
    }

    [Fact]
    public void File_blocks_past_12_are_found_through_the_indirect_block()
    {
        int at = InodeAt(5);
        Assert.Equal((uint)BigSize, U32(Image, at + 4));
        for (int i = 0; i < 12; i++) Assert.Equal(13u + (uint)i, U32(Image, at + 12 + 4 * i));
        Assert.Equal(25u, U32(Image, at + 60));
        Assert.Equal(26u, U32(Image, 25 * 4096));
        Assert.Equal(27u, U32(Image, 25 * 4096 + 4));
        AssertZero(Image.AsSpan(25 * 4096 + 8, 4096 - 8));
        Assert.Equal(Big.AsSpan(0, 4096).ToArray(), Image.AsSpan(13 * 4096, 4096).ToArray());
        Assert.Equal(Big.AsSpan(11 * 4096, 4096).ToArray(), Image.AsSpan(24 * 4096, 4096).ToArray());
        Assert.Equal(Big.AsSpan(12 * 4096, 4096).ToArray(), Image.AsSpan(26 * 4096, 4096).ToArray());
        Assert.Equal(Big.AsSpan(13 * 4096, 5).ToArray(), Image.AsSpan(27 * 4096, 5).ToArray());
    }

    [Fact]
    public void Free_inodes_and_free_blocks_are_all_zero()
    {
        AssertZero(Image.AsSpan(InodeAt(8), (InodeBlocks * 64 - 8) * 64));
        AssertZero(Image.AsSpan(UsedBlocks * 4096));
    }

    [Fact]
    public void The_reader_agrees_with_the_hand_computed_layout()
    {
        var fs = FileSystemImage.Open(Image);
        Assert.Empty(fs.Check());
        Assert.Equal(["/bin/", "/bin/true", "/data/", "/data/big", "/etc/", "/etc/motd"], fs.ListAll());
        Assert.Equal(Big, fs.ReadFile("/data/big"));
        Assert.Equal(Motd, fs.ReadFile("/etc/motd"));
        Assert.Equal(UserProgram, fs.ReadFile("/bin/../bin/./true"));
        Assert.Equal(25u, fs.ReadInode(5).Indirect);
        Assert.Equal(26u, fs.BlockOf(fs.ReadInode(5), 12));
        Assert.Equal(TinyKernel.AsSpan(0x94, 0x154).ToArray(), fs.KernelBlob[..0x154].ToArray());
    }
}
