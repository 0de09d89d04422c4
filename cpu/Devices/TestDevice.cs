// The SiFive test device ("sifive,test0", QEMU hw/misc/sifive_test.c): the way a guest
// ends the run. A write to offset 0 whose low 16 bits are 0x5555 powers the machine off
// with exit code 0, 0x3333 powers it off with the exit code in bits 31:16, 0x7777 asks
// for a reset; other values are ignored, as are writes to other offsets. Reads return 0.
// The device only records the request; the machine checks PowerState (or listens to
// PowerStateChanged) after device writes and stops or resets.

namespace ToyMachine.Cpu.Devices;

/// <summary>What the guest asked of the test device.</summary>
public enum PowerState
{
    /// <summary>Nothing: the machine runs.</summary>
    Running,
    /// <summary>Power off; the exit code is in <see cref="TestDevice.ExitCode"/>.</summary>
    PoweredOff,
    /// <summary>Reset the machine.</summary>
    ResetRequested,
}

/// <summary>The SiFive test device: power off with an exit code, or reset.</summary>
public sealed class TestDevice : IDevice
{
    private const uint Fail = 0x3333, Pass = 0x5555, ResetCommand = 0x7777;

    /// <inheritdoc/>
    public uint Size => MemoryMap.TestDeviceSize;

    /// <summary>The last request of the guest.</summary>
    public PowerState PowerState { get; private set; }

    /// <summary>The exit code of a power-off: 0 for 0x5555, bits 31:16 of the written
    /// value for 0x3333 (0 to 65535; the host's exit status may keep fewer bits).</summary>
    public int ExitCode { get; private set; }

    /// <summary>Raised when a write changes <see cref="PowerState"/>, inside the store
    /// that made it.</summary>
    public event Action<PowerState>? PowerStateChanged;

    /// <summary>Forgets a request (after the machine has reset): back to
    /// <see cref="PowerState.Running"/>, exit code 0.</summary>
    public void Reset()
    {
        PowerState = PowerState.Running;
        ExitCode = 0;
    }

    /// <summary>Reads return 0. Byte accesses fault, as QEMU's 2-byte minimum.</summary>
    public bool Read(uint offset, int width, out uint value)
    {
        value = 0;
        return width >= 2;
    }

    /// <summary>Takes a command at offset 0. Byte accesses fault, as QEMU's 2-byte minimum.</summary>
    public bool Write(uint offset, int width, uint value)
    {
        if (width < 2) return false;
        if (offset != 0) return true;
        switch (value & 0xFFFF)
        {
            case Pass:
                Request(PowerState.PoweredOff, 0);
                break;
            case Fail:
                Request(PowerState.PoweredOff, (int)(value >> 16));
                break;
            case ResetCommand:
                Request(PowerState.ResetRequested, 0);
                break;
        }
        return true;
    }

    private void Request(PowerState state, int exitCode)
    {
        PowerState = state;
        ExitCode = exitCode;
        PowerStateChanged?.Invoke(state);
    }
}
