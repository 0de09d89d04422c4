using System.Globalization;

namespace ToyMachine.Cpu.Tests.Differential;

/// <summary>machine.md, "Determinism and the cycle model": the same program and input give
/// the same output bytes and the same final mcycle and minstret, on every run.</summary>
public class DeterminismTests
{
    [Theory]
    [InlineData("counters.elf")]
    [InlineData("traps.diff.elf")]
    [InlineData("vm.diff.elf")]
    [InlineData("rv32a.diff.elf")]
    public void The_same_program_twice_gives_the_same_output_mcycle_and_minstret(string elf)
    {
        var first = Golden.Run(elf);
        var second = Golden.Run(elf);
        Assert.Equal(StopReason.PowerOff, first.Reason);
        Assert.Equal(first.Output, second.Output);
        Assert.Equal(first.Cycles, second.Cycles);
        Assert.Equal(first.Instructions, second.Instructions);
        Assert.Equal(first.ExitCode, second.ExitCode);
    }

    [Fact]
    public void The_counters_the_guest_reads_are_the_same_on_every_run_and_agree_with_the_machine()
    {
        var runs = Enumerable.Range(0, 3).Select(_ => Golden.Run("counters.elf")).ToArray();
        Assert.All(runs, r => Assert.Equal(runs[0].Output, r.Output));
        // "counters mcycle minstret time checksum"
        uint[] v = runs[0].Output.Trim().Split(' ').Skip(1).Select(w => uint.Parse(w, NumberStyles.HexNumber)).ToArray();
        Assert.StartsWith("counters ", runs[0].Output);
        Assert.InRange(v[0], 20_000u, (uint)runs[0].Cycles);        // 2,000 ticks were slept: 20,000 cycles
        Assert.InRange(v[1], 11_000u, (uint)runs[0].Instructions);  // the 1,000-iteration loop of 11
        Assert.Equal((v[0] + 2 * (uint)CycleModel.Csr) / 10, v[2]);   // time = cycles / 10, read two csrr later
    }
}
