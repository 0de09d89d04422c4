# sched.s -- context switch, round-robin scheduler, sleep and wakeup, the timer.
#
# Each process has its own kernel stack; a process gives up the CPU only inside the
# kernel, by calling sched() after setting its own state (SLEEPING to wait; STOPPED;
# ZOMBIE), or, on its way back to user mode (the yield call, the end of a time
# slice), through user_yield, which switches straight to the next one.  sched()
# pops the head of the run queue, a FIFO of RUNNABLE TCBs linked by TCB_RQNEXT
# (round robin), and swtch()es to its kernel context; when the queue is empty it
# idles in wfi with interrupts still masked, polling sip, on the stack of the process
# that called it.
#
# Time slice: TIME_SLICE ticks of the 10 MHz time base = 10 ms.  The Sstc timer
# (stimecmp) is armed for the end of the slice or the earliest sleep(ms) deadline,
# whichever comes first; a timer interrupt from U-mode wakes due sleepers and makes
# the interrupted process yield.  While idle, only sleep deadlines arm the timer,
# so an idle machine with nothing to wait for stops (the emulator notices).
#
# Invariants: exactly one TCB is RUNNING (curproc, = tp in kernel code) except
# inside sched(); a TCB is in the run queue exactly when it is RUNNABLE (RUNQ_PUSH,
# kernel.inc, and user_yield are the only ways into that state, sched and
# user_yield the only ones out of it); a SLEEPING TCB has a non-zero
# TCB_CHAN; wakeup() and sleep() need
# no lock because the kernel is never interrupted (trap.s) and every wait is a loop
# that re-checks its condition, so a spurious wakeup is harmless.

.include "kernel.inc"

.text

# swtch -- save the kernel context of one process and resume another
#  IN:  a0 = where to save ra, sp, s0-s11; a1 = context to load
#  OUT: returns in the other context
#  clobbers nothing the callee-saved convention keeps
.globl swtch
swtch:
    sw ra, 0(a0)
    sw sp, 4(a0)
    sw s0, 8(a0)
    sw s1, 12(a0)
    sw s2, 16(a0)
    sw s3, 20(a0)
    sw s4, 24(a0)
    sw s5, 28(a0)
    sw s6, 32(a0)
    sw s7, 36(a0)
    sw s8, 40(a0)
    sw s9, 44(a0)
    sw s10, 48(a0)
    sw s11, 52(a0)
    # and on into swtch_load

# swtch_load -- the second half of swtch: resume a context, saving nothing
#  IN:  a1 = context to load
#  OUT: returns in that context
swtch_load:
    lw ra, 0(a1)
    lw sp, 4(a1)
    lw s0, 8(a1)
    lw s1, 12(a1)
    lw s2, 16(a1)
    lw s3, 20(a1)
    lw s4, 24(a1)
    lw s5, 28(a1)
    lw s6, 32(a1)
    lw s7, 36(a1)
    lw s8, 40(a1)
    lw s9, 44(a1)
    lw s10, 48(a1)
    lw s11, 52(a1)
    ret

# sys_yield -- the yield system call (16): a0 = 0, and the next runnable process runs
#  IN:  tp = current TCB, its TCB_REGS complete (trap_entry)
#  OUT: does not return: ends in user_return, of the next process or of this one
.globl sys_yield
sys_yield:
    sw zero, 40(tp)             # the user's a0, whenever this process gets back
    # and on into user_yield

# user_yield -- give up the CPU on the way back to user mode (the yield call and the
# end of a time slice).  The whole state of the process is in its TCB_REGS and
# nothing on its kernel stack is needed any more, so no kernel context is saved:
# TCB_CTX gets (user_resume, -), and whoever resumes the process next, this code or
# sched's swtch, lands in user_resume on a fresh kernel stack.  When the next process
# was suspended the same way, the switch is direct: tp = the next TCB, its satp, and
# user_return, without any swtch; otherwise only its kernel context is loaded.
#  IN:  tp = current TCB, TCB_REGS complete
#  OUT: does not return
.globl user_yield
user_yield:
    lui t0, %hi(runq_head)
    lw t1, %lo(runq_head)(t0)   # t1 = the next process
    bnez t1, 0f
    j user_return               # nothing else runnable: carry on
0:  # Pop the head and append this process in one go.  The run queue is a FIFO
    # of RUNNABLE TCBs; this is the only place besides RUNQ_PUSH and sched that
    # changes it (the invariant holds again at the end, before anything can look).
    lw t2, TCB_RQNEXT(t1)
    li t3, P_RUNNABLE
    sw t3, TCB_STATE(tp)
    sw zero, TCB_RQNEXT(tp)
    li t3, P_RUNNING
    sw t3, TCB_STATE(t1)
    lui t4, %hi(runq_tail)
    beqz t2, 1f
    sw t2, %lo(runq_head)(t0)   # several waiting: the second becomes the head,
    lw t5, %lo(runq_tail)(t4)   # this process goes behind the tail
    sw tp, TCB_RQNEXT(t5)
    j 2f
1:  sw tp, %lo(runq_head)(t0)   # the next one was alone: the queue is this one
2:  sw tp, %lo(runq_tail)(t4)
    la t3, user_resume
    sw t3, TCB_CTX + CTX_RA(tp)
    CHARGE_TURN
    sw a0, TCB_RUNSTART(t1)
    lw t0, TCB_SATP(t1)
    csrw satp, t0
    sfence.vma
    lui t0, %hi(curproc)
    sw t1, %lo(curproc)(t0)
    mv tp, t1
    lw t0, TCB_CTX + CTX_RA(tp)
    bne t0, t3, 3f
    lw sp, TCB_KSTACK(tp)       # suspended in user_yield too: straight back
    j user_return
3:  addi a1, tp, TCB_CTX        # suspended inside the kernel: resume there
    j swtch_load

# user_resume -- where the kernel context of a process starts when the process has
# nothing in the kernel: a new process (fork, spawn) and one suspended by user_yield
#  IN:  curproc = the process
#  OUT: does not return (to user mode)
.globl user_resume
user_resume:
    lui t0, %hi(curproc)
    lw tp, %lo(curproc)(t0)
    lw sp, TCB_KSTACK(tp)
    j user_return

# sched -- run the next runnable process (maybe the caller again)
#  IN:  tp = current TCB, its state already set to what it should be
#  OUT: returns when the caller is chosen again; tp = the caller; a0 = 0
#  clobbers a0-a7, t0-t6
.globl sched
sched:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
sched_find:
    la t0, runq_head
    lw s0, 0(t0)
    beqz s0, sched_go_idle
    lw t2, TCB_RQNEXT(s0)       # pop the head
    sw t2, 0(t0)
    bnez t2, 1f
    la t0, runq_tail
    sw zero, 0(t0)
1:  li t0, P_RUNNING
    sw t0, TCB_STATE(s0)
    beq s0, tp, sched_done
    CHARGE_TURN
    sw a0, TCB_RUNSTART(s0)
    lw t0, TCB_SATP(s0)
    csrw satp, t0
    sfence.vma
    la t0, curproc
    sw s0, 0(t0)
    addi a0, tp, TCB_CTX
    addi a1, s0, TCB_CTX
    call swtch
    la t0, curproc
    lw tp, 0(t0)
sched_done:
    li a0, 0
    lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# sched_go_idle -- nothing to run: the caller's turn ends here, so the idle time that
# follows is charged to nobody (ps would otherwise show a shell waiting for a key as
# the busiest process)
sched_go_idle:
    CHARGE_TURN
# sched_idle -- wait for an interrupt, handle it by polling, until something is
# runnable; then a fresh time slice, a fresh turn, and back to sched_find
sched_idle:
    call timer_arm_idle
    wfi
    csrr s0, sip
    andi t0, s0, SIP_STIP
    beqz t0, 1f
    call timer_intr
1:  li t0, SIP_SEIP
    and t0, s0, t0
    beqz t0, 2f
    call plic_intr
2:  la t0, runq_head
    lw t0, 0(t0)
    beqz t0, sched_idle
    call timer_arm
    rdcycle t0
    sw t0, TCB_RUNSTART(tp)
    j sched_find

# sched_start -- leave the boot stack for the first process's kernel context
#  IN:  a0 = TCB (RUNNABLE)
#  OUT: does not return
.globl sched_start
sched_start:
    mv tp, a0
    la t0, curproc
    sw a0, 0(t0)
    li t0, P_RUNNING
    sw t0, TCB_STATE(tp)
    lw t0, TCB_SATP(tp)
    csrw satp, t0
    sfence.vma
    rdcycle t0
    sw t0, TCB_RUNSTART(tp)
    call timer_arm
    la a0, boot_ctx
    addi a1, tp, TCB_CTX
    call swtch
1:  j 1b

# sleep -- wait on a channel until wakeup(channel); the caller re-checks its condition
#  IN:  a0 = channel (any non-zero address), tp = current TCB
#  OUT: nothing
#  clobbers a0-a7, t0-t6
.globl sleep
sleep:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw a0, TCB_CHAN(tp)
    li t0, P_SLEEPING
    sw t0, TCB_STATE(tp)
    call sched
    sw zero, TCB_CHAN(tp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# wakeup -- make every process sleeping on a channel runnable
#  IN:  a0 = channel
#  OUT: nothing
#  clobbers t0-t4
.globl wakeup
wakeup:
    la t0, tcb_table
    li t1, NPROC * TCB_SIZE
    add t1, t1, t0
1:  lw t2, TCB_STATE(t0)
    li t3, P_SLEEPING
    bne t2, t3, 2f
    lw t2, TCB_CHAN(t0)
    bne t2, a0, 2f
    RUNQ_PUSH t0, t3, t4
2:  addi t0, t0, TCB_SIZE
    bne t0, t1, 1b
    ret

# timer_intr -- the timer fired: wake sleepers whose deadline has come, re-arm
#  IN:  nothing
#  OUT: nothing
#  clobbers a0-a7, t0-t6
.globl timer_intr
timer_intr:
    addi sp, sp, -16
    sw ra, 12(sp)
    call read_time
    la t0, tcb_table
    li t1, NPROC * TCB_SIZE
    add t1, t1, t0
1:  lw t2, TCB_STATE(t0)
    li t3, P_SLEEPING
    bne t2, t3, 3f
    lw t2, TCB_WAKEUP(t0)
    lw t3, TCB_WAKEUP+4(t0)
    or t4, t2, t3
    beqz t4, 3f
    # due when wakeup <= now
    bltu a1, t3, 3f
    bne a1, t3, 2f
    bltu a0, t2, 3f
2:  RUNQ_PUSH t0, t3, t5
3:  addi t0, t0, TCB_SIZE
    bne t0, t1, 1b
    call timer_arm
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# timer_arm -- stimecmp = min(now + TIME_SLICE, earliest sleep deadline)
#  IN:  nothing
#  OUT: nothing
#  clobbers a0-a1, t0-t4
.globl timer_arm
timer_arm:
    addi sp, sp, -16
    sw ra, 12(sp)
    call read_time
    li t0, TIME_SLICE
    add a0, a0, t0
    sltu t0, a0, t0
    add a1, a1, t0
    call earliest_deadline
    call set_stimecmp
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# timer_arm_idle -- stimecmp = the earliest sleep deadline, or never
#  IN:  nothing
#  OUT: nothing
#  clobbers a0-a1, t0-t4
timer_arm_idle:
    addi sp, sp, -16
    sw ra, 12(sp)
    li a0, -1
    li a1, -1
    call earliest_deadline
    call set_stimecmp
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# earliest_deadline -- the minimum of a time and every sleeper's deadline
#  IN:  a1:a0 = time
#  OUT: a1:a0 = minimum
#  clobbers t0-t4
earliest_deadline:
    # The deadlines of RUNNING and SLEEPING TCBs count: sys_sleep sets its own
    # deadline and arms the timer before it goes to sleep.  A stopped sleeper's
    # deadline (it may pass while stopped) or a woken one's does not.
    la t0, tcb_table
    li t1, NPROC * TCB_SIZE
    add t1, t1, t0
1:  lw t2, TCB_STATE(t0)
    addi t2, t2, -P_RUNNING
    li t3, P_SLEEPING - P_RUNNING
    bgtu t2, t3, 2f
    lw t2, TCB_WAKEUP(t0)
    lw t3, TCB_WAKEUP+4(t0)
    or t4, t2, t3
    beqz t4, 2f
    bltu a1, t3, 2f             # deadline later
    bne a1, t3, 3f
    bgeu t2, a0, 2f
3:  mv a0, t2
    mv a1, t3
2:  addi t0, t0, TCB_SIZE
    bne t0, t1, 1b
    ret

# set_stimecmp -- write the 64-bit compare value without a spurious interrupt
#  IN:  a1:a0 = value
#  OUT: nothing
#  clobbers t0
set_stimecmp:
    li t0, -1
    csrw 0x15D, t0              # stimecmph: first out of reach
    csrw 0x14D, a0              # stimecmp
    csrw 0x15D, a1
    ret

.section .bss
.balign 4
.globl curproc
curproc:    .space 4
.globl runq_head
runq_head:  .space 4            # first RUNNABLE TCB to run, 0 = none
.globl runq_tail
runq_tail:  .space 4
boot_ctx:   .space 56
