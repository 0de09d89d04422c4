using System.Buffers.Binary;
using System.Text;
using static ToyMachine.Images.ImageFormat;

namespace ToyMachine.Images;

/// <summary>The superblock (docs/image-format.md, "Sector 1"), field by field.</summary>
public sealed record Superblock(
    uint Magic, uint Version, uint BlockSize, uint TotalBlocks,
    uint KernelSector, uint KernelSectorCount, uint KernelLoad, uint KernelFileSize, uint KernelMemSize, uint KernelEntry,
    uint BitmapStart, uint BitmapBlocks, uint InodeStart, uint InodeBlocks, uint InodeCount, uint DataStart,
    uint RootInode, uint FreeBlocks, uint FreeInodes);

/// <summary>An inode (docs/image-format.md, "Inodes").</summary>
/// <param name="Number">The inode number.</param>
/// <param name="Type">0 free, 1 file, 2 directory.</param>
/// <param name="Size">Bytes.</param>
/// <param name="Links">Directory records that name it.</param>
/// <param name="Direct">The 12 direct block numbers.</param>
/// <param name="Indirect">The indirect block, or 0.</param>
public sealed record Inode(uint Number, uint Type, uint Size, uint Links, IReadOnlyList<uint> Direct, uint Indirect)
{
    /// <summary>True for a directory.</summary>
    public bool IsDirectory => Type == TypeDirectory;
}

/// <summary>A directory record: the inode and the name.</summary>
public sealed record DirectoryEntry(uint Inode, string Name);

/// <summary>Reads a disk image written in docs/image-format.md: the superblock, the boot
/// block, the kernel blob, and the file system's files and directories. Every block
/// number and size is checked against the image before it is used, so a damaged image
/// gives an <see cref="ImageException"/>, never an index error.</summary>
public sealed class FileSystemImage
{
    private readonly byte[] _image;
    private readonly string _name;

    private FileSystemImage(byte[] image, string name, Superblock superblock)
    {
        _image = image;
        _name = name;
        Superblock = superblock;
    }

    /// <summary>The superblock.</summary>
    public Superblock Superblock { get; }

    /// <summary>Sector 0.</summary>
    public ReadOnlySpan<byte> BootSector => _image.AsSpan(0, SectorSize);

    /// <summary>The kernel blob: kernel_file_size bytes from kernel_sector.</summary>
    public ReadOnlySpan<byte> KernelBlob => _image.AsSpan((int)Superblock.KernelSector * SectorSize, (int)Superblock.KernelFileSize);

    /// <summary>Reads an image file.</summary>
    /// <exception cref="ImageException">Not an image of this format.</exception>
    public static FileSystemImage Load(string path) => Open(File.ReadAllBytes(path), Path.GetFileName(path));

    /// <summary>Opens an image held in memory and checks its superblock.</summary>
    /// <param name="image">The image bytes (not copied; do not change them while reading).</param>
    /// <param name="name">The image's name, for messages.</param>
    /// <exception cref="ImageException">Not an image of this format.</exception>
    public static FileSystemImage Open(byte[] image, string name = "image")
    {
        if (image.Length < 2 * SectorSize)
            throw new ImageException($"{name}: too small to hold a superblock ({image.Length} bytes)");
        uint F(int offset) => BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(SuperblockOffset + offset));
        var sb = new Superblock(F(SbMagic), F(SbVersion), F(SbBlockSize), F(SbTotalBlocks),
            F(SbKernelSector), F(SbKernelSectorCount), F(SbKernelLoad), F(SbKernelFileSize), F(SbKernelMemSize), F(SbKernelEntry),
            F(SbBitmapStart), F(SbBitmapBlocks), F(SbInodeStart), F(SbInodeBlocks), F(SbInodeCount), F(SbDataStart),
            F(SbRootInode), F(SbFreeBlocks), F(SbFreeInodes));
        if (sb.Magic != Magic) throw new ImageException($"{name}: not a ToyMachine disk image (no \"TYFS\" superblock in sector 1)");
        if (sb.Version != FormatVersion) throw new ImageException($"{name}: image format version {sb.Version}, this tool reads version {FormatVersion}");
        if (sb.BlockSize != BlockSize) throw new ImageException($"{name}: block size {sb.BlockSize}, version 1 has {BlockSize}");
        if ((ulong)sb.TotalBlocks * BlockSize != (ulong)image.Length)
            throw new ImageException($"{name}: the superblock says {sb.TotalBlocks} blocks, the file holds {image.Length / (double)BlockSize} blocks");
        ulong total = sb.TotalBlocks;
        if ((ulong)sb.KernelSector * SectorSize + sb.KernelFileSize > (ulong)image.Length
            || (ulong)sb.KernelSectorCount * SectorSize < sb.KernelFileSize
            || sb.KernelFileSize > sb.KernelMemSize)
            throw new ImageException($"{name}: the superblock's kernel fields are inconsistent");
        if ((ulong)sb.BitmapStart + sb.BitmapBlocks > total || (ulong)sb.BitmapBlocks * BitsPerBitmapBlock < total
            || (ulong)sb.InodeStart + sb.InodeBlocks > total || (ulong)sb.InodeBlocks * InodesPerBlock != sb.InodeCount
            || sb.DataStart > total || sb.RootInode != RootInode || sb.InodeCount <= RootInode)
            throw new ImageException($"{name}: the superblock's file-system fields are inconsistent");
        return new FileSystemImage(image, name, sb);
    }

    /// <summary>Reads inode <paramref name="number"/>.</summary>
    /// <exception cref="ImageException">No such inode slot.</exception>
    public Inode ReadInode(uint number)
    {
        if (number == 0 || number >= Superblock.InodeCount)
            throw new ImageException($"{_name}: inode {number} is outside the inode table (1..{Superblock.InodeCount - 1})");
        int at = (int)(Superblock.InodeStart * BlockSize + number * InodeSize);
        var direct = new uint[DirectBlocks];
        for (int i = 0; i < DirectBlocks; i++) direct[i] = U32(at + InDirect + 4 * i);
        return new Inode(number, U32(at + InType), U32(at + InSize), U32(at + InLinks), direct, U32(at + InIndirect));
    }

    /// <summary>The block number holding file block <paramref name="index"/>, 0 for a hole.</summary>
    public uint BlockOf(Inode inode, int index)
    {
        uint block;
        if (index < DirectBlocks) block = inode.Direct[index];
        else if (index < MaxFileBlocks)
        {
            if (inode.Indirect == 0) return 0;
            CheckBlock(inode, inode.Indirect);
            block = U32((int)(inode.Indirect * BlockSize) + 4 * (index - DirectBlocks));
        }
        else throw new ImageException($"{_name}: inode {inode.Number}: file block {index} is past the largest file");
        if (block != 0) CheckBlock(inode, block);
        return block;
    }

    /// <summary>The bytes of a file or directory.</summary>
    public byte[] ReadContents(Inode inode)
    {
        if (inode.Size > MaxFileSize)
            throw new ImageException($"{_name}: inode {inode.Number}: size {inode.Size} is larger than the largest file");
        var bytes = new byte[inode.Size];
        for (int b = 0; b * BlockSize < bytes.Length; b++)
        {
            uint block = BlockOf(inode, b);
            if (block == 0) continue;    // a hole reads as zeros
            int length = Math.Min(BlockSize, bytes.Length - b * BlockSize);
            Array.Copy(_image, block * BlockSize, bytes, b * BlockSize, length);
        }
        return bytes;
    }

    /// <summary>The records of a directory, empty slots left out, in on-disk order.</summary>
    public IReadOnlyList<DirectoryEntry> ReadDirectory(Inode dir)
    {
        if (!dir.IsDirectory) throw new ImageException($"{_name}: inode {dir.Number} is not a directory");
        var bytes = ReadContents(dir);
        if (bytes.Length % DirEntrySize != 0)
            throw new ImageException($"{_name}: directory inode {dir.Number} has size {bytes.Length}, not a multiple of {DirEntrySize}");
        var entries = new List<DirectoryEntry>();
        for (int at = 0; at < bytes.Length; at += DirEntrySize)
        {
            uint inode = BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(at));
            if (inode == 0) continue;
            var field = bytes.AsSpan(at + 4, NameFieldSize);
            int end = field.IndexOf((byte)0);
            if (end <= 0) throw new ImageException($"{_name}: directory inode {dir.Number} has a record with no NUL-terminated name");
            entries.Add(new DirectoryEntry(inode, Encoding.ASCII.GetString(field[..end])));
        }
        return entries;
    }

    /// <summary>Looks a path up from the root (abi.md paths; "." and ".." through their
    /// records), or returns null when some name is missing.</summary>
    /// <exception cref="ImageException">A name that is not the last names a file.</exception>
    public Inode? Find(string path)
    {
        var inode = ReadInode(RootInode);
        foreach (var name in path.Split('/', StringSplitOptions.RemoveEmptyEntries))
        {
            if (!inode.IsDirectory) throw new ImageException($"{path}: not a directory on the way");
            var entry = ReadDirectory(inode).FirstOrDefault(e => e.Name == name);
            if (entry is null) return null;
            inode = ReadInode(entry.Inode);
        }
        return inode;
    }

    /// <summary>The contents of the file at <paramref name="path"/>.</summary>
    /// <exception cref="ImageException">No such file, or a directory.</exception>
    public byte[] ReadFile(string path)
    {
        var inode = Find(path) ?? throw new ImageException($"{_name}: {path}: no such file");
        if (inode.IsDirectory) throw new ImageException($"{_name}: {path}: is a directory");
        return ReadContents(inode);
    }

    /// <summary>Every path in the tree below the root, depth first, in directory order
    /// (directories end with '/').</summary>
    public IReadOnlyList<string> ListAll()
    {
        var paths = new List<string>();
        var seen = new HashSet<uint> { RootInode };
        void Walk(Inode dir, string prefix)
        {
            foreach (var entry in ReadDirectory(dir))
            {
                if (entry.Name is "." or "..") continue;
                var inode = ReadInode(entry.Inode);
                if (inode.IsDirectory)
                {
                    paths.Add(prefix + entry.Name + "/");
                    if (seen.Add(inode.Number)) Walk(inode, prefix + entry.Name + "/");
                }
                else paths.Add(prefix + entry.Name);
            }
        }
        Walk(ReadInode(RootInode), "/");
        return paths;
    }

    /// <summary>True when block <paramref name="block"/>'s bitmap bit is set (in use).</summary>
    public bool IsBlockInUse(uint block)
    {
        long at = (long)Superblock.BitmapStart * BlockSize + block / 8;
        return (_image[at] >> (int)(block % 8) & 1) != 0;
    }

    /// <summary>Checks the image's invariants (docs/image-format.md): the boot signature,
    /// "." and ".." first in every directory, links counts, every used block marked in the bitmap and
    /// used once, free counts in the superblock, free inodes all zero.</summary>
    /// <returns>One line for each problem found; empty for a sound image.</returns>
    public IReadOnlyList<string> Check()
    {
        var problems = new List<string>();
        var sb = Superblock;
        if (BinaryPrimitives.ReadUInt32LittleEndian(_image.AsSpan(BootCodeSize)) != BootSignature)
            problems.Add("sector 0 does not end with the boot signature \"BOOT\"");
        var owner = new Dictionary<uint, uint>();
        var links = new Dictionary<uint, uint>();
        var used = new bool[sb.TotalBlocks];
        for (uint b = 0; b < sb.DataStart; b++) used[b] = true;

        void Claim(uint block, uint inode)
        {
            if (block < sb.DataStart) problems.Add($"inode {inode}: block {block} lies before the data blocks");
            else if (!owner.TryAdd(block, inode)) problems.Add($"block {block} is used by inodes {owner[block]} and {inode}");
            else used[block] = true;
        }

        var visited = new HashSet<uint>();
        var pending = new Queue<(uint Inode, uint Parent)>();
        pending.Enqueue((RootInode, RootInode));
        links[RootInode] = 0;
        while (pending.Count > 0)
        {
            var (number, parent) = pending.Dequeue();
            if (!visited.Add(number)) continue;
            Inode inode;
            try { inode = ReadInode(number); }
            catch (ImageException e) { problems.Add(e.Message); continue; }
            try
            {
                int blocks = (int)((inode.Size + BlockSize - 1) / BlockSize);
                if (inode.Size > MaxFileSize) { problems.Add($"inode {number}: size {inode.Size} too large"); continue; }
                for (int b = 0; b < blocks; b++)
                {
                    if (b == DirectBlocks && inode.Indirect != 0) Claim(inode.Indirect, number);
                    uint block = BlockOf(inode, b);
                    if (block != 0) Claim(block, number);
                }
                for (int b = blocks; b < DirectBlocks; b++)
                    if (inode.Direct[b] != 0) problems.Add($"inode {number}: direct[{b}] set past the size");
                if (blocks <= DirectBlocks && inode.Indirect != 0) problems.Add($"inode {number}: indirect block set for a small file");
                if (inode.Type == TypeDirectory)
                {
                    var entries = ReadDirectory(inode);
                    if (entries.Count < 2 || entries[0] != new DirectoryEntry(number, ".") || entries[1] != new DirectoryEntry(parent, ".."))
                        problems.Add($"inode {number}: a directory must start with '.' ({number}) and '..' ({parent})");
                    foreach (var e in entries)
                    {
                        links[e.Inode] = links.GetValueOrDefault(e.Inode) + 1;
                        if (e.Name is "." or "..") continue;
                        if (e.Name.Length > MaxNameLength || e.Name.Contains('/')) problems.Add($"inode {number}: bad name '{e.Name}'");
                        pending.Enqueue((e.Inode, number));
                    }
                }
                else if (inode.Type != TypeFile) problems.Add($"inode {number}: type {inode.Type} named by a directory");
            }
            catch (ImageException e) { problems.Add(e.Message); }
        }

        uint free = 0, wrongBits = 0;
        for (uint b = 0; b < sb.BitmapBlocks * (uint)BitsPerBitmapBlock; b++)
        {
            bool bit = IsBlockInUse(b);
            bool expected = b >= sb.TotalBlocks || used[b];
            if (bit != expected && ++wrongBits <= 10) problems.Add($"bitmap bit {b} is {(bit ? 1 : 0)}, block is {(expected ? "in use" : "free")}");
            if (!bit) free++;
        }
        if (wrongBits > 10) problems.Add($"... {wrongBits} wrong bitmap bits in all");
        if (free != sb.FreeBlocks) problems.Add($"superblock free_blocks {sb.FreeBlocks}, bitmap has {free}");

        uint freeInodes = 0;
        for (uint n = 1; n < sb.InodeCount; n++)
        {
            var inode = ReadInode(n);
            if (visited.Contains(n))
            {
                if (inode.Links != links.GetValueOrDefault(n)) problems.Add($"inode {n}: links {inode.Links}, named {links.GetValueOrDefault(n)} times");
            }
            else if (inode.Type != TypeFree) problems.Add($"inode {n}: type {inode.Type} but no directory names it");
            else
            {
                freeInodes++;
                int at = (int)(sb.InodeStart * BlockSize + n * InodeSize);
                if (_image.AsSpan(at, InodeSize).ContainsAnyExcept((byte)0)) problems.Add($"inode {n}: free but not all zero");
            }
        }
        if (freeInodes != sb.FreeInodes) problems.Add($"superblock free_inodes {sb.FreeInodes}, table has {freeInodes}");
        return problems;
    }

    private void CheckBlock(Inode inode, uint block)
    {
        if (block >= Superblock.TotalBlocks)
            throw new ImageException($"{_name}: inode {inode.Number}: block {block} is past the end of the image ({Superblock.TotalBlocks} blocks)");
    }

    private uint U32(int at) => BinaryPrimitives.ReadUInt32LittleEndian(_image.AsSpan(at));
}
