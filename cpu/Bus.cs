using ToyMachine.Cpu.Devices;

namespace ToyMachine.Cpu;

/// <summary>The physical address space outside RAM: which device answers at which
/// address. RAM itself is reached directly by the hart, not through the bus.</summary>
public sealed class Bus
{
    private readonly List<(uint Base, IDevice Device)> _devices = [];

    /// <summary>Maps <paramref name="device"/> at <paramref name="baseAddress"/>.</summary>
    public void Map(uint baseAddress, IDevice device)
    {
        foreach (var (b, d) in _devices)
            if (baseAddress < b + d.Size && b < baseAddress + device.Size)
                throw new ArgumentException($"device at 0x{baseAddress:X8} overlaps one at 0x{b:X8}");
        _devices.Add((baseAddress, device));
    }

    /// <summary>The device whose range holds <paramref name="physical"/>, and the offset in it.</summary>
    public IDevice? Find(uint physical, out uint offset)
    {
        foreach (var (b, d) in _devices)
        {
            if (physical - b < d.Size)
            {
                offset = physical - b;
                return d;
            }
        }
        offset = 0;
        return null;
    }

    /// <summary>Reads a device register; false for an unmapped address or a refused access.</summary>
    public bool Read(uint physical, int width, out uint value)
    {
        var device = Find(physical, out uint offset);
        if (device is null || offset + (uint)width > device.Size) { value = 0; return false; }
        return device.Read(offset, width, out value);
    }

    /// <summary>Writes a device register; false for an unmapped address or a refused access.</summary>
    public bool Write(uint physical, int width, uint value)
    {
        var device = Find(physical, out uint offset);
        if (device is null || offset + (uint)width > device.Size) return false;
        return device.Write(offset, width, value);
    }
}
