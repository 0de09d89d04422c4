namespace ToyMachine.Cpu;

/// <summary>What a machine is built with: memory, disk, console and boot command line.</summary>
public sealed record MachineConfig
{
    /// <summary>RAM size in bytes (16 MiB to 1 GiB; 128 MiB by default).</summary>
    public uint MemorySize { get; init; } = MemoryMap.DefaultRamSize;

    /// <summary>Path of the disk image for toyblk, or null for a machine without a disk.</summary>
    public string? DiskImage { get; init; }

    /// <summary>Open the disk image read-only: writes fail with STATUS 3.</summary>
    public bool DiskReadOnly { get; init; }

    /// <summary>The kernel command line put into the boot info block (at most 255 bytes).</summary>
    public string CommandLine { get; init; } = "";

    /// <summary>Bytes the UART receives, in order, one whenever the guest has consumed the
    /// last; null for no input. Ignored when <see cref="InteractiveInput"/> is set.</summary>
    public byte[]? Input { get; init; }

    /// <summary>A stream (a pipe) the UART reads on demand, one byte whenever the guest
    /// has consumed the last; used instead of <see cref="Input"/> when set.</summary>
    public Stream? InputStream { get; init; }

    /// <summary>Read the console from the terminal (the interactive <c>boot</c>): from
    /// <see cref="TerminalStream"/>, or standard input when that is null.</summary>
    public bool InteractiveInput { get; init; }

    /// <summary>The terminal's byte stream for <see cref="InteractiveInput"/>.</summary>
    public Stream? TerminalStream { get; init; }

    /// <summary>Where the UART's output goes (stdout by default).</summary>
    public Stream? Output { get; init; }
}

/// <summary>Why <see cref="Machine.Run"/> returned.</summary>
public enum StopReason
{
    /// <summary>The guest powered off (test device or <c>tohost</c>); see the exit code.</summary>
    PowerOff,
    /// <summary>The cycle budget ran out.</summary>
    CycleLimit,
    /// <summary>The hart waits for an interrupt that nothing can ever raise (no timer
    /// armed, no device busy, console input exhausted).</summary>
    Idle,
}
