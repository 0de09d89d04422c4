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
    call sweep                  # warm-up (the block cache, page tables)
    call sweep
    la t0, start_free
    sw a0, 0(t0)
    sltiu a0, a0, 1000
    seqz a0, a0
    CHECK "sbrk can take over 1000 pages at the start"

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

    # ---- a console read, stopped and continued, keeps waiting (no input comes) ----
    SYS SYS_fork
    bnez a0, 1f
    li a0, 0
    addi a1, sp, 16
    li a2, 8
    SYS SYS_read
    li t0, -EINTR
    li t1, 1
    beq a0, t0, 2f
    li t1, 2
2:  mv a0, t1
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
    EXPECT 0x147F, "SIGTSTP stops a child reading the console"
    mv a0, s0
    li a1, SIGCONT
    SYS SYS_kill
    li a0, 20
    SYS SYS_sleep
    mv a0, s0
    addi a1, sp, 0
    li a2, WNOHANG
    SYS SYS_waitpid
    EXPECT 0, "continued, the console read goes on waiting"
    mv a0, s0
    li a1, SIGKILL
    SYS SYS_kill
    mv a0, s0
    addi a1, sp, 0
    li a2, 0
    SYS SYS_waitpid
    lw a0, 0(sp)
    EXPECT SIGKILL, "until SIGKILL ends it"

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

    # ---- exec keeps pid and descriptors, zeroes the registers (t_execregs) ----
    addi a0, sp, 8
    SYS SYS_pipe
    lw a0, 8(sp)
    EXPECT 3, "the pipe for exec's report is descriptors 3"
    lw a0, 12(sp)
    EXPECT 4, "and 4"
    SYS SYS_fork
    bnez a0, 1f
    la t0, execregs_path
    sw t0, 16(sp)
    la t0, x_arg
    sw t0, 20(sp)
    sw zero, 24(sp)
    la a0, execregs_path
    addi a1, sp, 16
    SYS SYS_exec
    li a0, 99
    SYS SYS_exit
1:  mv s0, a0
    lw a0, 12(sp)
    SYS SYS_close
    sw zero, 16(sp)
    lw a0, 8(sp)
    addi a1, sp, 16
    li a2, 4
    SYS SYS_read
    EXPECT 4, "the exec'd program wrote to its inherited descriptor"
    lw a0, 16(sp)
    EXPECT_REG s0, "exec keeps the pid"
    lw a0, 8(sp)
    SYS SYS_close
    mv a0, s0
    addi a1, sp, 0
    li a2, 0
    SYS SYS_waitpid
    lw a0, 0(sp)
    EXPECT 0, "after exec every register but sp, a0, a1 is 0 and argv lies at or above sp"

    # ---- procs reports each state ----
    SYS SYS_fork
    bnez a0, 1f
2:  j 2b                        # child: spin (runnable while the parent runs)
1:  mv s0, a0
    mv a0, s0
    call proc_state
    EXPECT 0, "procs: a child that has not run yet is runnable (0)"
    mv a0, s0
    li a1, SIGKILL
    SYS SYS_kill
    mv a0, s0
    li a1, 0
    li a2, 0
    SYS SYS_waitpid
    SYS SYS_fork
    bnez a0, 1f
    li a0, 100000
    SYS SYS_sleep
    li a0, 1
    SYS SYS_exit
1:  mv s0, a0
    li a0, 20
    SYS SYS_sleep
    mv a0, s0
    call proc_state
    mv s2, t1
    EXPECT 2, "procs: a sleeping child is sleeping (2)"
    lw a0, 4(s2)
    EXPECT 1, "procs: its ppid is the parent"
    lw a0, 8(s2)
    EXPECT 1, "procs: its pgid is the parent's"
    mv a0, s0
    li a1, SIGSTOP
    SYS SYS_kill
    mv a0, s0
    li a1, 0
    li a2, WUNTRACED
    SYS SYS_waitpid
    mv a0, s0
    call proc_state
    EXPECT 3, "procs: a stopped child is stopped (3)"
    mv a0, s0
    li a1, SIGKILL
    SYS SYS_kill
    li a0, 20
    SYS SYS_sleep
    mv a0, s0
    call proc_state
    EXPECT 4, "procs: a dead child not yet reaped is a zombie (4)"
    mv a0, s0
    li a1, 0
    li a2, 0
    SYS SYS_waitpid
    mv a0, s0
    call proc_state
    EXPECT -1, "procs: a reaped child is gone"

    # ---- idle time is charged to nobody ----
    SYS SYS_getpid
    call proc_state
    lw s3, 16(t1)               # own cycles (low word of the u64 at offset 16)
    li a0, 200
    SYS SYS_sleep               # nothing else runs: the machine idles 20,000,000 cycles
    SYS SYS_getpid
    call proc_state
    lw a0, 16(t1)
    sub a0, a0, s3
    li t0, 1000000
    sltu a0, a0, t0
    CHECK "procs: a process that slept 200 ms on an idle machine is not charged for the idle time"

    # ---- exec and spawn argument limits ----
    la s1, argv_buf
    li t0, 0
    la t1, a_arg
1:  slli t2, t0, 2
    add t2, t2, s1
    sw t1, 0(t2)
    addi t0, t0, 1
    li t3, 64
    bne t0, t3, 1b
    sw zero, 256(s1)            # 64 strings
    la a0, nop_path
    mv a1, s1
    SYS SYS_spawn
    EXPECT -E2BIG, "spawn with 64 arguments gives E2BIG"
    sw zero, 252(s1)            # 63 strings
    la a0, nop_path
    mv a1, s1
    SYS SYS_spawn
    mv s0, a0
    CHECK "spawn with 63 arguments works"
    mv a0, s0
    addi a1, sp, 0
    li a2, 0
    SYS SYS_waitpid
    lw a0, 0(sp)
    EXPECT 0, "and the child runs"
    la t0, long_buf             # a 3999-byte argument
    li t1, 'a'
    li t2, 3999
1:  sb t1, 0(t0)
    addi t0, t0, 1
    addi t2, t2, -1
    bnez t2, 1b
    sb zero, 0(t0)
    la t0, long_buf
    sw t0, 4(s1)
    sw zero, 8(s1)
    la a0, nop_path
    mv a1, s1
    SYS SYS_spawn
    EXPECT -E2BIG, "spawn with a 3999-byte argument gives E2BIG"
    la a0, nop_path
    mv a1, s1
    SYS SYS_exec
    EXPECT -E2BIG, "exec with a 3999-byte argument gives E2BIG"
    la t0, long_buf             # a 300-byte path "/////.../bin/nop"
    li t1, '/'
    li t2, 292
1:  sb t1, 0(t0)
    addi t0, t0, 1
    addi t2, t2, -1
    bnez t2, 1b
    la t1, nop_path
2:  lbu t2, 0(t1)
    sb t2, 0(t0)
    addi t0, t0, 1
    addi t1, t1, 1
    bnez t2, 2b
    sw zero, 4(s1)
    la a0, long_buf
    mv a1, s1
    SYS SYS_spawn
    EXPECT -ENAMETOOLONG, "spawn of a 300-byte path gives ENAMETOOLONG"
    la a0, long_buf
    mv a1, s1
    SYS SYS_exec
    EXPECT -ENAMETOOLONG, "exec of a 300-byte path gives ENAMETOOLONG"
    la a0, long_buf
    li a1, 0
    SYS SYS_open
    EXPECT -ENAMETOOLONG, "open of a 300-byte path gives ENAMETOOLONG"

    # ---- process groups: setpgid only of self or a child; kill of a group ----
    SYS SYS_fork
    bnez a0, 1f
    li a0, 1
    li a1, 0
    SYS SYS_setpgid             # init is not this child's child
    li t0, -ESRCH
    mv t1, a0
    li a0, 1
    bne t1, t0, 2f
    li a0, 0
2:  SYS SYS_exit
1:  mv s0, a0
    addi a1, sp, 0
    li a2, 0
    SYS SYS_waitpid
    lw a0, 0(sp)
    EXPECT 0, "setpgid of a process that is neither self nor a child gives ESRCH"
    SYS SYS_fork
    bnez a0, 1f
    li a0, 0
    li a1, 0
    SYS SYS_setpgid
    li a0, 100000
    SYS SYS_sleep
    li a0, 1
    SYS SYS_exit
1:  mv s0, a0
    mv a0, s0
    li a1, 0
    SYS SYS_setpgid             # (parent and child both set it, as shells do)
    mv a0, s0
    SYS SYS_getpgid
    EXPECT_REG s0, "the child leads its own group"
    neg a0, s0
    li a1, SIGTERM
    SYS SYS_kill
    EXPECT 0, "kill of a group (-pgid)"
    mv a0, s0
    addi a1, sp, 0
    li a2, 0
    SYS SYS_waitpid
    lw a0, 0(sp)
    EXPECT SIGTERM, "kill(-pgid, SIGTERM) kills the group's process"
    li a0, -12345
    li a1, 0
    SYS SYS_kill
    EXPECT -ESRCH, "kill of an empty group gives ESRCH"

    # ---- time_ms = time / 10,000 ----
    rdtime s0
    SYS SYS_time_ms
    mv s1, a0
    rdtime s2
    li t0, 10000
    divu s0, s0, t0
    divu s2, s2, t0
    sltu t1, s1, s0
    sltu t2, s2, s1
    or a0, t1, t2
    seqz a0, a0
    CHECK "time_ms lies between two readings of time / 10000"

    # ---- kernel addresses and ranges crossing out of user memory: EFAULT ----
    li a0, 0
    li a1, 0x80000000
    SYS SYS_fstat
    EXPECT -EFAULT, "fstat into 0x80000000 gives EFAULT"
    li a0, 0
    li a1, 0x7FFFFFFC           # 12 bytes from the trampoline into the kernel
    SYS SYS_fstat
    EXPECT -EFAULT, "fstat into a range crossing into the kernel gives EFAULT"
    li a0, 0x80000000
    li a1, 1
    SYS SYS_procs
    EXPECT -EFAULT, "procs into 0x80000000 gives EFAULT"
    li a0, 0x7FFEFFF0           # the stack's top: 40 bytes run past it
    li a1, 1
    SYS SYS_procs
    EXPECT -EFAULT, "procs into a range crossing the stack top gives EFAULT"
    li a0, 0x80000000
    SYS SYS_pipe
    EXPECT -EFAULT, "pipe into 0x80000000 gives EFAULT"
    li a0, 0
    SYS SYS_dup
    EXPECT 3, "a failed pipe allocated no descriptor"
    li a0, 3
    SYS SYS_close
    li a0, 0x80000000
    addi a1, sp, 16
    SYS SYS_spawn
    EXPECT -EFAULT, "spawn of a path at 0x80000000 gives EFAULT"
    la a0, nop_path
    li a1, 0x80000000
    SYS SYS_spawn
    EXPECT -EFAULT, "spawn with argv at 0x80000000 gives EFAULT"
    li a0, -1
    li a1, 0x80000000
    li a2, 0
    SYS SYS_waitpid
    EXPECT -EFAULT, "waitpid into 0x80000000 gives EFAULT (no child needed)"
    li a0, 0
    li a1, 0x80000000
    li a2, 1
    SYS SYS_read
    EXPECT -EFAULT, "read into 0x80000000 gives EFAULT"
    li a0, 1
    li a1, 0x7FFFF000           # the trampoline: readable, so write may send it
    li a2, 0
    SYS SYS_write
    EXPECT 0, "write of 0 bytes from the trampoline is fine"
    li a0, 1
    li a1, 0x7FFFFFF8
    li a2, 16
    SYS SYS_write
    EXPECT -EFAULT, "write from the trampoline's end into the kernel gives EFAULT"

    # ---- waitpid(0) and waitpid(-pgid) wait for a group's children (POSIX) ----
    SYS SYS_fork
    bnez a0, 1f
    li a0, 0
    li a1, 0
    SYS SYS_setpgid
    li a0, 30
    SYS SYS_sleep
    li a0, 3
    SYS SYS_exit
1:  mv s0, a0
    li a1, 0
    SYS SYS_setpgid
    li a0, 0
    li a1, 0
    li a2, WNOHANG
    SYS SYS_waitpid
    EXPECT -ECHILD, "waitpid(0) with the only child in another group gives ECHILD"
    li a0, -999
    li a1, 0
    li a2, 0
    SYS SYS_waitpid
    EXPECT -ECHILD, "waitpid(-pgid) of a group without children gives ECHILD"
    neg a0, s0
    addi a1, sp, 0
    li a2, 0
    SYS SYS_waitpid
    EXPECT_REG s0, "waitpid(-pgid) reaps the child in that group"
    lw a0, 0(sp)
    EXPECT 0x300, "with its status"
    SYS SYS_fork
    bnez a0, 1f
    li a0, 4
    SYS SYS_exit
1:  mv s0, a0
    li a0, 0
    addi a1, sp, 0
    li a2, 0
    SYS SYS_waitpid
    EXPECT_REG s0, "waitpid(0) reaps a child in the caller's group"

    # ---- more user faults and the signal in the wait status ----
    la a0, fault_jump_kernel
    call fault_status
    EXPECT SIGSEGV, "a jump into the kernel (0x80010000) kills with SIGSEGV"
    la a0, fault_exec_stack
    call fault_status
    EXPECT SIGSEGV, "executing the stack (no X) kills with SIGSEGV"
    la a0, fault_store_misaligned
    call fault_status
    EXPECT SIGBUS, "a misaligned store kills with SIGBUS"
    la a0, fault_jump_misaligned
    call fault_status
    EXPECT SIGBUS, "a jump to a pc that is not 4-byte aligned kills with SIGBUS"
    la a0, fault_store_trampoline
    call fault_status
    EXPECT SIGSEGV, "a store to the trampoline kills with SIGSEGV"

    # ---- a long console write: every byte comes out ----
    la t0, long_buf
    li t1, '#'
    li t2, 3000
1:  sb t1, 0(t0)
    addi t0, t0, 1
    addi t2, t2, -1
    bnez t2, 1b
    li t1, 10
    sb t1, 0(t0)
    li a0, 1
    la a1, long_buf
    li a2, 3001
    SYS SYS_write
    EXPECT 3001, "a 3001-byte console write returns 3001"

    # ---- after all of it, nothing leaked ----
2:  li a0, -1
    li a1, 0
    li a2, 0
    SYS SYS_waitpid
    bgtz a0, 2b
    call sweep
    la t0, start_free
    lw t0, 0(t0)
    EXPECT_REG t0, "the free page count is back where it started"

    call t_done
    lw s2, 48(sp)
    lw s1, 52(sp)
    lw s0, 56(sp)
    lw ra, 60(sp)
    addi sp, sp, 64
    ret

# sweep -- a0 = pages sbrk could take (they are given back)
sweep:
    li t3, 0
1:  li a0, 4096
    SYS SYS_sbrk
    bltz a0, 2f
    addi t3, t3, 1
    j 1b
2:  mv t4, t3
3:  beqz t4, 4f
    li a0, -4096
    SYS SYS_sbrk
    addi t4, t4, -1
    j 3b
4:  mv a0, t3
    ret

# fault_status -- the wait status of a child that runs a faulting routine
#  IN:  a0 = routine
#  OUT: a0 = the child's wait status
fault_status:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw a0, 8(sp)
    SYS SYS_fork
    bnez a0, 1f
    lw t0, 8(sp)
    jr t0
1:  addi a1, sp, 4
    li a2, 0
    SYS SYS_waitpid
    lw a0, 4(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret
fault_jump_kernel:
    li t0, 0x80010000
    jr t0
fault_exec_stack:
    addi sp, sp, -16
    li t0, 0x00000013           # nop
    sw t0, 0(sp)
    jr sp
fault_store_misaligned:
    la t0, procs_buf
    sw zero, 2(t0)
    li a0, 0
    SYS SYS_exit
fault_jump_misaligned:
    la t0, 1f
    addi t0, t0, 2
    jr t0
1:  nop
    nop
    li a0, 0
    SYS SYS_exit
fault_store_trampoline:
    li t0, 0x7FFFF000
    sw zero, 0(t0)
    li a0, 0
    SYS SYS_exit

# proc_state -- the state procs reports for a pid
#  IN:  a0 = pid
#  OUT: a0 = state, or -1 when not listed; t1 = its record in procs_buf
proc_state:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw a0, 8(sp)
    la a0, procs_buf
    li a1, 64
    SYS SYS_procs
    lw t0, 8(sp)
    la t1, procs_buf
1:  blez a0, 2f
    lw t2, 0(t1)
    beq t2, t0, 3f
    addi t1, t1, 40
    addi a0, a0, -1
    j 1b
2:  li a0, -1
    j 4f
3:  lw a0, 12(t1)
4:  lw ra, 12(sp)
    addi sp, sp, 16
    ret

.section .rodata
high_path: .asciz "/etc/high"
execregs_path: .asciz "/bin/t_execregs"
nop_path: .asciz "/bin/nop"
x_arg: .asciz "x"
a_arg: .asciz "a"

.section .bss
.balign 4
start_free: .space 4
procs_buf: .space 64 * 40
argv_buf: .space 65 * 4
long_buf: .space 4096
