namespace ToyMachine.Cpu;

/// <summary>The physical memory map of machine.md, in one place. The kernel's include of
/// the same addresses is checked against these by a test.</summary>
public static class MemoryMap
{
    /// <summary>Boot ROM: reset vector, then the boot info block.</summary>
    public const uint BootRomBase = 0x0000_1000, BootRomSize = 0x1000;
    /// <summary>Where the boot info block lies inside the boot ROM's range.</summary>
    public const uint BootInfo = 0x0000_1800;
    /// <summary>SiFive test device: power off and reset.</summary>
    public const uint TestDeviceBase = 0x0010_0000, TestDeviceSize = 0x1000;
    /// <summary>Core-local interruptor: msip, mtimecmp, mtime.</summary>
    public const uint ClintBase = 0x0200_0000, ClintSize = 0x1_0000;
    /// <summary>Platform-level interrupt controller.</summary>
    public const uint PlicBase = 0x0C00_0000, PlicSize = 0x40_0000;
    /// <summary>UART 16550A.</summary>
    public const uint UartBase = 0x1000_0000, UartSize = 0x100;
    /// <summary>toyblk block device.</summary>
    public const uint BlockBase = 0x1000_1000, BlockSize = 0x1000;
    /// <summary>Start of RAM.</summary>
    public const uint RamBase = 0x8000_0000;
    /// <summary>Default RAM size: 128 MiB.</summary>
    public const uint DefaultRamSize = 128u << 20;
    /// <summary>Smallest and largest RAM sizes <c>--memory</c> accepts.</summary>
    public const uint MinRamSize = 16u << 20, MaxRamSize = 1u << 30;

    /// <summary>PLIC source of the block device.</summary>
    public const int BlockIrq = 1;
    /// <summary>PLIC source of the UART.</summary>
    public const int UartIrq = 10;

    /// <summary>Cycles per tick of <c>mtime</c> (a 10 MHz timebase at a nominal 100 MHz clock).</summary>
    public const int CyclesPerTick = 10;
}
