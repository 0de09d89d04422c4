# sleep.s -- wait for a while: `sleep SECONDS` or `sleep MILLISECONDSms`.
#
# The kernel's sleep takes milliseconds; the plain number is seconds, as people
# expect from sleep(1), and a "ms" suffix gives milliseconds ("sleep 250ms").

    .include "errno.inc"

    .text
    .globl main
# main -- sleep DURATION
#  IN:  a0 = argc, a1 = argv
#  OUT: a0 = 0, 1 for a bad operand or an interrupted sleep
main:
    addi sp, sp, -48
    sw ra, 44(sp)
    sw s0, 40(sp)
    li t0, 2
    bne a0, t0, sleep_usage
    lw s0, 4(a1)                # s0 = the operand
    mv a0, s0
    call strlen
    li t1, 1000                 # t1 = milliseconds per unit
    li t0, 2
    ble a0, t0, 1f
    add t2, s0, a0
    lbu t3, -2(t2)
    li t0, 'm'
    bne t3, t0, 1f
    lbu t3, -1(t2)
    li t0, 's'
    bne t3, t0, 1f
    # "...ms": parse a copy without the suffix
    addi a2, a0, -2
    li t0, 31
    bgtu a2, t0, sleep_usage
    addi a0, sp, 0
    mv a1, s0
    sw a2, 32(sp)
    call memcpy
    lw a2, 32(sp)
    add t0, sp, a2
    sb zero, 0(t0)
    addi s0, sp, 0
    li t1, 1
1:  sw t1, 36(sp)
    mv a0, s0
    call parse_int
    beqz a1, sleep_usage
    bltz a0, sleep_usage
    lw t1, 36(sp)
    mul a0, a0, t1
    call sleep
    li t0, -EINTR
    beq a0, t0, 2f
    li a0, 0
    j 3f
2:  li a0, 1
3:  lw s0, 40(sp)
    lw ra, 44(sp)
    addi sp, sp, 48
    ret
sleep_usage:
    li a0, 2
    la a1, sleep_usage_text
    call fputs
    li a0, 1
    j 3b

    .section .rodata
sleep_usage_text: .asciz "usage: sleep SECONDS | sleep MILLISECONDSms\n"
