using System.Buffers.Binary;
using System.Text;

namespace ToyMachine.Assembler.Internal;

/// <summary>Writes the program as an ELF32 little-endian RISC-V executable: one R+X
/// segment (.text, .rodata), one R+W segment (.data, .bss as memory size), section headers,
/// .symtab, .strtab and .shstrtab.</summary>
internal static class ElfWriter
{
    private const int EhSize = 52, PhSize = 32, ShSize = 40, SymSize = 16;
    private const uint PageSize = 0x1000;
    private const ushort ShnAbs = 0xFFF1;

    public static byte[] Write(Image image)
    {
        var secs = image.Sections;
        var text = secs.Where(s => s.Name is ".text" or ".rodata").ToList();
        var data = secs.Where(s => s.Name is ".data" or ".bss").ToList();
        var segments = new List<(uint Vaddr, uint FileSize, uint MemSize, uint Flags, List<OutputSection> Secs)>();
        if (text.Count > 0)
        {
            uint start = text[0].Address, end = text[^1].Address + text[^1].Size;
            uint flags = text.Any(s => s.Name == ".text") ? 5u : 4u; // R+X, or R for .rodata alone
            segments.Add((start, end - start, end - start, flags, text));
        }
        if (data.Count > 0)
        {
            uint start = data[0].Address;
            var loaded = data.Where(s => s.Name != ".bss").ToList();
            uint fileEnd = loaded.Count > 0 ? loaded[^1].Address + loaded[^1].Size : start;
            uint memEnd = data[^1].Address + data[^1].Size;
            segments.Add((start, fileEnd - start, memEnd - start, 6, data));
        }

        // File offsets: each segment's offset is congruent to its address modulo the page size.
        uint off = (uint)(EhSize + PhSize * segments.Count);
        var segOffsets = new List<uint>();
        foreach (var seg in segments)
        {
            uint o = (off & ~(PageSize - 1)) | (seg.Vaddr & (PageSize - 1));
            if (o < off) o += PageSize;
            segOffsets.Add(o);
            off = o + seg.FileSize;
        }
        var secOffsets = new Dictionary<OutputSection, uint>();
        for (int i = 0; i < segments.Count; i++)
            foreach (var s in segments[i].Secs)
                secOffsets[s] = segOffsets[i] + (s.Address - segments[i].Vaddr);

        // Symbol and string tables.
        var strtab = new StringTable();
        var symtab = new List<byte[]>();
        symtab.Add(new byte[SymSize]);
        foreach (var (file, locals) in image.LocalSymbols)
        {
            symtab.Add(Sym(strtab.Add(Path.GetFileName(file)), 0, 0, 4, ShnAbs));
            foreach (var s in locals) symtab.Add(Sym(strtab.Add(s.Name), s.Value, s.Size, s.Info, (ushort)s.SectionIndex));
        }
        int firstGlobal = symtab.Count;
        foreach (var s in image.GlobalSymbols) symtab.Add(Sym(strtab.Add(s.Name), s.Value, s.Size, s.Info, (ushort)s.SectionIndex));

        var shstr = new StringTable();
        var names = secs.Select(s => shstr.Add(s.Name)).ToList();
        int symtabName = shstr.Add(".symtab"), strtabName = shstr.Add(".strtab"), shstrName = shstr.Add(".shstrtab");

        uint symOff = Align(off, 4);
        uint symLen = (uint)(symtab.Count * SymSize);
        uint strOff = symOff + symLen;
        byte[] strBytes = strtab.Bytes();
        uint shstrOff = strOff + (uint)strBytes.Length;
        byte[] shstrBytes = shstr.Bytes();
        uint shOff = Align(shstrOff + (uint)shstrBytes.Length, 4);
        int shnum = 1 + secs.Count + 3;
        var elf = new byte[shOff + ShSize * shnum];
        var span = elf.AsSpan();

        // ELF header
        span[0] = 0x7F; span[1] = (byte)'E'; span[2] = (byte)'L'; span[3] = (byte)'F';
        span[4] = 1; span[5] = 1; span[6] = 1;
        U16(span, 16, 2);            // ET_EXEC
        U16(span, 18, 243);          // EM_RISCV
        U32(span, 20, 1);
        U32(span, 24, image.Entry);
        U32(span, 28, segments.Count > 0 ? EhSize : 0u);
        U32(span, 32, shOff);
        U32(span, 36, 0);            // e_flags: soft-float ABI, no RVC
        U16(span, 40, EhSize);
        U16(span, 42, PhSize);
        U16(span, 44, (ushort)segments.Count);
        U16(span, 46, ShSize);
        U16(span, 48, (ushort)shnum);
        U16(span, 50, (ushort)(shnum - 1));

        for (int i = 0; i < segments.Count; i++)
        {
            var seg = segments[i];
            int p = EhSize + PhSize * i;
            U32(span, p, 1);                 // PT_LOAD
            U32(span, p + 4, segOffsets[i]);
            U32(span, p + 8, seg.Vaddr);
            U32(span, p + 12, seg.Vaddr);
            U32(span, p + 16, seg.FileSize);
            U32(span, p + 20, seg.MemSize);
            U32(span, p + 24, seg.Flags);
            U32(span, p + 28, PageSize);
        }
        foreach (var s in secs)
            if (s.Name != ".bss") s.Bytes.CopyTo(elf, secOffsets[s]);
        for (int i = 0; i < symtab.Count; i++) symtab[i].CopyTo(elf, symOff + i * SymSize);
        strBytes.CopyTo(elf, strOff);
        shstrBytes.CopyTo(elf, shstrOff);

        int sh = (int)shOff + ShSize; // entry 0 is all zeros
        for (int i = 0; i < secs.Count; i++, sh += ShSize)
        {
            var s = secs[i];
            bool bss = s.Name == ".bss";
            uint flags = s.Name switch { ".text" => 6u, ".rodata" => 2u, _ => 3u };
            SectionHeader(span, sh, (uint)names[i], bss ? 8u : 1u, flags, s.Address, secOffsets[s], s.Size, 0, 0, s.Alignment, 0);
        }
        int strtabIndex = 1 + secs.Count + 1;
        SectionHeader(span, sh, (uint)symtabName, 2, 0, 0, symOff, symLen, (uint)strtabIndex, (uint)firstGlobal, 4, SymSize); sh += ShSize;
        SectionHeader(span, sh, (uint)strtabName, 3, 0, 0, strOff, (uint)strBytes.Length, 0, 0, 1, 0); sh += ShSize;
        SectionHeader(span, sh, (uint)shstrName, 3, 0, 0, shstrOff, (uint)shstrBytes.Length, 0, 0, 1, 0);
        return elf;
    }

    private static uint Align(uint v, uint a) => (v + a - 1) & ~(a - 1);

    private static byte[] Sym(int name, uint value, uint size, byte info, ushort shndx)
    {
        var b = new byte[SymSize];
        U32(b, 0, (uint)name);
        U32(b, 4, value);
        U32(b, 8, size);
        b[12] = info;
        U16(b, 14, shndx);
        return b;
    }

    private static void SectionHeader(Span<byte> s, int p, uint name, uint type, uint flags, uint addr, uint offset, uint size, uint link, uint info, uint align, uint entsize)
    {
        U32(s, p, name); U32(s, p + 4, type); U32(s, p + 8, flags); U32(s, p + 12, addr);
        U32(s, p + 16, offset); U32(s, p + 20, size); U32(s, p + 24, link); U32(s, p + 28, info);
        U32(s, p + 32, align); U32(s, p + 36, entsize);
    }

    private static void U16(Span<byte> s, int p, ushort v) => BinaryPrimitives.WriteUInt16LittleEndian(s[p..], v);

    private static void U32(Span<byte> s, int p, uint v) => BinaryPrimitives.WriteUInt32LittleEndian(s[p..], v);

    private sealed class StringTable
    {
        private readonly MemoryStream _bytes = new();
        private readonly Dictionary<string, int> _offsets = new(StringComparer.Ordinal);

        public StringTable() => _bytes.WriteByte(0);

        public int Add(string s)
        {
            if (s.Length == 0) return 0;
            if (_offsets.TryGetValue(s, out int o)) return o;
            o = (int)_bytes.Length;
            var b = Encoding.UTF8.GetBytes(s);
            _bytes.Write(b);
            _bytes.WriteByte(0);
            _offsets[s] = o;
            return o;
        }

        public byte[] Bytes() => _bytes.ToArray();
    }
}
