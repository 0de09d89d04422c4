# t_basic.s -- guest test: the simple system calls and their errors.
#   getpid getppid time_ms yield sleep sbrk setpgid getpgid tcsetpgrp tcgetpgrp
#   procs, unknown numbers, pipe (-ENOSYS for now)
.include "tmacros.inc"
.text
.globl main
main:
    addi sp, sp, -64
    sw ra, 60(sp)
    sw s0, 56(sp)
    sw s1, 52(sp)
    sw s2, 48(sp)
    SYS SYS_getpid
    EXPECT 1, "getpid of init is 1"
    SYS SYS_getppid
    EXPECT 0, "getppid of init is 0"
    SYS SYS_yield
    EXPECT 0, "yield returns 0"
    li a0, 0
    li a7, 200
    ecall
    EXPECT -ENOSYS, "call 200 gives ENOSYS"
    li a7, 19
    ecall
    EXPECT -ENOSYS, "call 19 gives ENOSYS"
    li a7, -1
    ecall
    EXPECT -ENOSYS, "call -1 gives ENOSYS"
    li a7, 0
    ecall
    EXPECT -ENOSYS, "call 0 gives ENOSYS"
    # Registers other than a0 survive a system call.
    li s0, 0x12345678
    li t3, 0x0badf00d
    li a5, 77
    SYS SYS_getpid
    li t0, 0x0badf00d
    sub a0, t3, t0
    seqz a0, a0
    CHECK "t3 preserved across ecall"
    mv a0, a5
    EXPECT 77, "a5 preserved across ecall"
    li a0, 42
    SYS SYS_time_ms
    mv s1, a0
    li a0, 20
    SYS SYS_sleep
    EXPECT 0, "sleep 20 ms returns 0"
    SYS SYS_time_ms
    sub a0, a0, s1
    sltiu a0, a0, 20
    seqz a0, a0
    CHECK "time_ms advanced by at least 20 across sleep(20)"
    li a0, 0
    SYS SYS_sleep
    EXPECT 0, "sleep 0 returns 0"
    # sbrk: grow, use, shrink, zero-filled again
    li a0, 0
    SYS SYS_sbrk
    mv s0, a0
    li t0, 0x10000
    sltu a0, t0, s0
    CHECK "the break lies above the program"
    li t0, 4095
    and a0, s0, t0
    EXPECT 0, "the initial break is page aligned"
    li a0, 10000
    SYS SYS_sbrk
    EXPECT_REG s0, "sbrk returns the old break"
    li a0, 0
    SYS SYS_sbrk
    sub a0, a0, s0
    EXPECT 10000, "the break moved by 10000"
    li t1, 9996
    add t1, t1, s0
    lw a0, 0(t1)
    EXPECT 0, "new heap memory reads zero"
    li t0, 0x55aa55aa
    sw t0, 0(s0)
    li t1, 9996
    add t1, t1, s0
    sw t0, 0(t1)
    li t1, 9996
    add t1, t1, s0
    lw a0, 0(t1)
    EXPECT 0x55aa55aa, "heap memory is writable"
    li a0, -9000
    SYS SYS_sbrk
    li a0, 9000
    SYS SYS_sbrk
    li t1, 9996
    add t1, t1, s0
    lw a0, 0(t1)
    EXPECT 0, "shrink then grow reads zero again"
    li a0, -10000
    SYS SYS_sbrk
    li a0, -4096
    SYS SYS_sbrk
    EXPECT -ENOMEM, "sbrk below the heap start gives ENOMEM"
    li a0, 0x7fffffff
    SYS SYS_sbrk
    EXPECT -ENOMEM, "sbrk of 2 GiB gives ENOMEM"
    li a0, 0
    SYS SYS_sbrk
    EXPECT_REG s0, "failed sbrk leaves the break alone"
    # process groups and the console's foreground group
    li a0, 0
    SYS SYS_getpgid
    EXPECT 1, "getpgid(0) of init is 1"
    li a0, 1
    SYS SYS_getpgid
    EXPECT 1, "getpgid(1) is 1"
    li a0, 999
    SYS SYS_getpgid
    EXPECT -ESRCH, "getpgid of a missing pid gives ESRCH"
    li a0, 0
    li a1, -5
    SYS SYS_setpgid
    EXPECT -EINVAL, "setpgid with a negative group gives EINVAL"
    li a0, 999
    li a1, 0
    SYS SYS_setpgid
    EXPECT -ESRCH, "setpgid of a missing pid gives ESRCH"
    li a0, 0
    li a1, 7
    SYS SYS_setpgid
    EXPECT 0, "setpgid(0, 7) works"
    li a0, 0
    SYS SYS_getpgid
    EXPECT 7, "getpgid sees the new group"
    li a0, 0
    li a1, 0
    SYS SYS_setpgid
    li a0, 0
    SYS SYS_getpgid
    EXPECT 1, "setpgid(0, 0) makes the group the pid"
    SYS SYS_tcgetpgrp
    EXPECT 1, "the console's first foreground group is 1"
    li a0, 0
    li a1, 5
    SYS SYS_setpgid
    li a0, 5
    SYS SYS_tcsetpgrp
    EXPECT 0, "tcsetpgrp works"
    SYS SYS_tcgetpgrp
    EXPECT 5, "tcgetpgrp sees it"
    li a0, 0
    li a1, 1
    SYS SYS_setpgid
    li a0, 1
    SYS SYS_tcsetpgrp
    li a0, -3
    SYS SYS_tcsetpgrp
    EXPECT -EINVAL, "tcsetpgrp of a negative group gives EINVAL"
    li a0, 4242
    SYS SYS_tcsetpgrp
    EXPECT -ESRCH, "tcsetpgrp of a group nobody is in gives ESRCH"
    SYS SYS_tcgetpgrp
    EXPECT 1, "a failed tcsetpgrp changes nothing"
    # procs
    mv a0, sp
    li a1, 1
    SYS SYS_procs
    EXPECT 1, "procs writes one record"
    lw a0, 0(sp)
    EXPECT 1, "procs: pid 1"
    lw a0, 12(sp)
    EXPECT 1, "procs: the caller is running (1)"
    lbu a0, 24(sp)
    EXPECT 116, "procs: name starts with t"
    li a0, 0
    li a1, 1
    SYS SYS_procs
    EXPECT -EFAULT, "procs into NULL gives EFAULT"
    mv a0, sp
    li a1, 0
    SYS SYS_procs
    EXPECT 0, "procs with max 0 writes nothing"
    mv a0, sp
    li a1, -1
    SYS SYS_procs
    EXPECT -EINVAL, "procs with max -1 gives EINVAL"
    # kill with signal 0 checks existence
    li a0, 1
    li a1, 0
    SYS SYS_kill
    EXPECT 0, "kill(1, 0) finds init"
    li a0, 999
    li a1, 0
    SYS SYS_kill
    EXPECT -ESRCH, "kill of a missing pid gives ESRCH"
    li a0, 1
    li a1, 99
    SYS SYS_kill
    EXPECT -EINVAL, "kill with signal 99 gives EINVAL"
    call t_done
    lw s2, 48(sp)
    lw s1, 52(sp)
    lw s0, 56(sp)
    lw ra, 60(sp)
    addi sp, sp, 64
    ret
