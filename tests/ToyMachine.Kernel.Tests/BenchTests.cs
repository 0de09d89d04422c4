using ToyMachine.Cpu;
using Xunit.Abstractions;

namespace ToyMachine.Kernel.Tests;

/// <summary>The performance targets of the kernel issue, measured by the guest program
/// kernel/tests/t_bench.s from U-mode (rdcycle/rdinstret). Each test writes every
/// figure to the test output (<c>dotnet test --filter BenchTests --logger
/// "console;verbosity=detailed"</c>).</summary>
public sealed class BenchTests(ITestOutputHelper output)
{
    private static readonly Lazy<KernelBoot.Result> Run = new(() => KernelBoot.Boot("init=/bin/t_bench quiet"));

    /// <summary>The instructions per operation of the bench line that starts with NAME.</summary>
    private int Instructions(string name)
    {
        var run = Run.Value;
        Assert.Equal(StopReason.PowerOff, run.Reason);
        Assert.Equal(0, run.ExitCode);
        foreach (var line in run.Output.Split('\n').Where(l => l.StartsWith("bench ")))
            output.WriteLine(line);
        var figure = run.Output.Split('\n').Single(l => l.StartsWith($"bench {name}: "));
        return int.Parse(figure.Split(", ")[1].Split(' ')[0]);
    }

    [Fact]
    public void A_null_system_call_costs_under_100_instructions() =>
        Assert.InRange(Instructions("getpid round trip"), 1, 99);

    [Fact]
    public void A_yield_round_trip_between_two_processes_costs_under_300_instructions() =>
        Assert.InRange(Instructions("yield round trip (two processes)"), 1, 299);
}
