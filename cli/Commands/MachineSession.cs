using System.Diagnostics;
using ToyMachine.Cpu;

namespace ToyMachine.Cli.Commands;

/// <summary>Runs a built machine for the run and boot commands: the cycle budget, the
/// trace file, the statistics line and the exit code.</summary>
internal static class MachineSession
{
    public static int Run(Machine machine, ulong? maxCycles, bool stats, string? tracePath)
    {
        using var traceWriter = tracePath is null ? null : new StreamWriter(tracePath);
        var tracer = traceWriter is null ? null : new Tracer(traceWriter, TraceDisassembler.Format);

        var clock = Stopwatch.StartNew();
        var reason = machine.Run(maxCycles ?? ulong.MaxValue, tracer);
        clock.Stop();

        if (stats) PrintStats(machine, clock.Elapsed);
        return reason switch
        {
            StopReason.PowerOff => machine.ExitCode,
            StopReason.CycleLimit => ExitCodes.Fail(ExitCodes.CycleLimit, $"stopped after {machine.Hart.Cycles} cycles (--max-cycles)"),
            _ => ExitCodes.Fail(ExitCodes.Idle, "the machine is idle with nothing left that could wake it (no timer, no device busy, no input)"),
        };
    }

    private static void PrintStats(Machine machine, TimeSpan host)
    {
        ulong instructions = machine.Hart.Instructions, cycles = machine.Hart.Cycles, idle = machine.Hart.IdleCycles;
        double seconds = host.TotalSeconds;
        double mips = seconds > 0 ? instructions / seconds / 1e6 : 0;
        Console.Error.WriteLine(
            $"instructions {instructions}, cycles {cycles} (idle {idle}), host {seconds:F3} s, {mips:F1} guest MIPS");
    }
}
