using System.Buffers.Binary;
using System.Text;

namespace ToyMachine.Assembler.Tests;

/// <summary>A minimal ELF32 reader, written from the ELF specification, to check the
/// structure of what the assembler writes (independently of its writer).</summary>
internal sealed class ElfReader
{
    public sealed record Segment(uint Type, uint Offset, uint Vaddr, uint FileSize, uint MemSize, uint Flags, uint Align);
    public sealed record SectionHeader(string Name, uint Type, uint Flags, uint Addr, uint Offset, uint Size, uint Link, uint Info, uint Align, uint EntSize);
    public sealed record Symbol(string Name, uint Value, uint Size, byte Info, ushort Shndx);

    public ElfReader(byte[] elf)
    {
        Bytes = elf;
        Assert.True(elf.Length >= 52, "shorter than an ELF header");
        Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F', 1, 1, 1 }, elf[..7]);
        Type = U16(16);
        Machine = U16(18);
        Entry = U32(24);
        uint phoff = U32(28), shoff = U32(32);
        int phnum = U16(44), shnum = U16(48), shstrndx = U16(50);
        Assert.Equal(32, (int)U16(42));
        Assert.Equal(40, (int)U16(46));
        for (int i = 0; i < phnum; i++)
        {
            int p = (int)phoff + 32 * i;
            Segments.Add(new Segment(U32(p), U32(p + 4), U32(p + 8), U32(p + 16), U32(p + 20), U32(p + 24), U32(p + 28)));
        }
        var raw = new List<(uint Name, int P)>();
        for (int i = 0; i < shnum; i++) raw.Add((U32((int)shoff + 40 * i), (int)shoff + 40 * i));
        uint strOff = U32(raw[shstrndx].P + 16);
        foreach (var (name, p) in raw)
            Sections.Add(new SectionHeader(Str(strOff + name), U32(p + 4), U32(p + 8), U32(p + 12), U32(p + 16), U32(p + 20), U32(p + 24), U32(p + 28), U32(p + 32), U32(p + 36)));
        var symtab = Sections.FirstOrDefault(s => s.Type == 2);
        if (symtab is not null)
        {
            var strtab = Sections[(int)symtab.Link];
            for (uint o = 0; o < symtab.Size; o += 16)
            {
                int p = (int)(symtab.Offset + o);
                Symbols.Add(new Symbol(Str(strtab.Offset + U32(p)), U32(p + 4), U32(p + 8), elf[p + 12], U16(p + 14)));
            }
        }
    }

    public byte[] Bytes { get; }
    public ushort Type { get; }
    public ushort Machine { get; }
    public uint Entry { get; }
    public List<Segment> Segments { get; } = [];
    public List<SectionHeader> Sections { get; } = [];
    public List<Symbol> Symbols { get; } = [];

    public byte[] SectionBytes(string name)
    {
        var s = Sections.Single(x => x.Name == name);
        return Bytes.AsSpan((int)s.Offset, (int)s.Size).ToArray();
    }

    private ushort U16(int p) => BinaryPrimitives.ReadUInt16LittleEndian(Bytes.AsSpan(p));
    private uint U32(int p) => BinaryPrimitives.ReadUInt32LittleEndian(Bytes.AsSpan(p));

    private string Str(uint p)
    {
        int end = Array.IndexOf(Bytes, (byte)0, (int)p);
        return Encoding.UTF8.GetString(Bytes, (int)p, end - (int)p);
    }
}
