using ToyMachine.Cpu.Devices;
using ToyMachine.Cpu.Isa;
using static ToyMachine.Cpu.Tests.Asm;
using P = ToyMachine.Cpu.Tests.Privileged.PrivilegedHarness;

namespace ToyMachine.Cpu.Tests.Privileged;

/// <summary>Interrupt priority, masking and delegation, privileged specification 1.12,
/// section 3.1.9 (mip and mie) and 4.1.3 (sip and sie). QEMU 7.2 takes simultaneous
/// interrupts lowest number first, so these rules are checked here rather than against it.</summary>
public unsafe class InterruptTests
{
    private const uint All = Interrupts.Meip | Interrupts.Msip | Interrupts.Mtip | Interrupts.Seip | Interrupts.Ssip | Interrupts.Stip;
    private const uint Mie = 1u << 3, Sie = 1u << 1;

    /// <summary>Makes all six interrupts pending: the M ones and SEIP through their lines
    /// (as the CLINT and PLIC drive them), SSIP and STIP through mip.</summary>
    private static void AllPending(P p)
    {
        p.Line(Interrupts.MachineExternal, true);
        p.Line(Interrupts.MachineSoftware, true);
        p.Line(Interrupts.MachineTimer, true);
        p.Line(Interrupts.SupervisorExternal, true);
        p.CsrSet(Csrs.Mip, Interrupts.Ssip | Interrupts.Stip);
    }

    private static void Clear(P p, uint cause)
    {
        int bit = (int)(cause & 0x1F);
        if (bit is Interrupts.SupervisorSoftware or Interrupts.SupervisorTimer) p.CsrClear(Csrs.Mip, 1u << bit);
        else p.Line(bit, false);
    }

    [Fact]
    public void Simultaneous_M_interrupts_are_taken_in_the_order_MEI_MSI_MTI_SEI_SSI_STI()
    {
        // 3.1.9: "Multiple simultaneous interrupts destined for M-mode are handled in the
        // following decreasing priority order: MEI, MSI, MTI, SEI, SSI, STI."
        using var p = new P();
        AllPending(p);
        p.Csrw(Csrs.Mie, All);
        var order = new List<uint>();
        for (int i = 0; i < 6; i++)
        {
            p.CsrSet(Csrs.Mstatus, Mie);
            Assert.True(p.Hart.TakePendingInterrupt());
            uint cause = p.S->Mcause;
            order.Add(cause & 0x1F);
            Assert.Equal(0x8000_0000u, cause & 0x8000_0000u);
            Clear(p, cause);
        }
        Assert.Equal([11u, 3, 7, 9, 1, 5], order);
        p.CsrSet(Csrs.Mstatus, Mie);
        Assert.False(p.Hart.TakePendingInterrupt());
    }

    [Fact]
    public void Delegated_interrupts_in_S_mode_are_taken_SEI_then_SSI_then_STI()
    {
        using var p = new P();
        p.Csrw(Csrs.Mideleg, Interrupts.Seip | Interrupts.Ssip | Interrupts.Stip);
        p.Csrw(Csrs.Mie, Interrupts.Seip | Interrupts.Ssip | Interrupts.Stip);
        p.Line(Interrupts.SupervisorExternal, true);
        p.CsrSet(Csrs.Mip, Interrupts.Ssip | Interrupts.Stip);
        p.CsrSet(Csrs.Mstatus, Sie);
        p.Enter(Privilege.Supervisor, P.Code);
        var order = new List<uint>();
        for (int i = 0; i < 3; i++)
        {
            Assert.True(p.Hart.TakePendingInterrupt());
            Assert.Equal(Privilege.Supervisor, p.S->Priv);
            order.Add(p.S->Scause & 0x1F);
            // Back in S with SIE set, the handler having cleared the source.
            p.S->Mstatus |= Sie;
            if ((p.S->Scause & 0x1F) == 9) p.Line(Interrupts.SupervisorExternal, false);
            else p.S->MipSoftware &= ~(1u << (int)(p.S->Scause & 0x1F));
        }
        Assert.Equal([9u, 1, 5], order);
    }

    [Fact]
    public void Interrupts_to_M_mode_take_priority_over_interrupts_to_S_mode()
    {
        // 3.1.9: "Interrupts to M-mode take priority over any interrupts to lower privilege
        // modes": an undelegated STI (to M) beats a delegated SEI (to S) while in S.
        using var p = new P();
        p.Csrw(Csrs.Mideleg, Interrupts.Seip);
        p.Csrw(Csrs.Mie, Interrupts.Seip | Interrupts.Stip);
        p.Line(Interrupts.SupervisorExternal, true);
        p.CsrSet(Csrs.Mip, Interrupts.Stip);
        p.CsrSet(Csrs.Mstatus, Sie);
        p.Enter(Privilege.Supervisor, P.Code);
        Assert.True(p.Hart.TakePendingInterrupt());
        Assert.Equal(Privilege.Machine, p.S->Priv);
        Assert.Equal(0x8000_0005u, p.S->Mcause);
        Assert.Equal(P.MachineVector, p.Hart.Pc);
    }

    [Theory]
    [InlineData(Privilege.Supervisor)]
    [InlineData(Privilege.User)]
    public void M_interrupts_are_taken_below_M_whatever_MIE_says(Privilege mode)
    {
        // 3.1.6.1: "Interrupts for higher-privilege modes, y>x, are always globally enabled
        // regardless of the setting of the global yIE bit for the higher-privilege mode."
        using var p = new P();
        p.Csrw(Csrs.Mie, Interrupts.Mtip);
        p.Line(Interrupts.MachineTimer, true);
        p.CsrClear(Csrs.Mstatus, Mie | 0x80);      // MIE = 0, and MPIE = 0 so mret leaves MIE 0
        p.Enter(mode, P.Code);
        Assert.Equal(0u, p.S->Mstatus & Mie);
        Assert.True(p.Hart.TakePendingInterrupt());
        Assert.Equal(0x8000_0007u, p.S->Mcause);
        Assert.Equal(P.Code, p.S->Mepc);
        Assert.Equal((uint)mode << 11, p.S->Mstatus & 0x1800);
    }

    [Fact]
    public void M_interrupt_in_M_mode_waits_for_MIE()
    {
        using var p = new P();
        p.Csrw(Csrs.Mie, Interrupts.Msip);
        p.Line(Interrupts.MachineSoftware, true);
        Assert.False(p.Hart.TakePendingInterrupt());
        p.CsrSet(Csrs.Mstatus, Mie);
        Assert.True(p.Hart.TakePendingInterrupt());
        Assert.Equal(0x8000_0003u, p.S->Mcause);
        // Trap entry: MPIE = the old MIE (1), MIE = 0, MPP = M.
        Assert.Equal(0x80u | 0x1800, p.S->Mstatus & (Mie | 0x80 | 0x1800));
    }

    [Fact]
    public void A_pending_interrupt_whose_mie_bit_is_clear_is_not_taken_in_any_mode()
    {
        using var p = new P();
        AllPending(p);
        p.Csrw(Csrs.Mie, 0);
        p.CsrSet(Csrs.Mstatus, Mie | Sie);
        Assert.False(p.Hart.TakePendingInterrupt());
        p.Enter(Privilege.User, P.Code);
        Assert.False(p.Hart.TakePendingInterrupt());
    }

    [Fact]
    public void Delegated_interrupts_are_never_taken_in_M_mode()
    {
        // 3.1.9: "interrupts ... delegated to S-mode ... are never taken" in M (an interrupt
        // traps to S only from S or U: "Interrupts for lower-privilege modes, w<x, are
        // always globally disabled").
        using var p = new P();
        p.Csrw(Csrs.Mideleg, Interrupts.Ssip);
        p.Csrw(Csrs.Mie, Interrupts.Ssip);
        p.CsrSet(Csrs.Mip, Interrupts.Ssip);
        p.CsrSet(Csrs.Mstatus, Mie | Sie);
        Assert.False(p.Hart.TakePendingInterrupt());
    }

    [Fact]
    public void Delegated_interrupt_in_S_mode_waits_for_SIE()
    {
        using var p = new P();
        p.Csrw(Csrs.Mideleg, Interrupts.Ssip);
        p.Csrw(Csrs.Mie, Interrupts.Ssip);
        p.CsrSet(Csrs.Mip, Interrupts.Ssip);
        p.Enter(Privilege.Supervisor, P.Code);
        Assert.False(p.Hart.TakePendingInterrupt());
        p.S->Mstatus |= Sie;
        Assert.True(p.Hart.TakePendingInterrupt());
        Assert.Equal(Privilege.Supervisor, p.S->Priv);
        Assert.Equal(0x8000_0001u, p.S->Scause);
        Assert.Equal(P.Code, p.S->Sepc);
        // SPIE = 1 (SIE was set), SIE = 0, SPP = S.
        Assert.Equal(0x20u | 0x100, p.S->Mstatus & (Sie | 0x20 | 0x100));
        Assert.Equal(P.SupervisorVector, p.Hart.Pc);
    }

    [Fact]
    public void Delegated_interrupt_is_taken_in_U_mode_whatever_SIE_says()
    {
        // 4.1.1: "When the hart is running in user-mode, the value in SIE is ignored, and
        // supervisor-level interrupts are enabled."
        using var p = new P();
        p.Csrw(Csrs.Mideleg, Interrupts.Stip);
        p.Csrw(Csrs.Mie, Interrupts.Stip);
        p.CsrSet(Csrs.Mip, Interrupts.Stip);
        p.Enter(Privilege.User, P.Code);
        Assert.True(p.Hart.TakePendingInterrupt());
        Assert.Equal(Privilege.Supervisor, p.S->Priv);
        Assert.Equal(0x8000_0005u, p.S->Scause);
        Assert.Equal(0u, p.S->Mstatus & 0x100);    // SPP = U
    }

    [Fact]
    public void Vectored_stvec_sends_an_interrupt_to_base_plus_four_times_the_cause()
    {
        using var p = new P();
        p.Csrw(Csrs.Stvec, P.SupervisorVector | 1);
        p.Csrw(Csrs.Mideleg, Interrupts.Seip);
        p.Csrw(Csrs.Mie, Interrupts.Seip);
        p.Line(Interrupts.SupervisorExternal, true);
        p.Enter(Privilege.User, P.Code);
        Assert.True(p.Hart.TakePendingInterrupt());
        Assert.Equal(P.SupervisorVector + 4 * 9, p.Hart.Pc);
    }

    [Fact]
    public void Vectored_stvec_sends_exceptions_to_base()
    {
        using var p = new P();
        p.Csrw(Csrs.Stvec, P.SupervisorVector | 1);
        p.Csrw(Csrs.Medeleg, 1u << 8);
        p.Enter(Privilege.User, P.Code);
        p.One(Fixed("ecall"));
        Assert.Equal(8u, p.S->Scause);
        Assert.Equal(P.SupervisorVector, p.Hart.Pc);
    }

    [Fact]
    public void Sip_shows_and_sie_enables_only_delegated_interrupts()
    {
        // 4.1.3: "Bits of sip and sie corresponding to interrupts not delegated are read-only zero."
        using var p = new P();
        p.CsrSet(Csrs.Mip, Interrupts.Ssip | Interrupts.Stip);
        p.Csrw(Csrs.Mie, Interrupts.Ssip | Interrupts.Stip);
        Assert.Equal(0u, p.Csrr(Csrs.Sip));
        Assert.Equal(0u, p.Csrr(Csrs.Sie));
        p.Csrw(Csrs.Mideleg, Interrupts.Stip);
        Assert.Equal(Interrupts.Stip, p.Csrr(Csrs.Sip));
        Assert.Equal(Interrupts.Stip, p.Csrr(Csrs.Sie));
        p.Csrw(Csrs.Sie, 0);
        Assert.Equal(Interrupts.Ssip, p.Csrr(Csrs.Mie));   // the undelegated enable is untouched
    }

    [Fact]
    public void Wfi_ends_when_an_enabled_interrupt_is_pending_even_if_globally_disabled()
    {
        // 3.3.3: WFI resumes "if any enabled interrupt is pending... regardless of the
        // global interrupt enable"; with MIE = 0 execution continues after the wfi.
        using var p = new P();
        p.Csrw(Csrs.Mie, Interrupts.Mtip);
        p.Run(P.Code, [Fixed("wfi")]);
        Assert.True(p.Hart.WaitingForInterrupt);
        p.Line(Interrupts.MachineTimer, true);
        Assert.True(p.Hart.InterruptPendingAndEnabled);
        Assert.False(p.Hart.TakePendingInterrupt());
        Assert.Equal(P.Code + 4, p.Hart.Pc);
    }
}
