using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Configs;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;
using ToyMachine.Cpu;

namespace ToyMachine.Bench;

/// <summary>Guest MIPS of the interpreter, with the cycle model on, on a compute-bound
/// bare-metal program (guest/compute.s: ALU, loads/stores, branches, mul/div).
/// Run: <c>dotnet run -c Release --project bench -- --filter '*Interpreter*'</c>.</summary>
[Config(typeof(MipsConfig))]
public class InterpreterBenchmarks
{
    /// <summary>Instructions compute.elf retires; checked on every run so the column stays true.</summary>
    internal static ulong Instructions;

    private ElfFile _program = null!;

    [GlobalSetup]
    public void Setup() => _program = ElfFile.Load(Path.Combine(AppContext.BaseDirectory, "guest", "compute.elf"));

    [Benchmark]
    public ulong ComputeBound()
    {
        using var machine = new Machine(new MachineConfig { Output = Stream.Null, MemorySize = 16 << 20 });
        machine.LoadElf(_program);
        if (machine.Run(maxCycles: 10_000_000_000) != StopReason.PowerOff)
            throw new InvalidOperationException("compute.elf did not power off");
        Instructions = machine.Hart.Instructions;
        return machine.Hart.Cycles;
    }

    private sealed class MipsConfig : ManualConfig
    {
        public MipsConfig() => AddColumn(new MipsColumn(best: false), new MipsColumn(best: true));
    }

    /// <summary>Guest instructions per microsecond of the mean run, or of the fastest one
    /// (on a machine shared with other work, the fastest run is the steadiest figure).</summary>
    private sealed class MipsColumn(bool best) : IColumn
    {
        public string Id => best ? "GuestMIPSBest" : "GuestMIPS";
        public string ColumnName => best ? "Guest MIPS (best)" : "Guest MIPS";
        public bool AlwaysShow => true;
        public ColumnCategory Category => ColumnCategory.Custom;
        public int PriorityInCategory => best ? 1 : 0;
        public bool IsNumeric => true;
        public UnitType UnitType => UnitType.Dimensionless;
        public string Legend => best
            ? "guest instructions retired per second of host time in the fastest iteration, in millions"
            : "guest instructions retired per second of host time, in millions";
        public bool IsAvailable(Summary summary) => true;
        public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;
        public string GetValue(Summary summary, BenchmarkCase benchmarkCase) => GetValue(summary, benchmarkCase, SummaryStyle.Default);

        public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style)
        {
            var report = summary[benchmarkCase];
            if (report?.ResultStatistics is not { } stats) return "-";
            // The benchmark runs in another process; count the instructions here once.
            if (Instructions == 0) new InterpreterBenchmarks { _program = ElfFile.Load(Path.Combine(AppContext.BaseDirectory, "guest", "compute.elf")) }.ComputeBound();
            double nanoseconds = best ? stats.Min : stats.Mean;
            return (Instructions / (nanoseconds / 1000.0)).ToString("F1");
        }
    }
}
