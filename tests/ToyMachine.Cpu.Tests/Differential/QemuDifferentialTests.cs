namespace ToyMachine.Cpu.Tests.Differential;

/// <summary>Bare-metal programs that print on the UART and power off through the test
/// device give, byte for byte, the output QEMU gave for them (Fixtures/build-diff.sh).</summary>
public class QemuDifferentialTests
{
    [Theory]
    [InlineData("rv32i.diff")]
    [InlineData("rv32m.diff")]
    [InlineData("rv32a.diff")]
    [InlineData("traps.diff")]
    [InlineData("csr.diff")]
    [InlineData("vm.diff")]
    [InlineData("random.diff")]
    [InlineData("ptflags.diff")]
    public void The_program_prints_what_QEMU_printed_and_exits_zero(string program)
    {
        var run = Golden.Run(program + ".elf");
        Assert.Equal(StopReason.PowerOff, run.Reason);
        string expected = Golden.QemuOutput(program);
        if (expected != run.Output)
        {
            // Name the first line that differs rather than dumping two long texts.
            string[] want = expected.Split('\n'), got = run.Output.Split('\n');
            int i = 0;
            while (i < want.Length && i < got.Length && want[i] == got[i]) i++;
            Assert.Fail($"line {i + 1}: QEMU \"{(i < want.Length ? want[i] : "<end>")}\", toymachine \"{(i < got.Length ? got[i] : "<end>")}\"");
        }
        Assert.Equal(0, run.ExitCode);
    }

    [Theory]
    [InlineData("rv32i.diff", 2342)]
    [InlineData("rv32m.diff", 1352)]
    [InlineData("rv32a.diff", 449)]
    [InlineData("traps.diff", 102)]
    [InlineData("csr.diff", 109)]
    [InlineData("vm.diff", 40)]
    [InlineData("random.diff", 18)]
    [InlineData("ptflags.diff", 512)]
    public void The_golden_is_a_complete_run_with_no_unexpected_trap(string program, int lines)
    {
        // A regenerated golden that QEMU cut short (timeout) or that recorded a trap the
        // program did not plan for would make the comparison meaningless.
        string golden = Golden.QemuOutput(program);
        Assert.EndsWith("\n", golden);
        Assert.Equal(lines, golden.Count(c => c == '\n'));
        Assert.DoesNotContain("unexpected", golden);
    }
}
