# selftest.s -- instruction checks in the style of the official riscv-tests: each case
# computes a value and compares it with the one the ISA manual defines; the first failure
# ends the run through tohost with (case << 1) | 1, success with 1 (exit code 0).
    .macro FAIL_UNLESS_EQ reg, expected, case
    li t6, \expected
    li gp, \case
    bne \reg, t6, fail
    .endm
    .macro TEST_RR op, case, a, b, expected
    li a1, \a
    li a2, \b
    \op a0, a1, a2
    FAIL_UNLESS_EQ a0, \expected, \case
    .endm
    .macro TEST_IMM op, case, a, imm, expected
    li a1, \a
    \op a0, a1, \imm
    FAIL_UNLESS_EQ a0, \expected, \case
    .endm

    .text
    .globl _start
_start:
    TEST_RR add,    2, 0x7fffffff, 1, 0x80000000
    TEST_RR sub,    3, 0, 1, 0xffffffff
    TEST_RR sll,    4, 1, 31, 0x80000000
    TEST_RR sll,    5, 1, 0xffffffe1, 2                 # only rs2[4:0] = 1 counts
    TEST_RR srl,    6, 0x80000000, 31, 1
    TEST_RR sra,    7, 0x80000000, 31, 0xffffffff
    TEST_RR slt,    8, 0xffffffff, 1, 1
    TEST_RR sltu,   9, 0xffffffff, 1, 0
    TEST_IMM sltiu, 10, 5, -1, 1                        # immediate sign-extended, compared unsigned
    TEST_IMM srai,  11, 0x80000000, 31, 0xffffffff
    TEST_IMM xori,  12, 0x00ff00ff, -1, 0xff00ff00
    TEST_RR mulh,   13, 0x80000000, 0x80000000, 0x40000000
    TEST_RR mulhsu, 14, 0xffffffff, 0xffffffff, 0xffffffff
    TEST_RR mulhu,  15, 0xffffffff, 0xffffffff, 0xfffffffe
    TEST_RR div,    16, 0x80000000, 0xffffffff, 0x80000000  # overflow: the dividend
    TEST_RR rem,    17, 0x80000000, 0xffffffff, 0           # overflow: zero
    TEST_RR div,    18, 7, 0, 0xffffffff                    # by zero: all ones
    TEST_RR divu,   19, 7, 0, 0xffffffff
    TEST_RR rem,    20, 7, 0, 7                             # by zero: the dividend
    TEST_RR remu,   21, 7, 0, 7
    TEST_RR div,    22, -7, 2, -3                           # rounds toward zero
    TEST_RR rem,    23, -7, 2, -1
    # loads sign- and zero-extend
    la a1, data
    lb a0, 0(a1)
    FAIL_UNLESS_EQ a0, 0xffffff80, 24
    lbu a0, 0(a1)
    FAIL_UNLESS_EQ a0, 0x80, 25
    lh a0, 2(a1)
    FAIL_UNLESS_EQ a0, 0xffff8001, 26
    lhu a0, 2(a1)
    FAIL_UNLESS_EQ a0, 0x8001, 27
    # writes to x0 are discarded
    addi zero, zero, 5
    FAIL_UNLESS_EQ zero, 0, 28
    # jalr clears bit 0 of the target and links pc + 4
    la a1, 1f
    addi a1, a1, 1
    jalr ra, 0(a1)
    j fail
1:  la a2, 1b - 4                   # the link: the instruction after jalr
    li gp, 29
    bne ra, a2, fail
    # amoadd returns the old value
    la a1, counter
    li a2, 5
    amoadd.w a0, a2, (a1)
    FAIL_UNLESS_EQ a0, 10, 30
    lw a0, 0(a1)
    FAIL_UNLESS_EQ a0, 15, 31
    # sc without a reservation fails with a nonzero rd and does not store
    sc.w a0, a2, (a1)
    li gp, 32
    beqz a0, fail
    lw a0, 0(a1)
    FAIL_UNLESS_EQ a0, 15, 33

pass:
    li a0, 1
    j write_tohost
fail:
    slli a0, gp, 1
    ori a0, a0, 1
write_tohost:
    la t0, tohost
    sw a0, 0(t0)
    j write_tohost

    .data
    .align 3
    .globl tohost
tohost:  .dword 0
data:    .byte 0x80, 0x7f
         .half 0x8001
counter: .word 10
