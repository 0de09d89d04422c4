# counters.s -- some work of every kind (ALU, mul/div, loads/stores, a trap, a timer
# interrupt slept for in wfi), then prints mcycle, minstret and time as the guest reads
# them. Not a differential program (QEMU's counters follow the host clock): the test runs
# it twice and needs the same bytes. Built by build-diff.sh.
    .include "diff.inc"
    .text
    .globl _start
_start:
    la t0, trap
    csrw mtvec, t0
    li s0, 0
    li s1, 1000
    la s2, buf
1:  mul t0, s0, s0
    divu t1, t0, s1
    add t2, t0, t1
    andi t3, s0, 63
    slli t3, t3, 2
    add t3, t3, s2
    sw t2, 0(t3)
    lw t4, 0(t3)
    add s3, s3, t4
    addi s0, s0, 1
    blt s0, s1, 1b
    ecall                           # a trap
    # a timer interrupt 2000 ticks from now, slept for
    li t0, 0x0200bff8
    lw t1, 0(t0)
    li t2, 2000
    add t1, t1, t2
    li t0, 0x02004000
    sw zero, 4(t0)
    sw t1, 0(t0)
    li t0, 1 << 7
    csrw mie, t0
    csrsi mstatus, 8
    wfi
    csrr a3, mcycle
    csrr a4, minstret
    csrr a5, time
    mv a6, s3
    REPORT "counters", 4
    EXIT 0
trap:
    csrr t0, mcause
    bgez t0, 1f
    li t0, 0x02004000               # the timer: off again
    li t1, -1
    sw t1, 4(t0)
    sw t1, 0(t0)
    mret
1:  csrr t0, mepc
    addi t0, t0, 4
    csrw mepc, t0
    mret
    DIFF_ROUTINES
    .data
buf: .fill 64, 4, 0
