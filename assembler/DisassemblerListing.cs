using System.Buffers.Binary;
using System.Text;

namespace ToyMachine.Assembler;

/// <summary>Whole-file disassembly in the layout of GNU <c>objdump -d</c>: the file
/// header line, one "Disassembly of section" block per code section, symbols as labels,
/// one line per instruction (address, raw bytes, text), data in .text (between <c>$d</c>
/// and <c>$x</c> mapping symbols) as <c>.word/.short/.byte</c>, and <c>...</c> for runs
/// of zero bytes, byte for byte as objdump 2.40 prints it. See docs/disassembler.md.</summary>
public static class DisassemblerListing
{
    private const int SkipZeroes = 8, SkipZeroesAtEnd = 3;   // objdump's DEFAULT_SKIP_ZEROES(_AT_END)

    /// <summary>The listing of an ELF32 RISC-V file. <paramref name="displayName"/> is the
    /// name printed in the header line (objdump prints the path it was given).</summary>
    /// <exception cref="ToyMachine.Cpu.InvalidElfException">The file is not a usable ELF32 RISC-V file.</exception>
    public static string FromElf(byte[] file, string displayName)
    {
        var elf = ElfSections.Parse(file);
        var symbols = new DisassemblerSymbols(elf.Symbols);
        var context = new DisassemblerContext(symbols)
        {
            CsrNamesBefore112 = elf.PrivSpec is (uint major, uint minor) && (major < 1 || (major == 1 && minor < 12)),
        };
        var text = new StringBuilder();
        text.Append('\n').Append(displayName).Append(":     file format elf32-littleriscv\n\n");
        foreach (var section in elf.Sections)
        {
            if (!section.IsCode || section.Size == 0) continue;
            text.Append("\nDisassembly of section ").Append(section.Name).Append(":\n");
            context.Section = section;
            AppendSection(text, section, elf.Contents(section), symbols, context);
        }
        return text.ToString();
    }

    /// <summary>The listing of a flat binary loaded at <paramref name="baseAddress"/>, as
    /// <c>objdump -D -b binary -m riscv:rv32 --adjust-vma=BASE</c> prints it (one section
    /// <c>.data</c>, no symbols, targets as <c>0x...</c>), except that 16-bit words are
    /// <c>.2byte</c>: the machine has no C extension.</summary>
    public static string FromFlatBinary(byte[] data, string displayName, uint baseAddress)
    {
        var section = new ElfSectionHeader(1, ".data", 1, 0, baseAddress, 0, (uint)data.Length);
        var symbols = new DisassemblerSymbols([]);
        var context = new DisassemblerContext(symbols, section);
        var text = new StringBuilder();
        text.Append('\n').Append(displayName).Append(":     file format binary\n\n");
        if (data.Length > 0)
        {
            text.Append("\nDisassembly of section .data:\n");
            AppendSection(text, section, data, symbols, context);
        }
        return text.ToString();
    }

    // objdump.c disassemble_section: a label, then the bytes up to the next label.
    private static void AppendSection(StringBuilder text, ElfSectionHeader section, ReadOnlySpan<byte> data,
        DisassemblerSymbols symbols, DisassemblerContext context)
    {
        uint vma = section.Address, stop = (uint)data.Length;
        int skipAddressChars = SkipAddressChars(vma, stop);
        var symbol = symbols.Find(vma, section, requireSection: true, out int place);
        uint offset = 0;
        int lastChunk = 0;   // objdump's info->bytes_per_chunk, which the raw dump reuses
        while (offset < stop)
        {
            uint address = vma + offset;
            text.Append('\n');
            symbols.AppendAddressWithSymbol(text, section, symbol, address, skipZeroes: false);
            text.Append(":\n");

            ElfSymbolEntry? next;
            if (symbol is not null && symbol.Value > address) next = symbol;
            else if (symbol is null) next = null;
            else
            {
                while (place < symbols.Count && !(symbols[place].SectionIndex == section.Index
                       && symbols[place].Value > symbol.Value && DisassemblerSymbols.IsValid(symbols[place])))
                    place++;
                next = place < symbols.Count ? symbols[place] : null;
            }
            uint nextStop = symbol is not null && symbol.Value > address ? symbol.Value - vma
                : next is null ? stop : next.Value - vma;
            if (nextStop > stop || nextStop <= offset) nextStop = stop;

            // A symbol marked as an object (not a function) gets its bytes dumped, not disassembled.
            bool insns = symbol is null || symbol.SectionIndex != section.Index || symbol.Value > address
                || symbol.Type != ElfSymbolEntry.SttObject;
            if (insns) AppendBytes(text, section, data, offset, nextStop, skipAddressChars, symbols, context, ref lastChunk);
            else AppendRawBytes(text, section, data, offset, nextStop, skipAddressChars, lastChunk);
            offset = nextStop;
            symbol = next;
        }
    }

    // objdump.c disassemble_bytes, with riscv-dis.c choosing instruction or data.
    private static void AppendBytes(StringBuilder text, ElfSectionHeader section, ReadOnlySpan<byte> data,
        uint start, uint stop, int skipAddressChars, DisassemblerSymbols symbols, DisassemblerContext context, ref int lastChunk)
    {
        uint offset = start;
        while (offset < stop)
        {
            uint zeros = offset;
            while (zeros < stop && data[(int)zeros] == 0) zeros++;
            if (zeros - offset >= SkipZeroes || (zeros == stop && zeros - offset < SkipZeroesAtEnd))
            {
                text.Append("\t...\n");
                // Skip whole words only, unless the zeros run to the end of the block.
                offset = zeros == stop ? zeros : offset + ((zeros - offset) & ~3u);
                continue;
            }

            uint address = section.Address + offset;
            var line = new StringBuilder();
            int length, chunk, perLine;
            if (symbols.IsData(section, address))
            {
                length = (int)symbols.DataLength(section, address);
                chunk = length;
                perLine = length == 1 ? 6 : 8;
                ulong value = Read(data, offset, length);
                line.Append(length switch
                {
                    1 => ".byte\t0x" + value.ToString("x2"),
                    2 => ".short\t0x" + value.ToString("x4"),
                    _ => ".word\t0x" + value.ToString("x8"),
                });
            }
            else
            {
                length = offset + 2 <= data.Length
                    ? Disassembler.InstructionLength(BinaryPrimitives.ReadUInt16LittleEndian(data[(int)offset..]))
                    : 1;
                if (offset + length > data.Length)
                {
                    // Too few bytes left for the instruction: objdump reports a read error
                    // here; the bytes are shown as data instead.
                    length = Math.Min(data.Length - (int)offset, 2);
                    chunk = length;
                    perLine = 8;
                    line.Append(length == 1 ? ".byte\t0x" + data[(int)offset].ToString("x2") : ".2byte\t0x" + Read(data, offset, 2).ToString("x"));
                }
                else
                {
                    chunk = length % 4 == 0 ? 4 : 2;
                    perLine = 8;
                    AppendInstructionText(line, data, offset, length, address, context);
                }
            }

            lastChunk = chunk;
            AppendAddressColumn(text, address, skipAddressChars);
            int shown = Math.Min(length, perLine);
            for (int j = 0; j < shown; j += chunk)
            {
                if (offset + j + chunk <= stop)
                    for (int k = chunk - 1; k >= 0; k--)
                        text.Append(data[(int)offset + j + k].ToString("x2"));
                text.Append(' ');
            }
            for (int pb = shown; pb < perLine; pb += chunk)
                text.Append(' ', chunk * 2 + 1);
            text.Append('\t').Append(line).Append('\n');
            // Bytes beyond one line's worth (instructions over 8 bytes) continue below.
            for (; shown < length; shown += perLine)
            {
                AppendAddressColumn(text, address + (uint)shown, skipAddressChars);
                for (int j = shown; j < shown + perLine && j < length; j += chunk)
                {
                    if (offset + j + chunk <= stop)
                        for (int k = chunk - 1; k >= 0; k--)
                            text.Append(data[(int)offset + j + k].ToString("x2"));
                    text.Append(' ');
                }
                text.Append('\n');
            }
            offset += (uint)length;
        }
    }

    // disassemble_bytes for an object symbol: 16 bytes a line in chunks of the size the
    // last disassembled item had (1 when none), then the bytes as ASCII. A chunk that runs
    // past the symbol's end is left blank, as objdump leaves it.
    private static void AppendRawBytes(StringBuilder text, ElfSectionHeader section, ReadOnlySpan<byte> data,
        uint start, uint stop, int skipAddressChars, int lastChunk)
    {
        const int PerLine = 16;
        int chunk = lastChunk == 0 ? 1 : lastChunk;
        uint offset = start;
        while (offset < stop)
        {
            uint zeros = offset;
            while (zeros < stop && data[(int)zeros] == 0) zeros++;
            if (zeros - offset >= SkipZeroes || (zeros == stop && zeros - offset < SkipZeroesAtEnd))
            {
                text.Append("\t...\n");
                offset = zeros == stop ? zeros : offset + ((zeros - offset) & ~3u);
                continue;
            }
            int length = (int)Math.Min(PerLine, stop - offset);
            AppendAddressColumn(text, section.Address + offset, skipAddressChars);
            for (int j = 0; j < length; j += chunk)
            {
                if (offset + j + chunk <= stop)
                    for (int k = chunk - 1; k >= 0; k--)
                        text.Append(data[(int)offset + j + k].ToString("x2"));
                text.Append(' ');
            }
            for (int pb = length; pb < PerLine; pb += chunk)
                text.Append(' ', chunk * 2 + 1);
            text.Append("    ");
            for (int j = 0; j < length; j++)
            {
                byte b = data[(int)offset + j];
                text.Append(b >= 0x20 && b < 0x7F ? (char)b : '.');
            }
            text.Append('\n');
            offset += (uint)length;
        }
    }

    private static void AppendInstructionText(StringBuilder line, ReadOnlySpan<byte> data, uint offset, int length, uint address, DisassemblerContext context)
    {
        switch (length)
        {
            case 4:
                Disassembler.AppendInstruction(line, BinaryPrimitives.ReadUInt32LittleEndian(data[(int)offset..]), address, context);
                break;
            case 2:
                line.Append(".2byte\t0x").Append(Read(data, offset, 2).ToString("x"));
                break;
            case 8:
                line.Append(".8byte\t0x").Append(Read(data, offset, 8).ToString("x"));
                break;
            default:
                line.Append(".byte\t");
                for (int i = 0; i < length; i++)
                    line.Append(i > 0 ? ", " : "").Append("0x").Append(data[(int)offset + i].ToString("x2"));
                break;
        }
    }

    private static ulong Read(ReadOnlySpan<byte> data, uint offset, int length)
    {
        ulong value = 0;
        for (int i = length - 1; i >= 0; i--) value = value << 8 | data[(int)offset + i];
        return value;
    }

    // The address column: eight hex digits less the leading zeros every address of the
    // section shares (in steps of four), remaining leading zeros as spaces.
    private static int SkipAddressChars(uint vma, uint size)
    {
        string end = (vma + size).ToString("x8");
        int skip = 0;
        while (skip < end.Length && end[skip] == '0') skip++;
        if (skip == end.Length && vma != 0) skip = 0;
        return skip != 0 ? (skip - 1) & -4 : 0;
    }

    private static void AppendAddressColumn(StringBuilder text, uint address, int skip)
    {
        var digits = address.ToString("x8").AsSpan(skip);
        int zeros = 0;
        while (zeros < digits.Length - 1 && digits[zeros] == '0') zeros++;
        text.Append(' ', zeros).Append(digits[zeros..]).Append(":\t");
    }
}
