// The platform-level interrupt controller, laid out as QEMU virt's SiFive PLIC
// (hw/intc/sifive_plic.c) for one hart with two contexts: context 0 drives MEIP, context 1
// drives SEIP. Devices drive level-triggered source lines 1-31. A source's gateway
// forwards one request at a time: the pending bit is set while the line is high, a claim
// clears it and marks the source claimed, and a claimed source is not pended again until
// the guest completes it; if the line is still high then, it is pending again at once.
// A context's output is high while some enabled, pending, unclaimed source has a priority
// above the context's threshold. Priorities and thresholds are 3 bits (0-7, WARL, as
// QEMU virt's 7 priority levels); priority 0 never interrupts.
//
// As in QEMU: lowering a line withdraws a request not yet claimed; a completion is taken
// whether or not the source is enabled for that context; writes to the pending bits are
// ignored; registers of absent sources and reserved offsets read as zero and ignore
// writes. Only 32-bit accesses are allowed (others are access faults), as QEMU's
// min/max access size of 4.

namespace ToyMachine.Cpu.Devices;

/// <summary>The PLIC: priority[n] at +4n, pending bits at +0x1000, enable bits at +0x2000
/// (context 0, M) and +0x2080 (context 1, S), threshold and claim/complete at
/// +0x200000/+0x200004 (context 0) and +0x201000/+0x201004 (context 1).</summary>
public sealed class Plic : IDevice
{
    /// <summary>Number of source numbers, 0 included (source 0 means "none").</summary>
    public const int SourceCount = 32;

    /// <summary>Highest priority and threshold; the registers keep the low 3 bits.</summary>
    public const uint MaxPriority = 7;

    private const int Contexts = 2;
    private const uint PendingBase = 0x1000;
    private const uint EnableBase = 0x2000, EnableStride = 0x80;
    private const uint ContextBase = 0x20_0000, ContextStride = 0x1000;
    private const uint SourceMask = 0xFFFF_FFFE;   // bit 0: source 0 does not exist

    private readonly uint[] _priority = new uint[SourceCount];
    private readonly uint[] _enable = new uint[Contexts];
    private readonly uint[] _threshold = new uint[Contexts];
    private readonly IInterruptLine[] _outputs;
    private readonly bool[] _outputLevel = new bool[Contexts];
    private readonly SourceLine[] _sources = new SourceLine[SourceCount];
    private uint _level, _pending, _claimed;

    /// <summary>Creates the PLIC with every priority, enable and threshold zero.</summary>
    /// <param name="meip">Output of context 0: the hart's <c>mip.MEIP</c>.</param>
    /// <param name="seip">Output of context 1: the hart's <c>mip.SEIP</c>.</param>
    public Plic(IInterruptLine meip, IInterruptLine seip)
    {
        _outputs = [meip, seip];
        for (int n = 1; n < SourceCount; n++) _sources[n] = new SourceLine(this, n);
    }

    /// <inheritdoc/>
    public uint Size => MemoryMap.PlicSize;

    /// <summary>The input line of source <paramref name="n"/> (1 to 31), for a device to drive.</summary>
    public IInterruptLine Source(int n)
    {
        if (n < 1 || n >= SourceCount) throw new ArgumentOutOfRangeException(nameof(n));
        return _sources[n];
    }

    /// <summary>Clears every register and request (line levels are kept: they belong to
    /// the devices) and lowers both outputs.</summary>
    public void Reset()
    {
        Array.Clear(_priority);
        Array.Clear(_enable);
        Array.Clear(_threshold);
        _pending = _level & SourceMask;
        _claimed = 0;
        for (int c = 0; c < Contexts; c++)
        {
            _outputLevel[c] = false;
            _outputs[c].Set(false);
        }
        Update();
    }

    /// <inheritdoc/>
    public bool Read(uint offset, int width, out uint value)
    {
        value = 0;
        if (width != 4) return false;
        if (offset < SourceCount * 4)
            value = _priority[offset >> 2];
        else if (offset == PendingBase)
            value = _pending;
        else if (EnableWord(offset) is int ec)
            value = _enable[ec];
        else if (ContextRegister(offset, out int c, out bool claim))
            value = claim ? Claim(c) : _threshold[c];
        return true;
    }

    /// <inheritdoc/>
    public bool Write(uint offset, int width, uint value)
    {
        if (width != 4) return false;
        if (offset < SourceCount * 4)
        {
            if (offset != 0) _priority[offset >> 2] = value & MaxPriority;
        }
        else if (EnableWord(offset) is int ec)
            _enable[ec] = value & SourceMask;
        else if (ContextRegister(offset, out int c, out bool claim))
        {
            if (claim) Complete(value);
            else _threshold[c] = value & MaxPriority;
        }
        Update();
        return true;
    }

    /// <summary>The context whose (first and only) enable word is at <paramref name="offset"/>.</summary>
    private static int? EnableWord(uint offset)
    {
        for (int c = 0; c < Contexts; c++)
            if (offset == EnableBase + (uint)c * EnableStride) return c;
        return null;
    }

    /// <summary>True when <paramref name="offset"/> is a context's threshold or claim/complete register.</summary>
    private static bool ContextRegister(uint offset, out int context, out bool claim)
    {
        context = 0;
        claim = false;
        if (offset < ContextBase) return false;
        uint index = (offset - ContextBase) / ContextStride, register = (offset - ContextBase) % ContextStride;
        if (index >= Contexts || register > 4) return false;
        context = (int)index;
        claim = register == 4;
        return true;
    }

    /// <summary>The source context <paramref name="c"/> would claim now: the pending,
    /// enabled, unclaimed one of highest priority above the threshold, the lowest number
    /// among equals; 0 when there is none.</summary>
    private int Best(int c)
    {
        uint candidates = _pending & ~_claimed & _enable[c];
        int best = 0;
        uint bestPriority = _threshold[c];
        for (int n = 1; n < SourceCount; n++)
        {
            if ((candidates & (1u << n)) != 0 && _priority[n] > bestPriority)
            {
                best = n;
                bestPriority = _priority[n];
            }
        }
        return best;
    }

    private uint Claim(int c)
    {
        int n = Best(c);
        if (n != 0)
        {
            _pending &= ~(1u << n);
            _claimed |= 1u << n;
        }
        Update();
        return (uint)n;
    }

    private void Complete(uint n)
    {
        if (n == 0 || n >= SourceCount) return;
        uint bit = 1u << (int)n;
        _claimed &= ~bit;
        // The gateway forwards the next request: a line still high is pending again.
        if ((_level & bit) != 0) _pending |= bit;
    }

    private void SetLevel(int n, bool high)
    {
        uint bit = 1u << n;
        if (high)
        {
            _level |= bit;
            if ((_claimed & bit) == 0) _pending |= bit;
        }
        else
        {
            _level &= ~bit;
            _pending &= ~bit;
        }
        Update();
    }

    private void Update()
    {
        for (int c = 0; c < Contexts; c++)
        {
            bool level = Best(c) != 0;
            if (level == _outputLevel[c]) continue;
            _outputLevel[c] = level;
            _outputs[c].Set(level);
        }
    }

    private sealed class SourceLine(Plic plic, int n) : IInterruptLine
    {
        public void Set(bool level) => plic.SetLevel(n, level);
    }
}
