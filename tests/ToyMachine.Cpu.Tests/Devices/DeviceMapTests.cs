using ToyMachine.Cpu.Devices;

namespace ToyMachine.Cpu.Tests.Devices;

/// <summary>Every device fits machine.md's memory map: its size is the size of its row,
/// and all of them map on one bus without overlapping.</summary>
public sealed class DeviceMapTests : IDisposable
{
    private readonly Ram _ram = new(MemoryMap.MinRamSize);

    public void Dispose() => _ram.Dispose();

    [Fact]
    public void All_devices_map_at_their_machine_md_addresses()
    {
        var clock = new FakeClock();
        var plic = new Plic(new RecordingLine(), new RecordingLine());
        using var disk = new ToyBlockDevice([], false, _ram, clock, plic.Source(MemoryMap.BlockIrq));
        var devices = new (uint Base, uint Size, IDevice Device)[]
        {
            (0x0000_1000, 0x1000, new BootRom(_ram.Size, disk.Capacity)),
            (0x0010_0000, 0x1000, new TestDevice()),
            (0x0200_0000, 0x1_0000, new Clint(clock, new RecordingLine(), new RecordingLine())),
            (0x0C00_0000, 0x40_0000, plic),
            (0x1000_0000, 0x100, new Uart16550(Stream.Null, new DeterministicInput([]), plic.Source(MemoryMap.UartIrq))),
            (0x1000_1000, 0x1000, disk),
        };
        var bus = new Bus();
        foreach (var (baseAddress, size, device) in devices)
        {
            Assert.Equal(size, device.Size);
            bus.Map(baseAddress, device);
        }
        Assert.True(bus.Read(0x1000_1000, 4, out uint magic));
        Assert.Equal(0x4B4C4254u, magic);
        Assert.True(bus.Read(0x0000_1800, 4, out uint bootMagic));
        Assert.Equal(0x544F5942u, bootMagic);
    }
}
