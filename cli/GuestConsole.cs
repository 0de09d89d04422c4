using Microsoft.Win32.SafeHandles;
using ToyMachine.Cli.Commands;
using ToyMachine.Cpu;

namespace ToyMachine.Cli;

/// <summary>Where the guest's console reads from: a file (<c>--input</c>), a pipe, or the
/// terminal in raw mode with the Ctrl-A x escape. Restores the terminal when disposed.</summary>
internal sealed class GuestConsole : IDisposable
{
    private readonly byte[]? _file;
    private readonly Stream? _pipe;
    private readonly Terminal? _terminal;
    private readonly Stream? _keyboard;

    private GuestConsole(byte[]? file, Stream? pipe, Terminal? terminal, Stream? keyboard)
    {
        _file = file;
        _pipe = pipe;
        _terminal = terminal;
        _keyboard = keyboard;
    }

    /// <summary>Input from <paramref name="inputFile"/> when given, else from standard
    /// input: a pipe or file is read in order, a terminal interactively.</summary>
    public static GuestConsole Open(byte[]? inputFile)
    {
        if (inputFile is not null) return new GuestConsole(inputFile, null, null, null);
        if (Console.IsInputRedirected) return new GuestConsole(null, Console.OpenStandardInput(), null, null);

        var terminal = new Terminal();
        Console.Error.Write("toymachine: press Ctrl-A x to stop the machine\r\n");
        // fd 0 read directly: Console.OpenStandardInput() on a terminal goes through .NET's
        // own line editor, which buffers until Enter and echoes what is typed.
        var stdin = new FileStream(new SafeFileHandle(0, ownsHandle: false), FileAccess.Read, bufferSize: 0);
        var keyboard = new EscapeStream(stdin, () =>
        {
            terminal.Dispose();
            Console.Out.Flush();
            Console.Error.WriteLine("\ntoymachine: stopped (Ctrl-A x)");
            Environment.Exit(ExitCodes.Interrupted);
        });
        return new GuestConsole(null, null, terminal, keyboard);
    }

    /// <summary>The machine configuration with this console's input.</summary>
    public MachineConfig Configure(MachineConfig config) => config with
    {
        Input = _file,
        InputStream = _pipe,
        InteractiveInput = _keyboard is not null,
        TerminalStream = _keyboard,
    };

    /// <summary>Restores the terminal.</summary>
    public void Dispose() => _terminal?.Dispose();
}
