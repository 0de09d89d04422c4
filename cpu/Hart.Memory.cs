using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using ToyMachine.Cpu.Isa;

namespace ToyMachine.Cpu;

/// <summary>One decoded instruction of the decode cache: 8 bytes.</summary>
[StructLayout(LayoutKind.Sequential, Size = 8)]
internal struct DecodedInstruction
{
    public Op Op;
    /// <summary>Destination register; <see cref="Hart.SinkRegister"/> when the encoding names x0.</summary>
    public byte Rd;
    /// <summary>rs1, or the 5-bit immediate of the csr*i instructions.</summary>
    public byte Rs1;
    /// <summary>rs2, or the shift amount of slli/srli/srai.</summary>
    public byte Rs2;
    /// <summary>The sign-extended immediate; the CSR number for CSR instructions; the raw
    /// instruction word for <see cref="Op.Illegal"/> (it becomes mtval).</summary>
    public int Imm;
}

/// <summary>One entry of the modelled TLB: a cached Sv32 leaf for one 4 KiB virtual page.</summary>
[StructLayout(LayoutKind.Sequential)]
internal struct TlbEntry
{
    /// <summary>The virtual page number, or <see cref="Hart.InvalidVpn"/>.</summary>
    public uint Vpn;
    /// <summary>Physical address of the 4 KiB page.</summary>
    public uint Physical;
    /// <summary>The leaf PTE's flag bits V R W X U G A D.</summary>
    public uint Flags;
    /// <summary>Physical address of the leaf PTE, for setting D on a later store.</summary>
    public uint PteAddress;
}

// Address translation and memory access. The modelled TLB is two direct-mapped tables of
// 64 entries (instruction and data), indexed by the low six bits of the virtual page
// number; an entry caches one 4 KiB page, even of a megapage. A miss costs the page walk's
// PTE reads (docs/cycle-model.md). satp writes and sfence.vma flush both tables. The same
// entries are the interpreter's fast path: a hit gives the physical page at once.
public sealed unsafe partial class Hart
{
    internal const int SinkRegister = 32;
    internal const uint InvalidVpn = 0xFFFF_FFFF;
    internal const int TlbEntries = 64;
    private const uint PageMask = 0xFFFF_F000;
    private const uint PageSize = 0x1000;
    /// <summary>Decoded slots of a page; each page has one more, a sentinel that stays
    /// <see cref="Op.NotDecoded"/> and marks a fall-through into the next page.</summary>
    private const int PageSlots = 1024;

    // PTE flag bits.
    internal const uint PteV = 1, PteR = 2, PteW = 4, PteX = 8, PteU = 16, PteG = 32, PteA = 64, PteD = 128;

    private TlbEntry* _itlb, _dtlb;

    /// <summary>RAM's host address and size, for the interpreter's fast paths.</summary>
    private byte* _ramBase;
    private uint _ramBytes;

    /// <summary>Per RAM page: its decoded instructions, or null if none were decoded.</summary>
    private DecodedInstruction** _decodedPages;
    /// <summary>Per RAM page: <see cref="PageHasCode"/> and <see cref="PageWatched"/>. A store
    /// to a page with any flag set calls <see cref="AfterStore"/>.</summary>
    private byte* _pageFlags;
    private const byte PageHasCode = 1, PageWatched = 2;
    private uint _watchOffset = uint.MaxValue;
    private Action<uint>? _watch;
    private uint _ramPages;
    /// <summary>Decoded instructions of the boot ROM (read-only, never invalidated).</summary>
    private DecodedInstruction* _romDecoded;

    // Translation mode, recomputed whenever privilege, mstatus or satp change.
    private bool _fetchTranslates, _dataTranslates;
    private Privilege _dataPriv;
    private byte* _loadAllowed, _storeAllowed, _fetchAllowed;

    // The page instructions are being fetched from: its virtual base (1 = none, which no
    // page base equals) and its decoded instructions.
    private uint _fetchVa = 1;
    private DecodedInstruction* _fetchPage;
    private uint _fetchPhysical;

    private void InitMemory()
    {
        _itlb = (TlbEntry*)NativeMemory.Alloc((nuint)(TlbEntries * sizeof(TlbEntry)));
        _dtlb = (TlbEntry*)NativeMemory.Alloc((nuint)(TlbEntries * sizeof(TlbEntry)));
        _ramPages = _ram.Size >> 12;
        _ramBase = _ram.Pointer;
        _ramBytes = _ram.Size;
        _decodedPages = (DecodedInstruction**)NativeMemory.AllocZeroed(_ramPages, (nuint)sizeof(void*));
        _pageFlags = (byte*)NativeMemory.AllocZeroed(_ramPages);
        _romDecoded = NewDecodedPage();
        _ram.ExternalWrite = InvalidateDecoded;
    }

    private void FreeMemory()
    {
        if (_decodedPages == null) return;
        for (uint i = 0; i < _ramPages; i++)
            if (_decodedPages[i] != null) NativeMemory.Free(_decodedPages[i]);
        NativeMemory.Free(_decodedPages);
        NativeMemory.Free(_pageFlags);
        NativeMemory.Free(_romDecoded);
        NativeMemory.Free(_itlb);
        NativeMemory.Free(_dtlb);
        _decodedPages = null;
    }

    private static DecodedInstruction* NewDecodedPage()
    {
        // Op.NotDecoded is 1: every slot starts "not decoded yet"; the sentinel after the
        // last one is never decoded (Execute recognises it by its address).
        var page = (DecodedInstruction*)NativeMemory.Alloc(PageSlots + 1, (nuint)sizeof(DecodedInstruction));
        for (int i = 0; i <= PageSlots; i++) page[i] = new DecodedInstruction { Op = Op.NotDecoded };
        return page;
    }

    /// <summary>Drops decoded instructions of a physical range written by DMA or a loader.</summary>
    private void InvalidateDecoded(uint physical, uint length)
    {
        if (length == 0) return;
        uint first = (physical - MemoryMap.RamBase) >> 2, last = (physical - MemoryMap.RamBase + length - 1) >> 2;
        for (uint w = first; w <= last; w++)
        {
            DecodedInstruction* page = _decodedPages[w >> 10];
            if (page != null) page[w & 1023].Op = Op.NotDecoded;
        }
    }

    /// <summary>Empties both TLBs (satp writes, sfence.vma) and forgets the fetch page.</summary>
    internal void FlushTlb()
    {
        for (int i = 0; i < TlbEntries; i++)
        {
            _itlb[i].Vpn = InvalidVpn;
            _dtlb[i].Vpn = InvalidVpn;
        }
        _fetchVa = 1;
    }

    /// <summary>sfence.vma rs1, rs2: with rs1 = x0 every page, otherwise the translations
    /// that the leaf PTE of the address in rs1 may have given. ASIDs are not modelled, so
    /// rs2 narrows nothing.</summary>
    /// <remarks>That leaf may be a megapage PTE, whose 4 KiB pieces sit in other TLB slots,
    /// so every entry of the address's 4 MiB region is dropped (for a 4 KiB page that is
    /// more than needed, which a fence may always do).</remarks>
    private void SfenceVma(int rs1)
    {
        if (rs1 == 0) { FlushTlb(); return; }
        uint vpn1 = State->X[rs1] >> 22;
        for (int k = 0; k < TlbEntries; k++)
        {
            if (_itlb[k].Vpn >> 10 == vpn1) _itlb[k].Vpn = InvalidVpn;
            if (_dtlb[k].Vpn >> 10 == vpn1) _dtlb[k].Vpn = InvalidVpn;
        }
        _fetchVa = 1;
    }

    /// <summary>Recomputes which accesses translate and which PTE flags each kind of access
    /// needs. "When MPRV=1, load and store memory addresses are translated and protected ...
    /// as though the current privilege mode were set to MPP."</summary>
    private void UpdateTranslationMode()
    {
        HartState* s = State;
        bool sv32 = (s->Satp & 0x8000_0000) != 0;
        _dataPriv = s->Priv == Privilege.Machine && (s->Mstatus & MstatusMprv) != 0
            ? (Privilege)((s->Mstatus & MstatusMpp) >> MstatusMppShift)
            : s->Priv;
        _fetchTranslates = sv32 && s->Priv != Privilege.Machine;
        _dataTranslates = sv32 && _dataPriv != Privilege.Machine;
        bool sum = (s->Mstatus & MstatusSum) != 0, mxr = (s->Mstatus & MstatusMxr) != 0;
        _loadAllowed = PermissionTables.Load(_dataPriv, sum, mxr);
        _storeAllowed = PermissionTables.Store(_dataPriv, sum);
        _fetchAllowed = PermissionTables.Fetch(s->Priv);
        _fetchVa = 1;
    }

    /// <summary>Kinds of memory access, for choosing fault causes.</summary>
    internal enum Access { Fetch, Load, Store }

    private static uint PageFaultCause(Access a) =>
        a switch { Access.Fetch => Cause.InstructionPageFault, Access.Load => Cause.LoadPageFault, _ => Cause.StorePageFault };

    private static uint AccessFaultCause(Access a) =>
        a switch { Access.Fetch => Cause.InstructionAccessFault, Access.Load => Cause.LoadAccessFault, _ => Cause.StoreAccessFault };

    /// <summary>Translates a virtual address for an access, through the TLB and on a miss
    /// the Sv32 page walk, setting A and D as needed. On failure the exception is raised
    /// (page fault, or access fault when a PTE lies outside RAM) and false returned.</summary>
    private bool Translate(uint va, Access access, out uint pa)
    {
        bool translates = access == Access.Fetch ? _fetchTranslates : _dataTranslates;
        if (!translates) { pa = va; return true; }

        uint vpn = va >> 12;
        TlbEntry* tlb = access == Access.Fetch ? _itlb : _dtlb;
        TlbEntry* e = tlb + (vpn & (TlbEntries - 1));
        byte* allowed = access switch { Access.Fetch => _fetchAllowed, Access.Load => _loadAllowed, _ => _storeAllowed };
        if (e->Vpn == vpn && allowed[e->Flags] != 0)
        {
            pa = e->Physical | (va & 0xFFF);
            return true;
        }
        // A hit that lacks only the D bit for a store sets D in the PTE, as the walk would,
        // if the PTE in memory is still the one cached: the update is "atomic with a check
        // that the PTE is unchanged" (4.3.2 step 7), so a PTE that software has since
        // changed, perhaps to an invalid one holding its own data, is walked again instead.
        if (e->Vpn == vpn && access == Access.Store && allowed[e->Flags | PteD] != 0)
        {
            uint* ptePointer = (uint*)(_ram.Pointer + (e->PteAddress - MemoryMap.RamBase));
            if ((*ptePointer & ~0x300u) == CachedPte(e))
            {
                *ptePointer |= PteD;
                e->Flags |= PteD;
                State->Cycle += CycleModel.PageWalkStep;
                pa = e->Physical | (va & 0xFFF);
                return true;
            }
        }
        // Anything else walks the table again: a miss, or a hit without permission (the
        // walk then sees the PTE as it is in memory now and faults if it still says no).
        return Walk(va, access, allowed, e, out pa);
    }

    /// <summary>The leaf PTE a TLB entry was filled from, without the software bits 9:8
    /// (the entry keeps only the flags and the page): a megapage leaf when the PTE address
    /// lies in the root table. A wrong guess only makes the caller walk again.</summary>
    private uint CachedPte(TlbEntry* e)
    {
        uint root = (State->Satp & 0x003F_FFFF) << 12;
        bool megapage = (e->PteAddress & PageMask) == root;
        return megapage ? (e->Physical >> 22) << 20 | e->Flags : (e->Physical >> 12) << 10 | e->Flags;
    }

    /// <summary>The Sv32 page walk of the privileged specification, section 4.3.2.</summary>
    private bool Walk(uint va, Access access, byte* allowed, TlbEntry* fill, out uint pa)
    {
        HartState* s = State;
        pa = 0;
        ulong a = (ulong)(s->Satp & 0x003F_FFFF) << 12;        // satp.PPN * PAGESIZE
        uint vpn1 = va >> 22, vpn0 = (va >> 12) & 0x3FF;
        for (int i = 1; i >= 0; i--)
        {
            // "Let pte be the value of the PTE at address a+va.vpn[i]×PTESIZE. If accessing
            // pte violates a PMA or PMP check, raise an access-fault exception."
            ulong pteAddress = a + (i == 1 ? vpn1 : vpn0) * 4;
            s->Cycle += CycleModel.PageWalkStep;
            if (pteAddress > uint.MaxValue || !_ram.Contains((uint)pteAddress, 4))
            {
                RaiseException(AccessFaultCause(access), va);
                return false;
            }
            uint* ptePointer = (uint*)(_ram.Pointer + ((uint)pteAddress - MemoryMap.RamBase));
            uint pte = *ptePointer;

            // "If pte.v = 0, or if pte.r = 0 and pte.w = 1, stop and raise a page-fault exception."
            if ((pte & PteV) == 0 || ((pte & PteR) == 0 && (pte & PteW) != 0)) break;

            if ((pte & (PteR | PteX)) == 0)
            {
                // A pointer to the next level: "Otherwise, let i = i−1. If i < 0, stop and
                // raise a page-fault exception."
                a = (ulong)(pte >> 10) << 12;
                continue;
            }

            // A leaf. "If i > 0 and pte.ppn[0] ≠ 0, this is a misaligned superpage; stop
            // and raise a page-fault exception."
            if (i == 1 && ((pte >> 10) & 0x3FF) != 0) break;

            // Permissions as the fast path sees them, with A and D as if already set:
            // "If pte.a = 0, or if the original memory access is a store and pte.d = 0",
            // the hardware sets them (Svadu behaviour).
            uint flags = pte & 0xFF;
            uint wanted = flags | PteA | (access == Access.Store ? PteD : 0);
            if (allowed[wanted] == 0) break;
            if (wanted != flags)
            {
                *ptePointer = pte | (wanted & (PteA | PteD));
                flags = wanted;
            }

            ulong physical = i == 1
                ? ((ulong)(pte >> 20) << 22) | ((ulong)vpn0 << 12)     // megapage: ppn[1], va.vpn[0]
                : (ulong)(pte >> 10) << 12;
            if (physical > uint.MaxValue)
            {
                RaiseException(AccessFaultCause(access), va);
                return false;
            }
            fill->Vpn = va >> 12;
            fill->Physical = (uint)physical;
            fill->Flags = flags;
            fill->PteAddress = (uint)pteAddress;
            pa = (uint)physical | (va & 0xFFF);
            return true;
        }
        RaiseException(PageFaultCause(access), va);
        return false;
    }

    /// <summary>A translation for the trace and debuggers: reads the page table without
    /// touching the TLB, the A/D bits or the cycle count.</summary>
    private bool TranslateQuietly(uint va, out uint pa)
    {
        pa = va;
        if (!_fetchTranslates) return true;
        ulong a = (ulong)(State->Satp & 0x003F_FFFF) << 12;
        for (int i = 1; i >= 0; i--)
        {
            ulong pteAddress = a + (i == 1 ? va >> 22 : (va >> 12) & 0x3FF) * 4;
            if (pteAddress > uint.MaxValue || !_ram.Contains((uint)pteAddress, 4)) return false;
            uint pte = *(uint*)(_ram.Pointer + ((uint)pteAddress - MemoryMap.RamBase));
            if ((pte & PteV) == 0) return false;
            if ((pte & (PteR | PteX)) == 0) { a = (ulong)(pte >> 10) << 12; continue; }
            ulong physical = i == 1 ? ((ulong)(pte >> 20) << 22) | (va & 0x003F_F000) : (ulong)(pte >> 10) << 12;
            pa = (uint)physical | (va & 0xFFF);
            return physical <= uint.MaxValue;
        }
        return false;
    }

    // ---- Instruction fetch ---------------------------------------------------------

    /// <summary>Makes the page holding pc the fetch page: translates it (instruction page
    /// fault), and finds its decoded instructions (instruction access fault outside RAM
    /// and the boot ROM). Returns false when it raised an exception instead.</summary>
    private bool SetFetchPage()
    {
        uint pc = State->Pc;
        if (!Translate(pc, Access.Fetch, out uint pa)) return false;
        uint pagePhysical = pa & PageMask;
        uint ramOffset = pagePhysical - MemoryMap.RamBase;
        if (ramOffset < _ram.Size)
        {
            uint index = ramOffset >> 12;
            if (_decodedPages[index] == null)
            {
                _decodedPages[index] = NewDecodedPage();
                _pageFlags[index] |= PageHasCode;
            }
            _fetchPage = _decodedPages[index];
        }
        else if (pagePhysical == MemoryMap.BootRomBase)
        {
            _fetchPage = _romDecoded;
        }
        else
        {
            RaiseException(Cause.InstructionAccessFault, pc);
            return false;
        }
        _fetchVa = pc & PageMask;
        _fetchPhysical = pagePhysical;
        return true;
    }

    /// <summary>Decodes the instruction at pc into its slot of the fetch page.</summary>
    private void DecodeAtPc(DecodedInstruction* slot)
    {
        uint pa = _fetchPhysical | (State->Pc & 0xFFF);
        uint ramOffset = pa - MemoryMap.RamBase;
        uint word;
        if (ramOffset < _ram.Size) word = *(uint*)(_ram.Pointer + ramOffset);
        else _bus.Read(pa, 4, out word);
        *slot = Decode(word);
    }

    /// <summary>Decodes one word for the decode cache.</summary>
    internal static DecodedInstruction Decode(uint word)
    {
        var def = Decoder.Find(word);
        if (def is null) return new DecodedInstruction { Op = Op.Illegal, Rd = SinkRegister, Imm = (int)word };
        int rd = Decoder.Rd(word);
        var d = new DecodedInstruction
        {
            Op = def.Op,
            Rd = (byte)(rd == 0 ? SinkRegister : rd),
            Rs1 = (byte)Decoder.Rs1(word),
            Rs2 = (byte)Decoder.Rs2(word),
        };
        d.Imm = def.Format switch
        {
            Format.I => Decoder.ImmI(word),
            Format.S => Decoder.ImmS(word),
            Format.B => Decoder.ImmB(word),
            Format.U => Decoder.ImmU(word),
            Format.J => Decoder.ImmJ(word),
            Format.Csr or Format.CsrImm => Decoder.CsrNumber(word),
            _ => 0,
        };
        return d;
    }

    // ---- Loads and stores: the complete (slow) path -------------------------------------

    /// <summary>Loads <paramref name="width"/> bytes (1, 2, 4) at a virtual address, zero
    /// extended. Misaligned addresses, page faults and access faults raise the exception
    /// and return false.</summary>
    internal bool Load(uint va, int width, out uint value)
    {
        value = 0;
        if ((va & (uint)(width - 1)) != 0) { RaiseException(Cause.LoadMisaligned, va); return false; }
        if (!Translate(va, Access.Load, out uint pa)) return false;
        uint ramOffset = pa - MemoryMap.RamBase;
        if (ramOffset < _ram.Size)
        {
            byte* p = _ram.Pointer + ramOffset;
            value = width switch { 1 => *p, 2 => *(ushort*)p, _ => *(uint*)p };
            return true;
        }
        State->Cycle += CycleModel.DeviceAccess;
        if (!_bus.Read(pa, width, out value)) { RaiseException(Cause.LoadAccessFault, va); return false; }
        _until = 0;     // a device read can change interrupt lines (UART RBR, PLIC claim)
        return true;
    }

    /// <summary>Stores the low <paramref name="width"/> bytes of a value at a virtual address.</summary>
    internal bool Store(uint va, int width, uint value)
    {
        if ((va & (uint)(width - 1)) != 0) { RaiseException(Cause.StoreMisaligned, va); return false; }
        if (!Translate(va, Access.Store, out uint pa)) return false;
        uint ramOffset = pa - MemoryMap.RamBase;
        if (ramOffset < _ram.Size)
        {
            StoreRam(ramOffset, width, value);
            return true;
        }
        State->Cycle += CycleModel.DeviceAccess;
        if (!_bus.Write(pa, width, value)) { RaiseException(Cause.StoreAccessFault, va); return false; }
        _until = 0;     // a device write can raise or lower lines, or power off
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private void StoreRam(uint ramOffset, int width, uint value)
    {
        byte* p = _ram.Pointer + ramOffset;
        switch (width)
        {
            case 1: *p = (byte)value; break;
            case 2: *(ushort*)p = (ushort)value; break;
            default: *(uint*)p = value; break;
        }
        if (_pageFlags[ramOffset >> 12] != 0) AfterStore(ramOffset);
    }

    /// <summary>A store reached a page with flags: drops the decoded copy of the word
    /// (self-modifying code) and reports a store to the watched word.</summary>
    private void AfterStore(uint ramOffset)
    {
        byte flags = _pageFlags[ramOffset >> 12];
        if ((flags & PageHasCode) != 0)
            _decodedPages[ramOffset >> 12][(ramOffset >> 2) & 1023].Op = Op.NotDecoded;
        if ((flags & PageWatched) != 0 && (ramOffset & ~3u) == _watchOffset)
        {
            _watch!(*(uint*)(_ram.Pointer + _watchOffset));
            _until = 0;
        }
    }

    /// <summary>Calls <paramref name="onStore"/> with the word's new value after every
    /// store by the hart to the RAM word at <paramref name="physical"/> (the HTIF
    /// <c>tohost</c> convention of bare-metal test programs). One word can be watched.</summary>
    public void WatchStores(uint physical, Action<uint> onStore)
    {
        if (!_ram.Contains(physical & ~3u, 4)) throw new ArgumentOutOfRangeException(nameof(physical), "not in RAM");
        _watchOffset = (physical & ~3u) - MemoryMap.RamBase;
        _watch = onStore;
        _pageFlags[_watchOffset >> 12] |= PageWatched;
    }

    /// <summary>Translates and checks an atomic access (lr.w, sc.w, AMOs) to RAM. AMOs and
    /// sc.w fault as stores, lr.w as a load; atomics outside RAM raise an access fault.</summary>
    private bool TranslateAtomic(uint va, Access access, out uint ramOffset)
    {
        ramOffset = 0;
        uint misaligned = access == Access.Load ? Cause.LoadMisaligned : Cause.StoreMisaligned;
        if ((va & 3) != 0) { RaiseException(misaligned, va); return false; }
        if (!Translate(va, access, out uint pa)) return false;
        ramOffset = pa - MemoryMap.RamBase;
        if (ramOffset >= _ram.Size) { RaiseException(AccessFaultCause(access), va); return false; }
        return true;
    }
}

/// <summary>For each privilege and mstatus setting, which PTE flag bytes allow an access
/// without a fault, with A (and for stores D) already set. Index: the PTE's low 8 bits.</summary>
internal static unsafe class PermissionTables
{
    // Layout: [kind][priv U/S][sum][mxr][256]
    private static readonly byte* Tables = Build();

    private static byte* Build()
    {
        var t = (byte*)NativeMemory.AllocZeroed(3 * 2 * 2 * 2 * 256);
        for (int kind = 0; kind < 3; kind++)
        for (int user = 0; user < 2; user++)
        for (int sum = 0; sum < 2; sum++)
        for (int mxr = 0; mxr < 2; mxr++)
        for (uint f = 0; f < 256; f++)
            t[Index(kind, user == 1, sum == 1, mxr == 1) + f] = Allowed(kind, user == 1, sum == 1, mxr == 1, f) ? (byte)1 : (byte)0;
        return t;
    }

    private static int Index(int kind, bool user, bool sum, bool mxr) =>
        ((((kind * 2) + (user ? 1 : 0)) * 2 + (sum ? 1 : 0)) * 2 + (mxr ? 1 : 0)) * 256;

    private static bool Allowed(int kind, bool user, bool sum, bool mxr, uint f)
    {
        bool v = (f & Hart.PteV) != 0, r = (f & Hart.PteR) != 0, w = (f & Hart.PteW) != 0, x = (f & Hart.PteX) != 0;
        bool u = (f & Hart.PteU) != 0, a = (f & Hart.PteA) != 0, d = (f & Hart.PteD) != 0;
        if (!v || !a || (!r && w)) return false;
        return kind switch
        {
            // Fetch: X, and U pages only from U-mode ("supervisor code may never execute
            // a page marked U", SUM notwithstanding).
            0 => x && (user ? u : !u),
            // Load: R, or X with MXR; S-mode reaches U pages only with SUM.
            1 => (r || (mxr && x)) && (user ? u : (!u || sum)),
            // Store: W and D.
            _ => w && d && (user ? u : (!u || sum)),
        };
    }

    public static byte* Fetch(Privilege p) => Tables + Index(0, p == Privilege.User, false, false);
    public static byte* Load(Privilege p, bool sum, bool mxr) => Tables + Index(1, p == Privilege.User, sum, mxr);
    public static byte* Store(Privilege p, bool sum) => Tables + Index(2, p == Privilege.User, sum, false);
}
