# vm.diff.s -- Sv32 from S-mode, U-mode and M-mode with MPRV: each page-fault cause
# (12 fetch, 13 load, 15 store) with mtval/stval, the A and D bits the hardware sets
# (PTEs printed after the access), SUM, MXR, U pages, megapages, the misaligned-megapage
# fault, delegation of page faults to S-mode. Lines as in traps.diff.s:
#   "name mcause mtval mepc mstatus" / "S name scause stval sepc sstatus" / "name-ok 0"
#   "name pte" for a PTE read back after an access.
# Golden from QEMU (vm.diff.qemu.out), build-diff.sh. Not here: TLB flush semantics (a
# TLB may keep a stale entry or not; unit-tested against our documented TLB).
    .include "diff.inc"
    .equ V, 1
    .equ R, 2
    .equ W, 4
    .equ X, 8
    .equ U, 16
    .equ A, 64
    .equ D, 128
    .equ WIN, 0x40000000            # the 4 KiB pages of table l0
    .equ UALIAS, 0x70000000         # a U megapage over the program (0x80000000)
    .equ MEGA, 0x60000000           # a megapage over the program, A clear
    .equ BADMEGA, 0x50000000        # a megapage leaf with ppn[0] != 0

    .macro CASE name, mode=1, tvalmask=-1
    .pushsection .rodata
77: .asciz "\name"
    .popsection
    la s4, 77b
    la s1, 78f
    li s2, \mode
    li s3, \tvalmask
    .endm
    .macro END_CASE
78:
    .endm
    .macro OK name
    li a3, 0
    REPORT "\name-ok", 1
    .endm
# PTE table, index, flags: table[index] = leaf or pointer to the physical address in t1
    .macro PTE table, index, flags
    la t0, \table
    li t2, (\index) * 4
    add t0, t0, t2
    srli t1, t1, 12
    slli t1, t1, 10
    ori t1, t1, \flags
    sw t1, 0(t0)
    .endm
# SHOW name, table, index: prints the PTE
    .macro SHOW name, table, index
    la t0, \table
    li t2, (\index) * 4
    add t0, t0, t2
    lw a3, 0(t0)
    REPORT "\name", 1
    .endm

    .text
    .globl _start
_start:
    la t0, mtrap
    csrw mtvec, t0
    la t0, strap
    csrw stvec, t0
    li t0, -1
    csrw pmpaddr0, t0
    li t0, 0x1f
    csrw pmpcfg0, t0
    # root: megapages over the test device (0), the UART, the program (identity, and a U
    # alias, and an A-clear alias), a misaligned megapage, and the window of l0
    li t1, 0x00000000
    PTE root, 0x000, V|R|W|A|D
    li t1, 0x10000000
    PTE root, 0x040, V|R|W|A|D
    li t1, 0x80000000
    PTE root, 0x200, V|R|W|X|A|D
    li t1, 0x80000000
    PTE root, UALIAS >> 22, V|R|W|X|U|A|D
    li t1, 0x80000000
    PTE root, MEGA >> 22, V|R|W|X
    li t1, 0x80001000
    PTE root, BADMEGA >> 22, V|R|W|X|A|D
    la t1, l0
    PTE root, WIN >> 22, V
    # l0: page 0 R (A, D clear), 1 RW (A, D clear), 2 X only, 3 U RW, 4 invalid,
    # 5 W only (reserved), 6 X code, 7 RW with A set and D clear
    la t1, pages
    PTE l0, 0, V|R
    la t1, pages + 0x1000
    PTE l0, 1, V|R|W
    la t1, pages + 0x2000
    PTE l0, 2, V|X|A
    la t1, pages + 0x3000
    PTE l0, 3, V|R|W|U|A|D
    la t1, pages + 0x5000
    PTE l0, 5, V|W|A|D
    la t1, xpage
    PTE l0, 6, V|R|X|A
    la t1, pages + 0x7000
    PTE l0, 7, V|R|W|A
    la t0, root
    srli t0, t0, 12
    li t1, 0x80000000
    or t0, t0, t1
    csrw satp, t0
    sfence.vma

    # ---- S-mode ----------------------------------------------------------------------
    la t0, 1f
    csrw mepc, t0
    li t0, 0x1800
    csrc mstatus, t0
    li t0, 0x0800
    csrs mstatus, t0
    mret
1:  li s5, WIN
    CASE "s-load-r-page"
    lw t0, 0(s5)
    OK "s-load-r-page"
    END_CASE
    SHOW "pte0-a-set-by-load", l0, 0
    CASE "s-store-r-page"
    sw t0, 4(s5)
    END_CASE
    SHOW "pte0-no-d-after-faulting-store", l0, 0
    CASE "s-store-rw-page"
    li t0, 0x1000
    add t0, t0, s5
    sw t0, 8(t0)
    OK "s-store-rw-page"
    END_CASE
    SHOW "pte1-a-d-set-by-store", l0, 1
    CASE "s-store-a-page-sets-d"
    li t0, 0x7000
    add t0, t0, s5
    sh t0, 2(t0)
    OK "s-store-a-page-sets-d"
    END_CASE
    SHOW "pte7-d-set", l0, 7
    CASE "s-load-x-page"
    li t0, 0x2000
    add t0, t0, s5
    lw t0, 0(t0)
    END_CASE
    li t0, 1 << 19                  # MXR
    csrs sstatus, t0
    CASE "s-load-x-page-mxr"
    li t0, 0x2000
    add t0, t0, s5
    lw t0, 0(t0)
    OK "s-load-x-page-mxr"
    END_CASE
    CASE "s-store-x-page-mxr"
    li t0, 0x2000
    add t0, t0, s5
    sw t0, 0(t0)
    END_CASE
    li t0, 1 << 19
    csrc sstatus, t0
    CASE "s-load-u-page"
    li t0, 0x3000
    add t0, t0, s5
    lw t0, 12(t0)
    END_CASE
    CASE "s-store-u-page"
    li t0, 0x3000
    add t0, t0, s5
    sw t0, 16(t0)
    END_CASE
    li t0, 1 << 18                  # SUM
    csrs sstatus, t0
    CASE "s-load-u-page-sum"
    li t0, 0x3000
    add t0, t0, s5
    lw t1, 12(t0)
    sw t1, 16(t0)
    OK "s-load-store-u-page-sum"
    END_CASE
    CASE "s-fetch-u-page-sum"
    la t0, UALIAS
    jalr t0
    END_CASE
    li t0, 1 << 18
    csrc sstatus, t0
    CASE "s-load-invalid"
    li t0, 0x4010
    add t0, t0, s5
    lw t0, 0(t0)
    END_CASE
    CASE "s-store-invalid"
    li t0, 0x4ffc
    add t0, t0, s5
    sb t0, 3(t0)
    END_CASE
    CASE "s-fetch-invalid"
    li t0, 0x4000
    add t0, t0, s5
    jalr t0
    END_CASE
    CASE "s-load-w-only-reserved"
    li t0, 0x5000
    add t0, t0, s5
    lw t0, 0(t0)
    END_CASE
    CASE "s-load-unmapped-megapage"
    li t0, 0x30000000
    lw t0, 0(t0)
    END_CASE
    CASE "s-fetch-r-page"
    jalr s5
    END_CASE
    CASE "s-fetch-x-page"
    la s7, 1f
    li t0, 0x6000
    add t0, t0, s5
    jr t0
1:  OK "s-fetch-x-page"
    END_CASE
    CASE "s-fall-through-into-non-x-page"
    li t0, 0x6ffc
    add t0, t0, s5
    jr t0
    END_CASE
    CASE "s-megapage-load"
    la t0, word
    li t1, 0x80000000 - MEGA
    sub t0, t0, t1
    lw a3, 0(t0)
    REPORT "s-megapage-load-value", 1
    END_CASE
    SHOW "megapage-pte-a-set", root, MEGA >> 22
    CASE "s-misaligned-megapage-load"
    li t0, BADMEGA + 0x123
    lbu t0, 0(t0)
    END_CASE
    CASE "s-misaligned-megapage-fetch"
    li t0, BADMEGA
    jalr t0
    END_CASE

    # ---- U-mode (running in the U alias of the program) -----------------------------------
    li t0, 0x100                    # SPP = U
    csrc sstatus, t0
    la t0, 1f
    li t1, 0x80000000 - UALIAS
    sub t0, t0, t1
    csrw sepc, t0
    li s8, 0x80000000 - UALIAS
    sret
1:
    .macro UCASE name
    CASE \name, 0                  # (la is pc-relative: s1 is in the U alias already)
    add s4, s4, s8                  # the name as the M-mode handler reads it
    .endm
    UCASE "u-load-s-page"
    lw t0, 0(s5)
    END_CASE
    UCASE "u-load-store-u-page"
    li t0, 0x3000
    add t0, t0, s5
    lw t1, 20(t0)
    sw t1, 24(t0)
    ecall                           # shows that the accesses went through
    END_CASE
    UCASE "u-illegal-csr-tval-through-the-alias"
    csrr t0, mstatus
    END_CASE
    UCASE "u-fetch-s-page"
    la t0, 1f
    add t0, t0, s8
    jr t0
1:  END_CASE
    CASE "u-ecall-back-to-s", 1
    add s4, s4, s8
    la s1, 1f                       # resume in S at the identity mapping
    add s1, s1, s8
    ecall
1:

    # ---- page faults delegated to S ----------------------------------------------------------
    CASE "s-ecall-to-m", 3
    ecall
    END_CASE
    li t0, (1 << 12) | (1 << 13) | (1 << 15)
    csrw medeleg, t0
    la t0, 1f
    csrw mepc, t0
    li t0, 0x1800
    csrc mstatus, t0
    li t0, 0x0800
    csrs mstatus, t0
    mret
1:  CASE "s-deleg-load-invalid"
    li t0, 0x4abc
    add t0, t0, s5
    lw t0, 0(t0)
    END_CASE
    CASE "s-deleg-store-r-page"
    sw t0, 0x40(s5)
    END_CASE
    CASE "s-deleg-fetch-invalid"
    li t0, 0x4000
    add t0, t0, s5
    jalr t0
    END_CASE
    CASE "s-ecall-to-m-2", 3
    ecall
    END_CASE
    csrw medeleg, zero

    # ---- M-mode with MPRV -------------------------------------------------------------------
    li t0, 0x1800
    csrc mstatus, t0
    li t0, 0x20800                  # MPRV, MPP = S
    csrs mstatus, t0
    CASE "m-mprv-s-load", 3
    li t0, 0x1000
    add t0, t0, s5
    lw a3, 8(t0)
    REPORT "m-mprv-s-load-value", 1
    END_CASE
    li t0, 0x20800                  # (the trap entry wrote MPP = M)
    csrs mstatus, t0
    CASE "m-mprv-s-load-invalid", 3
    li t0, 0x4444
    add t0, t0, s5
    lw t0, 0(t0)
    END_CASE
    li t0, 0x1800
    csrc mstatus, t0
    li t0, 0x20000                  # MPRV, MPP = U
    csrs mstatus, t0
    CASE "m-mprv-u-load-s-page", 3
    lw t0, 0(s5)
    END_CASE
    li t0, 0x20000
    csrc mstatus, t0
    csrw satp, zero
    EXIT 0

mtrap:
    mv a0, s4
    csrr a3, mcause
    csrr a4, mtval
    and a4, a4, s3
    csrr a5, mepc
    csrr a6, mstatus
    li t0, 0x219aa
    and a6, a6, t0
    li a2, 4
    call report
    csrw mepc, s1
    li t0, 0x1800
    csrc mstatus, t0
    slli t0, s2, 11
    csrs mstatus, t0
    mret

strap:
    la a0, s_prefix
    call puts
    mv a0, s4
    csrr a3, scause
    csrr a4, stval
    and a4, a4, s3
    csrr a5, sepc
    csrr a6, sstatus
    li t0, 0xc0122
    and a6, a6, t0
    li a2, 4
    call report
    csrw sepc, s1
    li t0, 0x100
    csrc sstatus, t0
    beqz s2, 2f
    csrs sstatus, t0
2:  sret

    DIFF_ROUTINES

    .balign 4096
xpage:                              # mapped executable at WIN + 0x6000
    jr s7
    .skip 0xff8
    nop                             # the page's last word: execution falls into WIN + 0x7000
    .balign 4096

    .section .rodata
s_prefix: .asciz "S "
    .data
    .balign 4096
root:  .fill 1024, 4, 0
l0:    .fill 1024, 4, 0
pages: .fill 8 * 1024, 4, 0
word:  .word 0x0badcafe
