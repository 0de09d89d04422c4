using ToyMachine.Cpu.Isa;
using ToyMachine.Cpu.Tests.Differential;
using static ToyMachine.Cpu.Tests.Asm;

namespace ToyMachine.Cpu.Tests.Isa;

/// <summary>x0 (ISA manual 2.1: "Register x0 is hardwired with all bits equal to 0") and the
/// LR/SC reservation (the A extension, 8.2), the sequences checked against the lines QEMU
/// printed for them in Fixtures/rv32a.diff.qemu.out.</summary>
public unsafe class RegisterZeroAndReservationTests
{
    private const uint Word = HartHarness.Base + 0x8000, Other = HartHarness.Base + 0x8004;
    private const int A4 = 14, A5 = 15;

    private static HartHarness Run(uint[] program, Action<HartHarness>? setup = null, int? steps = null)
    {
        var h = new HartHarness();
        setup?.Invoke(h);
        h.Load(program);
        h.Step(steps ?? program.Length);
        return h;
    }

    public static TheoryData<string, uint> WritesToX0 => new()
    {
        { "lui", U("lui", Zero, 0x12345) },
        { "auipc", U("auipc", Zero, 1) },
        { "addi", I("addi", Zero, A1, 5) },
        { "add", R("add", Zero, A1, A1) },
        { "mul", R("mul", Zero, A1, A1) },
        { "div", R("div", Zero, A1, Zero) },
        { "lw", I("lw", Zero, A2, 0) },
        { "lbu", I("lbu", Zero, A2, 0) },
        { "csrrs", Csr("csrrs", Zero, Csrs.Mscratch, Zero) },
        { "lr.w", Amo("lr.w", Zero, A2, Zero) },
        { "amoswap.w", Amo("amoswap.w", Zero, A2, A1) },
    };

    [Theory]
    [MemberData(nameof(WritesToX0))]
    public void An_instruction_with_rd_x0_leaves_x0_zero(string op, uint word)
    {
        using var h = Run([word], h =>
        {
            h[A1] = 7;
            h[A2] = Word;
            h.WriteWord(Word, 0xFFFF_FFFF);
            h.Hart.State->Mscratch = 0x55;
        });
        Assert.True(h[Zero] == 0, op);
        Assert.Equal(0u, h.Hart.State->X[0]);
    }

    [Fact]
    public void Jal_with_rd_x0_jumps_without_linking_and_jalr_reads_rs1_before_writing_rd()
    {
        // jalr a1, 0(a1): "the target address is obtained by adding the sign-extended 12-bit
        // I-immediate to the register rs1, then setting the least-significant bit to zero".
        using var h = Run([Jal(Zero, 8), 0, I("jalr", A1, A1, 1)], h => h[A1] = HartHarness.Base + 0x100, steps: 2);
        Assert.Equal(0u, h[Zero]);
        Assert.Equal(HartHarness.Base + 0x100, h.Hart.Pc);
        Assert.Equal(HartHarness.Base + 12, h[A1]);
    }

    [Fact]
    public void An_amo_with_rd_x0_still_writes_memory()
    {
        using var h = Run([Amo("amoadd.w", Zero, A2, A1)], h =>
        {
            h[A1] = 5;
            h[A2] = Word;
            h.WriteWord(Word, 0x2222_2222);
        });
        Assert.Equal(Golden.Line("rv32a.diff", "amoadd-x0")[0], h.ReadWord(Word));
    }

    [Fact]
    public void Lr_then_sc_to_the_same_word_succeeds_and_stores()
    {
        using var h = Run([Amo("lr.w", A3, A2, Zero), Amo("sc.w", A4, A2, A1)], h =>
        {
            h[A1] = 0x2222_2222;
            h[A2] = Word;
            h.WriteWord(Word, 0x1111_1111);
        });
        Assert.Equal(Golden.Line("rv32a.diff", "lr-sc"), new[] { h[A3], h[A4], h.ReadWord(Word) });
        Assert.Equal(0u, h[A4]);
    }

    [Fact]
    public void A_second_sc_fails_because_the_first_used_up_the_reservation()
    {
        using var h = Run([Amo("lr.w", A3, A2, Zero), Amo("sc.w", A4, A2, A1), Amo("sc.w", A4, A2, A5)], h =>
        {
            h[A1] = 0x2222_2222;
            h[A5] = 0x3333_3333;
            h[A2] = Word;
        });
        Assert.Equal(Golden.Line("rv32a.diff", "sc-again"), new[] { h[A4], h.ReadWord(Word) });
    }

    [Fact]
    public void Sc_to_another_word_than_the_reserved_one_fails_and_does_not_store()
    {
        using var h = Run([Amo("lr.w", A3, A2, Zero), Amo("sc.w", A4, A5, A1)], h =>
        {
            h[A1] = 0x4444_4444;
            h[A2] = Word;
            h[A5] = Other;
            h.WriteWord(Word, 0x2222_2222);
            h.WriteWord(Other, 0x1111_1111);
        });
        Assert.Equal(Golden.Line("rv32a.diff", "sc-other-word"), new[] { h[A3], h[A4], h.ReadWord(Other) });
    }

    [Fact]
    public void A_later_lr_moves_the_reservation_away_from_the_first_word()
    {
        using var h = Run([Amo("lr.w", A3, A2, Zero), Amo("lr.w", A4, A5, Zero), Amo("sc.w", T0, A2, A1)], h =>
        {
            h[A1] = 0x5555_5555;
            h[A2] = Word;
            h[A5] = Other;
            h.WriteWord(Word, 0x2222_2222);
            h.WriteWord(Other, 0x1111_1111);
        });
        Assert.Equal(Golden.Line("rv32a.diff", "lr-lr-sc-first"), new[] { h[A3], h[A4], h[T0], h.ReadWord(Word) });
    }

    [Fact]
    public void A_later_lr_moves_the_reservation_to_the_second_word()
    {
        using var h = Run([Amo("lr.w", A3, A2, Zero), Amo("lr.w", A4, A5, Zero), Amo("sc.w", T0, A5, A1)], h =>
        {
            h[A1] = 0x6666_6666;
            h[A2] = Word;
            h[A5] = Other;
            h.WriteWord(Word, 0x2222_2222);
            h.WriteWord(Other, 0x1111_1111);
        });
        Assert.Equal(Golden.Line("rv32a.diff", "lr-lr-sc-second"), new[] { h[A3], h[A4], h[T0], h.ReadWord(Other) });
    }

    [Fact]
    public void Every_sc_ends_the_reservation_even_a_failing_one()
    {
        // "Regardless of success or failure, executing an SC.W instruction invalidates any
        // reservation held by this hart."
        using var h = Run([Amo("lr.w", A3, A2, Zero), Amo("sc.w", T0, A5, A1), Amo("sc.w", T1, A2, A1)], h =>
        {
            h[A1] = 9;
            h[A2] = Word;
            h[A5] = Other;
        });
        Assert.NotEqual(0u, h[T0]);
        Assert.NotEqual(0u, h[T1]);
        Assert.Equal(0u, h.ReadWord(Word));
    }

    [Fact]
    public void Sc_without_any_lr_fails()
    {
        using var h = Run([Amo("sc.w", A4, A2, A1)], h => { h[A1] = 9; h[A2] = Word; });
        Assert.NotEqual(0u, h[A4]);
        Assert.Equal(0u, h.ReadWord(Word));
    }

    [Fact]
    public void Amoswap_with_rd_equal_to_rs2_returns_the_old_word_and_stores_the_old_register()
    {
        using var h = Run([Amo("amoswap.w", A4, A2, A4)], h =>
        {
            h[A4] = 0x7777_7777;
            h[A2] = Word;
            h.WriteWord(Word, 0x2222_2227);
        });
        Assert.Equal(Golden.Line("rv32a.diff", "amoswap-rd-rs2"), new[] { h.ReadWord(Word), h[A4] });
    }
}
