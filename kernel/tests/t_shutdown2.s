# t_shutdown2.s -- guest test: a stopped process survives shutdown's SIGTERM, so
# shutdown(5) waits its 100 ms and then SIGKILLs it, and powers off with 5.  Prints
# "cycle N" (rdcycle just before the call) for the xunit test to measure the wait.
.include "tmacros.inc"
.text
.globl main
main:
    addi sp, sp, -16
    sw ra, 12(sp)
    SYS SYS_fork
    bnez a0, 1f
2:  li a0, 100000
    SYS SYS_sleep
    j 2b
1:  sw a0, 8(sp)
    li a1, SIGSTOP
    SYS SYS_kill
    lw a0, 8(sp)
    li a1, 0
    li a2, WUNTRACED
    SYS SYS_waitpid             # stopped: SIGTERM stays pending
    SAY "stopped"
    la a0, cyclestr
    call puts
    rdcycle a0
    call putdec
    call putnl
    li a0, 5
    SYS SYS_shutdown
    SAY "shutdown returned"
    li a0, 1
    lw ra, 12(sp)
    addi sp, sp, 16
    ret
.section .rodata
cyclestr: .asciz "cycle "
