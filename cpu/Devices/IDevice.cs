namespace ToyMachine.Cpu.Devices;

/// <summary>A memory-mapped device. The bus calls it with the offset from the device's
/// base address; widths are 1, 2 or 4 bytes and accesses are naturally aligned.</summary>
public interface IDevice
{
    /// <summary>Size in bytes of the device's address range.</summary>
    uint Size { get; }

    /// <summary>Reads <paramref name="width"/> bytes at <paramref name="offset"/>.
    /// Returns false when the access is not allowed (the hart raises an access fault).</summary>
    bool Read(uint offset, int width, out uint value);

    /// <summary>Writes the low <paramref name="width"/> bytes of <paramref name="value"/>.
    /// Returns false when the access is not allowed (the hart raises an access fault).</summary>
    bool Write(uint offset, int width, uint value);
}

/// <summary>A device that acts on the cycle clock: the machine runs until the earliest
/// <see cref="NextEvent"/> of all devices, then calls <see cref="Advance"/>.</summary>
public interface ITimedDevice
{
    /// <summary>The cycle at which the device next needs <see cref="Advance"/>, or
    /// <see cref="ulong.MaxValue"/> when it waits for nothing.</summary>
    ulong NextEvent { get; }

    /// <summary>Brings the device up to cycle <paramref name="now"/>: completes what is
    /// due, raises interrupt lines.</summary>
    void Advance(ulong now);
}

/// <summary>The current cycle of the machine, as devices see it.</summary>
public interface IClock
{
    /// <summary>Cycles since reset (<c>mcycle</c>).</summary>
    ulong Now { get; }
}

/// <summary>Where a device's interrupt line goes: a PLIC source, or a bit of <c>mip</c>.</summary>
public interface IInterruptLine
{
    /// <summary>Sets the level of the line (level-triggered: high until the device lowers it).</summary>
    void Set(bool level);
}

/// <summary>Bits of <c>mip</c>/<c>mie</c>.</summary>
public static class Interrupts
{
    public const int SupervisorSoftware = 1, MachineSoftware = 3;
    public const int SupervisorTimer = 5, MachineTimer = 7;
    public const int SupervisorExternal = 9, MachineExternal = 11;

    public const uint Ssip = 1u << SupervisorSoftware, Msip = 1u << MachineSoftware;
    public const uint Stip = 1u << SupervisorTimer, Mtip = 1u << MachineTimer;
    public const uint Seip = 1u << SupervisorExternal, Meip = 1u << MachineExternal;
}
