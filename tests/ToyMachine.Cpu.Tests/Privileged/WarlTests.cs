using ToyMachine.Cpu.Isa;
using static ToyMachine.Cpu.Tests.Asm;
using P = ToyMachine.Cpu.Tests.Privileged.PrivilegedHarness;

namespace ToyMachine.Cpu.Tests.Privileged;

/// <summary>The WARL choices of docs/platform.md that csr.diff.s leaves out because QEMU 7.2
/// chooses otherwise, and the 64-bit counters.</summary>
public unsafe class WarlTests
{
    [Fact]
    public void Mstatus_MPP_written_with_the_reserved_2_keeps_its_old_value()
    {
        using var p = new P();
        p.Csrw(Csrs.Mstatus, 1u << 11);                           // MPP = S
        p.Csrw(Csrs.Mstatus, 2u << 11);
        Assert.Equal(1u << 11, p.Csrr(Csrs.Mstatus) & 0x1800);
    }

    [Theory]
    [InlineData(0x8000_0000u, 0x8000_0000u)]
    [InlineData(0x8000_0001u, 0x8000_0001u)]
    [InlineData(0x8000_0002u, 0x8000_0000u)]       // reserved mode 2 becomes direct
    [InlineData(0x8000_0003u, 0x8000_0001u)]       // reserved mode 3 becomes vectored
    public void Xtvec_reserved_modes_are_legalized_by_clearing_bit_1(uint written, uint read)
    {
        using var p = new P();
        p.Csrw(Csrs.Mtvec, written);
        p.Csrw(Csrs.Stvec, written);
        Assert.Equal(read, p.Csrr(Csrs.Mtvec));
        Assert.Equal(read, p.Csrr(Csrs.Stvec));
    }

    [Fact]
    public void Writes_to_misa_mstatush_and_the_PMP_registers_are_ignored()
    {
        using var p = new P();
        uint misa = p.Csrr(Csrs.Misa);
        Assert.Equal(0x4014_1101u, misa);                       // RV32, A I M S U
        p.Csrw(Csrs.Misa, 0);
        p.Csrw(Csrs.Mstatush, 0xFFFF_FFFF);
        p.Csrw(Csrs.Pmpcfg0, 0x1F);
        p.Csrw(Csrs.Pmpaddr0, 0xFFFF_FFFF);
        Assert.Equal(misa, p.Csrr(Csrs.Misa));
        Assert.Equal(0u, p.Csrr(Csrs.Mstatush));
        Assert.Equal(0u, p.Csrr(Csrs.Pmpcfg0));
        Assert.Equal(0u, p.Csrr(Csrs.Pmpaddr0));
    }

    [Fact]
    public void Minstret_carries_into_minstreth()
    {
        using var p = new P();
        p.Csrw(Csrs.Minstreth, 7);
        p.Csrw(Csrs.Minstret, 0xFFFF_FFFE);
        p.Run(P.Code, [I("addi", Zero, Zero, 0), I("addi", Zero, Zero, 0), Csr("csrrs", A3, Csrs.Minstreth, Zero), Csr("csrrs", A2, Csrs.Instreth, Zero)]);
        Assert.Equal(8u, p[A3]);
        Assert.Equal(8u, p[A2]);                                  // instreth shadows minstreth
    }

    [Fact]
    public void Mcycle_counts_on_from_the_value_written_and_cycle_shadows_it()
    {
        using var p = new P();
        p[A1] = 0x1000;
        p.Run(P.Code, [Csr("csrrw", Zero, Csrs.Mcycle, A1), Csr("csrrs", A3, Csrs.Mcycle, Zero), Csr("csrrs", A2, Csrs.Cycle, Zero)]);
        Assert.Equal(0x1000u, p[A3]);                             // the write is what the next instruction reads
        Assert.Equal(0x1000u + (uint)CycleModel.Csr, p[A2]);
    }

    [Fact]
    public void Sepc_and_mepc_keep_bit_0_and_1_clear_and_mcause_keeps_every_bit()
    {
        using var p = new P();
        p.Csrw(Csrs.Mcause, 0x8000_0123);
        Assert.Equal(0x8000_0123u, p.Csrr(Csrs.Mcause));
        p.Csrw(Csrs.Mepc, 0x8000_0006);
        Assert.Equal(0x8000_0004u, p.Csrr(Csrs.Mepc));
    }
}
