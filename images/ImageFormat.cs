namespace ToyMachine.Images;

/// <summary>The numbers of docs/image-format.md (version 1), in one place. Every offset
/// is in bytes; every field on disk is a little-endian u32.</summary>
public static class ImageFormat
{
    /// <summary>A toyblk sector.</summary>
    public const int SectorSize = 512;
    /// <summary>A file-system block: 8 sectors, one page.</summary>
    public const int BlockSize = 4096;
    /// <summary>Sectors in a block.</summary>
    public const int SectorsPerBlock = BlockSize / SectorSize;

    /// <summary>Bytes of boot code before the signature in sector 0.</summary>
    public const int BootCodeSize = 508;
    /// <summary>The last u32 of sector 0: the bytes "BOOT".</summary>
    public const uint BootSignature = 0x544F_4F42;

    /// <summary>Byte offset of the superblock in the image (sector 1).</summary>
    public const int SuperblockOffset = SectorSize;
    /// <summary>The superblock magic: the bytes "TYFS".</summary>
    public const uint Magic = 0x5346_5954;
    /// <summary>The format version this code reads and writes.</summary>
    public const uint FormatVersion = 1;

    /// <summary>Superblock field offsets.</summary>
    public const int SbMagic = 0, SbVersion = 4, SbBlockSize = 8, SbTotalBlocks = 12,
        SbKernelSector = 16, SbKernelSectorCount = 20, SbKernelLoad = 24, SbKernelFileSize = 28,
        SbKernelMemSize = 32, SbKernelEntry = 36, SbBitmapStart = 40, SbBitmapBlocks = 44,
        SbInodeStart = 48, SbInodeBlocks = 52, SbInodeCount = 56, SbDataStart = 60,
        SbRootInode = 64, SbFreeBlocks = 68, SbFreeInodes = 72, SbFieldsEnd = 76;

    /// <summary>The first block of the kernel blob, as the builder places it.</summary>
    public const int KernelStartBlock = 1;

    /// <summary>Bits in one bitmap block.</summary>
    public const int BitsPerBitmapBlock = BlockSize * 8;

    /// <summary>Bytes of an inode.</summary>
    public const int InodeSize = 64;
    /// <summary>Inodes in a block.</summary>
    public const int InodesPerBlock = BlockSize / InodeSize;
    /// <summary>Inode field offsets.</summary>
    public const int InType = 0, InSize = 4, InLinks = 8, InDirect = 12, InIndirect = 60;
    /// <summary>Direct block pointers in an inode.</summary>
    public const int DirectBlocks = 12;
    /// <summary>Block numbers in an indirect block.</summary>
    public const int PointersPerBlock = BlockSize / 4;
    /// <summary>Blocks of the largest file.</summary>
    public const int MaxFileBlocks = DirectBlocks + PointersPerBlock;
    /// <summary>Bytes of the largest file (4,243,456).</summary>
    public const long MaxFileSize = (long)MaxFileBlocks * BlockSize;
    /// <summary>Inode type: free slot.</summary>
    public const uint TypeFree = 0;
    /// <summary>Inode type: regular file (abi.md fstat type 1).</summary>
    public const uint TypeFile = 1;
    /// <summary>Inode type: directory (abi.md fstat type 2).</summary>
    public const uint TypeDirectory = 2;
    /// <summary>The root directory's inode.</summary>
    public const uint RootInode = 1;

    /// <summary>A directory record: u32 inode, char name[28] (abi.md's directory read format).</summary>
    public const int DirEntrySize = 32;
    /// <summary>Bytes of the name field of a directory record.</summary>
    public const int NameFieldSize = 28;
    /// <summary>Longest name: the field always holds a terminating NUL.</summary>
    public const int MaxNameLength = NameFieldSize - 1;

    /// <summary>The lowest address a kernel segment may start at (CONTRACTS.md: the boot
    /// block owns the first 64 KiB of RAM).</summary>
    public const uint KernelLowest = 0x8001_0000;
    /// <summary>The end of the smallest RAM (16 MiB): the kernel must lie below it.</summary>
    public const uint KernelLimit = 0x8100_0000;
    /// <summary>The first address of user space (abi.md).</summary>
    public const uint UserLowest = 0x0001_0000;
    /// <summary>One past the last address of user space (abi.md: up to 0x7FFE_FFFF).</summary>
    public const uint UserLimit = 0x7FFF_0000;

    /// <summary>Image size when none is asked for and the content fits, in MiB.</summary>
    public const int DefaultSizeMiB = 4;
    /// <summary>Largest image the builder writes, in MiB.</summary>
    public const int MaxSizeMiB = 1024;
}
