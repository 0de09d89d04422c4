using ToyMachine.Cpu.Isa;
using static ToyMachine.Cpu.Tests.Asm;

namespace ToyMachine.Cpu.Tests.Conformance;

/// <summary>What the official ISA tests found, pinned down without them (their ELFs are not
/// in the repository, see README.md), and the interpreter paths the speed work added.</summary>
public class FoundByConformanceTests
{
    [Fact]
    public void Trigger_csrs_read_zero_and_ignore_writes_so_probing_for_triggers_does_not_trap()
    {
        // rv32mi breakpoint: csrw tselect, t1 (5); csrr t2, tselect; csrw tdata1, t1; csrr a0, tdata1; csrr a1, tdata2
        using var h = new HartHarness();
        h.Load([
            I("addi", T1, Zero, 5),
            Csr("csrrw", Zero, Csrs.Tselect, T1), Csr("csrrs", T2, Csrs.Tselect, Zero),
            Csr("csrrw", Zero, Csrs.Tdata1, T1), Csr("csrrs", A0, Csrs.Tdata1, Zero),
            Csr("csrrs", A1, Csrs.Tdata2, Zero),
        ]);
        h[T2] = h[A0] = h[A1] = 0xFFFF_FFFF;
        h.Step(6);
        Assert.Equal(uint.MaxValue, h.Hart.LastTrapCause);
        Assert.Equal((0u, 0u, 0u), (h[T2], h[A0], h[A1]));
    }

    [Fact]
    public void A_write_to_minstreth_suppresses_the_writing_instructions_increment_as_one_to_minstret_does()
    {
        // rv32mi instret_overflow case 3: li t0, -1; csrw minstret, t0; csrw minstreth, t0; nop; csrr a0, minstret
        using var h = new HartHarness();
        h.Load([
            I("addi", T0, Zero, -1),
            Csr("csrrw", Zero, Csrs.Minstret, T0), Csr("csrrw", Zero, Csrs.Minstreth, T0),
            I("addi", Zero, Zero, 0),
            Csr("csrrs", A0, Csrs.Minstret, Zero), Csr("csrrs", A1, Csrs.Minstreth, Zero),
        ]);
        h.Step(6);
        // minstret = 2^64 - 1 after both writes; the nop wraps it to 0.
        Assert.Equal((0u, 0u), (h[A0], h[A1]));
    }

    [Fact]
    public void Wfi_does_not_wait_while_an_interrupt_is_pending_even_when_mie_does_not_enable_it()
    {
        // rv32si wfi: csrs mip, SSIP (mie = 0); wfi
        using var h = new HartHarness();
        h.Load([Csr("csrrsi", Zero, Csrs.Mip, 2), Fixed("wfi"), I("addi", A0, Zero, 7)]);
        h.Step(3);
        Assert.False(h.Hart.WaitingForInterrupt);
        Assert.Equal(7u, h[A0]);
    }

    [Fact]
    public void Wfi_waits_when_no_interrupt_is_pending()
    {
        using var h = new HartHarness();
        h.Load([Fixed("wfi")]);
        h.Step();
        Assert.True(h.Hart.WaitingForInterrupt);
    }

    [Fact]
    public void Straight_line_code_runs_on_across_a_page_boundary_in_one_run()
    {
        using var h = new HartHarness();
        const uint end = HartHarness.Base + 0xFFC;
        h.Load([I("addi", A0, A0, 1)], end);
        h.Load([I("addi", A0, A0, 2), I("addi", A0, A0, 4)], end + 4);
        h.Hart.Pc = end;
        h.Hart.Execute(h.Hart.Cycles + 3);          // three ALU instructions, one cycle each
        Assert.Equal(7u, h[A0]);
        Assert.Equal(end + 12, h.Hart.Pc);
        Assert.Equal(3ul, h.Hart.Instructions);
    }

    [Fact]
    public void A_taken_branch_within_the_page_and_one_to_the_next_page_land_where_they_point()
    {
        using var h = new HartHarness();
        const uint b = HartHarness.Base;
        // 0x000: addi a0, a0, 1; bne a0, a1, -4 (loop back until a0 == a1 = 3); jal 0x1000 - 8
        h.Load([I("addi", A0, A0, 1), B("bne", A0, A1, -4), Jal(Zero, 0x1000 - 8)], b);
        h.Load([I("addi", A2, Zero, 9)], b + 0x1000);
        h[A1] = 3;
        // 3 addi (1 cycle) + 2 taken bne (3) + 1 not taken (1) + jal (2) + addi (1) = 13 cycles.
        h.Hart.Execute(h.Hart.Cycles + 13);
        Assert.Equal((3u, 9u), (h[A0], h[A2]));
        Assert.Equal(b + 0x1004, h.Hart.Pc);
        Assert.Equal(8ul, h.Hart.Instructions);
        Assert.Equal(13ul, h.Hart.Cycles);
    }

    [Fact]
    public void A_store_over_the_next_instruction_runs_the_new_instruction()
    {
        using var h = new HartHarness();
        const uint b = HartHarness.Base;
        uint replacement = I("addi", A0, Zero, 42);
        // sw t1, 4(t0) with t0 = base, t1 = the new word; the old word at +4 sets a0 = 1.
        h.Load([S("sw", T1, T0, 4), I("addi", A0, Zero, 1)], b);
        h[T0] = b;
        h[T1] = replacement;
        h.Hart.Execute(h.Hart.Cycles + 3);          // sw (2 cycles) + addi (1)
        Assert.Equal(42u, h[A0]);
    }
}
