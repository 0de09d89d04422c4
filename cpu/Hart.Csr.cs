using ToyMachine.Cpu.Devices;
using ToyMachine.Cpu.Isa;

namespace ToyMachine.Cpu;

// The control and status registers of machine.md: who may access each, and which bits
// of each can be written (the WARL masks). Any number not handled here is unimplemented
// and raises illegal-instruction.
public sealed unsafe partial class Hart
{
    // mstatus fields (RV32).
    internal const uint MstatusSie = 1u << 1, MstatusMie = 1u << 3;
    internal const uint MstatusSpie = 1u << 5, MstatusMpie = 1u << 7;
    internal const uint MstatusSpp = 1u << 8;
    internal const int MstatusMppShift = 11;
    internal const uint MstatusMpp = 3u << MstatusMppShift;
    internal const uint MstatusMprv = 1u << 17, MstatusSum = 1u << 18, MstatusMxr = 1u << 19;
    internal const uint MstatusTvm = 1u << 20, MstatusTw = 1u << 21, MstatusTsr = 1u << 22;

    /// <summary>The mstatus bits this machine implements; UBE, VS, FS, XS and SD read zero
    /// (no F or V extension, little-endian only).</summary>
    private const uint MstatusWritable = MstatusSie | MstatusMie | MstatusSpie | MstatusMpie | MstatusSpp
        | MstatusMpp | MstatusMprv | MstatusSum | MstatusMxr | MstatusTvm | MstatusTw | MstatusTsr;

    /// <summary>The mstatus bits sstatus shows and may write.</summary>
    private const uint SstatusMask = MstatusSie | MstatusSpie | MstatusSpp | MstatusSum | MstatusMxr;

    /// <summary>misa: MXL = 1 (RV32) and the extensions A, I, M, S, U.</summary>
    internal const uint MisaValue = 1u << 30 | 1u << ('A' - 'A') | 1u << ('I' - 'A') | 1u << ('M' - 'A')
        | 1u << ('S' - 'A') | 1u << ('U' - 'A');

    /// <summary>Exceptions that medeleg can delegate: all but ecall from M (bit 11) and the
    /// reserved causes 10 and 14.</summary>
    private const uint DelegableExceptions = 0b1011_0011_1111_1111;

    /// <summary>Interrupts that mideleg can delegate: the supervisor ones.</summary>
    private const uint DelegableInterrupts = Interrupts.Ssip | Interrupts.Stip | Interrupts.Seip;

    /// <summary>The interrupt-enable bits mie implements.</summary>
    private const uint ImplementedInterrupts = Interrupts.Ssip | Interrupts.Msip | Interrupts.Stip
        | Interrupts.Mtip | Interrupts.Seip | Interrupts.Meip;

    /// <summary>menvcfgh.STCE (bit 63 of menvcfg): enables stimecmp.</summary>
    internal const uint MenvcfghStce = 1u << 31;

    /// <summary>Counter-enable bits: CY, TM, IR.</summary>
    private const uint CounterEnableMask = 0b111;

    /// <summary>Executes a CSR instruction: checks access, reads, computes and writes.
    /// Returns false (having raised illegal-instruction) when the access is not allowed.</summary>
    /// <remarks>"If rd=x0, then the instruction shall not read the CSR" (csrrw, csrrwi);
    /// "if rs1=x0 (or uimm=0), then the instruction will not write to the CSR at all"
    /// (csrrs, csrrc and their immediate forms).</remarks>
    private bool ExecuteCsr(Op op, int rd, int rs1, int csr, uint word)
    {
        HartState* s = State;
        bool isSwap = op is Op.Csrrw or Op.Csrrwi;
        bool immediate = op is Op.Csrrwi or Op.Csrrsi or Op.Csrrci;
        uint source = immediate ? (uint)rs1 : s->X[rs1];
        bool writes = isSwap || rs1 != 0;
        bool reads = !isSwap || rd != SinkRegister;

        if (!CsrAccessible(csr, writes)) { RaiseException(Cause.IllegalInstruction, word); return false; }

        uint old = reads ? ReadCsr(csr) : 0;
        // Set and clear use the software-writable bits of mip as their base, not the
        // levels of the interrupt lines.
        uint rmwBase = csr == Csrs.Mip ? s->MipSoftware : csr == Csrs.Sip ? s->MipSoftware & s->Mideleg : old;
        uint value = op switch
        {
            Op.Csrrw or Op.Csrrwi => source,
            Op.Csrrs or Op.Csrrsi => rmwBase | source,
            _ => rmwBase & ~source,
        };

        // The instruction completes (its cost counted, it retires) before the write takes
        // effect, so a write to mcycle or minstret is what the next instruction reads.
        s->Cycle += CycleModel.Csr;
        s->Instret++;
        s->Pc += 4;
        if (writes) WriteCsr(csr, value);
        s->X[rd] = old;
        return true;
    }

    /// <summary>The access rules: "Attempts to access a CSR without appropriate privilege
    /// level or to write a read-only register raise illegal instruction exceptions."
    /// csr[11:10] = 3 marks read-only, csr[9:8] is the lowest privilege that may access it.</summary>
    private bool CsrAccessible(int csr, bool writes)
    {
        HartState* s = State;
        if (writes && (csr >> 10) == 0b11) return false;
        if ((uint)s->Priv < (uint)((csr >> 8) & 3)) return false;
        if (!CsrExists(csr)) return false;

        switch (csr)
        {
            case >= Csrs.Cycle and <= Csrs.Instret:
            case >= Csrs.Cycleh and <= Csrs.Instreth:
                // "When the CY, TM, or IR bit in the mcounteren register is clear, attempts
                // to read the cycle, time or instret register while executing in S-mode or
                // U-mode will cause an illegal instruction exception"; scounteren likewise for U.
                uint bit = 1u << (csr & 0x1F);
                if (s->Priv < Privilege.Machine && (s->Mcounteren & bit) == 0) return false;
                if (s->Priv == Privilege.User && (s->Scounteren & bit) == 0) return false;
                return true;
            case Csrs.Satp:
                // TVM: "attempts to read or write the satp CSR ... while executing in S-mode
                // will raise an illegal instruction exception".
                return !(s->Priv == Privilege.Supervisor && (s->Mstatus & MstatusTvm) != 0);
            case Csrs.Stimecmp or Csrs.Stimecmph:
                // Sstc: below M-mode, stimecmp needs menvcfg.STCE and mcounteren.TM.
                return s->Priv == Privilege.Machine
                    || ((s->Menvcfgh & MenvcfghStce) != 0 && (s->Mcounteren & 0b10) != 0);
            default:
                return true;
        }
    }

    private static bool CsrExists(int csr) =>
        Csrs.NameOf((uint)csr) is not null;

    /// <summary>Reads a CSR whose access was already checked.</summary>
    internal uint ReadCsr(int csr)
    {
        HartState* s = State;
        switch (csr)
        {
            case Csrs.Cycle or Csrs.Mcycle: return (uint)(s->Cycle + s->McycleOffset);
            case Csrs.Cycleh or Csrs.Mcycleh: return (uint)((s->Cycle + s->McycleOffset) >> 32);
            case Csrs.Instret or Csrs.Minstret: return (uint)(s->Instret + s->MinstretOffset);
            case Csrs.Instreth or Csrs.Minstreth: return (uint)((s->Instret + s->MinstretOffset) >> 32);
            case Csrs.Time: return (uint)(s->Cycle / MemoryMap.CyclesPerTick);
            case Csrs.Timeh: return (uint)(s->Cycle / MemoryMap.CyclesPerTick >> 32);

            case Csrs.Sstatus: return s->Mstatus & SstatusMask;
            case Csrs.Sie: return s->Mie & s->Mideleg;
            case Csrs.Stvec: return s->Stvec;
            case Csrs.Scounteren: return s->Scounteren;
            case Csrs.Sscratch: return s->Sscratch;
            case Csrs.Sepc: return s->Sepc;
            case Csrs.Scause: return s->Scause;
            case Csrs.Stval: return s->Stval;
            case Csrs.Sip: return Mip & s->Mideleg;
            case Csrs.Stimecmp: return (uint)s->Stimecmp;
            case Csrs.Stimecmph: return (uint)(s->Stimecmp >> 32);
            case Csrs.Satp: return s->Satp;

            case Csrs.Mvendorid or Csrs.Marchid or Csrs.Mimpid or Csrs.Mhartid: return 0;
            case Csrs.Mstatus: return s->Mstatus;
            case Csrs.Misa: return MisaValue;
            case Csrs.Medeleg: return s->Medeleg;
            case Csrs.Mideleg: return s->Mideleg;
            case Csrs.Mie: return s->Mie;
            case Csrs.Mtvec: return s->Mtvec;
            case Csrs.Mcounteren: return s->Mcounteren;
            case Csrs.Menvcfg: return s->Menvcfg;
            case Csrs.Menvcfgh: return s->Menvcfgh;
            case Csrs.Mstatush: return 0;               // MBE = SBE = 0: little-endian
            case Csrs.Mscratch: return s->Mscratch;
            case Csrs.Mepc: return s->Mepc;
            case Csrs.Mcause: return s->Mcause;
            case Csrs.Mtval: return s->Mtval;
            case Csrs.Mip: return Mip;
            default: return 0;                          // pmpcfg*, pmpaddr*, tselect, tdata*: no PMP, no triggers
        }
    }

    /// <summary>Writes a CSR whose access was already checked, keeping only the bits the
    /// register implements.</summary>
    internal void WriteCsr(int csr, uint value)
    {
        HartState* s = State;
        switch (csr)
        {
            case Csrs.Mcycle: s->McycleOffset = ((s->Cycle + s->McycleOffset) & 0xFFFF_FFFF_0000_0000ul | value) - s->Cycle; break;
            case Csrs.Mcycleh: s->McycleOffset = ((s->Cycle + s->McycleOffset) & 0xFFFF_FFFFul | (ulong)value << 32) - s->Cycle; break;
            case Csrs.Minstret: s->MinstretOffset = ((s->Instret + s->MinstretOffset) & 0xFFFF_FFFF_0000_0000ul | value) - s->Instret; break;
            case Csrs.Minstreth:
                // A write to minstreth is a write to minstret: it too suppresses the writing
                // instruction's own increment, so the low half keeps the value it had before
                // that instruction (which was already counted when this runs).
                s->MinstretOffset = ((s->Instret - 1 + s->MinstretOffset) & 0xFFFF_FFFFul | (ulong)value << 32) - s->Instret;
                break;

            case Csrs.Sstatus: WriteMstatus((s->Mstatus & ~SstatusMask) | (value & SstatusMask)); break;
            case Csrs.Sie: s->Mie = (s->Mie & ~s->Mideleg) | (value & s->Mideleg & ImplementedInterrupts); break;
            case Csrs.Stvec: s->Stvec = LegalTvec(value); break;
            case Csrs.Scounteren: s->Scounteren = value & CounterEnableMask; break;
            case Csrs.Sscratch: s->Sscratch = value; break;
            case Csrs.Sepc: s->Sepc = value & ~3u; break;
            case Csrs.Scause: s->Scause = value; break;
            case Csrs.Stval: s->Stval = value; break;
            case Csrs.Sip:
                // Of sip only SSIP is writable, and only when it is delegated.
                uint sipWritable = s->Mideleg & Interrupts.Ssip;
                s->MipSoftware = (s->MipSoftware & ~sipWritable) | (value & sipWritable);
                break;
            case Csrs.Stimecmp: s->Stimecmp = (s->Stimecmp & 0xFFFF_FFFF_0000_0000ul) | value; UpdateSupervisorTimer(); break;
            case Csrs.Stimecmph: s->Stimecmp = (s->Stimecmp & 0xFFFF_FFFFul) | (ulong)value << 32; UpdateSupervisorTimer(); break;
            case Csrs.Satp:
                s->Satp = value;
                FlushTlb();
                UpdateTranslationMode();
                break;

            case Csrs.Mstatus: WriteMstatus(value); break;
            case Csrs.Medeleg: s->Medeleg = value & DelegableExceptions; break;
            case Csrs.Mideleg: s->Mideleg = value & DelegableInterrupts; break;
            case Csrs.Mie: s->Mie = value & ImplementedInterrupts; break;
            case Csrs.Mtvec: s->Mtvec = LegalTvec(value); break;
            case Csrs.Mcounteren: s->Mcounteren = value & CounterEnableMask; break;
            case Csrs.Menvcfg: s->Menvcfg = value & 1; break;           // FIOM only
            case Csrs.Menvcfgh:
                s->Menvcfgh = value & MenvcfghStce;                      // STCE only
                if ((s->Menvcfgh & MenvcfghStce) != 0) UpdateSupervisorTimer();
                else SetExternalPending(Interrupts.Stip, false);
                break;
            case Csrs.Mscratch: s->Mscratch = value; break;
            case Csrs.Mepc: s->Mepc = value & ~3u; break;
            case Csrs.Mcause: s->Mcause = value; break;
            case Csrs.Mtval: s->Mtval = value; break;
            case Csrs.Mip:
                // SSIP, SEIP and (without Sstc) STIP are writable; MSIP, MTIP and MEIP
                // follow the CLINT and the PLIC.
                uint mipWritable = Interrupts.Ssip | Interrupts.Seip
                    | ((s->Menvcfgh & MenvcfghStce) == 0 ? Interrupts.Stip : 0);
                s->MipSoftware = (s->MipSoftware & ~mipWritable) | (value & mipWritable);
                break;
            // misa, mstatush, pmpcfg*, pmpaddr*: writes are ignored.
        }
        _until = 0;     // an interrupt may have become pending or enabled
    }

    /// <summary>mstatus keeps only the fields it implements; MPP is WARL over the modes that
    /// exist (M, S, U), so a write of the reserved value 2 leaves MPP as it was.</summary>
    private void WriteMstatus(uint value)
    {
        HartState* s = State;
        uint next = value & MstatusWritable;
        if (((next & MstatusMpp) >> MstatusMppShift) == 2)
            next = (next & ~MstatusMpp) | (s->Mstatus & MstatusMpp);
        s->Mstatus = next;
        UpdateTranslationMode();
    }

    /// <summary>xtvec MODE is 0 (direct) or 1 (vectored); the reserved modes 2 and 3 are
    /// legalized by clearing bit 1, as Spike does. BASE is 4-byte aligned.</summary>
    private static uint LegalTvec(uint value) => value & ~2u;
}
