using ToyMachine.Cpu;

namespace ToyMachine.Images;

/// <summary>The kernel as the superblock describes it: the flattened memory image from
/// <see cref="Load"/> (docs/image-format.md, "The kernel blob").</summary>
/// <param name="Load">Physical address of the first byte (kernel_load).</param>
/// <param name="Blob">The bytes from Load to the end of the last file data (kernel_file_size of them).</param>
/// <param name="MemorySize">kernel_mem_size: Blob plus the zero-filled rest.</param>
/// <param name="Entry">kernel_entry.</param>
public sealed record KernelImage(uint Load, byte[] Blob, uint MemorySize, uint Entry);

/// <summary>The checks the builder makes on the ELF files it stores.</summary>
public static class ElfChecks
{
    /// <summary>True when the bytes start with the ELF magic 7F 'E' 'L' 'F'.</summary>
    public static bool HasElfMagic(ReadOnlySpan<byte> bytes) =>
        bytes.Length >= 4 && bytes[0] == 0x7F && bytes[1] == (byte)'E' && bytes[2] == (byte)'L' && bytes[3] == (byte)'F';

    /// <summary>Checks a user program (abi.md, "Program start"): ELF32, little-endian,
    /// EM_RISCV, ET_EXEC, every PT_LOAD inside user space, the entry inside a segment.</summary>
    /// <param name="name">The file's name for the message.</param>
    /// <param name="bytes">The file.</param>
    /// <exception cref="ImageException">The one-line reason, starting with <paramref name="name"/>.</exception>
    public static void CheckProgram(string name, ReadOnlySpan<byte> bytes)
    {
        var elf = Parse(name, bytes);
        bool entryInside = false;
        foreach (var s in elf.Segments)
        {
            ulong end = (ulong)s.VirtualAddress + s.MemorySize;
            if (s.VirtualAddress < ImageFormat.UserLowest || end > ImageFormat.UserLimit)
                throw new ImageException(
                    $"{name}: a segment at 0x{s.VirtualAddress:X8}..0x{Math.Max(end, (ulong)s.VirtualAddress + 1) - 1:X8} " +
                    $"lies outside user space 0x{ImageFormat.UserLowest:X8}..0x{ImageFormat.UserLimit - 1:X8}");
            if (elf.Entry >= s.VirtualAddress && elf.Entry < end) entryInside = true;
        }
        if (!entryInside)
            throw new ImageException($"{name}: entry point 0x{elf.Entry:X8} is not inside a loadable segment");
    }

    /// <summary>Checks the kernel and flattens its segments (by physical address) into
    /// one blob: every segment at or above 0x8001_0000, all of it below 0x8100_0000,
    /// no two segments overlapping, the entry inside it.</summary>
    /// <exception cref="ImageException">The one-line reason, starting with <paramref name="name"/>.</exception>
    public static KernelImage FlattenKernel(string name, ReadOnlySpan<byte> bytes)
    {
        var elf = Parse(name, bytes);
        var segments = elf.Segments.Where(s => s.MemorySize > 0).OrderBy(s => s.PhysicalAddress).ToList();
        if (segments.Count == 0) throw new ImageException($"{name}: the kernel has no loadable bytes");
        for (int i = 0; i < segments.Count; i++)
        {
            var s = segments[i];
            ulong end = (ulong)s.PhysicalAddress + s.MemorySize;
            if (s.PhysicalAddress < ImageFormat.KernelLowest)
                throw new ImageException($"{name}: kernel segment at 0x{s.PhysicalAddress:X8} lies below 0x{ImageFormat.KernelLowest:X8} (link it with --base 0x80010000)");
            if (end > ImageFormat.KernelLimit)
                throw new ImageException($"{name}: the kernel ends at 0x{end:X8}, past 0x{ImageFormat.KernelLimit:X8} (the end of the smallest RAM, 16 MiB)");
            if (i > 0 && s.PhysicalAddress < (ulong)segments[i - 1].PhysicalAddress + segments[i - 1].MemorySize)
                throw new ImageException($"{name}: kernel segments at 0x{segments[i - 1].PhysicalAddress:X8} and 0x{s.PhysicalAddress:X8} overlap");
        }
        uint load = segments[0].PhysicalAddress;
        uint memEnd = segments.Max(s => s.PhysicalAddress + s.MemorySize);
        uint fileEnd = segments.Where(s => s.Data.Length > 0).Select(s => s.PhysicalAddress + (uint)s.Data.Length).DefaultIfEmpty(load).Max();
        var blob = new byte[fileEnd - load];
        foreach (var s in segments) s.Data.CopyTo(blob, (int)(s.PhysicalAddress - load));
        if (elf.Entry < load || elf.Entry >= memEnd)
            throw new ImageException($"{name}: kernel entry point 0x{elf.Entry:X8} is outside the kernel (0x{load:X8}..0x{memEnd - 1:X8})");
        return new KernelImage(load, blob, memEnd - load, elf.Entry);
    }

    private static ElfFile Parse(string name, ReadOnlySpan<byte> bytes)
    {
        try
        {
            return ElfFile.Parse(bytes);
        }
        catch (InvalidElfException e)
        {
            throw new ImageException($"{name}: {e.Message}");
        }
    }
}
