# rv32m.diff.s -- M-extension edge-value vectors: "mnemonic a b rd", every pair of the
# value table (INT_MIN / -1, division by zero, negative operands of mulh/mulhsu/mulhu).
# Golden from QEMU (rv32m.diff.qemu.out); see rv32i.diff.s and build-diff.sh.
    .include "diff.inc"

    .macro V_RR op
    .pushsection .rodata
77: .asciz "\op"
    .popsection
    la s0, 77b
    la s1, vals
1:  la s2, vals
2:  lw a3, 0(s1)
    lw a4, 0(s2)
    \op a5, a3, a4
    mv a0, s0
    li a2, 3
    call report
    addi s2, s2, 4
    la t0, vals_end
    bne s2, t0, 2b
    addi s1, s1, 4
    bne s1, t0, 1b
    .endm

    .text
    .globl _start
_start:
    V_RR mul
    V_RR mulh
    V_RR mulhsu
    V_RR mulhu
    V_RR div
    V_RR divu
    V_RR rem
    V_RR remu
    EXIT 0
    DIFF_ROUTINES

    .data
    .align 2
vals:   .word 0, 1, 2, 3, 7, 0xfffffff9, 0xfffffffe, 0xffffffff, 0x7fffffff, 0x80000000
        .word 0x80000001, 0x12345678, 0xfedcba98
vals_end:
