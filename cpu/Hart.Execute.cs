using System.Runtime.CompilerServices;
using ToyMachine.Cpu.Isa;

namespace ToyMachine.Cpu;

// The interpreter. Instructions are decoded once into the decode cache (one 8-byte
// DecodedInstruction per word of a physical page) and run from there. The loop keeps pc,
// cycle and instret in locals; anything beyond the common cases (a TLB miss, a device
// access, a CSR, a trap) saves them, runs ExecuteSlow, and reloads them.
//
// Interrupts stay precise because the loop stops at `until`, which the machine sets to
// the cycle of the next device or timer event, and which every slow path that can change
// interrupt state lowers to 0.
public sealed unsafe partial class Hart
{
    /// <summary>Runs instructions until the cycle count reaches <paramref name="until"/>,
    /// or earlier when something needs the machine's attention (an interrupt may be
    /// pending, a device was written, <c>wfi</c> sleeps, a trap was taken).</summary>
    public void Execute(ulong until)
    {
        if (WaitingForInterrupt) return;
        // Only what every instruction touches lives in locals (so that the JIT keeps it in
        // registers); loads and stores read the memory state from fields.
        HartState* s = State;
        uint* x = s->X;
        _until = until;

        uint pc = s->Pc;
        ulong cycle = s->Cycle, instret = s->Instret;
        uint fetchVa = _fetchVa;
        DecodedInstruction* page = _fetchPage;
        DecodedInstruction* d;
        uint va, off;

        // pc lives in `pc` only after a control transfer; while execution runs straight on,
        // the slot pointer `d` stands for it (PcOf), and the sentinel slot after a page's last
        // one sends a fall-through into the next page back here. The budget is checked
        // before every instruction, before the fetch of a new page consults the TLB.
    Resync:
        if (cycle >= until) goto ExitAtPc;
    PageCheck:
        if ((pc & PageMask) != fetchVa) goto Refetch;
        d = page + ((pc >> 2) & 1023);
        goto Dispatch;
    Next:
        if (cycle >= until) goto ExitAtSlot;
    Dispatch:
            switch (d->Op)
            {
                case Op.NotDecoded:
                    if (d == page + PageSlots)
                    {
                        // The sentinel: execution ran off the end of the page.
                        pc = fetchVa + PageSize;
                        goto PageCheck;
                    }
                    s->Cycle = cycle; s->Instret = instret;
                    DecodeAt(d, PcOf(d, page, fetchVa));
                    cycle = s->Cycle; instret = s->Instret;
                    goto Dispatch;

                // ---- Upper immediates -------------------------------------------------
                case Op.Lui:    // "LUI places the U-immediate value in the top 20 bits of rd"
                    x[d->Rd] = (uint)d->Imm; d++; cycle += CycleModel.Alu; instret++; goto Next;
                case Op.Auipc:  // "AUIPC adds the U-immediate to the address of the AUIPC instruction"
                    x[d->Rd] = PcOf(d, page, fetchVa) + (uint)d->Imm; d++; cycle += CycleModel.Alu; instret++; goto Next;

                // ---- Jumps: a target that is not 4-byte aligned raises
                // instruction-address-misaligned on the jump (handled in the slow path).
                case Op.Jal:    // rd = pc + 4; pc += imm
                {
                    uint here = PcOf(d, page, fetchVa), target = here + (uint)d->Imm;
                    if ((target & 3) != 0) goto Slow;
                    x[d->Rd] = here + 4; pc = target; cycle += CycleModel.Jump; instret++; goto Resync;
                }
                case Op.Jalr:   // target = (rs1 + imm) with bit 0 cleared; rd = pc + 4
                {
                    uint target = (x[d->Rs1] + (uint)d->Imm) & ~1u;
                    if ((target & 3) != 0) goto Slow;
                    x[d->Rd] = PcOf(d, page, fetchVa) + 4; pc = target; cycle += CycleModel.Jump; instret++; goto Resync;
                }

                // ---- Branches -------------------------------------------------------------
                case Op.Beq:  if (x[d->Rs1] == x[d->Rs2]) goto Taken; goto NotTaken;
                case Op.Bne:  if (x[d->Rs1] != x[d->Rs2]) goto Taken; goto NotTaken;
                case Op.Blt:  if ((int)x[d->Rs1] < (int)x[d->Rs2]) goto Taken; goto NotTaken;
                case Op.Bge:  if ((int)x[d->Rs1] >= (int)x[d->Rs2]) goto Taken; goto NotTaken;
                case Op.Bltu: if (x[d->Rs1] < x[d->Rs2]) goto Taken; goto NotTaken;
                case Op.Bgeu: if (x[d->Rs1] >= x[d->Rs2]) goto Taken; goto NotTaken;

                // ---- Loads: fast when the address is aligned, translates through a TLB
                // hit with permission, and lands in RAM; anything else takes the slow path.
                case Op.Lw:
                    va = x[d->Rs1] + (uint)d->Imm;
                    if ((va & 3) != 0) goto Slow;
                    off = DataOffset(va, _loadAllowed);
                    if (off >= _ramBytes) goto Slow;
                    x[d->Rd] = *(uint*)(_ramBase + off); d++; cycle += CycleModel.Load; instret++; goto Next;
                case Op.Lh:
                    va = x[d->Rs1] + (uint)d->Imm;
                    if ((va & 1) != 0) goto Slow;
                    off = DataOffset(va, _loadAllowed);
                    if (off >= _ramBytes) goto Slow;
                    x[d->Rd] = (uint)*(short*)(_ramBase + off); d++; cycle += CycleModel.Load; instret++; goto Next;
                case Op.Lhu:
                    va = x[d->Rs1] + (uint)d->Imm;
                    if ((va & 1) != 0) goto Slow;
                    off = DataOffset(va, _loadAllowed);
                    if (off >= _ramBytes) goto Slow;
                    x[d->Rd] = *(ushort*)(_ramBase + off); d++; cycle += CycleModel.Load; instret++; goto Next;
                case Op.Lb:
                    off = DataOffset(x[d->Rs1] + (uint)d->Imm, _loadAllowed);
                    if (off >= _ramBytes) goto Slow;
                    x[d->Rd] = (uint)*(sbyte*)(_ramBase + off); d++; cycle += CycleModel.Load; instret++; goto Next;
                case Op.Lbu:
                    off = DataOffset(x[d->Rs1] + (uint)d->Imm, _loadAllowed);
                    if (off >= _ramBytes) goto Slow;
                    x[d->Rd] = _ramBase[off]; d++; cycle += CycleModel.Load; instret++; goto Next;

                // ---- Stores: as loads, and the decoded copy of the word written is dropped
                // (AfterStore, for pages with decoded code or the watched tohost word).
                case Op.Sw:
                    va = x[d->Rs1] + (uint)d->Imm;
                    if ((va & 3) != 0) goto Slow;
                    off = DataOffset(va, _storeAllowed);
                    if (off >= _ramBytes) goto Slow;
                    *(uint*)(_ramBase + off) = x[d->Rs2];
                    goto Stored;
                case Op.Sh:
                    va = x[d->Rs1] + (uint)d->Imm;
                    if ((va & 1) != 0) goto Slow;
                    off = DataOffset(va, _storeAllowed);
                    if (off >= _ramBytes) goto Slow;
                    *(ushort*)(_ramBase + off) = (ushort)x[d->Rs2];
                    goto Stored;
                case Op.Sb:
                    off = DataOffset(x[d->Rs1] + (uint)d->Imm, _storeAllowed);
                    if (off >= _ramBytes) goto Slow;
                    _ramBase[off] = (byte)x[d->Rs2];
                    goto Stored;

                // ---- Register-immediate -------------------------------------------------
                case Op.Addi:  x[d->Rd] = x[d->Rs1] + (uint)d->Imm; goto Alu;
                case Op.Slti:  x[d->Rd] = (int)x[d->Rs1] < d->Imm ? 1u : 0u; goto Alu;
                case Op.Sltiu: x[d->Rd] = x[d->Rs1] < (uint)d->Imm ? 1u : 0u; goto Alu;   // the immediate is sign-extended, then compared unsigned
                case Op.Xori:  x[d->Rd] = x[d->Rs1] ^ (uint)d->Imm; goto Alu;
                case Op.Ori:   x[d->Rd] = x[d->Rs1] | (uint)d->Imm; goto Alu;
                case Op.Andi:  x[d->Rd] = x[d->Rs1] & (uint)d->Imm; goto Alu;
                case Op.Slli:  x[d->Rd] = x[d->Rs1] << d->Rs2; goto Alu;                 // shamt = insn[24:20]
                case Op.Srli:  x[d->Rd] = x[d->Rs1] >> d->Rs2; goto Alu;
                case Op.Srai:  x[d->Rd] = (uint)((int)x[d->Rs1] >> d->Rs2); goto Alu;

                // ---- Register-register: shifts use the low five bits of rs2 ----------------
                case Op.Add:  x[d->Rd] = x[d->Rs1] + x[d->Rs2]; goto Alu;
                case Op.Sub:  x[d->Rd] = x[d->Rs1] - x[d->Rs2]; goto Alu;
                case Op.Sll:  x[d->Rd] = x[d->Rs1] << (int)(x[d->Rs2] & 31); goto Alu;
                case Op.Slt:  x[d->Rd] = (int)x[d->Rs1] < (int)x[d->Rs2] ? 1u : 0u; goto Alu;
                case Op.Sltu: x[d->Rd] = x[d->Rs1] < x[d->Rs2] ? 1u : 0u; goto Alu;
                case Op.Xor:  x[d->Rd] = x[d->Rs1] ^ x[d->Rs2]; goto Alu;
                case Op.Srl:  x[d->Rd] = x[d->Rs1] >> (int)(x[d->Rs2] & 31); goto Alu;
                case Op.Sra:  x[d->Rd] = (uint)((int)x[d->Rs1] >> (int)(x[d->Rs2] & 31)); goto Alu;
                case Op.Or:   x[d->Rd] = x[d->Rs1] | x[d->Rs2]; goto Alu;
                case Op.And:  x[d->Rd] = x[d->Rs1] & x[d->Rs2]; goto Alu;

                // ---- M -----------------------------------------------------------------------
                case Op.Mul:    x[d->Rd] = x[d->Rs1] * x[d->Rs2]; goto Mul;
                case Op.Mulh:   x[d->Rd] = (uint)((long)(int)x[d->Rs1] * (int)x[d->Rs2] >> 32); goto Mul;
                case Op.Mulhsu: x[d->Rd] = (uint)((long)(int)x[d->Rs1] * (long)x[d->Rs2] >> 32); goto Mul;
                case Op.Mulhu:  x[d->Rd] = (uint)((ulong)x[d->Rs1] * x[d->Rs2] >> 32); goto Mul;
                // "The quotient of division by zero has all bits set, and the remainder of
                // division by zero equals the dividend. Signed division overflow occurs only
                // when the most-negative integer is divided by −1. The quotient of a signed
                // division with overflow is equal to the dividend, and the remainder is zero."
                case Op.Div:
                {
                    int a = (int)x[d->Rs1], b = (int)x[d->Rs2];
                    x[d->Rd] = b == 0 ? uint.MaxValue : (a == int.MinValue && b == -1) ? (uint)a : (uint)(a / b);
                    goto Div;
                }
                case Op.Divu:
                {
                    uint a = x[d->Rs1], b = x[d->Rs2];
                    x[d->Rd] = b == 0 ? uint.MaxValue : a / b;
                    goto Div;
                }
                case Op.Rem:
                {
                    int a = (int)x[d->Rs1], b = (int)x[d->Rs2];
                    x[d->Rd] = b == 0 ? (uint)a : (a == int.MinValue && b == -1) ? 0u : (uint)(a % b);
                    goto Div;
                }
                case Op.Remu:
                {
                    uint a = x[d->Rs1], b = x[d->Rs2];
                    x[d->Rd] = b == 0 ? a : a % b;
                    goto Div;
                }

                // fence and fence.tso order memory; with one hart and no caches they only cost time.
                case Op.Fence:
                case Op.FenceTso:
                    d++; cycle += CycleModel.Fence; instret++; goto Next;

                default:
                    goto Slow;
            }

        Stored:
            d++; cycle += CycleModel.Store; instret++;
            if (_pageFlags[off >> 12] == 0) goto Next;
            // A page with decoded code or the watched word: the counters go through the
            // state across the call, so that they need not survive it in registers.
            s->Cycle = cycle; s->Instret = instret;
            AfterStore(off);
            cycle = s->Cycle; instret = s->Instret; until = _until;
            goto Next;
        Alu:
            d++; cycle += CycleModel.Alu; instret++; goto Next;
        Mul:
            d++; cycle += CycleModel.Mul; instret++; goto Next;
        Div:
            d++; cycle += CycleModel.Div; instret++; goto Next;
        Taken:
        {
            // pc is 4-byte aligned, so the target is misaligned exactly when the offset is.
            int offset = d->Imm;
            if ((offset & 3) != 0) goto Slow;
            cycle += CycleModel.Branch + CycleModel.BranchTaken; instret++;
            DecodedInstruction* target = d + (offset >> 2);
            if ((nuint)((byte*)target - (byte*)page) < PageSlots * (nuint)sizeof(DecodedInstruction))
            {
                d = target;             // within the page: no fetch, as before
                goto Next;
            }
            pc = PcOf(d, page, fetchVa) + (uint)offset;
            goto Resync;
        }
        NotTaken:
            d++; cycle += CycleModel.Branch; instret++; goto Next;

        Refetch:
            s->Pc = pc; s->Cycle = cycle; s->Instret = instret;
            bool fetched = SetFetchPage();
            pc = s->Pc; cycle = s->Cycle; instret = s->Instret;
            fetchVa = _fetchVa; page = _fetchPage; until = _until;
            if (!fetched) goto Resync;      // an exception moved pc to its handler
            d = page + ((pc >> 2) & 1023);
            goto Dispatch;

        Slow:
            s->Pc = PcOf(d, page, fetchVa); s->Cycle = cycle; s->Instret = instret;
            ExecuteSlow(d);
            pc = s->Pc; cycle = s->Cycle; instret = s->Instret;
            fetchVa = _fetchVa; page = _fetchPage; until = _until;
            goto Resync;

        ExitAtSlot:
            s->Pc = PcOf(d, page, fetchVa); s->Cycle = cycle; s->Instret = instret;
            return;
        ExitAtPc:
            s->Pc = pc; s->Cycle = cycle; s->Instret = instret;
    }

    /// <summary>The fast path of a load or store: the RAM offset of a virtual address that
    /// hits the data TLB with permission (or needs no translation); an offset past RAM
    /// (uint.MaxValue on a miss) sends the access to the slow path.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private uint DataOffset(uint va, byte* allowed)
    {
        if (_dataTranslates)
        {
            TlbEntry* e = _dtlb + ((va >> 12) & (TlbEntries - 1));
            if (e->Vpn != va >> 12 || allowed[e->Flags] == 0) return uint.MaxValue;
            va = e->Physical | (va & 0xFFF);
        }
        return va - MemoryMap.RamBase;
    }

    /// <summary>The guest address of a slot of the fetch page.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint PcOf(DecodedInstruction* d, DecodedInstruction* page, uint fetchVa) =>
        fetchVa + (uint)(((byte*)d - (byte*)page) >> 1);

    private void DecodeAt(DecodedInstruction* slot, uint pc)
    {
        State->Pc = pc;
        DecodeAtPc(slot);
    }

    /// <summary>The complete behaviour of every instruction the fast paths leave out:
    /// loads and stores that miss the TLB, fault or reach a device; atomics; CSRs; system
    /// instructions; jumps to misaligned targets; illegal encodings.</summary>
    private void ExecuteSlow(DecodedInstruction* d)
    {
        HartState* s = State;
        uint* x = s->X;
        uint pc = s->Pc;
        switch (d->Op)
        {
            case Op.Jal:
            case Op.Jalr:
            case Op.Beq: case Op.Bne: case Op.Blt: case Op.Bge: case Op.Bltu: case Op.Bgeu:
            {
                // The fast path found a taken jump or branch whose target is not 4-byte
                // aligned: "an instruction-address-misaligned exception is generated on a
                // taken branch or unconditional jump if the target address is not aligned".
                uint target = d->Op == Op.Jalr ? (x[d->Rs1] + (uint)d->Imm) & ~1u : pc + (uint)d->Imm;
                RaiseException(Cause.InstructionMisaligned, target);
                return;
            }

            case Op.Lb: case Op.Lh: case Op.Lw: case Op.Lbu: case Op.Lhu:
            {
                int width = d->Op is Op.Lw ? 4 : d->Op is Op.Lh or Op.Lhu ? 2 : 1;
                if (!Load(x[d->Rs1] + (uint)d->Imm, width, out uint value)) return;
                x[d->Rd] = d->Op switch { Op.Lb => (uint)(sbyte)value, Op.Lh => (uint)(short)value, _ => value };
                Retire(CycleModel.Load);
                return;
            }
            case Op.Sb: case Op.Sh: case Op.Sw:
            {
                int width = d->Op is Op.Sw ? 4 : d->Op is Op.Sh ? 2 : 1;
                if (!Store(x[d->Rs1] + (uint)d->Imm, width, x[d->Rs2])) return;
                Retire(CycleModel.Store);
                return;
            }

            case Op.LrW: case Op.ScW:
            case Op.AmoswapW: case Op.AmoaddW: case Op.AmoxorW: case Op.AmoandW: case Op.AmoorW:
            case Op.AmominW: case Op.AmomaxW: case Op.AmominuW: case Op.AmomaxuW:
                ExecuteAtomic(d);
                return;

            case Op.Csrrw: case Op.Csrrs: case Op.Csrrc:
            case Op.Csrrwi: case Op.Csrrsi: case Op.Csrrci:
                ExecuteCsr(d->Op, d->Rd, d->Rs1, d->Imm, RawWord(d));
                return;

            case Op.Ecall:
                // "ECALL ... generates an environment-call-from-x-mode exception".
                RaiseException(s->Priv switch
                {
                    Privilege.User => Cause.EcallFromU,
                    Privilege.Supervisor => Cause.EcallFromS,
                    _ => Cause.EcallFromM,
                }, 0);
                return;
            case Op.Ebreak:
                RaiseException(Cause.Breakpoint, pc);
                return;

            case Op.Mret:
                if (s->Priv != Privilege.Machine) { Illegal(d); return; }
                CountRetired(CycleModel.System);
                ReturnFromMachine();
                return;
            case Op.Sret:
                // "SRET ... raises an illegal instruction exception in U-mode, and in S-mode
                // when TSR=1".
                if (s->Priv == Privilege.User || (s->Priv == Privilege.Supervisor && (s->Mstatus & MstatusTsr) != 0))
                { Illegal(d); return; }
                CountRetired(CycleModel.System);
                ReturnFromSupervisor();
                return;
            case Op.Wfi:
                // WFI is illegal in U-mode, and below M-mode when TW=1 (the time limit is zero).
                if (s->Priv == Privilege.User || (s->Priv < Privilege.Machine && (s->Mstatus & MstatusTw) != 0))
                { Illegal(d); return; }
                Retire(CycleModel.Wfi);
                if (!InterruptPending) WaitingForInterrupt = true;
                _until = 0;
                return;
            case Op.SfenceVma:
                // Illegal in U-mode, and in S-mode when TVM=1.
                if (s->Priv == Privilege.User || (s->Priv == Privilege.Supervisor && (s->Mstatus & MstatusTvm) != 0))
                { Illegal(d); return; }
                SfenceVma(d->Rs1);
                Retire(CycleModel.Sfence);
                return;
            case Op.FenceI:
                // Stores already drop the decoded copies of what they overwrite, so the
                // instruction stream is always coherent; fence.i only costs time.
                Retire(CycleModel.FenceI);
                return;

            default:    // Op.Illegal
                Illegal(d);
                return;
        }
    }

    private void Illegal(DecodedInstruction* d) => RaiseException(Cause.IllegalInstruction, RawWord(d));

    /// <summary>The raw word of a decoded instruction (for mtval on illegal-instruction):
    /// kept in the slot for illegal encodings, re-read for the others.</summary>
    private uint RawWord(DecodedInstruction* d) =>
        d->Op == Op.Illegal ? (uint)d->Imm : PeekInstruction(State->Pc) ?? 0;

    /// <summary>Completes an instruction: pc moves on, its cycles are counted, it retires.</summary>
    private void Retire(int cycles)
    {
        State->Pc += 4;
        CountRetired(cycles);
    }

    private void CountRetired(int cycles)
    {
        State->Cycle += (ulong)cycles;
        State->Instret++;
    }

    /// <summary>lr.w, sc.w and the AMOs: "AMOs atomically load a data value from the address
    /// in rs1, place the value into register rd, apply a binary operator to the loaded value
    /// and the original value in rs2, then store the result back to the address in rs1."</summary>
    private void ExecuteAtomic(DecodedInstruction* d)
    {
        HartState* s = State;
        uint* x = s->X;
        uint va = x[d->Rs1];
        bool isLr = d->Op == Op.LrW;
        if (!TranslateAtomic(va, isLr ? Access.Load : Access.Store, out uint ramOffset)) return;
        uint* p = (uint*)(_ram.Pointer + ramOffset);
        uint physical = ramOffset + MemoryMap.RamBase;
        uint src = x[d->Rs2];

        switch (d->Op)
        {
            case Op.LrW:
                x[d->Rd] = *p;
                s->ReservationAddress = physical;
                s->ReservationValid = 1;
                break;
            case Op.ScW:
                // "SC.W conditionally writes a word in rs2 to the address in rs1: the SC.W
                // succeeds only if the reservation is still valid and the reservation set
                // contains the bytes being written ... writes zero to rd on success or a
                // nonzero code on failure." Any SC invalidates the reservation.
                if (s->ReservationValid != 0 && s->ReservationAddress == physical)
                {
                    StoreRam(ramOffset, 4, src);
                    x[d->Rd] = 0;
                }
                else x[d->Rd] = 1;
                s->ReservationValid = 0;
                break;
            default:
                uint old = *p;
                uint result = d->Op switch
                {
                    Op.AmoswapW => src,
                    Op.AmoaddW => old + src,
                    Op.AmoxorW => old ^ src,
                    Op.AmoandW => old & src,
                    Op.AmoorW => old | src,
                    Op.AmominW => (int)old < (int)src ? old : src,
                    Op.AmomaxW => (int)old > (int)src ? old : src,
                    Op.AmominuW => old < src ? old : src,
                    _ => old > src ? old : src,       // amomaxu.w
                };
                StoreRam(ramOffset, 4, result);
                x[d->Rd] = old;
                break;
        }
        Retire(CycleModel.Atomic);
    }
}
