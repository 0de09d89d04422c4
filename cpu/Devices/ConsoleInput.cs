// Where the UART's received bytes come from. Two kinds of source: deterministic ones
// (a byte array from --input FILE, or a pipe read on demand) hand over the next byte
// whenever the guest has consumed the last, so a run never depends on host timing; an
// interactive one (TerminalInput) collects keystrokes on a background thread and the
// machine polls it, so what the guest sees depends on when the user types.
using System.Collections.Concurrent;

namespace ToyMachine.Cpu.Devices;

/// <summary>A source of bytes for the UART's receiver.</summary>
public interface IConsoleInput
{
    /// <summary>True when the source delivers its bytes independently of host timing
    /// (a file or a pipe): the UART then takes the next byte as soon as the guest has read
    /// the last one from RBR. False for an interactive terminal, which the UART only
    /// takes from when the machine calls <see cref="Uart16550.Poll"/>.</summary>
    bool IsDeterministic { get; }

    /// <summary>Takes the next byte. A deterministic source may block until the byte
    /// exists (a pipe); an interactive one never blocks and returns false when the user
    /// has typed nothing yet. False also once the source is exhausted.</summary>
    bool TryRead(out byte value);

    /// <summary>True once no byte will ever come again (end of file, stdin closed) and
    /// every byte has been taken.</summary>
    bool IsExhausted { get; }

    /// <summary>Blocks the host until a byte can be taken, the source is exhausted, or
    /// <paramref name="millisecondsTimeout"/> passes; true when a byte can be taken.
    /// For an idle machine waiting on a terminal, instead of spinning.</summary>
    bool WaitForData(int millisecondsTimeout);
}

/// <summary>Deterministic input: the bytes of a file given with <c>--input</c>, or of a
/// stream (a pipe) read on demand. Reading a pipe blocks the machine until the writer
/// produces the next byte, which keeps the run independent of how fast it does so.</summary>
public sealed class DeterministicInput : IConsoleInput
{
    private readonly Stream? _stream;
    private readonly byte[] _buffer;
    private int _position, _length;
    private bool _endOfStream;

    /// <summary>Input from a fixed array of bytes (the array is not copied).</summary>
    public DeterministicInput(byte[] bytes)
    {
        _buffer = bytes;
        _length = bytes.Length;
        _endOfStream = true;
    }

    /// <summary>Input read on demand from <paramref name="stream"/> (a pipe or a file).</summary>
    public DeterministicInput(Stream stream)
    {
        _stream = stream;
        _buffer = new byte[4096];
    }

    /// <inheritdoc/>
    public bool IsDeterministic => true;

    /// <inheritdoc/>
    public bool IsExhausted => _position == _length && _endOfStream;

    /// <inheritdoc/>
    public bool TryRead(out byte value)
    {
        if (_position == _length && !_endOfStream)
        {
            // Blocks until the writer produces something or closes the pipe.
            _length = _stream!.Read(_buffer, 0, _buffer.Length);
            _position = 0;
            if (_length == 0) _endOfStream = true;
        }
        if (_position == _length)
        {
            value = 0;
            return false;
        }
        value = _buffer[_position++];
        return true;
    }

    /// <inheritdoc/>
    public bool WaitForData(int millisecondsTimeout) => !IsExhausted;
}

/// <summary>Interactive input: a background thread reads a stream (the terminal's
/// standard input) into a queue; the UART takes from it when the machine polls. Putting
/// the terminal in raw mode is the caller's business. The thread is a background thread
/// and ends with the process (a blocked read of a terminal cannot be cancelled).</summary>
public sealed class TerminalInput : IConsoleInput
{
    private readonly ConcurrentQueue<byte> _queue = new();
    private readonly SemaphoreSlim _signal = new(0);
    private volatile bool _endOfStream;

    /// <summary>Starts a background thread reading <paramref name="stream"/>.</summary>
    public TerminalInput(Stream stream)
    {
        var thread = new Thread(() => ReadLoop(stream)) { IsBackground = true, Name = "TerminalInput" };
        thread.Start();
    }

    private void ReadLoop(Stream stream)
    {
        var buffer = new byte[256];
        try
        {
            while (true)
            {
                int n = stream.Read(buffer, 0, buffer.Length);
                if (n <= 0) break;
                for (int i = 0; i < n; i++) _queue.Enqueue(buffer[i]);
                _signal.Release();
            }
        }
        catch (IOException) { }
        catch (ObjectDisposedException) { }
        _endOfStream = true;
        _signal.Release();
    }

    /// <inheritdoc/>
    public bool IsDeterministic => false;

    /// <inheritdoc/>
    public bool IsExhausted => _endOfStream && _queue.IsEmpty;

    /// <inheritdoc/>
    public bool TryRead(out byte value) => _queue.TryDequeue(out value);

    /// <inheritdoc/>
    public bool WaitForData(int millisecondsTimeout)
    {
        if (!_queue.IsEmpty) return true;
        if (_endOfStream) return false;
        _signal.Wait(millisecondsTimeout);
        return !_queue.IsEmpty;
    }
}
