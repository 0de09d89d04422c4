using ToyMachine.Cpu.Devices;

namespace ToyMachine.Cpu.Tests.Devices;

/// <summary>The test device against machine.md's memory map row: 0x5555 = power off,
/// exit 0; (code &lt;&lt; 16) | 0x3333 = power off, exit code; 0x7777 = reset.</summary>
public class TestDeviceTests
{
    [Fact]
    public void Writing_0x5555_powers_off_with_exit_code_0()
    {
        var device = new TestDevice();
        Assert.True(device.Write(0, 4, 0x5555));
        Assert.Equal(PowerState.PoweredOff, device.PowerState);
        Assert.Equal(0, device.ExitCode);
    }

    [Theory]
    [InlineData(0x0001_3333u, 1)]
    [InlineData(0x002A_3333u, 42)]
    [InlineData(0xFFFF_3333u, 65535)]
    public void Writing_code_shifted_left_16_or_0x3333_powers_off_with_that_code(uint value, int code)
    {
        var device = new TestDevice();
        device.Write(0, 4, value);
        Assert.Equal(PowerState.PoweredOff, device.PowerState);
        Assert.Equal(code, device.ExitCode);
    }

    [Fact]
    public void Writing_0x7777_requests_a_reset()
    {
        var device = new TestDevice();
        PowerState? seen = null;
        device.PowerStateChanged += state => seen = state;
        device.Write(0, 4, 0x7777);
        Assert.Equal(PowerState.ResetRequested, device.PowerState);
        Assert.Equal(PowerState.ResetRequested, seen);
        device.Reset();
        Assert.Equal(PowerState.Running, device.PowerState);
    }

    [Theory]
    [InlineData(0u, 0x1234u)]
    [InlineData(4u, 0x5555u)]
    public void Other_values_and_offsets_change_nothing(uint offset, uint value)
    {
        var device = new TestDevice();
        Assert.True(device.Write(offset, 4, value));
        Assert.Equal(PowerState.Running, device.PowerState);
    }

    [Fact]
    public void Halfword_store_of_0x5555_powers_off()
    {
        var device = new TestDevice();
        Assert.True(device.Write(0, 2, 0x5555));
        Assert.Equal(PowerState.PoweredOff, device.PowerState);
    }

    [Fact]
    public void Reads_return_zero()
    {
        var device = new TestDevice();
        device.Write(0, 4, 0x0001_3333);
        Assert.True(device.Read(0, 4, out uint value));
        Assert.Equal(0u, value);
    }
}
