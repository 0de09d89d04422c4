# t_proc.s -- guest test: fork, exit, waitpid, faults as signals, preemption, kill,
# stop and continue, orphans, the fork bomb, exec and spawn with their errors.
.include "tmacros.inc"

# FORK_CHILD label -- fork; the child jumps to label, the parent goes on (s0 = pid)
.macro FORK_CHILD label
    SYS SYS_fork
    beqz a0, \label
    mv s0, a0
.endm

# WAIT_STATUS -- waitpid(s0, sp+0, 0); a0 = pid, status at 0(sp)
.macro WAIT_STATUS
    mv a0, s0
    mv a1, sp
    li a2, 0
    SYS SYS_waitpid
.endm

.text
.globl main
main:
    addi sp, sp, -64
    sw ra, 60(sp)
    sw s0, 56(sp)
    sw s1, 52(sp)
    sw s2, 48(sp)
    sw s3, 44(sp)
    mv s2, a0                   # argc
    mv s3, a1                   # argv
    li t0, 2
    blt s2, t0, 1f
    j exec_child                # started again by exec with an argument
1:
    # ---- fork and exit status -------------------------------------------------
    li a0, -1
    mv a1, sp
    li a2, 0
    SYS SYS_waitpid
    EXPECT -ECHILD, "waitpid without children gives ECHILD"
    FORK_CHILD child_exit42
    sltu a0, zero, s0
    CHECK "fork returns the child's pid"
    WAIT_STATUS
    EXPECT_REG s0, "waitpid returns the child's pid"
    lw a0, 0(sp)
    EXPECT 0x2A00, "exit(42) gives status 42 << 8"
    WAIT_STATUS
    EXPECT -ECHILD, "a reaped child is gone"
    FORK_CHILD child_exit_big
    WAIT_STATUS
    lw a0, 0(sp)
    EXPECT 0x3400, "exit(0x1234) keeps the low 8 bits"
    # WNOHANG on a running child, then a blocking wait
    FORK_CHILD child_sleep30
    mv a0, s0
    mv a1, sp
    li a2, WNOHANG
    SYS SYS_waitpid
    EXPECT 0, "WNOHANG on a running child gives 0"
    li a0, -1
    li a1, 0
    li a2, 0
    SYS SYS_waitpid
    EXPECT_REG s0, "waitpid(-1, NULL) reaps any child"
    li a0, 9999
    mv a1, sp
    li a2, 0
    SYS SYS_waitpid
    EXPECT -ECHILD, "waitpid of a non-child gives ECHILD"
    FORK_CHILD child_getppid
    WAIT_STATUS
    lw a0, 0(sp)
    EXPECT 0x100, "the child's getppid is its parent (1)"
    # memory is copied, not shared
    la t0, shared_word
    li t1, 5
    sw t1, 0(t0)
    FORK_CHILD child_write_word
    WAIT_STATUS
    la t0, shared_word
    lw a0, 0(t0)
    EXPECT 5, "a child's store does not reach the parent"
    lw a0, 0(sp)
    EXPECT 0x600, "the child saw the parent's value (5+1)"

    # ---- faults become signals ------------------------------------------------
    FORK_CHILD child_null_load
    WAIT_STATUS
    lw a0, 0(sp)
    EXPECT SIGSEGV, "load from NULL kills with SIGSEGV"
    FORK_CHILD child_kernel_store
    WAIT_STATUS
    lw a0, 0(sp)
    EXPECT SIGSEGV, "store to 0x80000000 kills with SIGSEGV"
    FORK_CHILD child_text_store
    WAIT_STATUS
    lw a0, 0(sp)
    EXPECT SIGSEGV, "store into the program text kills with SIGSEGV"
    FORK_CHILD child_illegal
    WAIT_STATUS
    lw a0, 0(sp)
    EXPECT SIGILL, "an illegal instruction kills with SIGILL"
    FORK_CHILD child_ebreak
    WAIT_STATUS
    lw a0, 0(sp)
    EXPECT SIGTRAP, "ebreak kills with SIGTRAP"
    FORK_CHILD child_misaligned
    WAIT_STATUS
    lw a0, 0(sp)
    EXPECT SIGBUS, "a misaligned load kills with SIGBUS"
    FORK_CHILD child_guard
    WAIT_STATUS
    lw a0, 0(sp)
    EXPECT SIGSEGV, "touching the stack guard page kills with SIGSEGV"
    FORK_CHILD child_wfi
    WAIT_STATUS
    lw a0, 0(sp)
    EXPECT SIGILL, "wfi in U-mode kills with SIGILL"
    FORK_CHILD child_csr
    WAIT_STATUS
    lw a0, 0(sp)
    EXPECT SIGILL, "reading sstatus in U-mode kills with SIGILL"

    # ---- preemption: an endless loop does not stop us --------------------------
    FORK_CHILD child_spin
    SYS SYS_time_ms
    mv s1, a0
    li a0, 30
    SYS SYS_sleep
    EXPECT 0, "the parent sleeps while a child spins"
    SYS SYS_yield
    SYS SYS_yield
    li a0, 1
    CHECK "the parent runs again beside a spinning child"
    # stop, continue, kill
    mv a0, s0
    li a1, SIGSTOP
    SYS SYS_kill
    EXPECT 0, "kill SIGSTOP"
    mv a0, s0
    mv a1, sp
    li a2, WUNTRACED
    SYS SYS_waitpid
    EXPECT_REG s0, "WUNTRACED reports the stopped child"
    lw a0, 0(sp)
    EXPECT 0x137F, "stopped status is (SIGSTOP << 8) | 0x7f"
    mv a0, s0
    mv a1, sp
    li a2, WUNTRACED | WNOHANG
    SYS SYS_waitpid
    EXPECT 0, "a stop is reported once"
    mv a0, s0
    li a1, SIGCONT
    SYS SYS_kill
    EXPECT 0, "kill SIGCONT"
    SYS SYS_yield
    mv a0, s0
    li a1, SIGKILL
    SYS SYS_kill
    WAIT_STATUS
    EXPECT_REG s0, "the spinning child is reaped"
    lw a0, 0(sp)
    EXPECT SIGKILL, "killed status is the signal"
    FORK_CHILD child_sleep30
    mv a0, s0
    li a1, SIGTERM
    SYS SYS_kill
    WAIT_STATUS
    lw a0, 0(sp)
    EXPECT SIGTERM, "SIGTERM ends a sleeping child"
    FORK_CHILD child_sleep30
    mv a0, s0
    li a1, SIGCHLD
    SYS SYS_kill
    EXPECT 0, "SIGCHLD (ignored by default) can be sent"
    WAIT_STATUS
    lw a0, 0(sp)
    EXPECT 0, "an ignored signal does not interrupt sleep"

    # ---- orphans go to init ---------------------------------------------------
    FORK_CHILD child_make_orphan
    WAIT_STATUS
    lw a0, 0(sp)
    EXPECT 0, "the middle process exits"
    li a0, -1
    mv a1, sp
    li a2, 0
    SYS SYS_waitpid
    sltu a0, zero, a0
    CHECK "init reaps the orphaned grandchild"
    lw a0, 0(sp)
    EXPECT 0x700, "the orphan's own status (7) arrives"

    # ---- fork bomb ---------------------------------------------------------------
    li s1, 0                    # children made
2:  SYS SYS_fork
    beqz a0, child_wait_forever
    blt a0, zero, 3f
    addi s1, s1, 1
    j 2b
3:  EXPECT -EAGAIN, "a fork bomb meets EAGAIN"
    sltiu a0, s1, 62
    seqz a0, a0
    CHECK "at least 63 processes could exist"
    li a0, -1
    li a1, SIGKILL
    SYS SYS_kill                # every process but init (us)
    EXPECT 0, "kill(-1, SIGKILL) reaches the bomb"
4:  li a0, -1
    li a1, 0
    li a2, 0
    SYS SYS_waitpid
    blez a0, 5f
    addi s1, s1, -1
    j 4b
5:  mv a0, s1
    EXPECT 0, "every child of the bomb is reaped"
    SYS SYS_fork
    beqz a0, child_exit42
    mv s0, a0
    sltu a0, zero, a0
    CHECK "fork works again after the bomb"
    WAIT_STATUS

    # ---- exec and spawn ---------------------------------------------------------
    la a0, p_notelf
    la a1, argv_none
    SYS SYS_exec
    EXPECT -ENOEXEC, "exec of a non-ELF gives ENOEXEC"
    la a0, p_missing
    la a1, argv_none
    SYS SYS_exec
    EXPECT -ENOENT, "exec of a missing file gives ENOENT"
    la a0, p_bin
    la a1, argv_none
    SYS SYS_exec
    EXPECT -EACCES, "exec of a directory gives EACCES"
    la a0, p_notdir
    la a1, argv_none
    SYS SYS_exec
    EXPECT -ENOTDIR, "exec through a file gives ENOTDIR"
    la a0, p_long
    la a1, argv_none
    SYS SYS_exec
    EXPECT -ENAMETOOLONG, "exec with a 28-byte component gives ENAMETOOLONG"
    la a0, p_missing
    la a1, argv_none
    SYS SYS_spawn
    EXPECT -ENOENT, "spawn of a missing file gives ENOENT"
    la a0, p_notelf
    la a1, argv_none
    SYS SYS_spawn
    EXPECT -ENOEXEC, "spawn of a non-ELF gives ENOEXEC"
    la a0, p_self
    la a1, argv_child
    SYS SYS_spawn
    mv s0, a0
    sltu a0, zero, a0
    CHECK "spawn starts a child"
    WAIT_STATUS
    lw a0, 0(sp)
    EXPECT 0x2100, "the spawned child saw argc 3 and its arguments (exit 33)"
    FORK_CHILD child_exec
    WAIT_STATUS
    lw a0, 0(sp)
    EXPECT 0x2100, "exec in a child passes argv (exit 33)"
    call t_done
    lw s3, 44(sp)
    lw s2, 48(sp)
    lw s1, 52(sp)
    lw s0, 56(sp)
    lw ra, 60(sp)
    addi sp, sp, 64
    ret

# ---- children ------------------------------------------------------------------
child_exit42:
    li a0, 42
    SYS SYS_exit
child_exit_big:
    li a0, 0x1234
    SYS SYS_exit
child_sleep30:
    li a0, 30
    SYS SYS_sleep
    SYS SYS_exit
child_getppid:
    SYS SYS_getppid
    SYS SYS_exit
child_write_word:
    la t0, shared_word
    lw a0, 0(t0)
    addi a0, a0, 1
    sw a0, 0(t0)
    SYS SYS_exit
child_null_load:
    lw a0, 0(zero)
    SYS SYS_exit
child_kernel_store:
    li t0, 0x80000000
    sw zero, 0(t0)
    SYS SYS_exit
child_text_store:
    la t0, main
    sw zero, 0(t0)
    SYS SYS_exit
child_illegal:
    .word 0
    SYS SYS_exit
child_ebreak:
    ebreak
    SYS SYS_exit
child_misaligned:
    la t0, shared_word
    lw a0, 1(t0)
    SYS SYS_exit
child_guard:
    li t0, 0x7FFDF000 + 16
    lw a0, 0(t0)
    SYS SYS_exit
child_wfi:
    wfi
    SYS SYS_exit
child_csr:
    csrr a0, sstatus
    SYS SYS_exit
child_spin:
    j child_spin
child_make_orphan:
    SYS SYS_fork
    beqz a0, 1f
    li a0, 0
    SYS SYS_exit
1:  li a0, 20
    SYS SYS_sleep
    li a0, 7
    SYS SYS_exit
child_wait_forever:
    li a0, 100000
    SYS SYS_sleep
    SYS SYS_exit
child_exec:
    la a0, p_self
    la a1, argv_child
    SYS SYS_exec
    SYS SYS_exit
# exec_child -- main with argc >= 2: exit 33 if argv is {"/bin/t_proc", "child", "x"}
exec_child:
    li s0, 0
    li t0, 3
    bne s2, t0, 1f
    lw t0, 4(s3)
    lbu t1, 0(t0)
    li t2, 99                   # 'c'
    bne t1, t2, 1f
    lbu t1, 5(t0)
    bnez t1, 1f
    lw t0, 8(s3)
    lbu t1, 0(t0)
    li t2, 120                  # 'x'
    bne t1, t2, 1f
    lw t0, 12(s3)
    bnez t0, 1f
    andi t0, sp, 15
    bnez t0, 1f
    li s0, 33
1:  mv a0, s0
    SYS SYS_exit

.section .rodata
p_notelf:  .asciz "/etc/notelf"
p_missing: .asciz "/bin/no-such-program"
p_bin:     .asciz "/bin"
p_notdir:  .asciz "/etc/data.txt/x"
p_long:    .asciz "/bin/abcdefghijklmnopqrstuvwxyz01"
p_self:    .asciz "/bin/t_proc"
a_child:   .asciz "child"
a_x:       .asciz "x"
.section .data
.balign 4
argv_none:  .word p_self, 0
argv_child: .word p_self, a_child, a_x, 0
shared_word: .word 0
