# csr.diff.s -- the WARL masks: each CSR written with all ones, zero and the two
# alternating patterns, then read back: "csr written read". Golden from QEMU
# (csr.diff.qemu.out), build-diff.sh. Masks hide bits where QEMU 7.2 and docs/platform.md
# differ, each said where it is used.
    .include "diff.inc"

# W csr, value, mask: write value, print (value, read & mask)
    .macro W csr, value, mask=-1
    li t0, \value
    csrw \csr, t0
    csrr a4, \csr
    li t0, \mask
    and a4, a4, t0
    li a3, \value
    REPORT "\csr", 2
    .endm
    .macro PATTERNS csr, mask=-1
    W \csr, 0xffffffff, \mask
    W \csr, 0, \mask
    W \csr, 0x55555555, \mask
    W \csr, 0xaaaaaaaa, \mask
    .endm

    .text
    .globl _start
_start:
    la t0, trap
    csrw mtvec, t0
    li t0, 0x02004000               # mtimecmp all ones: no MTIP (QEMU resets it to 0)
    li t1, -1
    sw t1, 4(t0)
    sw t1, 0(t0)
    # PMP over everything (QEMU checks S and U accesses, and M ones under MPRV)
    li t0, -1
    csrw pmpaddr0, t0
    li t0, 0x1f
    csrw pmpcfg0, t0
    # mstatus: SD and VS (QEMU 7.2 keeps VS writable without V) masked; MPP is never
    # written with the reserved 2 (QEMU keeps it, we keep the old MPP: both WARL)
    W mstatus, 0xffffffff, 0x7ffff9ff
    W mstatus, 0, 0x7ffff9ff
    W mstatus, 0x55554d55, 0x7ffff9ff
    W mstatus, 0xaaaaaaaa, 0x7ffff9ff
    csrw mstatus, zero
    PATTERNS sstatus, 0x7ffff9ff
    csrw mstatus, zero
    PATTERNS mstatush, 0xffffff3f   # QEMU 7.2 keeps GVA/MPV (H) writable without H
    PATTERNS misa
    PATTERNS medeleg, 0xff0ff3ff    # QEMU: 10, 11 and the H causes 20-23 delegable
    csrw medeleg, zero
    PATTERNS mideleg, 0xaaa         # QEMU: VS and LCOFI bits writable
    csrw mideleg, zero
    PATTERNS mie, 0xaaa
    PATTERNS sie, 0xaaa             # mideleg = 0: nothing of sie is writable
    li t0, -1
    csrw mideleg, t0
    PATTERNS sie, 0xaaa             # mideleg = SSI, STI, SEI
    csrw mie, zero
    PATTERNS mip, 0xaaa
    csrw mip, zero
    csrw mideleg, zero
    PATTERNS sip, 0xaaa
    li t0, -1
    csrw mideleg, t0
    PATTERNS sip, 0xaaa
    csrw sip, zero
    csrw mideleg, zero
    W mtvec, 0xfffffffc
    W mtvec, 0xfffffffd
    W mtvec, 0x80000001
    la t0, trap
    csrw mtvec, t0
    W stvec, 0xfffffffc
    W stvec, 0xfffffffd
    W stvec, 0x00000000
    PATTERNS mcounteren, 7          # QEMU: the HPM bits too; we have no HPM counters
    PATTERNS scounteren, 7
    PATTERNS mscratch
    PATTERNS sscratch
    PATTERNS mcause
    PATTERNS scause
    PATTERNS mtval
    PATTERNS stval
    W mepc, 0xfffffffc
    W mepc, 0x80000000
    W sepc, 0xfffffffc
    W sepc, 0x80000000
    PATTERNS satp
    csrw satp, zero
    PATTERNS menvcfg, 1             # QEMU: the CBO bits too; we have no Zicbo*
    PATTERNS menvcfgh, 0x80000000   # QEMU: PBMTE too; we have no Svpbmt
    csrw menvcfgh, zero
    # Sstc: with menvcfgh.STCE, STIP follows time >= stimecmp and mip.STIP is read-only
    li t0, 0x80000000
    csrw menvcfgh, t0
    li t0, -1
    csrw stimecmph, t0
    csrw stimecmp, t0
    csrr a3, mip
    andi a3, a3, 0x20
    REPORT "sstc-far-stip", 1
    csrw stimecmp, zero
    csrw stimecmph, zero
    csrr a3, mip
    andi a3, a3, 0x20
    REPORT "sstc-past-stip", 1
    li t0, 0x20
    csrc mip, t0
    csrr a3, mip
    andi a3, a3, 0x20
    REPORT "sstc-stip-read-only", 1
    li t0, -1
    csrw stimecmph, t0
    csrr a3, mip
    andi a3, a3, 0x20
    csrr a4, stimecmph
    REPORT "sstc-far-again-stip", 2
    csrw menvcfgh, zero
    li t0, 0x20
    csrs mip, t0
    csrr a3, mip
    andi a3, a3, 0x20
    REPORT "no-sstc-stip-writable", 1
    csrc mip, t0
    csrr a3, mhartid
    REPORT "mhartid", 1
    csrr a3, mvendorid
    REPORT "mvendorid", 1
    EXIT 0

trap:
    csrr a3, mcause
    csrr a4, mepc
    REPORT "unexpected-trap", 2
    csrr t0, mepc
    addi t0, t0, 4
    csrw mepc, t0
    mret
    DIFF_ROUTINES
