using ToyMachine.Cpu.Devices;

namespace ToyMachine.Cpu.Tests.Devices;

/// <summary>The PLIC against the RISC-V PLIC specification (v1.0.0) and QEMU virt's
/// register layout: priority, pending, enable, threshold, claim/complete.</summary>
public class PlicTests
{
    private const uint Pending = 0x1000, EnableM = 0x2000, EnableS = 0x2080;
    private const uint ThresholdM = 0x200000, ClaimM = 0x200004, ThresholdS = 0x201000, ClaimS = 0x201004;

    private readonly RecordingLine _meip = new(), _seip = new();
    private readonly Plic _plic;

    public PlicTests() => _plic = new Plic(_meip, _seip);

    private uint Read(uint offset)
    {
        Assert.True(_plic.Read(offset, 4, out uint value));
        return value;
    }

    private void Write(uint offset, uint value) => Assert.True(_plic.Write(offset, 4, value));

    private void Priority(int source, uint priority) => Write((uint)source * 4, priority);

    [Fact]
    public void Priority_registers_sit_at_four_times_the_source_number()
    {
        Priority(1, 5);
        Priority(10, 3);
        Assert.Equal(5u, Read(4));
        Assert.Equal(3u, Read(40));
    }

    [Fact]
    public void Priorities_keep_three_bits()
    {
        Priority(1, 0xFF);
        Assert.Equal(7u, Read(4));
    }

    [Fact]
    public void A_raised_line_sets_its_pending_bit_even_when_disabled()
    {
        _plic.Source(10).Set(true);
        Assert.Equal(1u << 10, Read(Pending));
        Assert.False(_meip.Level);
    }

    [Fact]
    public void Enabled_source_above_threshold_raises_MEIP_for_context_0_only()
    {
        Priority(1, 1);
        Write(EnableM, 1u << 1);
        _plic.Source(1).Set(true);
        Assert.True(_meip.Level);
        Assert.False(_seip.Level);
    }

    [Fact]
    public void Context_1_drives_SEIP()
    {
        Priority(10, 1);
        Write(EnableS, 1u << 10);
        _plic.Source(10).Set(true);
        Assert.True(_seip.Level);
        Assert.False(_meip.Level);
        Assert.Equal(10u, Read(ClaimS));
    }

    [Fact]
    public void Priority_zero_never_interrupts()
    {
        Write(EnableM, 1u << 1);
        _plic.Source(1).Set(true);
        Assert.False(_meip.Level);
        Assert.Equal(0u, Read(ClaimM));
    }

    [Fact]
    public void Source_at_or_below_threshold_does_not_interrupt()
    {
        Priority(1, 3);
        Write(EnableM, 1u << 1);
        Write(ThresholdM, 3);
        _plic.Source(1).Set(true);
        Assert.False(_meip.Level);
        Assert.Equal(0u, Read(ClaimM));
        Write(ThresholdM, 2);
        Assert.True(_meip.Level);
    }

    [Fact]
    public void Claim_returns_the_highest_priority_pending_source_above_threshold()
    {
        Priority(1, 2);
        Priority(10, 6);
        Priority(5, 4);
        Write(EnableM, (1u << 1) | (1u << 5) | (1u << 10));
        Write(ThresholdM, 1);
        _plic.Source(1).Set(true);
        _plic.Source(5).Set(true);
        _plic.Source(10).Set(true);
        Assert.Equal(10u, Read(ClaimM));
        Assert.Equal(5u, Read(ClaimM));
        Assert.Equal(1u, Read(ClaimM));
        Assert.Equal(0u, Read(ClaimM));
    }

    [Fact]
    public void Claim_between_equal_priorities_takes_the_lowest_source_number()
    {
        Priority(3, 4);
        Priority(10, 4);
        Write(EnableM, (1u << 3) | (1u << 10));
        _plic.Source(10).Set(true);
        _plic.Source(3).Set(true);
        Assert.Equal(3u, Read(ClaimM));
    }

    [Fact]
    public void Claim_clears_the_pending_bit_and_lowers_the_output()
    {
        Priority(1, 1);
        Write(EnableM, 1u << 1);
        _plic.Source(1).Set(true);
        Assert.Equal(1u, Read(ClaimM));
        Assert.Equal(0u, Read(Pending));
        Assert.False(_meip.Level);
    }

    [Fact]
    public void A_claimed_source_is_not_pending_again_until_completed()
    {
        Priority(1, 1);
        Write(EnableM, 1u << 1);
        var line = _plic.Source(1);
        line.Set(true);
        Read(ClaimM);
        line.Set(false);
        line.Set(true);                       // a new request while claimed
        Assert.False(_meip.Level);
        Assert.Equal(0u, Read(ClaimM));
        Write(ClaimM, 1);                     // complete
        Assert.True(_meip.Level);
        Assert.Equal(1u, Read(ClaimM));
    }

    [Fact]
    public void Completing_a_source_whose_line_is_still_high_pends_it_again()
    {
        Priority(10, 1);
        Write(EnableM, 1u << 10);
        _plic.Source(10).Set(true);
        Assert.Equal(10u, Read(ClaimM));
        Write(ClaimM, 10);
        Assert.Equal(1u << 10, Read(Pending));
        Assert.True(_meip.Level);
    }

    [Fact]
    public void Completing_a_source_whose_line_went_low_leaves_nothing_pending()
    {
        Priority(10, 1);
        Write(EnableM, 1u << 10);
        _plic.Source(10).Set(true);
        Read(ClaimM);
        _plic.Source(10).Set(false);
        Write(ClaimM, 10);
        Assert.Equal(0u, Read(Pending));
        Assert.False(_meip.Level);
    }

    [Fact]
    public void Lowering_a_line_withdraws_an_unclaimed_request()
    {
        Priority(1, 1);
        Write(EnableM, 1u << 1);
        _plic.Source(1).Set(true);
        _plic.Source(1).Set(false);
        Assert.Equal(0u, Read(Pending));
        Assert.False(_meip.Level);
    }

    [Fact]
    public void Disabling_a_pending_source_lowers_the_output()
    {
        Priority(1, 1);
        Write(EnableM, 1u << 1);
        _plic.Source(1).Set(true);
        Write(EnableM, 0);
        Assert.False(_meip.Level);
        Assert.Equal(1u << 1, Read(Pending));
    }

    [Fact]
    public void Pending_bits_ignore_writes()
    {
        Write(Pending, 0xFFFF_FFFF);
        Assert.Equal(0u, Read(Pending));
    }

    [Fact]
    public void Source_zero_does_not_exist()
    {
        Write(0, 7);
        Write(EnableM, 0xFFFF_FFFF);
        Assert.Equal(0u, Read(0));
        Assert.Equal(0xFFFF_FFFEu, Read(EnableM));
        Assert.Throws<ArgumentOutOfRangeException>(() => _plic.Source(0));
        Assert.Throws<ArgumentOutOfRangeException>(() => _plic.Source(32));
    }

    [Fact]
    public void Threshold_registers_read_back()
    {
        Write(ThresholdM, 2);
        Write(ThresholdS, 9);
        Assert.Equal(2u, Read(ThresholdM));
        Assert.Equal(1u, Read(ThresholdS));   // 9 keeps its 3 low bits
    }

    [Fact]
    public void Accesses_narrower_than_32_bits_fault()
    {
        Assert.False(_plic.Read(4, 1, out _));
        Assert.False(_plic.Write(4, 2, 1));
    }

    [Fact]
    public void Both_contexts_claim_independently_from_shared_pending_bits()
    {
        Priority(1, 1);
        Priority(10, 1);
        Write(EnableM, 1u << 1);
        Write(EnableS, 1u << 10);
        _plic.Source(1).Set(true);
        _plic.Source(10).Set(true);
        Assert.Equal(10u, Read(ClaimS));
        Assert.True(_meip.Level);
        Assert.False(_seip.Level);
        Assert.Equal(1u, Read(ClaimM));
    }

    [Fact]
    public void Reset_clears_registers_and_claims_but_keeps_raised_lines_pending()
    {
        Priority(1, 1);
        Write(EnableM, 1u << 1);
        _plic.Source(1).Set(true);
        Assert.Equal(1u, Read(ClaimM));
        _plic.Reset();
        Assert.Equal(0u, Read(4));
        Assert.Equal(0u, Read(EnableM));
        Assert.Equal(1u << 1, Read(Pending));     // the device still holds its line high
        Assert.False(_meip.Level);
    }
}
