using System.Runtime.InteropServices;

namespace ToyMachine.Cpu;

/// <summary>The machine's RAM: one zeroed block of native memory, so that the interpreter
/// (and a later JIT) reach it through a plain pointer. Physical address
/// <see cref="MemoryMap.RamBase"/> is byte 0 of the block.</summary>
public sealed unsafe class Ram : IDisposable
{
    /// <summary>Start of the block in host memory.</summary>
    public byte* Pointer { get; private set; }

    /// <summary>Size in bytes.</summary>
    public uint Size { get; }

    /// <summary>Called after a write that did not come from the hart's own stores (DMA,
    /// loaders), with the physical address and length written, so decoded instructions
    /// of those bytes can be dropped.</summary>
    public Action<uint, uint>? ExternalWrite { get; set; }

    /// <summary>Allocates <paramref name="size"/> bytes of zeroed RAM.</summary>
    public Ram(uint size)
    {
        Size = size;
        Pointer = (byte*)NativeMemory.AlignedAlloc(size, 4096);
        NativeMemory.Clear(Pointer, size);
    }

    /// <summary>True when <c>[physical, physical + length)</c> lies inside RAM.</summary>
    public bool Contains(uint physical, uint length) =>
        physical >= MemoryMap.RamBase && length <= Size && physical - MemoryMap.RamBase <= Size - length;

    /// <summary>The bytes at a physical range, which must lie inside RAM. Writes through
    /// this span bypass <see cref="ExternalWrite"/>; use <see cref="Write"/> for code.</summary>
    public Span<byte> Slice(uint physical, uint length)
    {
        if (!Contains(physical, length)) throw new ArgumentOutOfRangeException(nameof(physical));
        return new Span<byte>(Pointer + (physical - MemoryMap.RamBase), (int)length);
    }

    /// <summary>Copies bytes into RAM from outside the hart (DMA, loaders).</summary>
    public void Write(uint physical, ReadOnlySpan<byte> data)
    {
        data.CopyTo(Slice(physical, (uint)data.Length));
        ExternalWrite?.Invoke(physical, (uint)data.Length);
    }

    /// <summary>Copies bytes out of RAM.</summary>
    public void Read(uint physical, Span<byte> destination) =>
        Slice(physical, (uint)destination.Length).CopyTo(destination);

    /// <summary>Frees the block.</summary>
    public void Dispose()
    {
        if (Pointer == null) return;
        NativeMemory.AlignedFree(Pointer);
        Pointer = null;
    }
}
