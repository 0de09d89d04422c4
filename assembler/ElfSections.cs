using System.Buffers.Binary;
using System.Text;
using ToyMachine.Cpu;

namespace ToyMachine.Assembler;

/// <summary>A section header of an ELF32 file, with its name resolved.</summary>
internal sealed record ElfSectionHeader(int Index, string Name, uint Type, uint Flags, uint Address, uint Offset, uint Size)
{
    public const uint ShtNobits = 8, ShfExecInstr = 0x4;
    public bool IsCode => (Flags & ShfExecInstr) != 0 && Type != ShtNobits;
}

/// <summary>A symbol of <c>.symtab</c>: st_value, st_size, st_info split into binding and
/// type, st_shndx.</summary>
internal sealed record ElfSymbolEntry(string Name, uint Value, uint Size, byte Bind, byte Type, ushort SectionIndex)
{
    public const byte StbLocal = 0, StbGlobal = 1, StbWeak = 2;
    public const byte SttObject = 1, SttFunc = 2, SttSection = 3, SttFile = 4;
    public const ushort ShnUndef = 0, ShnAbs = 0xFFF1, ShnCommon = 0xFFF2;
}

/// <summary>The sections and symbols of an ELF32 little-endian RISC-V file, read for the
/// disassembler (the loader in cpu/ElfFile.cs reads program headers). Every offset is
/// checked, so a damaged file gives one <see cref="InvalidElfException"/> line.</summary>
internal sealed class ElfSections
{
    private const ushort EmRiscv = 243;

    public IReadOnlyList<ElfSectionHeader> Sections { get; }
    public IReadOnlyList<ElfSymbolEntry> Symbols { get; }

    /// <summary>The privileged spec version .riscv.attributes records (Tag_RISCV_priv_spec
    /// and _minor), or null when the file records none.</summary>
    public (uint Major, uint Minor)? PrivSpec { get; }

    private readonly byte[] _file;

    private ElfSections(byte[] file, List<ElfSectionHeader> sections, List<ElfSymbolEntry> symbols)
    {
        _file = file;
        Sections = sections;
        Symbols = symbols;
        var attributes = sections.FirstOrDefault(s => s.Type == ShtRiscvAttributes);
        if (attributes is not null) PrivSpec = ReadPrivSpec(Contents(attributes));
    }

    private const uint ShtRiscvAttributes = 0x7000_0003;

    // The "A" format of build attributes: 'A', then per vendor a u32 length, the vendor
    // name ("riscv"), and tagged sub-sections; RISC-V attribute tags that are even take a
    // ULEB128 value, odd ones a NUL-terminated string. Anything malformed reads as absent.
    private static (uint, uint)? ReadPrivSpec(ReadOnlySpan<byte> data)
    {
        uint? major = null, minor = null;
        if (data.Length < 1 || data[0] != (byte)'A') return null;
        int at = 1;
        while (at + 4 <= data.Length)
        {
            uint length = BinaryPrimitives.ReadUInt32LittleEndian(data[at..]);
            if (length < 4 || at + length > data.Length) break;
            var vendor = data.Slice(at + 4, (int)length - 4);
            at += (int)length;
            int nul = vendor.IndexOf((byte)0);
            if (nul < 0 || !vendor[..nul].SequenceEqual("riscv"u8)) continue;
            var sub = vendor[(nul + 1)..];
            while (sub.Length >= 5)
            {
                byte tag = sub[0];
                uint subLength = BinaryPrimitives.ReadUInt32LittleEndian(sub[1..]);
                if (subLength < 5 || subLength > sub.Length) break;
                var body = sub[5..(int)subLength];
                sub = sub[(int)subLength..];
                if (tag != 1) continue;     // Tag_File
                while (body.Length > 0)
                {
                    if (!Uleb(ref body, out uint attribute)) break;
                    if (attribute % 2 == 1)
                    {
                        int end = body.IndexOf((byte)0);
                        if (end < 0) break;
                        body = body[(end + 1)..];
                        continue;
                    }
                    if (!Uleb(ref body, out uint value)) break;
                    if (attribute == 8) major = value;          // Tag_RISCV_priv_spec
                    else if (attribute == 10) minor = value;    // Tag_RISCV_priv_spec_minor
                }
            }
        }
        return major is uint m ? (m, minor ?? 0) : null;
    }

    private static bool Uleb(ref ReadOnlySpan<byte> data, out uint value)
    {
        value = 0;
        for (int shift = 0, i = 0; i < data.Length && shift < 35; i++, shift += 7)
        {
            value |= (uint)(data[i] & 0x7F) << shift;
            if ((data[i] & 0x80) == 0) { data = data[(i + 1)..]; return true; }
        }
        return false;
    }

    /// <summary>Whether the bytes start with the ELF magic number.</summary>
    public static bool LooksLikeElf(ReadOnlySpan<byte> file) =>
        file.Length >= 4 && file[..4].SequenceEqual((ReadOnlySpan<byte>)[0x7F, (byte)'E', (byte)'L', (byte)'F']);

    /// <summary>The contents of a section (empty for SHT_NOBITS).</summary>
    public ReadOnlySpan<byte> Contents(ElfSectionHeader section) =>
        section.Type == ElfSectionHeader.ShtNobits ? [] : _file.AsSpan((int)section.Offset, (int)section.Size);

    public static ElfSections Parse(byte[] file)
    {
        if (!LooksLikeElf(file)) throw new InvalidElfException("not an ELF file");
        if (file.Length < 52) throw new InvalidElfException("truncated ELF header");
        if (file[4] != 1) throw new InvalidElfException("not a 32-bit ELF file (EI_CLASS is not ELFCLASS32)");
        if (file[5] != 1) throw new InvalidElfException("not a little-endian ELF file");
        ushort machine = U16(file, 18);
        if (machine != EmRiscv) throw new InvalidElfException($"not a RISC-V file (e_machine is {machine})");

        uint shoff = U32(file, 32);
        ushort shentsize = U16(file, 46), shnum = U16(file, 48), shstrndx = U16(file, 50);
        if (shnum == 0) throw new InvalidElfException("no section headers");
        if (shentsize < 40 || !Fits(file, shoff, (ulong)shentsize * shnum))
            throw new InvalidElfException("section header table lies outside the file");

        var raw = new List<(uint Name, uint Type, uint Flags, uint Addr, uint Offset, uint Size, uint Link)>();
        for (int i = 0; i < shnum; i++)
        {
            int sh = (int)(shoff + (uint)(i * shentsize));
            raw.Add((U32(file, sh), U32(file, sh + 4), U32(file, sh + 8), U32(file, sh + 12),
                     U32(file, sh + 16), U32(file, sh + 20), U32(file, sh + 24)));
            if (raw[i].Type != ElfSectionHeader.ShtNobits && !Fits(file, raw[i].Offset, raw[i].Size))
                throw new InvalidElfException($"section {i} lies outside the file");
        }

        ReadOnlySpan<byte> Table(int i) =>
            i < shnum && raw[i].Type != ElfSectionHeader.ShtNobits ? file.AsSpan((int)raw[i].Offset, (int)raw[i].Size) : [];
        var names = Table(shstrndx);
        var sections = new List<ElfSectionHeader>();
        for (int i = 0; i < shnum; i++)
            sections.Add(new ElfSectionHeader(i, Str(names, raw[i].Name), raw[i].Type, raw[i].Flags, raw[i].Addr, raw[i].Offset, raw[i].Size));

        var symbols = new List<ElfSymbolEntry>();
        const uint ShtSymtab = 2;
        for (int i = 0; i < shnum; i++)
        {
            if (raw[i].Type != ShtSymtab) continue;
            if (raw[i].Link >= shnum) throw new InvalidElfException($"section {i} (.symtab) links to a missing string table");
            var strings = Table((int)raw[i].Link);
            uint end = raw[i].Offset + raw[i].Size;
            for (uint s = raw[i].Offset + 16; s + 16 <= end; s += 16)      // entry 0 is the null symbol
            {
                byte info = file[s + 12];
                symbols.Add(new ElfSymbolEntry(Str(strings, U32(file, (int)s)), U32(file, (int)s + 4), U32(file, (int)s + 8),
                    (byte)(info >> 4), (byte)(info & 0xF), U16(file, (int)s + 14)));
            }
        }
        return new ElfSections(file, sections, symbols);
    }

    private static string Str(ReadOnlySpan<byte> table, uint offset)
    {
        if (offset >= table.Length) return "";
        var rest = table[(int)offset..];
        int end = rest.IndexOf((byte)0);
        return Encoding.UTF8.GetString(end < 0 ? rest : rest[..end]);
    }

    private static bool Fits(ReadOnlySpan<byte> file, uint offset, ulong length) => offset + length <= (ulong)file.Length;
    private static ushort U16(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt16LittleEndian(b[at..]);
    private static uint U32(ReadOnlySpan<byte> b, int at) => BinaryPrimitives.ReadUInt32LittleEndian(b[at..]);
}
