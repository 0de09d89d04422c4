# t_audit.s -- guest test: the audit of issue 4 against abi.md.
#  - A blocking call stopped (SIGSTOP, SIGTSTP) and continued (SIGCONT) goes on:
#    sleep to its deadline, a pipe read and waitpid still waiting (abi.md allows
#    -EINTR only when a handler runs).
#  - A segment may fill the top of the segment range (0x7FFE_0000 .. 0x7FFE_FFFF):
#    exec puts the stack below it (/etc/high, kernel/tests/high/high.s).
.include "tmacros.inc"
.text
.globl main
main:
    addi sp, sp, -64
    sw ra, 60(sp)
    sw s0, 56(sp)
    sw s1, 52(sp)
    sw s2, 48(sp)

    # ---- sleep, stopped and continued, sleeps on to its deadline ----
    SYS SYS_fork
    bnez a0, 1f
    SYS SYS_time_ms
    mv s0, a0
    li a0, 300
    SYS SYS_sleep
    li t0, 1
    bnez a0, 9f                 # exit 1: sleep returned an error
    SYS SYS_time_ms
    sub a0, a0, s0
    li t1, 300
    li t0, 2
    bltu a0, t1, 9f             # exit 2: woke early
    li t0, 5                    # exit 5: slept its whole time
9:  mv a0, t0
    SYS SYS_exit
1:  mv s0, a0
    li a0, 50
    SYS SYS_sleep
    mv a0, s0
    li a1, SIGSTOP
    SYS SYS_kill
    mv a0, s0
    addi a1, sp, 0
    li a2, WUNTRACED
    SYS SYS_waitpid
    EXPECT_REG s0, "SIGSTOP stops a sleeping child"
    lw a0, 0(sp)
    EXPECT 0x137F, "its status is stopped by SIGSTOP"
    li a0, 100
    SYS SYS_sleep
    mv a0, s0
    li a1, SIGCONT
    SYS SYS_kill
    mv a0, s0
    addi a1, sp, 0
    li a2, 0
    SYS SYS_waitpid
    lw a0, 0(sp)
    EXPECT 0x500, "a stopped and continued sleep returns 0 after its whole time"

    # ---- the deadline passes while stopped: sleep returns 0 once continued ----
    SYS SYS_fork
    bnez a0, 1f
    SYS SYS_time_ms
    mv s0, a0
    li a0, 100
    SYS SYS_sleep
    li t0, 1
    bnez a0, 9f
    SYS SYS_time_ms
    sub a0, a0, s0
    li t1, 300
    li t0, 2
    bltu a0, t1, 9f             # it cannot end before it is continued
    li t0, 5
9:  mv a0, t0
    SYS SYS_exit
1:  mv s0, a0
    li a0, 20
    SYS SYS_sleep
    mv a0, s0
    li a1, SIGTSTP
    SYS SYS_kill
    mv a0, s0
    addi a1, sp, 0
    li a2, WUNTRACED
    SYS SYS_waitpid
    lw a0, 0(sp)
    EXPECT 0x147F, "SIGTSTP stops a sleeping child"
    li a0, 300
    SYS SYS_sleep
    mv a0, s0
    li a1, SIGCONT
    SYS SYS_kill
    mv a0, s0
    addi a1, sp, 0
    li a2, 0
    SYS SYS_waitpid
    lw a0, 0(sp)
    EXPECT 0x500, "a sleep whose deadline passed while stopped returns 0 when continued"

    # ---- a pipe read, stopped and continued, keeps waiting for data ----
    addi a0, sp, 8
    SYS SYS_pipe
    EXPECT 0, "pipe"
    SYS SYS_fork
    bnez a0, 1f
    lw a0, 8(sp)
    addi a1, sp, 16
    li a2, 4
    SYS SYS_read
    li t0, 1
    li t1, 1
    bne a0, t1, 9f              # exit 1: not the one byte
    lbu t1, 16(sp)
    li t2, 'z'
    li t0, 2
    bne t1, t2, 9f
    li t0, 6
9:  mv a0, t0
    SYS SYS_exit
1:  mv s0, a0
    li a0, 30
    SYS SYS_sleep
    mv a0, s0
    li a1, SIGTSTP
    SYS SYS_kill
    mv a0, s0
    addi a1, sp, 0
    li a2, WUNTRACED
    SYS SYS_waitpid
    lw a0, 0(sp)
    EXPECT 0x147F, "SIGTSTP stops a child reading a pipe"
    mv a0, s0
    li a1, SIGCONT
    SYS SYS_kill
    li a0, 30
    SYS SYS_sleep
    li t0, 'z'
    sb t0, 16(sp)
    lw a0, 12(sp)
    addi a1, sp, 16
    li a2, 1
    SYS SYS_write
    mv a0, s0
    addi a1, sp, 0
    li a2, 0
    SYS SYS_waitpid
    lw a0, 0(sp)
    EXPECT 0x600, "a stopped and continued pipe read goes on and gets the byte"
    lw a0, 8(sp)
    SYS SYS_close
    lw a0, 12(sp)
    SYS SYS_close

    # ---- waitpid, stopped and continued, keeps waiting for its child ----
    SYS SYS_fork
    bnez a0, 1f
    SYS SYS_fork
    bnez a0, 2f
    li a0, 150
    SYS SYS_sleep
    li a0, 9
    SYS SYS_exit
2:  addi a1, sp, 0
    li a2, 0
    SYS SYS_waitpid
    li t0, 1
    blez a0, 9f                 # exit 1: waitpid failed
    lw t1, 0(sp)
    li t2, 0x900
    li t0, 2
    bne t1, t2, 9f
    li t0, 7
9:  mv a0, t0
    SYS SYS_exit
1:  mv s0, a0
    li a0, 30
    SYS SYS_sleep
    mv a0, s0
    li a1, SIGSTOP
    SYS SYS_kill
    mv a0, s0
    addi a1, sp, 0
    li a2, WUNTRACED
    SYS SYS_waitpid
    lw a0, 0(sp)
    EXPECT 0x137F, "SIGSTOP stops a child in waitpid"
    mv a0, s0
    li a1, SIGCONT
    SYS SYS_kill
    mv a0, s0
    addi a1, sp, 0
    li a2, 0
    SYS SYS_waitpid
    lw a0, 0(sp)
    EXPECT 0x700, "a stopped and continued waitpid goes on and reaps the grandchild"

    # ---- a segment at the top of the range: the stack goes below it ----
    la t0, high_path
    sw t0, 16(sp)
    sw zero, 20(sp)
    la a0, high_path
    addi a1, sp, 16
    SYS SYS_spawn
    mv s0, a0
    CHECK "spawn of a program whose segment ends at 0x7FFF_0000"
    mv a0, s0
    addi a1, sp, 0
    li a2, 0
    SYS SYS_waitpid
    lw a0, 0(sp)
    EXPECT 0x2F00, "its stack lies below the segment and its heap cannot grow"

    call t_done
    lw s2, 48(sp)
    lw s1, 52(sp)
    lw s0, 56(sp)
    lw ra, 60(sp)
    addi sp, sp, 64
    ret

.section .rodata
high_path: .asciz "/etc/high"
