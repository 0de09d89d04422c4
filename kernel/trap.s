# trap.s -- the one trap entry, the way back to user mode, interrupts and faults.
#
# Trap path (docs/kernel.md): stvec = trap_entry in direct mode.  While a process
# runs in U-mode, sscratch holds its TCB; while the kernel runs, sscratch is 0.
# trap_entry swaps tp with sscratch: a non-zero result is the TCB; the 31 user
# registers and sepc go into TCB_REGS, sp becomes the process's kernel stack, and
# the code below dispatches on scause.  user_return is the only way back: it
# delivers pending signals, then reloads every register from the TCB and srets.
#
# Interrupt rule: the kernel runs with sstatus.SIE = 0, always.  Interrupts are taken
# only from U-mode (where S-level interrupts are always enabled) and polled by the
# idle loop in sched.s, which waits in wfi with SIE still 0 (wfi wakes on any
# pending interrupt enabled in sie).  So no kernel code is ever interrupted, and
# every kernel data structure is consistent whenever the kernel sleeps or returns to
# user mode, with no locks.  A trap from S-mode is therefore a kernel bug: it prints
# scause/sepc/stval and powers off with exit code 98.

.include "kernel.inc"
.include "errno.inc"
.include "signal.inc"
.include "syscalls.inc"

.text
.balign 4
.globl trap_entry
trap_entry:
    csrrw tp, sscratch, tp      # tp = TCB (0 when the trap came from S-mode)
    beqz tp, kernel_trap
    sw ra, 4(tp)
    sw gp, 12(tp)
    sw t0, 20(tp)
    sw t1, 24(tp)
    sw t2, 28(tp)
    sw s0, 32(tp)
    sw s1, 36(tp)
    sw a0, 40(tp)
    sw a1, 44(tp)
    sw a2, 48(tp)
    sw a3, 52(tp)
    sw a4, 56(tp)
    sw a5, 60(tp)
    sw a6, 64(tp)
    sw a7, 68(tp)
    sw s2, 72(tp)
    sw s3, 76(tp)
    sw s4, 80(tp)
    sw s5, 84(tp)
    sw s6, 88(tp)
    sw s7, 92(tp)
    sw s8, 96(tp)
    sw s9, 100(tp)
    sw s10, 104(tp)
    sw s11, 108(tp)
    sw t3, 112(tp)
    sw t4, 116(tp)
    sw t5, 120(tp)
    sw t6, 124(tp)
    sw sp, 8(tp)
    csrr t0, sscratch
    sw t0, 16(tp)               # user tp
    csrr t1, sepc
    csrw sscratch, zero
    lw sp, TCB_KSTACK(tp)
    csrr t0, scause
    addi t2, t0, -EXC_ECALL_U
    bnez t2, trap_other
    # System call: a7 = number, a0..a5 = arguments; the result goes to the user's
    # a0, and the user resumes after the ecall.
    addi t1, t1, 4
    sw t1, 0(tp)
    li t1, SYSCALL_MAX
    bgeu a7, t1, 1f
    slli t1, a7, 2
    lui t2, %hi(syscall_table)
    add t1, t1, t2
    lw t1, %lo(syscall_table)(t1)
    jalr t1
    sw a0, 40(tp)
    j user_return
1:  li a0, -ENOSYS
    sw a0, 40(tp)
    j user_return

# trap_other -- not a system call: an interrupt or a fault
trap_other:
    sw t1, 0(tp)                # the user pc
    bgez t0, trap_fault

# trap_interrupt -- timer or external interrupt taken in U-mode
trap_interrupt:
    slli t0, t0, 1
    srli t0, t0, 1
    li t1, IRQ_S_TIMER
    bne t0, t1, 1f
    call timer_intr
    j user_yield                # the time slice is over
1:  li t1, IRQ_S_EXTERNAL
    bne t0, t1, user_return     # (nothing else is enabled)
    call plic_intr
    j user_return

# trap_fault -- an exception other than ecall: the process dies of the signal
# (abi.md: page and access faults SIGSEGV, illegal instruction SIGILL, misaligned
# SIGBUS, ebreak SIGTRAP; handlers come with the signals issue).
trap_fault:
    li a0, SIGSEGV
    li t1, EXC_ILLEGAL
    bne t0, t1, 1f
    li a0, SIGILL
1:  li t1, EXC_BREAKPOINT
    bne t0, t1, 2f
    li a0, SIGTRAP
2:  li t1, EXC_INST_MISALIGNED
    beq t0, t1, 3f
    li t1, EXC_LOAD_MISALIGNED
    beq t0, t1, 3f
    li t1, EXC_STORE_MISALIGNED
    bne t0, t1, 4f
3:  li a0, SIGBUS
4:  call proc_exit              # wait status = the signal; does not return

# user_return -- back to U-mode in the process of tp
#  IN:  tp = TCB, its TCB_REGS complete
#  OUT: does not return (sret)
.globl user_return
user_return:
    # Signals first; the test is inline because this is the path of every call.
    lw t0, TCB_SIGPEND(tp)
    beqz t0, 1f
    call signal_deliver
1:  # sstatus.SPP = 0 and SPIE = 1 already: every trap into the kernel came from
    # U-mode, and init_start set them for the very first return.
    lw t0, 0(tp)
    csrw sepc, t0
    csrw sscratch, tp
    lw ra, 4(tp)
    lw sp, 8(tp)
    lw gp, 12(tp)
    lw t0, 20(tp)
    lw t1, 24(tp)
    lw t2, 28(tp)
    lw s0, 32(tp)
    lw s1, 36(tp)
    lw a0, 40(tp)
    lw a1, 44(tp)
    lw a2, 48(tp)
    lw a3, 52(tp)
    lw a4, 56(tp)
    lw a5, 60(tp)
    lw a6, 64(tp)
    lw a7, 68(tp)
    lw s2, 72(tp)
    lw s3, 76(tp)
    lw s4, 80(tp)
    lw s5, 84(tp)
    lw s6, 88(tp)
    lw s7, 92(tp)
    lw s8, 96(tp)
    lw s9, 100(tp)
    lw s10, 104(tp)
    lw s11, 108(tp)
    lw t3, 112(tp)
    lw t4, 116(tp)
    lw t5, 120(tp)
    lw t6, 124(tp)
    lw tp, 16(tp)
    sret

# kernel_trap -- a trap taken in S-mode: a kernel bug (see the header)
kernel_trap:
    csrrw tp, sscratch, tp      # tp back, sscratch back to 0
    la a0, ktrap_msg
    call kputs
    csrr a0, scause
    call kputhex
    la a0, ktrap_sepc
    call kputs
    csrr a0, sepc
    call kputhex
    la a0, ktrap_stval
    call kputs
    csrr a0, stval
    call kputhex
    li a0, 10
    call kputc
    li a0, 98
    call power_off

# plic_init -- route the UART and toyblk interrupts to S-mode
#  IN:  nothing
#  OUT: nothing (sie.SEIE and sie.STIE set)
#  clobbers t0-t1
.globl plic_init
plic_init:
    li t0, KV_PLIC
    li t1, 1
    sw t1, IRQ_TOYBLK * 4(t0)
    sw t1, IRQ_UART * 4(t0)
    li t1, (1 << IRQ_TOYBLK) | (1 << IRQ_UART)
    li t2, PLIC_SENABLE
    add t2, t2, t0
    sw t1, 0(t2)
    li t2, PLIC_STHRESHOLD
    add t2, t2, t0
    sw zero, 0(t2)
    li t0, SIE_SEIE | SIE_STIE
    csrs sie, t0
    ret

# plic_intr -- claim, handle and complete every pending external interrupt
#  IN:  nothing
#  OUT: nothing
#  clobbers a0-a7, t0-t6
.globl plic_intr
plic_intr:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
1:  li t0, KV_PLIC
    li t1, PLIC_SCLAIM
    add t0, t0, t1
    lw s0, 0(t0)
    beqz s0, 4f
    li t1, IRQ_UART
    bne s0, t1, 2f
    call console_intr
    j 3f
2:  li t1, IRQ_TOYBLK
    bne s0, t1, 3f
    call disk_intr
3:  li t0, KV_PLIC
    li t1, PLIC_SCLAIM
    add t0, t0, t1
    sw s0, 0(t0)
    j 1b
4:  lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# power_off -- stop the machine through the test device
#  IN:  a0 = exit code (0-65535)
#  OUT: does not return
.globl power_off
power_off:
    li t0, 0xFFFF
    and a0, a0, t0
    slli a0, a0, 16
    li t0, 0x3333
    or a0, a0, t0
    li t0, KV_TEST
    sw a0, 0(t0)
1:  j 1b

.section .rodata
ktrap_msg:   .asciz "kernel: trap in S-mode, scause "
ktrap_sepc:  .asciz " sepc "
ktrap_stval: .asciz " stval "
