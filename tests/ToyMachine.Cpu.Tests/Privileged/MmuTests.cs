using ToyMachine.Cpu.Isa;
using static ToyMachine.Cpu.Tests.Asm;
using P = ToyMachine.Cpu.Tests.Privileged.PrivilegedHarness;

namespace ToyMachine.Cpu.Tests.Privileged;

/// <summary>Sv32 (privileged 1.12, section 4.3) from S-mode, U-mode and M-mode with MPRV:
/// the walk's faults, A/D, and the TLB of docs/cpu.md (64 entries per side, direct-mapped,
/// flushed by sfence.vma and satp writes). vm.diff.s checks the common cases against QEMU;
/// these are the ones QEMU cannot be the reference for (the TLB) and the corners.</summary>
public unsafe class MmuTests
{
    private const uint Va = 0x4000_0000;
    private const uint Page1 = P.Base + 0x2_0000, Page2 = P.Base + 0x2_1000;
    private const uint Sum = 1 << 18, Mxr = 1 << 19, Mprv = 1 << 17;

    /// <summary>S-mode with Sv32 on, code identity-mapped, trapping to M.</summary>
    private static P InS()
    {
        var p = new P();
        p.EnableSv32();
        p.Enter(Privilege.Supervisor, P.Code);
        return p;
    }

    private static uint LoadWord(P p, uint va)
    {
        p[A1] = va;
        p[A3] = 0xDEAD_BEEF;
        p.One(I("lw", A3, A1, 0));
        return p[A3];
    }

    /// <summary>Goes back to S-mode at the code page after a trap into M.</summary>
    private static void BackToS(P p) => p.Enter(Privilege.Supervisor, P.Code);

    [Fact]
    public void A_stale_TLB_entry_is_used_until_sfence_vma_of_that_page()
    {
        // 4.2.1: without SFENCE.VMA, implicit reads of the page table may see old values:
        // our TLB keeps the old translation until it is flushed.
        using var p = InS();
        uint pte = p.MapPage(Va, Page1, P.V | P.R | P.A);
        p.WriteWord(Page1, 111);
        p.WriteWord(Page2, 222);
        Assert.Equal(111u, LoadWord(p, Va));
        p.WriteWord(pte, (Page2 >> 12) << 10 | P.V | P.R | P.A);
        Assert.Equal(111u, LoadWord(p, Va));                     // stale
        p[A2] = Va + 0x40_0000;
        p.One(R("sfence.vma", Zero, A2, Zero));                   // another 4 MiB region: still stale
        Assert.Equal(111u, LoadWord(p, Va));
        p[A2] = Va + 0x123;
        p.One(R("sfence.vma", Zero, A2, Zero));                   // rs1 = an address in the page
        Assert.Equal(222u, LoadWord(p, Va));
    }

    [Fact]
    public void Sfence_vma_of_one_address_in_a_megapage_flushes_the_whole_megapage()
    {
        // 4.2.1: with rs1 ≠ x0 the fence covers "the leaf page table entries corresponding to
        // the virtual address in rs1": for a megapage that one leaf maps all 4 MiB, so a
        // translation of any other 4 KiB page of it, cached earlier, must not survive.
        using var p = InS();
        const uint Mega = 0x4040_0000;
        p.MapMegapage(Mega, P.Base, P.V | P.R | P.A);
        p.WriteWord(P.Base + 0x1_1000, 111);
        Assert.Equal(111u, LoadWord(p, Mega + 0x1_1000));
        p.WriteWord(P.RootPte(Mega), 0);                          // unmapped now
        p[A2] = Mega;                                             // another 4 KiB page of it
        p.One(R("sfence.vma", Zero, A2, Zero));
        LoadWord(p, Mega + 0x1_1000);
        Assert.Equal(Hart.Cause.LoadPageFault, p.S->Mcause);
        Assert.Equal(Mega + 0x1_1000, p.S->Mtval);
    }

    [Fact]
    public void Sfence_vma_with_rs1_x0_flushes_every_page()
    {
        using var p = InS();
        uint pte = p.MapPage(Va, Page1, P.V | P.R | P.A);
        p.WriteWord(Page1, 111);
        p.WriteWord(Page2, 222);
        Assert.Equal(111u, LoadWord(p, Va));
        p.WriteWord(pte, (Page2 >> 12) << 10 | P.V | P.R | P.A);
        p.One(R("sfence.vma", Zero, Zero, Zero));
        Assert.Equal(222u, LoadWord(p, Va));
    }

    [Fact]
    public void A_satp_write_flushes_the_TLB()
    {
        using var p = InS();
        uint pte = p.MapPage(Va, Page1, P.V | P.R | P.A);
        p.WriteWord(Page1, 111);
        p.WriteWord(Page2, 222);
        Assert.Equal(111u, LoadWord(p, Va));
        p.WriteWord(pte, (Page2 >> 12) << 10 | P.V | P.R | P.A);
        p[A2] = p.S->Satp;
        p.One(Csr("csrrw", Zero, Csrs.Satp, A2));                 // the same value
        Assert.Equal(222u, LoadWord(p, Va));
    }

    [Fact]
    public void A_page_made_invalid_still_translates_until_the_flush_then_faults()
    {
        using var p = InS();
        uint pte = p.MapPage(Va, Page1, P.V | P.R | P.A);
        p.WriteWord(Page1, 111);
        Assert.Equal(111u, LoadWord(p, Va));
        p.WriteWord(pte, 0);
        Assert.Equal(111u, LoadWord(p, Va));
        p.One(R("sfence.vma", Zero, Zero, Zero));
        LoadWord(p, Va + 8);
        Assert.Equal(Hart.Cause.LoadPageFault, p.S->Mcause);
        Assert.Equal(Va + 8, p.S->Mtval);
    }

    [Fact]
    public void A_stale_instruction_translation_is_used_until_the_flush()
    {
        using var p = new P();
        p.EnableSv32();
        const uint CodeVa = 0x5000_0000;
        uint pte = p.MapPage(CodeVa, Page1, P.V | P.X | P.A);
        p.H.Load([I("addi", A3, Zero, 1)], Page1);
        p.H.Load([I("addi", A3, Zero, 2)], Page2);
        p.Enter(Privilege.Supervisor, CodeVa);
        p.H.Step();
        Assert.Equal(1u, p[A3]);
        p.WriteWord(pte, (Page2 >> 12) << 10 | P.V | P.X | P.A);
        p.Hart.Pc = CodeVa;
        p.H.Step();
        Assert.Equal(1u, p[A3]);                                  // the ITLB still says Page1
        p.One(R("sfence.vma", Zero, Zero, Zero));
        p.Hart.Pc = CodeVa;
        p.H.Step();
        Assert.Equal(2u, p[A3]);
    }

    [Fact]
    public void A_store_through_a_TLB_entry_without_D_sets_D_in_the_PTE()
    {
        // 4.3.1: the hardware sets D on the first store to a page (Svadu-style), also when the
        // translation was cached by an earlier load.
        using var p = InS();
        uint pte = p.MapPage(Va, Page1, P.V | P.R | P.W);
        LoadWord(p, Va);
        Assert.Equal(P.V | P.R | P.W | P.A, p.ReadWord(pte) & 0xFF);
        p[A1] = Va;
        p[A2] = 5;
        p.One(S("sw", A2, A1, 0));
        Assert.Equal(P.V | P.R | P.W | P.A | P.D, p.ReadWord(pte) & 0xFF);
        Assert.Equal(5u, p.ReadWord(Page1));
    }

    [Fact]
    public void Setting_D_for_a_cached_translation_rereads_the_PTE_and_never_marks_an_invalid_one()
    {
        // 4.3.2 step 7: the A/D update is atomic with a check that the PTE is still the one
        // walked ("compare pte to the value of the PTE at address a+va.vpn[i]×PTESIZE ...
        // if the comparison fails, return to step 2"). Software may keep its own data in an
        // invalid PTE (Linux keeps swap entries there): the hardware must not set D in it.
        using var p = InS();
        uint pte = p.MapPage(Va, Page1, P.V | P.R | P.W | P.A);
        LoadWord(p, Va);                                          // the TLB now holds the page, D clear
        const uint SwapEntry = 0x1234_5600;                       // V = 0, the rest is software's
        p.WriteWord(pte, SwapEntry);
        p[A1] = Va;
        p[A2] = 5;
        p.One(S("sw", A2, A1, 0));
        Assert.Equal(Hart.Cause.StorePageFault, p.S->Mcause);
        Assert.Equal(SwapEntry, p.ReadWord(pte));
        Assert.Equal(0u, p.ReadWord(Page1));
    }

    [Fact]
    public void A_store_to_a_megapage_cached_without_D_sets_D_in_the_megapage_PTE()
    {
        using var p = InS();
        const uint Mega = 0x4040_0000;
        p.MapMegapage(Mega, P.Base, P.V | P.R | P.W | P.A);
        LoadWord(p, Mega + 0x1_2000);
        ulong before = p.Hart.Cycles;
        p[A1] = Mega + 0x1_2000;
        p[A2] = 9;
        p.One(S("sw", A2, A1, 0));
        Assert.Equal(9u, p.ReadWord(P.Base + 0x1_2000));
        Assert.Equal((P.Base >> 12) << 10 | P.V | P.R | P.W | P.A | P.D, p.ReadWord(P.RootPte(Mega)));
        // docs/cycle-model.md: setting D on a hit costs one walk step.
        Assert.Equal((ulong)(CycleModel.Store + CycleModel.PageWalkStep), p.Hart.Cycles - before);
    }

    [Fact]
    public void Setting_D_for_a_cached_translation_whose_PTE_was_remapped_uses_the_new_PTE()
    {
        using var p = InS();
        uint pte = p.MapPage(Va, Page1, P.V | P.R | P.W | P.A);
        LoadWord(p, Va);
        p.WriteWord(pte, (Page2 >> 12) << 10 | P.V | P.R | P.W | P.A);
        p[A1] = Va;
        p[A2] = 5;
        p.One(S("sw", A2, A1, 0));
        Assert.Equal(5u, p.ReadWord(Page2));
        Assert.Equal(0u, p.ReadWord(Page1));
        Assert.Equal((Page2 >> 12) << 10 | P.V | P.R | P.W | P.A | P.D, p.ReadWord(pte));
    }

    [Fact]
    public void A_faulting_access_sets_neither_A_nor_D()
    {
        using var p = InS();
        uint pte = p.MapPage(Va, Page1, P.V | P.R);
        p[A1] = Va;
        p.One(S("sw", A2, A1, 0));
        Assert.Equal(Hart.Cause.StorePageFault, p.S->Mcause);
        Assert.Equal(P.V | P.R, p.ReadWord(pte) & 0xFF);
    }

    [Theory]
    [InlineData(P.V, "pointer at level 0")]                     // "If i < 0, stop and raise a page-fault"
    [InlineData(P.V | P.W, "W without R")]                      // "if pte.r = 0 and pte.w = 1 ... page-fault"
    [InlineData(P.V | P.W | P.X | P.A | P.D, "WX without R")]
    [InlineData(P.R | P.A, "V clear")]
    public void A_malformed_level_0_PTE_raises_a_page_fault(uint flags, string why)
    {
        using var p = InS();
        p.MapPage(Va, Page1, flags);
        LoadWord(p, Va + 4);
        Assert.True(p.S->Mcause == Hart.Cause.LoadPageFault, why);
        Assert.Equal(Va + 4, p.S->Mtval);
    }

    [Fact]
    public void A_megapage_leaf_with_ppn0_set_is_a_misaligned_superpage_fault()
    {
        // 4.3.2 step 6: "If i > 0 and pte.ppn[0] ≠ 0, this is a misaligned superpage; stop and
        // raise a page-fault exception."
        using var p = InS();
        p.MapMegapage(Va, P.Base + 0x1000, P.V | P.R | P.W | P.A | P.D);
        p[A1] = Va + 0x1234;
        p.One(S("sw", A2, A1, 0));
        Assert.Equal(Hart.Cause.StorePageFault, p.S->Mcause);
        Assert.Equal(Va + 0x1234, p.S->Mtval);
    }

    [Fact]
    public void A_megapage_passes_vpn0_and_the_offset_through()
    {
        using var p = InS();
        p.MapMegapage(Va, P.Base, P.V | P.R | P.A);
        p.WriteWord(P.Base + 0x2_3454, 0x600D);
        Assert.Equal(0x600Du, LoadWord(p, Va + 0x2_3454));
    }

    [Fact]
    public void A_page_table_outside_RAM_raises_an_access_fault_not_a_page_fault()
    {
        // 4.3.2 step 2: "If accessing pte violates a PMA or PMP check, raise an access-fault
        // exception corresponding to the original access type."
        using var p = InS();
        p.WriteWord(P.RootPte(Va), (0xF000_0000u >> 12) << 10 | P.V);
        LoadWord(p, Va);
        Assert.Equal(Hart.Cause.LoadAccessFault, p.S->Mcause);
        Assert.Equal(Va, p.S->Mtval);
    }

    [Fact]
    public void An_instruction_page_fault_has_the_fetch_address_in_mepc_and_mtval()
    {
        using var p = InS();
        p.MapPage(Va, Page1, P.V | P.R | P.A);                    // not executable
        p[A1] = Va + 0x10;
        p.One(I("jalr", Zero, A1, 0));
        p.H.Step();                                               // the fetch at the target
        Assert.Equal(Hart.Cause.InstructionPageFault, p.S->Mcause);
        Assert.Equal(Va + 0x10, p.S->Mepc);
        Assert.Equal(Va + 0x10, p.S->Mtval);
    }

    [Fact]
    public void S_mode_never_executes_a_U_page_even_with_SUM()
    {
        // 4.3.1: "Irrespective of SUM, the supervisor may not execute code on pages with U=1."
        using var p = new P();
        p.EnableSv32();
        p.MapPage(Va, Page1, P.V | P.R | P.X | P.U | P.A);
        p.CsrSet(Csrs.Mstatus, Sum);
        p.Enter(Privilege.Supervisor, P.Code);
        p[A1] = Va;
        p.One(I("jalr", Zero, A1, 0));
        p.H.Step();                                               // the fetch at the target
        Assert.Equal(Hart.Cause.InstructionPageFault, p.S->Mcause);
    }

    [Fact]
    public void SUM_lets_S_mode_load_and_store_U_pages()
    {
        using var p = InS();
        uint pte = p.MapPage(Va, Page1, P.V | P.R | P.W | P.U | P.A | P.D);
        LoadWord(p, Va);
        Assert.Equal(Hart.Cause.LoadPageFault, p.S->Mcause);
        p.CsrSet(Csrs.Mstatus, Sum);
        BackToS(p);
        p.WriteWord(Page1, 42);
        Assert.Equal(42u, LoadWord(p, Va));
        _ = pte;
    }

    [Fact]
    public void MXR_makes_execute_only_pages_readable_but_not_writable()
    {
        using var p = InS();
        p.MapPage(Va, Page1, P.V | P.X | P.A | P.D);
        p.WriteWord(Page1, 7);
        LoadWord(p, Va);
        Assert.Equal(Hart.Cause.LoadPageFault, p.S->Mcause);
        p.CsrSet(Csrs.Mstatus, Mxr);
        BackToS(p);
        Assert.Equal(7u, LoadWord(p, Va));
        p[A1] = Va;
        p.One(S("sw", A2, A1, 0));
        Assert.Equal(Hart.Cause.StorePageFault, p.S->Mcause);
    }

    [Fact]
    public void U_mode_may_only_touch_U_pages()
    {
        using var p = new P();
        p.EnableSv32();
        const uint UCode = 0x5000_0000;
        p.MapPage(UCode, Page2, P.V | P.R | P.X | P.U | P.A);
        p.MapPage(Va, Page1, P.V | P.R | P.W | P.A | P.D);        // supervisor page
        p.H.Load([I("lw", A3, A1, 0)], Page2);
        p.Enter(Privilege.User, UCode);
        p[A1] = Va;
        p.H.Step();
        Assert.Equal(Hart.Cause.LoadPageFault, p.S->Mcause);
        Assert.Equal(Va, p.S->Mtval);
        Assert.Equal(UCode, p.S->Mepc);
    }

    [Fact]
    public void MPRV_translates_M_mode_loads_as_MPP_but_not_fetches()
    {
        // 3.1.6.3: "When MPRV=1, load and store memory addresses are translated and protected,
        // and endianness is applied, as though the current privilege mode were set to MPP.
        // Instruction address-translation and protection are unaffected by the setting of MPRV."
        using var p = new P();
        p.EnableSv32();
        p.MapPage(Va, Page1, P.V | P.R | P.A);
        p.WriteWord(Page1, 0xAB);
        p.Csrw(Csrs.Mstatus, Mprv | 1u << 11);                    // MPP = S
        Assert.Equal(0xABu, LoadWord(p, Va));                     // M-mode code, fetched untranslated
        p.Csrw(Csrs.Mstatus, Mprv);                               // MPP = U: a supervisor page faults
        LoadWord(p, Va);
        Assert.Equal(Hart.Cause.LoadPageFault, p.S->Mcause);
        Assert.Equal(Va, p.S->Mtval);
    }

    [Fact]
    public void A_page_fault_delegated_to_S_puts_the_address_in_stval()
    {
        using var p = new P();
        p.Csrw(Csrs.Medeleg, 1u << 13 | 1u << 15 | 1u << 12);
        p.EnableSv32();
        p.Enter(Privilege.Supervisor, P.Code);
        LoadWord(p, 0x3000_0FFC);
        Assert.Equal(Privilege.Supervisor, p.S->Priv);
        Assert.Equal(Hart.Cause.LoadPageFault, p.S->Scause);
        Assert.Equal(0x3000_0FFCu, p.S->Stval);
        Assert.Equal(P.Code, p.S->Sepc);
        Assert.Equal(0u, p.S->Mcause);
    }

    [Fact]
    public void A_misaligned_load_to_an_unmapped_page_reports_misalignment_not_the_page_fault()
    {
        // Table 3.7: address-misaligned ranks above page faults for loads and stores.
        using var p = InS();
        LoadWord(p, 0x3000_0002);
        Assert.Equal(Hart.Cause.LoadMisaligned, p.S->Mcause);
    }
}
