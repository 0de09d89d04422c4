# signal.s -- signal state: sending, default actions, and the stop/continue rules.
#
# Each TCB keeps a pending set and a blocked mask (bit n = signal n) and NSIG
# actions {handler, mask, flags} (TCB_SIGACT).  This issue has no user handlers
# yet (sigaction comes with the signals issue): a pending, unblocked signal takes its
# default action on the next return to user mode (signal_deliver, called by
# user_return): terminate (the wait status is the signal), stop, continue or ignore.
#
# Rules kept (abi.md): SIGKILL and SIGSTOP are never blocked; a signal whose action
# is to be ignored is discarded at once, never left pending; SIGCONT resumes a
# stopped process even when blocked or ignored and discards pending stop signals; a
# stop signal discards a pending SIGCONT.  A signal that can be delivered wakes the
# process from an interruptible sleep; the wait takes the default action there and
# goes on (signal_interrupts): only a handler would end it with -EINTR.

.include "kernel.inc"
.include "signal.inc"
.include "errno.inc"

# stop signals: STOP, TSTP, TTIN, TTOU
.equ STOP_SET, (1 << SIGSTOP) | (1 << SIGTSTP) | (1 << SIGTTIN) | (1 << SIGTTOU)
# signals whose default action is to ignore (SIGCONT's default "continue" happens
# when it is sent)
.equ IGNORE_SET, (1 << SIGCHLD) | (1 << SIGCONT)
.equ UNBLOCKABLE, (1 << SIGKILL) | (1 << SIGSTOP)

.text

# signal_send -- make a signal pending for a process, with the rules above
#  IN:  a0 = TCB (0 is ignored), a1 = signal (1..NSIG-1; 0 does nothing)
#  OUT: nothing
#  clobbers a2-a3, t0-t4
.globl signal_send
signal_send:
    beqz a0, 9f
    beqz a1, 9f
    lw t0, TCB_STATE(a0)
    beqz t0, 9f
    li t1, P_ZOMBIE
    beq t0, t1, 9f
    li t1, 1
    sll t1, t1, a1              # t1 = bit of the signal
    li t2, STOP_SET
    and t3, t1, t2
    beqz t3, 1f
    # a stop signal discards a pending SIGCONT
    lw t3, TCB_SIGPEND(a0)
    li t4, ~(1 << SIGCONT)
    and t3, t3, t4
    sw t3, TCB_SIGPEND(a0)
1:  li t3, SIGCONT
    bne a1, t3, 2f
    # SIGCONT: discard pending stops, resume a stopped process
    lw t3, TCB_SIGPEND(a0)
    not t4, t2
    and t3, t3, t4
    sw t3, TCB_SIGPEND(a0)
    li t3, P_STOPPED
    bne t0, t3, 2f
    RUNQ_PUSH a0, t3, t4
    lw t3, TCB_FLAGS(a0)
    andi t3, t3, ~TF_STOP_REPORTED
    sw t3, TCB_FLAGS(a0)
2:  # The action: SIG_IGN, or SIG_DFL of an ignoring signal, discards it.
    li t3, UNBLOCKABLE
    and t3, t3, t1
    bnez t3, 4f
    li t3, 12
    mul t3, t3, a1
    add t3, t3, a0
    lw t3, TCB_SIGACT(t3)
    li t4, 1
    beq t3, t4, 9f              # SIG_IGN
    bnez t3, 4f                 # a handler (signals issue)
    li t4, IGNORE_SET
    and t4, t4, t1
    bnez t4, 9f
4:  lw t3, TCB_SIGPEND(a0)
    or t3, t3, t1
    sw t3, TCB_SIGPEND(a0)
    # Wake the process if the signal can be delivered.
    li t4, SIGKILL
    bne a1, t4, 5f
    li t3, P_STOPPED
    bne t0, t3, 5f
    RUNQ_PUSH a0, t3, t4        # SIGKILL ends a stopped process too
    j 9f
5:  li t3, P_SLEEPING
    bne t0, t3, 9f
    lw t3, TCB_SIGMASK(a0)
    li t4, ~UNBLOCKABLE
    and t3, t3, t4
    and t3, t3, t1
    bnez t3, 9f
    RUNQ_PUSH a0, t3, t4
9:  ret

# signal_group -- send a signal to every process of a process group
#  IN:  a0 = pgid, a1 = signal
#  OUT: a0 = number of processes it went to
#  clobbers a1-a5, t0-t4
.globl signal_group
signal_group:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    sw s1, 4(sp)
    sw s2, 0(sp)
    mv s0, a0
    la s1, tcb_table
    li s2, 0
1:  lw t0, TCB_STATE(s1)
    beqz t0, 2f
    li t1, P_EMBRYO
    beq t0, t1, 2f
    li t1, P_ZOMBIE
    beq t0, t1, 2f
    lw t0, TCB_PGID(s1)
    bne t0, s0, 2f
    mv a0, s1
    call signal_send            # (keeps a1)
    addi s2, s2, 1
2:  addi s1, s1, TCB_SIZE
    la t0, tcb_table + NPROC * TCB_SIZE
    bne s1, t0, 1b
    mv a0, s2
    lw s2, 0(sp)
    lw s1, 4(sp)
    lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# signal_interrupts -- should an interruptible wait end because of a signal?
# abi.md lets a blocking call return -EINTR only when a handler runs.  So every
# deliverable pending signal without a handler takes its default action right here,
# inside the wait: terminate does not return, a stop sleeps until SIGCONT (or
# SIGKILL) and an ignored one is discarded; then the wait goes on (a sleep with the
# time left to its deadline, a read still waiting).  Only a deliverable signal with
# a user handler (the signals issue) ends the wait.
#  IN:  tp = current TCB
#  OUT: a0 = 1 if a deliverable pending signal has a handler, else 0
#  clobbers a0-a7, t0-t6
.globl signal_interrupts
signal_interrupts:
    lw t0, TCB_SIGPEND(tp)
    bnez t0, 1f
    li a0, 0                    # the common case: nothing pending
    ret
1:  lw t1, TCB_SIGMASK(tp)
    li a0, ~UNBLOCKABLE
    and t1, t1, a0
    not t1, t1
    and t0, t0, t1              # t0 = deliverable
    # any of them with a handler (> SIG_IGN)?
    addi t2, tp, TCB_SIGACT
    li t3, 1
2:  beqz t0, 3f
    srli t0, t0, 1
    addi t2, t2, 12
    andi t4, t0, 1
    beqz t4, 2b
    lw t4, 0(t2)
    bleu t4, t3, 2b
    li a0, 1
    ret
3:  addi sp, sp, -16
    sw ra, 12(sp)
    call signal_deliver         # default actions; returns when none is left
    li a0, 0
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# signal_deliver -- take the action of every deliverable pending signal
#  IN:  tp = current TCB, about to return to user mode
#  OUT: nothing (may not return: terminate; may sleep: stop)
#  clobbers a0-a7, t0-t6
.globl signal_deliver
signal_deliver:
    addi sp, sp, -16
    sw ra, 12(sp)
1:  lw t0, TCB_SIGPEND(tp)
    beqz t0, 9f                 # the common case: nothing pending
    lw t1, TCB_SIGMASK(tp)
    li t2, ~UNBLOCKABLE
    and t1, t1, t2
    not t1, t1
    and t1, t0, t1
    beqz t1, 9f
    # the lowest deliverable signal
    li a0, 0
2:  andi t2, t1, 1
    bnez t2, 3f
    srli t1, t1, 1
    addi a0, a0, 1
    j 2b
3:  li t2, 1
    sll t2, t2, a0
    not t3, t2
    and t0, t0, t3
    sw t0, TCB_SIGPEND(tp)
    li t3, IGNORE_SET
    and t3, t3, t2
    bnez t3, 1b
    li t3, STOP_SET
    and t3, t3, t2
    bnez t3, 4f
    call proc_exit              # terminate: wait status = the signal
4:  # stop: the parent may see it with WUNTRACED
    slli t0, a0, 8
    ori t0, t0, 0x7F
    sw t0, TCB_XSTATUS(tp)
    lw t0, TCB_FLAGS(tp)
    andi t0, t0, ~TF_STOP_REPORTED
    sw t0, TCB_FLAGS(tp)
    li t0, P_STOPPED
    sw t0, TCB_STATE(tp)
    lw a0, TCB_PARENT(tp)
    call wakeup
    lw a0, TCB_PARENT(tp)
    li a1, SIGCHLD
    call signal_send
    call sched                  # until SIGCONT or SIGKILL
    j 1b
9:  lw ra, 12(sp)
    addi sp, sp, 16
    ret

# sys_kill -- kill(pid, sig)
#  IN:  a0 = pid (> 0 one process, 0 the caller's group, -1 all but 1 and the caller,
#       < -1 the group -pid), a1 = signal (0 = only check)
#  OUT: a0 = 0, -EINVAL (bad signal), -ESRCH (no such process)
#  clobbers a1-a7, t0-t6
.globl sys_kill
sys_kill:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    sw s1, 4(sp)
    sw s2, 0(sp)
    li t0, NSIG
    bgeu a1, t0, 7f
    mv s1, a1
    blez a0, 2f
    call find_pid
    beqz a0, 8f
    lw t0, TCB_STATE(a0)
    mv a1, s1
    call signal_send
    j 6f
2:  bnez a0, 3f
    lw a0, TCB_PGID(tp)
    j 4f
3:  li t0, -1
    beq a0, t0, 5f
    neg a0, a0
4:  mv a1, s1
    call signal_group
    beqz a0, 8f
    j 6f
5:  # every process but pid 1 and the caller
    la s0, tcb_table
    li s2, 0
51: lw t0, TCB_STATE(s0)
    beqz t0, 52f
    li t1, P_EMBRYO
    beq t0, t1, 52f
    beq s0, tp, 52f
    lw t0, TCB_PID(s0)
    li t1, 1
    beq t0, t1, 52f
    li s2, 1
    mv a0, s0
    mv a1, s1
    call signal_send
52: addi s0, s0, TCB_SIZE
    la t0, tcb_table + NPROC * TCB_SIZE
    bne s0, t0, 51b
    beqz s2, 8f
6:  li a0, 0
    j 9f
7:  li a0, -EINVAL
    j 9f
8:  li a0, -ESRCH
9:  lw s2, 0(sp)
    lw s1, 4(sp)
    lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret
