using System.Buffers.Binary;

namespace ToyMachine.Images.Tests;

/// <summary>Fixtures (built by Fixtures/build.sh with GNU binutils) and hand-made ELF files.</summary>
internal static class TestFiles
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static byte[] BootBlock => File.ReadAllBytes(Fixture("bootblock.bin"));
    public static byte[] TinyKernel => File.ReadAllBytes(Fixture("tinykernel.elf"));
    public static byte[] UserProgram => File.ReadAllBytes(Fixture("user.elf"));

    public static ImageBuilder NewBuilder() => new(BootBlock, "bootblock.bin", TinyKernel, "tinykernel.elf");

    /// <summary>One PT_LOAD program header.</summary>
    public sealed record Segment(uint Vaddr, uint FileSize, uint MemSize, uint Paddr = uint.MaxValue);

    /// <summary>An ELF32 file written byte by byte from the ELF specification, so the
    /// checks are tested against bytes the builder's own parser did not produce.
    /// Header at 0, program headers at 52, segment data (0x13 bytes) after them.</summary>
    public static byte[] Elf(uint entry, Segment[] segments, byte elfClass = 1, byte data = 1, ushort type = 2, ushort machine = 243)
    {
        int dataStart = 52 + 32 * segments.Length;
        int fileSize = dataStart + (int)segments.Sum(s => (long)s.FileSize);
        var b = new byte[fileSize];
        b[0] = 0x7F; b[1] = (byte)'E'; b[2] = (byte)'L'; b[3] = (byte)'F';
        b[4] = elfClass; b[5] = data; b[6] = 1;             // EI_CLASS, EI_DATA, EI_VERSION
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(16), type);
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(18), machine);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(20), 1);         // e_version
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(24), entry);
        BinaryPrimitives.WriteUInt32LittleEndian(b.AsSpan(28), 52);        // e_phoff
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(40), 52);        // e_ehsize
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(42), 32);        // e_phentsize
        BinaryPrimitives.WriteUInt16LittleEndian(b.AsSpan(44), (ushort)segments.Length);
        int offset = dataStart;
        for (int i = 0; i < segments.Length; i++)
        {
            var s = segments[i];
            var ph = b.AsSpan(52 + 32 * i);
            BinaryPrimitives.WriteUInt32LittleEndian(ph, 1);                // PT_LOAD
            BinaryPrimitives.WriteUInt32LittleEndian(ph[4..], (uint)offset);
            BinaryPrimitives.WriteUInt32LittleEndian(ph[8..], s.Vaddr);
            BinaryPrimitives.WriteUInt32LittleEndian(ph[12..], s.Paddr == uint.MaxValue ? s.Vaddr : s.Paddr);
            BinaryPrimitives.WriteUInt32LittleEndian(ph[16..], s.FileSize);
            BinaryPrimitives.WriteUInt32LittleEndian(ph[20..], s.MemSize);
            BinaryPrimitives.WriteUInt32LittleEndian(ph[24..], 5);          // R+X
            BinaryPrimitives.WriteUInt32LittleEndian(ph[28..], 4);
            for (int j = 0; j < s.FileSize; j++) b[offset + j] = (byte)(0x13 + i + j);
            offset += (int)s.FileSize;
        }
        return b;
    }

    /// <summary>Fails with the offset of the first non-zero byte, if any.</summary>
    public static void AssertZero(ReadOnlySpan<byte> bytes)
    {
        int at = bytes.IndexOfAnyExcept((byte)0);
        Assert.True(at < 0, $"byte {at} of the range is 0x{(at < 0 ? 0 : bytes[at]):X2}, not zero");
    }

    public static uint U32(byte[] image, int at) => BinaryPrimitives.ReadUInt32LittleEndian(image.AsSpan(at));
}
