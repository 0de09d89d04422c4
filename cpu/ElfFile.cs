using System.Buffers.Binary;
using System.Text;

namespace ToyMachine.Cpu;

/// <summary>A loadable segment of an ELF32 executable.</summary>
/// <param name="VirtualAddress">p_vaddr.</param>
/// <param name="PhysicalAddress">p_paddr.</param>
/// <param name="Data">The p_filesz bytes of the file image.</param>
/// <param name="MemorySize">p_memsz: bytes beyond the file image are zero.</param>
/// <param name="Flags">p_flags: PF_X 1, PF_W 2, PF_R 4.</param>
public sealed record ElfSegment(uint VirtualAddress, uint PhysicalAddress, byte[] Data, uint MemorySize, uint Flags);

/// <summary>Thrown for a file that is not a usable ELF32 RISC-V executable; the message is
/// one line saying what is wrong.</summary>
public sealed class InvalidElfException(string message) : Exception(message);

/// <summary>A static ELF32 RISC-V executable: its entry point, its PT_LOAD segments and
/// its symbols. Everything is checked while parsing, so a bad file gives one clear
/// <see cref="InvalidElfException"/>, never an index error.</summary>
public sealed class ElfFile
{
    private const ushort EtExec = 2, EmRiscv = 243;
    private const uint PtLoad = 1, ShtSymtab = 2;

    /// <summary>e_entry.</summary>
    public uint Entry { get; }

    /// <summary>The PT_LOAD segments, in file order.</summary>
    public IReadOnlyList<ElfSegment> Segments { get; }

    /// <summary>Defined symbols of .symtab by name (the first definition wins).</summary>
    public IReadOnlyDictionary<string, uint> Symbols { get; }

    private ElfFile(uint entry, List<ElfSegment> segments, Dictionary<string, uint> symbols)
    {
        Entry = entry;
        Segments = segments;
        Symbols = symbols;
    }

    /// <summary>Reads an executable from a file.</summary>
    public static ElfFile Load(string path) => Parse(File.ReadAllBytes(path));

    /// <summary>Parses an executable held in memory.</summary>
    public static ElfFile Parse(ReadOnlySpan<byte> file)
    {
        if (file.Length < 52 || !file[..4].SequenceEqual((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F']))
            throw new InvalidElfException("not an ELF file");
        if (file[4] != 1) throw new InvalidElfException("not a 32-bit ELF file (EI_CLASS is not ELFCLASS32)");
        if (file[5] != 1) throw new InvalidElfException("not a little-endian ELF file");
        ushort type = U16(file, 16), machine = U16(file, 18);
        if (machine != EmRiscv) throw new InvalidElfException($"not a RISC-V executable (e_machine is {machine})");
        if (type != EtExec) throw new InvalidElfException($"not an executable (e_type is {type}, want ET_EXEC)");

        uint entry = U32(file, 24), phoff = U32(file, 28), shoff = U32(file, 32);
        ushort phentsize = U16(file, 42), phnum = U16(file, 44), shentsize = U16(file, 46), shnum = U16(file, 48);
        if (phnum == 0) throw new InvalidElfException("no program headers");
        if (phentsize < 32 || !Fits(file, phoff, (ulong)phentsize * phnum))
            throw new InvalidElfException("program header table lies outside the file");

        var segments = new List<ElfSegment>();
        for (int i = 0; i < phnum; i++)
        {
            int ph = (int)(phoff + (uint)(i * phentsize));
            if (U32(file, ph) != PtLoad) continue;
            uint offset = U32(file, ph + 4), vaddr = U32(file, ph + 8), paddr = U32(file, ph + 12);
            uint filesz = U32(file, ph + 16), memsz = U32(file, ph + 20), flags = U32(file, ph + 24);
            if (!Fits(file, offset, filesz)) throw new InvalidElfException($"segment {i} lies outside the file");
            if (filesz > memsz) throw new InvalidElfException($"segment {i} has p_filesz larger than p_memsz");
            if ((ulong)vaddr + memsz > 1ul << 32 || (ulong)paddr + memsz > 1ul << 32)
                throw new InvalidElfException($"segment {i} wraps past the end of the address space");
            segments.Add(new ElfSegment(vaddr, paddr, file.Slice((int)offset, (int)filesz).ToArray(), memsz, flags));
        }
        if (segments.Count == 0) throw new InvalidElfException("no loadable segments");

        var symbols = new Dictionary<string, uint>(StringComparer.Ordinal);
        if (shnum > 0 && shentsize >= 40 && Fits(file, shoff, (ulong)shentsize * shnum))
            ReadSymbols(file, shoff, shentsize, shnum, symbols);
        return new ElfFile(entry, segments, symbols);
    }

    private static void ReadSymbols(ReadOnlySpan<byte> file, uint shoff, ushort shentsize, ushort shnum, Dictionary<string, uint> symbols)
    {
        for (int i = 0; i < shnum; i++)
        {
            int sh = (int)(shoff + (uint)(i * shentsize));
            if (U32(file, sh + 4) != ShtSymtab) continue;
            uint offset = U32(file, sh + 16), size = U32(file, sh + 20), link = U32(file, sh + 24);
            if (link >= shnum || !Fits(file, offset, size)) continue;
            int strSh = (int)(shoff + link * shentsize);
            uint strOffset = U32(file, strSh + 16), strSize = U32(file, strSh + 20);
            if (!Fits(file, strOffset, strSize)) continue;
            var strings = file.Slice((int)strOffset, (int)strSize);
            for (uint s = offset; s + 16 <= offset + size; s += 16)
            {
                uint name = U32(file, (int)s), value = U32(file, (int)s + 4);
                ushort shndx = U16(file, (int)s + 14);
                if (name == 0 || name >= strSize || shndx == 0) continue;    // unnamed or undefined
                int end = strings[(int)name..].IndexOf((byte)0);
                if (end < 0) continue;
                symbols.TryAdd(Encoding.UTF8.GetString(strings.Slice((int)name, end)), value);
            }
        }
    }

    private static bool Fits(ReadOnlySpan<byte> file, uint offset, ulong length) => offset + length <= (ulong)file.Length;
    private static ushort U16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);
    private static uint U32(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b[at..]);
}
