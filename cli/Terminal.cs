using System.Runtime.InteropServices;

namespace ToyMachine.Cli;

/// <summary>Puts the host terminal into raw mode for an interactive boot, so that every
/// key (^C, ^Z, ^D, backspace) reaches the guest's console driver unchanged, and restores
/// it afterwards. Output processing stays on, so the guest's "\n" still starts a new line.</summary>
internal sealed unsafe class Terminal : IDisposable
{
    // struct termios on Linux: four tcflag_t, c_line, c_cc[32], two speed_t.
    [StructLayout(LayoutKind.Sequential)]
    private struct Termios
    {
        public uint Iflag, Oflag, Cflag, Lflag;
        public byte Line;
        public fixed byte Cc[32];
        public uint Ispeed, Ospeed;
    }

    private const uint Opost = 0x1, Onlcr = 0x4;
    private const int Tcsanow = 0;

    [DllImport("libc", SetLastError = true)] private static extern int tcgetattr(int fd, Termios* t);
    [DllImport("libc", SetLastError = true)] private static extern int tcsetattr(int fd, int when, Termios* t);
    [DllImport("libc")] private static extern void cfmakeraw(Termios* t);

    private Termios _saved;
    private bool _active;

    /// <summary>Enters raw mode when standard input is a terminal on a Unix host; does
    /// nothing otherwise.</summary>
    public Terminal()
    {
        if (Console.IsInputRedirected || !(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS())) return;
        Termios t;
        if (tcgetattr(0, &t) != 0) return;
        _saved = t;
        cfmakeraw(&t);
        t.Oflag |= Opost | Onlcr;
        if (tcsetattr(0, Tcsanow, &t) != 0) return;
        _active = true;
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Dispose();
    }

    /// <summary>Restores the terminal as it was.</summary>
    public void Dispose()
    {
        if (!_active) return;
        _active = false;
        Termios t = _saved;
        tcsetattr(0, Tcsanow, &t);
    }
}
