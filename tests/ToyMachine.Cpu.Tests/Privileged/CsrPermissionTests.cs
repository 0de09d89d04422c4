using ToyMachine.Cpu.Isa;
using static ToyMachine.Cpu.Tests.Asm;
using P = ToyMachine.Cpu.Tests.Privileged.PrivilegedHarness;

namespace ToyMachine.Cpu.Tests.Privileged;

/// <summary>CSR access rules (privileged 1.12, 2.1: "Attempts to access a CSR without
/// appropriate privilege level or to write a read-only register raise illegal instruction
/// exceptions"), the counter enables (3.1.11), and TVM, TW, TSR (3.1.6.5).</summary>
public unsafe class CsrPermissionTests
{
    private const uint Tvm = 1 << 20, Tw = 1 << 21, Tsr = 1 << 22;

    /// <summary>Runs one word in <paramref name="mode"/>; returns the cause of the trap it
    /// took (trapping to M), or null when it retired.</summary>
    private static uint? InMode(P p, Privilege mode, uint word)
    {
        if (mode != Privilege.Machine) p.Enter(mode, P.Code);
        p.S->Mcause = 0xDEAD;
        ulong retired = p.Hart.Instructions;
        p.One(word);
        if (p.Hart.Instructions == retired + 1) return null;
        Assert.Equal(Privilege.Machine, p.S->Priv);
        Assert.Equal(P.Code, p.S->Mepc);
        return p.S->Mcause;
    }

    [Theory]
    [InlineData(Privilege.Supervisor, Csrs.Mstatus)]
    [InlineData(Privilege.Supervisor, Csrs.Mscratch)]
    [InlineData(Privilege.Supervisor, Csrs.Mhartid)]
    [InlineData(Privilege.Supervisor, Csrs.Mcycle)]
    [InlineData(Privilege.User, Csrs.Sstatus)]
    [InlineData(Privilege.User, Csrs.Satp)]
    [InlineData(Privilege.User, Csrs.Mepc)]
    public void Reading_a_CSR_of_a_higher_mode_is_illegal_with_the_word_in_mtval(Privilege mode, int csr)
    {
        // csr[9:8] is the lowest privilege that may access the CSR.
        using var p = new P();
        uint word = Csr("csrrs", A3, csr, Zero);
        Assert.Equal(Hart.Cause.IllegalInstruction, InMode(p, mode, word));
        Assert.Equal(word, p.S->Mtval);
    }

    [Theory]
    [InlineData(Privilege.Supervisor, Csrs.Sstatus)]
    [InlineData(Privilege.Supervisor, Csrs.Sscratch)]
    [InlineData(Privilege.Supervisor, Csrs.Satp)]
    [InlineData(Privilege.Machine, Csrs.Sscratch)]
    public void A_mode_may_read_its_own_CSRs_and_those_below(Privilege mode, int csr)
    {
        using var p = new P();
        Assert.Null(InMode(p, mode, Csr("csrrs", A3, csr, Zero)));
    }

    [Theory]
    [InlineData("csrrw", A1)]       // any csrrw writes
    [InlineData("csrrs", A1)]       // rs1 != x0 writes, even when a1 holds 0
    [InlineData("csrrc", A1)]
    [InlineData("csrrwi", 0)]       // csrrwi writes even with uimm = 0
    [InlineData("csrrsi", 1)]
    public void Writing_a_read_only_CSR_is_illegal_even_when_the_value_would_not_change_it(string op, int rs1OrUimm)
    {
        // 2.1.1 (Zicsr): csrrs/csrrc with rs1 != x0 and csrrw always "write" the CSR, so they
        // raise illegal instruction on a read-only CSR (csr[11:10] = 3) whatever the value.
        using var p = new P();
        p[A1] = 0;
        Assert.Equal(Hart.Cause.IllegalInstruction, InMode(p, Privilege.Machine, Csr(op, A3, Csrs.Mhartid, rs1OrUimm)));
        Assert.Equal(Hart.Cause.IllegalInstruction, InMode(p, Privilege.Machine, Csr(op, A3, Csrs.Cycle, rs1OrUimm)));
    }

    [Theory]
    [InlineData("csrrs", Zero)]
    [InlineData("csrrc", Zero)]
    [InlineData("csrrsi", 0)]
    [InlineData("csrrci", 0)]
    public void Reading_a_read_only_CSR_with_set_or_clear_of_nothing_is_allowed(string op, int rs1OrUimm)
    {
        // "If rs1=x0 (or uimm=0), then the instruction will not write to the CSR at all".
        using var p = new P();
        Assert.Null(InMode(p, Privilege.Machine, Csr(op, A3, Csrs.Mvendorid, rs1OrUimm)));
    }

    [Fact]
    public void An_unimplemented_CSR_is_illegal_even_in_M_mode()
    {
        using var p = new P();
        Assert.Equal(Hart.Cause.IllegalInstruction, InMode(p, Privilege.Machine, Csr("csrrs", A3, 0x7C0, Zero)));
    }

    [Fact]
    public void Csrrw_with_rd_x0_writes_without_reading()
    {
        using var p = new P();
        p[A1] = 0x1234;
        Assert.Null(InMode(p, Privilege.Machine, Csr("csrrw", Zero, Csrs.Mscratch, A1)));
        Assert.Equal(0x1234u, p.Csrr(Csrs.Mscratch));
        Assert.Equal(0u, p[Zero]);
    }

    // ---- counters --------------------------------------------------------------------

    [Theory]
    [InlineData(Csrs.Cycle, 0)]
    [InlineData(Csrs.Time, 1)]
    [InlineData(Csrs.Instret, 2)]
    [InlineData(Csrs.Cycleh, 0)]
    [InlineData(Csrs.Timeh, 1)]
    [InlineData(Csrs.Instreth, 2)]
    public void S_mode_reads_a_counter_only_when_its_mcounteren_bit_is_set(int csr, int bit)
    {
        // 3.1.11: "When the CY, TM, IR, or HPMn bit in the mcounteren register is clear,
        // attempts to read the cycle, time, instret, or hpmcountern register while executing
        // in S-mode or U-mode will cause an illegal instruction exception."
        using var p = new P();
        p.Csrw(Csrs.Mcounteren, 0b111 & ~(1u << bit));
        Assert.Equal(Hart.Cause.IllegalInstruction, InMode(p, Privilege.Supervisor, Csr("csrrs", A3, csr, Zero)));
        p.Csrw(Csrs.Mcounteren, 1u << bit);
        Assert.Null(InMode(p, Privilege.Supervisor, Csr("csrrs", A3, csr, Zero)));
    }

    [Theory]
    [InlineData(0b001u, 0b001u, true)]
    [InlineData(0b001u, 0b000u, false)]     // scounteren clear
    [InlineData(0b000u, 0b001u, false)]     // mcounteren clear: scounteren alone is not enough
    public void U_mode_reads_cycle_only_when_both_mcounteren_and_scounteren_allow_it(uint mcounteren, uint scounteren, bool allowed)
    {
        // "When ... scounteren ... bit is clear, attempts to read ... while executing in U-mode
        // will cause an illegal instruction exception"; the mcounteren rule applies to U too.
        using var p = new P();
        p.Csrw(Csrs.Mcounteren, mcounteren);
        p.Csrw(Csrs.Scounteren, scounteren);
        var cause = InMode(p, Privilege.User, Csr("csrrs", A3, Csrs.Cycle, Zero));
        if (allowed) Assert.Null(cause);
        else Assert.Equal(Hart.Cause.IllegalInstruction, cause);
    }

    [Fact]
    public void The_counters_M_mode_reads_are_the_cycle_and_instruction_counts()
    {
        using var p = new P();
        p.Run(P.Code, [Csr("csrrs", A3, Csrs.Mcycle, Zero), Csr("csrrs", T1, Csrs.Minstret, Zero), Csr("csrrs", T2, Csrs.Time, Zero)]);
        // Each value is the count before the instruction that reads it.
        Assert.Equal(p.Hart.Instructions - 2, p[T1]);
        Assert.True(p[A3] < p.Hart.Cycles);
        Assert.Equal((uint)((p.Hart.Cycles - CycleModel.Csr) / 10), p[T2]);
    }

    [Fact]
    public void A_write_to_minstret_is_what_the_next_instruction_reads()
    {
        // 3.1.10: writes to minstret take effect after the writing instruction retires
        // ("the value written ... is the value read by the next instruction").
        using var p = new P();
        p[A1] = 1000;
        p.Run(P.Code, [Csr("csrrw", Zero, Csrs.Minstret, A1), Csr("csrrs", A3, Csrs.Minstret, Zero)]);
        Assert.Equal(1000u, p[A3]);
    }

    [Fact]
    public void Stimecmp_below_M_needs_STCE_and_mcounteren_TM()
    {
        // Sstc: "When STCE is 0, an attempt to access stimecmp ... in a mode other than M-mode
        // raises an illegal instruction exception"; mcounteren.TM also gates S-mode access.
        using var p = new P();
        uint read = Csr("csrrs", A3, Csrs.Stimecmp, Zero);
        p.Csrw(Csrs.Mcounteren, 0b010);
        Assert.Equal(Hart.Cause.IllegalInstruction, InMode(p, Privilege.Supervisor, read));
        p.Csrw(Csrs.Menvcfgh, 1u << 31);
        p.Csrw(Csrs.Mcounteren, 0);
        Assert.Equal(Hart.Cause.IllegalInstruction, InMode(p, Privilege.Supervisor, read));
        p.Csrw(Csrs.Mcounteren, 0b010);
        Assert.Null(InMode(p, Privilege.Supervisor, read));
    }

    // ---- TVM, TW, TSR ----------------------------------------------------------------

    [Theory]
    [InlineData(Tvm, "satp")]
    [InlineData(Tvm, "sfence.vma")]
    [InlineData(Tw, "wfi")]
    [InlineData(Tsr, "sret")]
    public void Trap_bits_make_the_instruction_illegal_in_S_mode_only(uint bit, string what)
    {
        using var p = new P();
        uint word = what switch
        {
            "satp" => Csr("csrrs", A3, Csrs.Satp, Zero),
            "sfence.vma" => R("sfence.vma", Zero, Zero, Zero),
            _ => Fixed(what),
        };
        p.CsrSet(Csrs.Mstatus, bit);
        Assert.Equal(Hart.Cause.IllegalInstruction, InMode(p, Privilege.Supervisor, word));
        Assert.Equal(word, p.S->Mtval);
        // In M-mode the bit changes nothing (the instruction retires).
        Assert.Null(InMode(p, Privilege.Machine, word));

        using var q = new P();
        if (what == "sret") q.CsrSet(Csrs.Mstatus, 1 << 8);    // SPP = S: sret stays in S
        Assert.Null(InMode(q, Privilege.Supervisor, word));
    }

    [Theory]
    [InlineData("mret", Privilege.Supervisor)]
    [InlineData("mret", Privilege.User)]
    [InlineData("sret", Privilege.User)]
    [InlineData("wfi", Privilege.User)]
    [InlineData("sfence.vma", Privilege.User)]
    public void Privileged_instructions_are_illegal_below_their_mode(string op, Privilege mode)
    {
        // wfi in U: docs/platform.md (the bounded time limit is zero).
        using var p = new P();
        uint word = op == "sfence.vma" ? R("sfence.vma", Zero, Zero, Zero) : Fixed(op);
        Assert.Equal(Hart.Cause.IllegalInstruction, InMode(p, mode, word));
    }
}
