using System.CommandLine;

namespace ToyMachine.Cli.Commands;

/// <summary>Options that run and boot share.</summary>
internal static class MachineOptions
{
    public static Option<ulong?> MaxCycles() =>
        new("--max-cycles") { Description = "stop after N cycles (exit code 124)" };

    public static Option<bool> Stats() =>
        new("--stats") { Description = "print instructions, cycles, host time and guest MIPS when the machine stops" };

    public static Option<FileInfo?> Trace() =>
        new("--trace") { Description = "write one line per instruction to FILE" };

}
