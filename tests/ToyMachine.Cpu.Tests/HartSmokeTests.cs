using static ToyMachine.Cpu.Tests.Asm;

namespace ToyMachine.Cpu.Tests;

public class HartSmokeTests
{
    [Fact]
    public void A_counting_loop_runs_to_completion_with_exact_counts()
    {
        using var h = new HartHarness();
        h.Load([
            I("addi", A0, Zero, 0),         // a0 = 0
            I("addi", A1, Zero, 10),        // a1 = 10
            I("addi", A0, A0, 1),           // loop: a0 += 1
            B("bne", A0, A1, -4),           //       if a0 != a1 goto loop
            Fixed("ebreak"),
        ]);
        h.Hart.Execute(10_000);
        Assert.Equal(10u, h[A0]);
        Assert.Equal(Hart.Cause.Breakpoint, h.Hart.LastTrapCause);
        // 2 setup + 10 addi + 10 bne retired; ebreak traps, it does not retire.
        Assert.Equal(22ul, h.Hart.Instructions);
        // addi 1 cycle; bne taken 3 (9 times), not taken 1; trap entry 5.
        Assert.Equal(2ul + 10 + 9 * 3 + 1 + 5, h.Hart.Cycles);
    }
}
