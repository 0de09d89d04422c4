using System.Buffers.Binary;
using System.Text;
using static ToyMachine.Images.ImageFormat;

namespace ToyMachine.Images;

/// <summary>Writes a disk image (docs/image-format.md): the boot block in sector 0, the
/// superblock in sector 1, the kernel blob from block 1, then the block bitmap, the inode
/// table and the file system's data. The same inputs always give the same bytes.</summary>
/// <example><code>
/// var builder = new ImageBuilder(bootBlockBytes, "bootblock.bin", kernelElfBytes, "kernel.elf");
/// builder.Add("/bin/sh", File.ReadAllBytes("sh.elf"), "sh.elf");
/// File.WriteAllBytes("disk.img", builder.Build());
/// </code></example>
public sealed class ImageBuilder
{
    private readonly byte[] _bootSector;
    private readonly KernelImage _kernel;
    private readonly Node _root = Node.Directory();

    /// <summary>Starts an image from a flat boot block and a kernel ELF, both checked
    /// here.</summary>
    /// <param name="bootBlock">At most 508 bytes of code (padded and signed here), or a
    /// whole 512-byte sector that already ends with the signature "BOOT".</param>
    /// <param name="bootBlockName">The boot block's file name, for messages.</param>
    /// <param name="kernelElf">The kernel: a static ELF32 RISC-V executable linked at
    /// 0x8001_0000 or above.</param>
    /// <param name="kernelName">The kernel's file name, for messages.</param>
    /// <exception cref="ImageException">A boot block or kernel the format cannot hold.</exception>
    public ImageBuilder(ReadOnlySpan<byte> bootBlock, string bootBlockName, ReadOnlySpan<byte> kernelElf, string kernelName)
    {
        _bootSector = SignBootBlock(bootBlock, bootBlockName);
        _kernel = ElfChecks.FlattenKernel(kernelName, kernelElf);
        _root.Children["bin"] = Node.Directory();
    }

    /// <summary>The image size in MiB; null (the default) picks 4 MiB or the smallest
    /// whole number of MiB that holds the content, whichever is larger.</summary>
    public int? SizeMiB { get; set; }

    /// <summary>Adds a file at an absolute guest path, creating the directories on the
    /// way. A file that starts with the ELF magic must be a user program
    /// (<see cref="ElfChecks.CheckProgram"/>); any other file is stored as data.</summary>
    /// <param name="guestPath">Absolute path such as "/bin/sh".</param>
    /// <param name="contents">The file's bytes.</param>
    /// <param name="hostName">The host file's name, for messages.</param>
    /// <exception cref="ImageException">A bad path, a duplicate, a bad program, a file too large.</exception>
    public void Add(string guestPath, byte[] contents, string hostName)
    {
        var names = SplitGuestPath(guestPath);
        // Only ELF files are checked: a non-ELF file may sit anywhere, even in /bin,
        // where exec gives -ENOEXEC for it (which the kernel's tests rely on).
        if (ElfChecks.HasElfMagic(contents))
            ElfChecks.CheckProgram(hostName, contents);
        if (contents.Length > MaxFileSize)
            throw new ImageException($"{hostName}: {contents.Length} bytes is larger than the largest file of the image format ({MaxFileSize} bytes)");

        var dir = _root;
        for (int i = 0; i < names.Length - 1; i++)
        {
            if (!dir.Children.TryGetValue(names[i], out var next))
                dir.Children[names[i]] = next = Node.Directory();
            else if (!next.IsDirectory)
                throw new ImageException($"{guestPath}: /{string.Join('/', names[..(i + 1)])} is a file, not a directory");
            dir = next;
        }
        if (dir.Children.TryGetValue(names[^1], out var existing))
            throw new ImageException(existing.IsDirectory
                ? $"{guestPath}: already a directory in the image"
                : $"{guestPath}: added twice");
        dir.Children[names[^1]] = Node.File(contents);
    }

    /// <summary>Lays out and writes the image.</summary>
    /// <returns>The image: a whole number of 4096-byte blocks.</returns>
    /// <exception cref="ImageException">The content does not fit in <see cref="SizeMiB"/>.</exception>
    public byte[] Build()
    {
        // Inode numbers in depth-first order, root first, entries by name.
        var inodes = new List<Node> { null!, _root };    // slot 0 is never used
        _root.Parent = _root;
        Number(_root, inodes);

        int kernelBlocks = BlocksFor(_kernel.Blob.Length);
        long dataBlocks = inodes.Skip(1).Sum(n => (long)BlocksWithIndirect(n.Size));
        int inodeSlots = inodes.Count;

        int sizeMiB;
        if (SizeMiB is int asked)
        {
            if (asked < 1 || asked > MaxSizeMiB)
                throw new ImageException($"--size {asked}: must be 1 to {MaxSizeMiB} MiB");
            if (!Fits(asked, kernelBlocks, dataBlocks, inodeSlots))
            {
                int needed = asked;
                while (needed <= MaxSizeMiB && !Fits(needed, kernelBlocks, dataBlocks, inodeSlots)) needed++;
                throw new ImageException(needed > MaxSizeMiB
                    ? $"--size {asked}: the content does not fit even in {MaxSizeMiB} MiB"
                    : $"--size {asked}: the content needs {needed} MiB");
            }
            sizeMiB = asked;
        }
        else
        {
            sizeMiB = DefaultSizeMiB;
            while (!Fits(sizeMiB, kernelBlocks, dataBlocks, inodeSlots))
                if (++sizeMiB > MaxSizeMiB)
                    throw new ImageException($"the content does not fit in the largest image ({MaxSizeMiB} MiB)");
        }

        var layout = Layout.For(sizeMiB, kernelBlocks, inodeSlots);
        var image = new byte[(long)layout.TotalBlocks * BlockSize];
        _bootSector.CopyTo(image, 0);
        _kernel.Blob.CopyTo(image, KernelStartBlock * BlockSize);

        // Data blocks in inode order; each file's blocks in order, the indirect block
        // just before file block 12.
        uint next = (uint)layout.DataStart;
        for (int n = 1; n < inodes.Count; n++)
        {
            var node = inodes[n];
            byte[] contents = node.IsDirectory ? DirectoryBytes(node) : node.Contents!;
            int at = InodeOffset(layout, n);
            Put(image, at + InType, node.IsDirectory ? TypeDirectory : TypeFile);
            Put(image, at + InSize, (uint)contents.Length);
            Put(image, at + InLinks, node.IsDirectory ? 2u + (uint)node.Children.Values.Count(c => c.IsDirectory) : 1u);
            int blocks = BlocksFor(contents.Length);
            uint indirect = 0;
            for (int b = 0; b < blocks; b++)
            {
                if (b == DirectBlocks)
                {
                    indirect = next++;
                    Put(image, at + InIndirect, indirect);
                }
                uint block = next++;
                if (b < DirectBlocks) Put(image, at + InDirect + 4 * b, block);
                else Put(image, (int)(indirect * BlockSize) + 4 * (b - DirectBlocks), block);
                int length = Math.Min(BlockSize, contents.Length - b * BlockSize);
                Array.Copy(contents, b * BlockSize, image, block * BlockSize, length);
            }
        }

        // Bitmap: everything before `next` is in use, and the bits past the disk's end.
        int bitmap = layout.BitmapStart * BlockSize;
        for (long b = 0; b < (long)layout.BitmapBlocks * BitsPerBitmapBlock; b++)
            if (b < next || b >= layout.TotalBlocks)
                image[bitmap + b / 8] |= (byte)(1 << (int)(b % 8));

        int sb = SuperblockOffset;
        Put(image, sb + SbMagic, Magic);
        Put(image, sb + SbVersion, FormatVersion);
        Put(image, sb + SbBlockSize, BlockSize);
        Put(image, sb + SbTotalBlocks, (uint)layout.TotalBlocks);
        Put(image, sb + SbKernelSector, KernelStartBlock * SectorsPerBlock);
        Put(image, sb + SbKernelSectorCount, (uint)((_kernel.Blob.Length + SectorSize - 1) / SectorSize));
        Put(image, sb + SbKernelLoad, _kernel.Load);
        Put(image, sb + SbKernelFileSize, (uint)_kernel.Blob.Length);
        Put(image, sb + SbKernelMemSize, _kernel.MemorySize);
        Put(image, sb + SbKernelEntry, _kernel.Entry);
        Put(image, sb + SbBitmapStart, (uint)layout.BitmapStart);
        Put(image, sb + SbBitmapBlocks, (uint)layout.BitmapBlocks);
        Put(image, sb + SbInodeStart, (uint)layout.InodeStart);
        Put(image, sb + SbInodeBlocks, (uint)layout.InodeBlocks);
        Put(image, sb + SbInodeCount, (uint)(layout.InodeBlocks * InodesPerBlock));
        Put(image, sb + SbDataStart, (uint)layout.DataStart);
        Put(image, sb + SbRootInode, RootInode);
        Put(image, sb + SbFreeBlocks, (uint)(layout.TotalBlocks - next));
        Put(image, sb + SbFreeInodes, (uint)(layout.InodeBlocks * InodesPerBlock - inodes.Count));
        return image;
    }

    /// <summary>Where each region starts, for an image of a given size.</summary>
    private sealed record Layout(int TotalBlocks, int BitmapStart, int BitmapBlocks, int InodeStart, int InodeBlocks, int DataStart)
    {
        public static Layout For(int sizeMiB, int kernelBlocks, int inodeSlots)
        {
            int total = sizeMiB * (1 << 20) / BlockSize;
            int bitmapBlocks = (total + BitsPerBitmapBlock - 1) / BitsPerBitmapBlock;
            // One inode per 4 blocks, or more if the content needs them.
            int inodeBlocks = Math.Max((total + 255) / 256, (inodeSlots + InodesPerBlock - 1) / InodesPerBlock);
            int bitmapStart = KernelStartBlock + kernelBlocks;
            int inodeStart = bitmapStart + bitmapBlocks;
            return new Layout(total, bitmapStart, bitmapBlocks, inodeStart, inodeBlocks, inodeStart + inodeBlocks);
        }
    }

    private static bool Fits(int sizeMiB, int kernelBlocks, long dataBlocks, int inodeSlots)
    {
        var layout = Layout.For(sizeMiB, kernelBlocks, inodeSlots);
        return layout.DataStart + dataBlocks <= layout.TotalBlocks;
    }

    private static int InodeOffset(Layout layout, int n) => layout.InodeStart * BlockSize + n * InodeSize;

    private static void Number(Node dir, List<Node> inodes)
    {
        foreach (var (_, child) in dir.Children)    // SortedDictionary: ordinal name order
        {
            child.Parent = dir;
            child.Inode = (uint)inodes.Count;
            inodes.Add(child);
            if (child.IsDirectory) Number(child, inodes);
        }
    }

    private static byte[] DirectoryBytes(Node dir)
    {
        var bytes = new byte[dir.Size];
        Record(bytes, 0, dir.Inode, ".");
        Record(bytes, 1, dir.Parent!.Inode, "..");
        int i = 2;
        foreach (var (name, child) in dir.Children) Record(bytes, i++, child.Inode, name);
        return bytes;
    }

    private static void Record(byte[] bytes, int index, uint inode, string name)
    {
        BinaryPrimitives.WriteUInt32LittleEndian(bytes.AsSpan(index * DirEntrySize), inode);
        Encoding.ASCII.GetBytes(name, bytes.AsSpan(index * DirEntrySize + 4));
    }

    private static int BlocksFor(long bytes) => (int)((bytes + BlockSize - 1) / BlockSize);

    private static int BlocksWithIndirect(long bytes)
    {
        int blocks = BlocksFor(bytes);
        return blocks > DirectBlocks ? blocks + 1 : blocks;
    }

    private static void Put(byte[] image, int at, uint value) =>
        BinaryPrimitives.WriteUInt32LittleEndian(image.AsSpan(at), value);

    private static byte[] SignBootBlock(ReadOnlySpan<byte> code, string name)
    {
        var sector = new byte[SectorSize];
        if (code.Length == SectorSize)
        {
            uint signature = BinaryPrimitives.ReadUInt32LittleEndian(code[BootCodeSize..]);
            if (signature != BootSignature)
                throw new ImageException($"{name}: a 512-byte boot block must end with the signature \"BOOT\" (bytes 508-511)");
        }
        else if (code.Length > BootCodeSize)
            throw new ImageException($"{name}: the boot block is {code.Length} bytes; sector 0 holds {BootCodeSize} bytes of code and the signature");
        code.CopyTo(sector);
        BinaryPrimitives.WriteUInt32LittleEndian(sector.AsSpan(BootCodeSize), BootSignature);
        return sector;
    }

    /// <summary>Splits and checks an absolute guest path into its names.</summary>
    private static string[] SplitGuestPath(string path)
    {
        if (!path.StartsWith('/'))
            throw new ImageException($"{path}: a guest path must be absolute (start with /)");
        var names = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (names.Length == 0)
            throw new ImageException($"{path}: a guest path must name a file, not the root directory");
        foreach (var name in names)
        {
            if (name is "." or "..")
                throw new ImageException($"{path}: '{name}' is not allowed in a guest path");
            if (name.Length > MaxNameLength)
                throw new ImageException($"{path}: the name '{name}' is longer than {MaxNameLength} bytes");
            foreach (char c in name)
                if (c < 0x21 || c > 0x7E)
                    throw new ImageException($"{path}: names may hold only printable ASCII without spaces");
        }
        return names;
    }

    /// <summary>A file or directory of the tree being built.</summary>
    private sealed class Node
    {
        public byte[]? Contents;
        public SortedDictionary<string, Node> Children = new(StringComparer.Ordinal);
        public Node? Parent;
        public uint Inode = RootInode;

        public bool IsDirectory => Contents is null;
        public long Size => IsDirectory ? (2L + Children.Count) * DirEntrySize : Contents!.Length;

        public static Node Directory() => new();
        public static Node File(byte[] contents) => new() { Contents = contents };
    }
}
