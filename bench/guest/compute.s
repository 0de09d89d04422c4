# compute.s -- a compute-bound bare-metal guest for measuring the interpreter.
# Mixes what compiled code does: integer ALU, loads and stores, branches, mul and div.
# Runs ROUNDS rounds of (sieve of Eratosthenes over 64 KiB, a multiply/divide hash over
# the primes found), then powers off through the test device with the checksum's low
# 8 bits as exit code, so a wrong result shows.
    .equ ROUNDS, 100
    .equ SIEVE_SIZE, 65536
    .equ TEST_DEVICE, 0x100000

    .section .text.init
    .globl _start
_start:
    li s0, ROUNDS
    li s11, 0                   # checksum
round:
    # sieve[i] = 1 for all i
    la s1, sieve
    li s2, SIEVE_SIZE
    li t0, 0
    li t1, 1
1:  add t2, s1, t0
    sb t1, 0(t2)
    addi t0, t0, 1
    blt t0, s2, 1b
    # cross out multiples
    li t0, 2
2:  mul t3, t0, t0
    bge t3, s2, 5f
    add t2, s1, t0
    lbu t4, 0(t2)
    beqz t4, 4f
3:  add t2, s1, t3
    sb zero, 0(t2)
    add t3, t3, t0
    blt t3, s2, 3b
4:  addi t0, t0, 1
    j 2b
5:  # hash the primes: h = (h * 31 + p) ^ (p / 3) + (h % 7)
    li t0, 2
    li t5, 31
    li t6, 3
    li a1, 7
6:  add t2, s1, t0
    lbu t4, 0(t2)
    beqz t4, 7f
    mul s11, s11, t5
    add s11, s11, t0
    divu a2, t0, t6
    xor s11, s11, a2
    remu a3, s11, a1
    add s11, s11, a3
7:  addi t0, t0, 1
    blt t0, s2, 6b
    # a word-sized pass: sum the sieve as words
    la t0, sieve
    li t1, SIEVE_SIZE
    add t1, t0, t1
8:  lw t2, 0(t0)
    lw t3, 4(t0)
    add s11, s11, t2
    sub s11, s11, t3
    sw s11, 0(t0)
    addi t0, t0, 8
    bltu t0, t1, 8b
    addi s0, s0, -1
    bnez s0, round

    andi s11, s11, 0xFF
    slli s11, s11, 16
    li t0, 0x3333
    or s11, s11, t0
    li t0, TEST_DEVICE
    sw s11, 0(t0)
9:  j 9b

    .bss
    .align 12
sieve: .zero SIEVE_SIZE
