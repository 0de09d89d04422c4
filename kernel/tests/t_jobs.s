# t_jobs.s -- guest test: ^C and ^Z reach the console's foreground process group.
# Run with jobs-input.txt: 255 'a' + LF (fills the 256-byte ring, so the next byte
# waits in the UART until a read makes room), ^C, 255 'b' + LF, ^Z, 255 'c' + LF, ^\.
.include "tmacros.inc"
.text
.globl main
main:
    addi sp, sp, -320
    sw ra, 316(sp)
    sw s0, 312(sp)
    # ---- ^C kills the foreground group, not init ----
    SYS SYS_fork
    bnez a0, 1f
    li a0, 100000               # child: wait to be killed
    SYS SYS_sleep
    li a0, 1
    SYS SYS_exit
1:  mv s0, a0
    mv a0, s0
    li a1, 0
    SYS SYS_setpgid
    EXPECT 0, "the child gets its own group"
    mv a0, s0
    SYS SYS_tcsetpgrp
    EXPECT 0, "the child's group is the foreground"
    li a0, 0
    mv a1, sp
    li a2, 300
    SYS SYS_read                # takes the ring's 256 bytes: the ^C comes in now
    EXPECT 256, "a full ring commits its line"
    mv a0, s0
    mv a1, sp
    li a2, 0
    SYS SYS_waitpid
    lw a0, 0(sp)
    EXPECT SIGINT, "^C kills the foreground group with SIGINT"
    # ---- ^Z stops it ----
    SYS SYS_fork
    bnez a0, 2f
    li a0, 100000
    SYS SYS_sleep
    li a0, 1
    SYS SYS_exit
2:  mv s0, a0
    mv a0, s0
    li a1, 0
    SYS SYS_setpgid
    mv a0, s0
    SYS SYS_tcsetpgrp
    li a0, 0
    mv a1, sp
    li a2, 300
    SYS SYS_read
    EXPECT 256, "the second line"
    mv a0, s0
    mv a1, sp
    li a2, WUNTRACED
    SYS SYS_waitpid
    EXPECT_REG s0, "waitpid(WUNTRACED) sees the stopped child"
    lw a0, 0(sp)
    EXPECT 0x147F, "^Z stops the foreground group with SIGTSTP"
    li a0, 1
    SYS SYS_tcsetpgrp
    mv a0, s0
    li a1, SIGCONT
    SYS SYS_kill
    mv a0, s0
    li a1, SIGKILL
    SYS SYS_kill
    mv a0, s0
    mv a1, sp
    li a2, 0
    SYS SYS_waitpid
    lw a0, 0(sp)
    EXPECT SIGKILL, "the continued child is killed"
    # ---- ^\ quits it ----
    SYS SYS_fork
    bnez a0, 3f
    li a0, 100000
    SYS SYS_sleep
    li a0, 1
    SYS SYS_exit
3:  mv s0, a0
    mv a0, s0
    li a1, 0
    SYS SYS_setpgid
    mv a0, s0
    SYS SYS_tcsetpgrp
    li a0, 0
    mv a1, sp
    li a2, 300
    SYS SYS_read
    EXPECT 256, "the third line"
    mv a0, s0
    mv a1, sp
    li a2, 0
    SYS SYS_waitpid
    lw a0, 0(sp)
    EXPECT SIGQUIT, "^\\ kills the foreground group with SIGQUIT"
    li a0, 1
    SYS SYS_tcsetpgrp
    call t_done
    lw s0, 312(sp)
    lw ra, 316(sp)
    addi sp, sp, 320
    ret
