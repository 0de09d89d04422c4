using ToyMachine.Cpu.Devices;

namespace ToyMachine.Cpu.Tests.Devices;

/// <summary>A clock the test moves by hand.</summary>
internal sealed class FakeClock : IClock
{
    public ulong Now { get; set; }
}

/// <summary>An interrupt line that remembers its level and every change.</summary>
internal sealed class RecordingLine : IInterruptLine
{
    public bool Level { get; private set; }
    public List<bool> History { get; } = [];

    public void Set(bool level)
    {
        Level = level;
        History.Add(level);
    }

    /// <summary>Number of times the line went from low to high.</summary>
    public int RisingEdges
    {
        get
        {
            int edges = 0;
            bool previous = false;
            foreach (bool level in History)
            {
                if (level && !previous) edges++;
                previous = level;
            }
            return edges;
        }
    }
}

/// <summary>An interactive source the test feeds by hand.</summary>
internal sealed class ManualInput : IConsoleInput
{
    private readonly Queue<byte> _bytes = new();
    public bool Closed { get; set; }
    public void Type(params byte[] bytes) { foreach (var b in bytes) _bytes.Enqueue(b); }
    public bool IsDeterministic => false;
    public bool IsExhausted => Closed && _bytes.Count == 0;
    public bool TryRead(out byte value) => _bytes.TryDequeue(out value);
    public bool WaitForData(int millisecondsTimeout) => _bytes.Count > 0;
}
