# rv32i.diff.s -- RV32I edge-value vectors. Every line printed is one vector:
# "mnemonic operand... result" in hex; QEMU's output is the golden (rv32i.diff.qemu.out),
# the xunit theories replay each line on one instruction of our hart, and the whole
# output is compared byte for byte with toymachine's. Built by build-diff.sh.
    .include "diff.inc"

# RR op: op over every pair of the value table: "op a b rd"
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

# RI op, imm: op with one immediate over the value table: "op a imm rd" (imm sign-extended)
    .macro V_RI op, imm
    .pushsection .rodata
77: .asciz "\op"
    .popsection
    la s0, 77b
    la s1, vals
1:  lw a3, 0(s1)
    li a4, \imm
    \op a5, a3, \imm
    mv a0, s0
    li a2, 3
    call report
    addi s1, s1, 4
    la t0, vals_end
    bne s1, t0, 1b
    .endm

    .macro V_RIS op
    V_RI \op, 0
    V_RI \op, 1
    V_RI \op, -1
    V_RI \op, 2047
    V_RI \op, -2048
    V_RI \op, 0x555
    .endm

    .macro V_SH op
    V_RI \op, 0
    V_RI \op, 1
    V_RI \op, 15
    V_RI \op, 31
    .endm

# BR op: branch over the pairs of the small table: "op a b taken"
    .macro V_BR op
    .pushsection .rodata
77: .asciz "\op"
    .popsection
    la s0, 77b
    la s1, bvals
1:  la s2, bvals
2:  lw a3, 0(s1)
    lw a4, 0(s2)
    li a5, 1
    \op a3, a4, 3f
    li a5, 0
3:  mv a0, s0
    li a2, 3
    call report
    addi s2, s2, 4
    la t0, bvals_end
    bne s2, t0, 2b
    addi s1, s1, 4
    bne s1, t0, 1b
    .endm

# U op, imm20: "lui imm rd"; for auipc rd minus the instruction's address
    .macro V_LUI imm
    lui a4, \imm
    li a3, \imm
    REPORT "lui", 2
    .endm
    .macro V_AUIPC imm
1:  auipc a4, \imm
    la t0, 1b
    sub a4, a4, t0
    li a3, \imm
    REPORT "auipc", 2
    .endm

# LD op, offset: loads from a word holding each loads value, the base register being
# the word's address + (offset & 3) - offset, so that the access lands on byte
# (offset & 3) of the word whatever the sign and size of the offset: "op word offset rd"
    .macro V_LD op, off
    .pushsection .rodata
77: .asciz "\op"
    .popsection
    la s0, 77b
    la s1, lvals
1:  lw a3, 0(s1)
    la t0, scratch
    sw a3, 0(t0)
    li a4, \off
    addi t0, t0, (\off) & 3         # the base register: scratch + (offset & 3) - offset
    sub t0, t0, a4
    \op a5, \off(t0)
    mv a0, s0
    li a2, 3
    call report
    addi s1, s1, 4
    la t0, lvals_end
    bne s1, t0, 1b
    .endm

# ST op, offset: stores each loads value into a word holding a5a5a5a5, addressed as in
# V_LD: "op value offset word"
    .macro V_ST op, off
    .pushsection .rodata
77: .asciz "\op"
    .popsection
    la s0, 77b
    la s1, lvals
1:  lw a3, 0(s1)
    la t0, scratch
    li t1, 0xa5a5a5a5
    sw t1, 0(t0)
    li a4, \off
    addi t2, t0, (\off) & 3         # the base register: scratch + (offset & 3) - offset
    sub t2, t2, a4
    \op a3, \off(t2)
    lw a5, 0(t0)
    mv a0, s0
    li a2, 3
    call report
    addi s1, s1, 4
    la t0, lvals_end
    bne s1, t0, 1b
    .endm

    .text
    .globl _start
_start:
    V_RR add
    V_RR sub
    V_RR sll
    V_RR slt
    V_RR sltu
    V_RR xor
    V_RR srl
    V_RR sra
    V_RR or
    V_RR and
    V_RIS addi
    V_RIS slti
    V_RIS sltiu
    V_RIS xori
    V_RIS ori
    V_RIS andi
    V_SH slli
    V_SH srli
    V_SH srai
    V_BR beq
    V_BR bne
    V_BR blt
    V_BR bge
    V_BR bltu
    V_BR bgeu
    V_LUI 0
    V_LUI 1
    V_LUI 0x7ffff
    V_LUI 0x80000
    V_LUI 0xfffff
    V_LUI 0x12345
    V_AUIPC 0
    V_AUIPC 1
    V_AUIPC 0x7ffff
    V_AUIPC 0x80000
    V_AUIPC 0xfffff
    V_LD lb, 0
    V_LD lb, 1
    V_LD lb, 2
    V_LD lb, 3
    V_LD lbu, 0
    V_LD lbu, 1
    V_LD lbu, 2
    V_LD lbu, 3
    V_LD lh, 0
    V_LD lh, 2
    V_LD lhu, 0
    V_LD lhu, 2
    V_LD lw, 0
    V_LD lb, -1
    V_LD lbu, -2048
    V_LD lb, 2047
    V_LD lh, -2
    V_LD lhu, 2046
    V_LD lw, -4
    V_LD lw, -2048
    V_LD lw, 2044
    V_ST sb, 0
    V_ST sb, 1
    V_ST sb, 2
    V_ST sb, 3
    V_ST sh, 0
    V_ST sh, 2
    V_ST sw, 0
    V_ST sb, -2048
    V_ST sb, 2047
    V_ST sh, -2
    V_ST sw, 2044
    V_ST sw, -2048
    EXIT 0
    DIFF_ROUTINES

    .data
    .align 2
# edge values: 0, 1, 2, shift amounts 31, 32 and 33 with high bits set, the extremes,
# and two patterns
vals:   .word 0, 1, 2, 31, 32, 0xffffffe1, 0x7fffffff, 0x80000000, 0x80000001
        .word 0xfffffffe, 0xffffffff, 0x12345678
vals_end:
bvals:  .word 0, 1, 0xffffffff, 0x7fffffff, 0x80000000
bvals_end:
lvals:  .word 0x00000000, 0xffffffff, 0x807f8001, 0x7f80017f, 0x12345678
lvals_end:
scratch: .word 0
