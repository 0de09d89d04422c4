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
}
