namespace ToyMachine.Cli.Commands;

/// <summary>Exit codes of the toymachine command other than the guest's own.</summary>
internal static class ExitCodes
{
    /// <summary>Unusable input: not an ELF32 RISC-V file, a segment outside RAM, a bad image, a bad option.</summary>
    public const int BadInput = 2;
    /// <summary>The cycle budget (--max-cycles) ran out, as timeout(1) reports.</summary>
    public const int CycleLimit = 124;
    /// <summary>The user stopped an interactive machine with Ctrl-A x (as a shell reports SIGINT).</summary>
    public const int Interrupted = 130;
    /// <summary>The machine went idle with nothing left that could wake it.</summary>
    public const int Idle = 125;

    /// <summary>Writes one line "toymachine: MESSAGE" to stderr and returns the code.</summary>
    public static int Fail(int code, string message)
    {
        Console.Error.WriteLine($"toymachine: {message}");
        return code;
    }
}
