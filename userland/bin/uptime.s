# uptime.s -- how long the machine has run, and how many processes it has.
#
# Prints "up 12.345 s, 3 processes": machine time (time_ms, 10 MHz timebase), so
# the same session always prints the same figure.

    .include "abi.inc"

    .equ UPTIME_MAX, 64         # abi.md's minimum process table

    .text
    .globl main
# main -- uptime
#  IN:  a0 = argc (1: no arguments are taken), a1 = argv
#  OUT: a0 = 0
main:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    li t0, 1                    # no arguments: anything more is a usage error
    bne a0, t0, uptime_usage
    call time_ms
    mv s0, a0                   # s0 = milliseconds since boot
    la a0, uptime_procs
    li a1, UPTIME_MAX
    call procs
    mv a3, a0
    li t0, 1000
    divu a1, s0, t0
    remu a2, s0, t0
    la a0, uptime_format
    bgez a3, 1f
    la a0, uptime_format_short  # no process count to show
1:  call printf
    li a0, 0
    lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

uptime_usage:
    li a0, 2
    la a1, uptime_usage_text
    call fputs
    li a0, 2
    call exit

    .section .rodata
uptime_usage_text: .asciz "usage: uptime\n"
uptime_format: .asciz "up %u.%03u s, %d processes\n"
uptime_format_short: .asciz "up %u.%03u s\n"

    .bss
    .align 3
uptime_procs: .space UPTIME_MAX * PROC_SIZE
