using ToyMachine.Cpu.Devices;

namespace ToyMachine.Cpu.Tests.Devices;

/// <summary>The console input sources: deterministic ones hand over every byte in order
/// and then report exhaustion; the terminal source collects a stream on its own thread.</summary>
public class ConsoleInputTests
{
    [Fact]
    public void Byte_array_input_hands_over_its_bytes_then_is_exhausted()
    {
        var input = new DeterministicInput("ab"u8.ToArray());
        Assert.True(input.IsDeterministic);
        Assert.True(input.TryRead(out byte a));
        Assert.False(input.IsExhausted);
        Assert.True(input.TryRead(out byte b));
        Assert.True(input.IsExhausted);
        Assert.False(input.TryRead(out _));
        Assert.Equal(((byte)'a', (byte)'b'), (a, b));
    }

    [Fact]
    public void Stream_input_reads_across_buffer_refills()
    {
        var data = new byte[10_000];
        for (int i = 0; i < data.Length; i++) data[i] = (byte)(i % 251);
        var input = new DeterministicInput(new MemoryStream(data));
        var got = new List<byte>();
        while (input.TryRead(out byte b)) got.Add(b);
        Assert.Equal(data, got);
        Assert.True(input.IsExhausted);
    }

    [Fact]
    public void Terminal_input_delivers_what_its_thread_read_and_then_reports_the_end()
    {
        var input = new TerminalInput(new MemoryStream("hey"u8.ToArray()));
        Assert.False(input.IsDeterministic);
        var got = new List<byte>();
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while (!input.IsExhausted && DateTime.UtcNow < deadline)
        {
            if (input.WaitForData(100) && input.TryRead(out byte b)) got.Add(b);
        }
        Assert.True(input.IsExhausted);
        Assert.Equal("hey"u8.ToArray(), got);
        Assert.False(input.WaitForData(0));
    }
}
