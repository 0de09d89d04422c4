using ToyMachine.Cpu.Isa;

namespace ToyMachine.Cpu;

/// <summary>What every instruction and event costs, in cycles. This is the one table of
/// the cycle model: the interpreter (and any later engine) charges exactly these, and
/// docs/cycle-model.md prints it. <c>mcycle</c> counts the sum.</summary>
public static class CycleModel
{
    /// <summary>Integer register/immediate operations, lui, auipc.</summary>
    public const int Alu = 1;
    /// <summary>A branch that is not taken.</summary>
    public const int Branch = 1;
    /// <summary>Extra cycles of a taken branch.</summary>
    public const int BranchTaken = 2;
    /// <summary>jal and jalr.</summary>
    public const int Jump = 2;
    /// <summary>A load that hits RAM.</summary>
    public const int Load = 2;
    /// <summary>A store that hits RAM.</summary>
    public const int Store = 2;
    /// <summary>mul, mulh, mulhsu, mulhu.</summary>
    public const int Mul = 3;
    /// <summary>div, divu, rem, remu.</summary>
    public const int Div = 20;
    /// <summary>lr.w, sc.w and the AMOs.</summary>
    public const int Atomic = 4;
    /// <summary>CSR instructions.</summary>
    public const int Csr = 2;
    /// <summary>fence and fence.tso.</summary>
    public const int Fence = 1;
    /// <summary>fence.i.</summary>
    public const int FenceI = 5;
    /// <summary>ecall, ebreak, mret, sret (the trap itself is charged separately).</summary>
    public const int System = 2;
    /// <summary>wfi itself; the idle cycles it skips are added on top.</summary>
    public const int Wfi = 1;
    /// <summary>sfence.vma.</summary>
    public const int Sfence = 5;

    /// <summary>Extra cycles of an access to a device register (anything outside RAM).</summary>
    public const int DeviceAccess = 10;
    /// <summary>Each page-table entry read by a page walk after a TLB miss (2 for a
    /// 4 KiB page, 1 for a megapage).</summary>
    public const int PageWalkStep = 5;
    /// <summary>Entering a trap handler (exception or interrupt).</summary>
    public const int TrapEntry = 5;

    /// <summary>Base cost of an instruction class.</summary>
    public static int BaseCost(CostClass c) => c switch
    {
        CostClass.Alu => Alu,
        CostClass.Branch => Branch,
        CostClass.Jump => Jump,
        CostClass.Load => Load,
        CostClass.Store => Store,
        CostClass.Mul => Mul,
        CostClass.Div => Div,
        CostClass.Atomic => Atomic,
        CostClass.Csr => Csr,
        CostClass.Fence => Fence,
        CostClass.FenceI => FenceI,
        CostClass.System => System,
        CostClass.Wfi => Wfi,
        CostClass.Sfence => Sfence,
        _ => throw new ArgumentOutOfRangeException(nameof(c)),
    };
}
