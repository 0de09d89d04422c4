# rv32a.diff.s -- A-extension vectors: each AMO over every pair of the value table,
# "mnemonic memory rs2 rd memory-after", then LR/SC sequences, "name rd... memory".
# Golden from QEMU (rv32a.diff.qemu.out); see rv32i.diff.s and build-diff.sh.
    .include "diff.inc"

    .macro V_AMO op
    .pushsection .rodata
77: .asciz "\op"
    .popsection
    la s0, 77b
    la s1, vals
1:  la s2, vals
2:  lw a3, 0(s1)
    lw a4, 0(s2)
    la t0, word
    sw a3, 0(t0)
    \op a5, a4, (t0)
    lw a6, 0(t0)
    mv a0, s0
    li a2, 4
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
    V_AMO amoswap.w
    V_AMO amoadd.w
    V_AMO amoxor.w
    V_AMO amoand.w
    V_AMO amoor.w
    V_AMO amomin.w
    V_AMO amomax.w
    V_AMO amominu.w
    V_AMO amomaxu.w

    la s0, word
    la s1, other
    li t0, 0x11111111
    sw t0, 0(s0)
    sw t0, 0(s1)
    # lr then sc to the same word: sc succeeds (rd = 0) and stores
    li t1, 0x22222222
    lr.w a3, (s0)
    sc.w a4, t1, (s0)
    lw a5, 0(s0)
    REPORT "lr-sc", 3
    # a second sc: the first one used up the reservation
    li t1, 0x33333333
    sc.w a3, t1, (s0)
    lw a4, 0(s0)
    REPORT "sc-again", 2
    # sc to another word than the one reserved fails and does not store
    li t1, 0x44444444
    lr.w a3, (s0)
    sc.w a4, t1, (s1)
    lw a5, 0(s1)
    REPORT "sc-other-word", 3
    sc.w zero, t1, (s1)           # drop any reservation
    # a later lr moves the reservation: sc to the first word fails
    li t1, 0x55555555
    lr.w a3, (s0)
    lr.w a4, (s1)
    sc.w a5, t1, (s0)
    lw a6, 0(s0)
    REPORT "lr-lr-sc-first", 4
    # ... and sc to the second word succeeds
    li t1, 0x66666666
    lr.w a3, (s0)
    lr.w a4, (s1)
    sc.w a5, t1, (s1)
    lw a6, 0(s1)
    REPORT "lr-lr-sc-second", 4
    # rd = x0: the AMO still writes memory
    li t1, 5
    amoadd.w zero, t1, (s0)
    lw a3, 0(s0)
    REPORT "amoadd-x0", 1
    # rd = rs2: rd gets the old value, memory the old rs2
    li a4, 0x77777777
    amoswap.w a4, a4, (s0)
    lw a3, 0(s0)
    REPORT "amoswap-rd-rs2", 2
    # lr.w reads what a plain store wrote; lr with rd = x0 still reserves
    li t1, 0x88888888
    sw t1, 0(s1)
    lr.w a3, (s1)
    lr.w zero, (s0)
    li t1, 0x99999999
    sc.w a4, t1, (s0)
    lw a5, 0(s0)
    REPORT "lr-x0-sc", 3
    EXIT 0
    DIFF_ROUTINES

    .data
    .align 2
vals:   .word 0, 1, 0xffffffff, 0x7fffffff, 0x80000000, 0x80000001, 0x12345678
vals_end:
word:   .word 0
other:  .word 0
