# hello.s -- prints a line and powers off with exit code 0.
    .include "common.inc"
    .text
    .globl _start
_start:
    la a0, msg
    call puts
    li t0, TEST_DEVICE
    li t1, 0x5555
    sw t1, 0(t0)
1:  j 1b
    PUTC_ROUTINE
msg: .asciz "hello, world\n"
