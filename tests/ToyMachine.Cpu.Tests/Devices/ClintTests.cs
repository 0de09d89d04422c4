using ToyMachine.Cpu.Devices;

namespace ToyMachine.Cpu.Tests.Devices;

/// <summary>The CLINT against machine.md (mtime = cycles / 10, register offsets) and the
/// privileged specification (MTIP is high exactly while mtime >= mtimecmp).</summary>
public class ClintTests
{
    private const uint Msip = 0x0, MtimecmpLo = 0x4000, MtimecmpHi = 0x4004, MtimeLo = 0xBFF8, MtimeHi = 0xBFFC;

    private readonly FakeClock _clock = new();
    private readonly RecordingLine _msip = new(), _mtip = new();
    private readonly Clint _clint;

    public ClintTests() => _clint = new Clint(_clock, _msip, _mtip);

    private uint Read(uint offset)
    {
        Assert.True(_clint.Read(offset, 4, out uint value));
        return value;
    }

    private void Write(uint offset, uint value) => Assert.True(_clint.Write(offset, 4, value));

    private void SetMtimecmp(ulong value)
    {
        Write(MtimecmpHi, 0xFFFF_FFFF);                 // the spec's safe order: no spurious interrupt
        Write(MtimecmpLo, (uint)value);
        Write(MtimecmpHi, (uint)(value >> 32));
    }

    /// <summary>Runs the machine's loop: jump to the next event, advance.</summary>
    private void RunTo(ulong cycle)
    {
        while (_clint.NextEvent <= cycle)
        {
            _clock.Now = _clint.NextEvent;
            _clint.Advance(_clock.Now);
        }
        _clock.Now = cycle;
        _clint.Advance(cycle);
    }

    [Fact]
    public void Mtime_is_the_cycle_count_divided_by_ten()
    {
        _clock.Now = 12_345;
        Assert.Equal(1_234u, Read(MtimeLo));
        Assert.Equal(0u, Read(MtimeHi));
        _clock.Now = 10 * 0x1_0000_0005UL + 9;
        Assert.Equal(5u, Read(MtimeLo));
        Assert.Equal(1u, Read(MtimeHi));
        Assert.Equal(0x1_0000_0005UL, _clint.Mtime);
    }

    [Fact]
    public void Mtimecmp_resets_to_all_ones_and_MTIP_is_low()
    {
        Assert.Equal(0xFFFF_FFFFu, Read(MtimecmpLo));
        Assert.Equal(0xFFFF_FFFFu, Read(MtimecmpHi));
        Assert.False(_mtip.Level);
        Assert.Equal(ulong.MaxValue, _clint.NextEvent);
    }

    [Fact]
    public void NextEvent_is_the_cycle_at_which_mtime_reaches_mtimecmp()
    {
        _clock.Now = 95;                                // mtime 9
        SetMtimecmp(100);
        Assert.Equal(1_000UL, _clint.NextEvent);
    }

    [Fact]
    public void MTIP_rises_on_the_exact_cycle_and_not_one_before()
    {
        SetMtimecmp(100);
        RunTo(999);
        Assert.False(_mtip.Level);
        RunTo(1_000);
        Assert.True(_mtip.Level);
        Assert.Equal(ulong.MaxValue, _clint.NextEvent);
    }

    [Fact]
    public void Writing_mtimecmp_in_the_past_raises_MTIP_at_once()
    {
        _clock.Now = 500;                               // mtime 50
        Write(MtimecmpHi, 0);
        Assert.False(_mtip.Level);                      // still 0x0000_0000_FFFF_FFFF
        Write(MtimecmpLo, 50);
        Assert.True(_mtip.Level);
    }

    [Fact]
    public void Writing_mtimecmp_in_the_future_lowers_MTIP_at_once()
    {
        _clock.Now = 500;
        SetMtimecmp(10);
        Assert.True(_mtip.Level);
        SetMtimecmp(51);
        Assert.False(_mtip.Level);
        Assert.Equal(510UL, _clint.NextEvent);
    }

    [Fact]
    public void NextEvent_saturates_when_mtimecmp_is_beyond_the_cycle_range()
    {
        SetMtimecmp(ulong.MaxValue / 5);
        Assert.Equal(ulong.MaxValue, _clint.NextEvent);
    }

    [Fact]
    public void Msip_bit_0_drives_the_software_interrupt_line()
    {
        Write(Msip, 1);
        Assert.True(_msip.Level);
        Assert.Equal(1u, Read(Msip));
        Write(Msip, 0xFFFF_FFFE);
        Assert.False(_msip.Level);
        Assert.Equal(0u, Read(Msip));
    }

    [Fact]
    public void Mtime_ignores_writes_because_it_is_the_machine_clock()
    {
        _clock.Now = 1_000;                             // mtime 100
        Write(MtimeLo, 7);
        Write(MtimeHi, 2);
        Assert.Equal(100u, Read(MtimeLo));
        Assert.Equal(0u, Read(MtimeHi));
        Assert.Equal(100UL, _clint.Mtime);
    }

    [Fact]
    public void Accesses_narrower_than_32_bits_fault()
    {
        Assert.False(_clint.Read(MtimeLo, 1, out _));
        Assert.False(_clint.Write(Msip, 2, 1));
    }
}
