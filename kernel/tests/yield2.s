# yield2.s -- two processes yield in turn (for tracing the context switch).
.include "tmacros.inc"
.text
.globl main
main:
    SYS SYS_fork
    li s0, 3
1:  SYS SYS_yield
    addi s0, s0, -1
    bnez s0, 1b
    li a0, 0
    SYS SYS_exit
