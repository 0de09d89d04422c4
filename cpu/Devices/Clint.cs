// The core-local interruptor, laid out as QEMU virt's (hw/intc/riscv_aclint.c) for one
// hart: msip drives mip.MSIP; mtime counts the machine's cycles divided by
// MemoryMap.CyclesPerTick; mip.MTIP is high while mtime >= mtimecmp. The machine learns
// from NextEvent the exact cycle at which mtime reaches mtimecmp and calls Advance then,
// so a timer interrupt is raised on that cycle whether the hart was running or in wfi.
//
// mtime is read-only here (QEMU lets software write it): machine.md fixes
// time = mtime = cycles / 10, and the hart's time CSR and the Sstc comparison read the
// cycle count directly, so a writable mtime would make the two disagree. Writes to mtime
// are ignored. mtimecmp resets to
// all-ones (QEMU starts it at 0, which would make MTIP pend from reset). Only 32-bit
// accesses are allowed (QEMU also allows 64-bit, which RV32 cannot make); reserved
// offsets read as zero and ignore writes.

namespace ToyMachine.Cpu.Devices;

/// <summary>The CLINT: <c>msip</c> at +0x0, <c>mtimecmp</c> at +0x4000 (low) and +0x4004
/// (high), <c>mtime</c> at +0xBFF8 (low) and +0xBFFC (high).</summary>
public sealed class Clint : IDevice, ITimedDevice
{
    private const uint MsipOffset = 0x0, MtimecmpLo = 0x4000, MtimecmpHi = 0x4004, MtimeLo = 0xBFF8, MtimeHi = 0xBFFC;

    private readonly IClock _clock;
    private readonly IInterruptLine _msipLine, _mtipLine;
    private ulong _mtimecmp;
    private bool _msip, _mtip;

    /// <summary>Creates the CLINT in its reset state: msip 0, mtime 0 at cycle 0,
    /// mtimecmp all ones.</summary>
    /// <param name="clock">The machine's cycle counter.</param>
    /// <param name="msip">The hart's <c>mip.MSIP</c>.</param>
    /// <param name="mtip">The hart's <c>mip.MTIP</c>.</param>
    public Clint(IClock clock, IInterruptLine msip, IInterruptLine mtip)
    {
        _clock = clock;
        _msipLine = msip;
        _mtipLine = mtip;
        Reset();
    }

    /// <inheritdoc/>
    public uint Size => MemoryMap.ClintSize;

    /// <summary>The current value of <c>mtime</c>: the machine's cycles divided by 10, the
    /// same count the hart's <c>time</c> CSR reads.</summary>
    public ulong Mtime => MtimeAt(_clock.Now);

    /// <summary>The current value of <c>mtimecmp</c>.</summary>
    public ulong Mtimecmp => _mtimecmp;

    /// <summary>Returns to the reset state (msip 0, mtimecmp all ones)
    /// and lowers both lines.</summary>
    public void Reset()
    {
        _mtimecmp = ulong.MaxValue;
        _msip = true;
        _mtip = true;
        SetMsip(false);
        UpdateMtip(_clock.Now);
    }

    /// <summary>The cycle at which <c>mtime</c> reaches <c>mtimecmp</c> while MTIP is low
    /// (saturating at <see cref="ulong.MaxValue"/>), otherwise <see cref="ulong.MaxValue"/>.</summary>
    public ulong NextEvent
    {
        get
        {
            if (_mtip) return ulong.MaxValue;
            ulong now = _clock.Now;
            ulong mtime = MtimeAt(now);
            if (mtime >= _mtimecmp) return now;               // due, Advance not called yet
            ulong ticksLeft = _mtimecmp - mtime;
            ulong tickNow = now / MemoryMap.CyclesPerTick;
            if (ticksLeft > ulong.MaxValue / MemoryMap.CyclesPerTick - tickNow) return ulong.MaxValue;
            return (tickNow + ticksLeft) * MemoryMap.CyclesPerTick;
        }
    }

    /// <summary>Raises or lowers MTIP for cycle <paramref name="now"/>.</summary>
    public void Advance(ulong now) => UpdateMtip(now);

    /// <inheritdoc/>
    public bool Read(uint offset, int width, out uint value)
    {
        value = 0;
        if (width != 4) return false;
        switch (offset)
        {
            case MsipOffset: value = _msip ? 1u : 0u; break;
            case MtimecmpLo: value = (uint)_mtimecmp; break;
            case MtimecmpHi: value = (uint)(_mtimecmp >> 32); break;
            case MtimeLo: value = (uint)Mtime; break;
            case MtimeHi: value = (uint)(Mtime >> 32); break;
        }
        return true;
    }

    /// <inheritdoc/>
    public bool Write(uint offset, int width, uint value)
    {
        if (width != 4) return false;
        ulong now = _clock.Now;
        switch (offset)
        {
            case MsipOffset:
                SetMsip((value & 1) != 0);
                break;
            case MtimecmpLo:
                _mtimecmp = (_mtimecmp & 0xFFFF_FFFF_0000_0000) | value;
                UpdateMtip(now);
                break;
            case MtimecmpHi:
                _mtimecmp = (_mtimecmp & 0x0000_0000_FFFF_FFFF) | (ulong)value << 32;
                UpdateMtip(now);
                break;
            // mtime (MtimeLo, MtimeHi) is read-only: the count of the machine's clock.
        }
        return true;
    }

    private static ulong MtimeAt(ulong cycle) => cycle / MemoryMap.CyclesPerTick;

    private void SetMsip(bool level)
    {
        if (level == _msip) return;
        _msip = level;
        _msipLine.Set(level);
    }

    private void UpdateMtip(ulong now)
    {
        bool level = MtimeAt(now) >= _mtimecmp;
        if (level == _mtip) return;
        _mtip = level;
        _mtipLine.Set(level);
    }
}
