# hello.s -- the smallest guest test: write, getpid, exit.
.include "syscalls.inc"
.text
.globl main
main:
    addi sp, sp, -16
    sw ra, 12(sp)
    la a0, msg
    call puts
    li a7, SYS_getpid
    ecall
    li a1, 1
    la a2, n_getpid
    call check_eq
    call t_done
    lw ra, 12(sp)
    addi sp, sp, 16
    ret
.section .rodata
msg: .asciz "hello from user mode\n"
n_getpid: .asciz "getpid is 1 for init"
