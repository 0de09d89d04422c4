# syscall.s -- the system call table and the small calls.
#
# trap_entry calls syscall_table[a7] with the user's a0..a5 still in a0..a5 and
# tp = the caller's TCB, and stores the returned a0 in the user's a0.  Numbers
# without an entry give -ENOSYS.  The table is written in the order of
# userland/include/syscalls.inc, eight entries a row; a test checks each entry
# against that file.
#
# Every call checks every pointer (vm.s) and returns -errno as abi.md lists.

.include "kernel.inc"
.include "errno.inc"
.include "signal.inc"
.include "syscalls.inc"

.section .rodata
.balign 4
.globl syscall_table
syscall_table:
    # 0-7
    .word sys_nosys, sys_exit, sys_fork, sys_exec, sys_waitpid, sys_getpid, sys_getppid, sys_sbrk
    # 8-15
    .word sys_sleep, sys_yield, sys_time_ms, sys_spawn, sys_setpgid, sys_getpgid, sys_shutdown, sys_procs
    # 16-23
    .word sys_tcsetpgrp, sys_tcgetpgrp, sys_nosys, sys_nosys, sys_read, sys_write, sys_close, sys_dup
    # 24-31
    .word sys_dup2, sys_pipe, sys_open, sys_lseek, sys_fstat, sys_nosys, sys_nosys, sys_nosys
    # 32-39
    .word sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys
    # 40-47 sockets (sockets issue)
    .word sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys
    # 48-55
    .word sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys
    # 56-63 shared memory from 60 (shared pages issue)
    .word sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys
    # 64-71
    .word sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys
    # 72-79
    .word sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys
    # 80-87 signals: kill now, the rest with the signals issue
    .word sys_kill, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys
    # 88-95
    .word sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys
    # 96-103 message queues from 100
    .word sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys, sys_nosys
syscall_table_end:

.text

# sys_nosys -- any number without a call
#  OUT: a0 = -ENOSYS
sys_nosys:
    li a0, -ENOSYS
    ret

# sys_getpid -- getpid()
#  OUT: a0 = pid
sys_getpid:
    lw a0, TCB_PID(tp)
    ret

# sys_getppid -- getppid()
#  OUT: a0 = parent's pid (0 for pid 1)
sys_getppid:
    lw t0, TCB_PARENT(tp)
    li a0, 0
    beqz t0, 1f
    lw a0, TCB_PID(t0)
1:  ret

# sys_time_ms -- time_ms(): time / 10,000
#  OUT: a0 = milliseconds since boot
#  clobbers a1-a2, t0-t1
sys_time_ms:
    addi sp, sp, -16
    sw ra, 12(sp)
    call read_time
    li a2, TICKS_PER_MS
    call udiv64_32
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# sys_sbrk -- sbrk(increment)
#  IN:  a0 = increment (signed)
#  OUT: a0 = the old break, or -ENOMEM (nothing changed)
#  clobbers a1-a7, t0-t6
sys_sbrk:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    sw s3, 12(sp)
    lw s0, TCB_BRK(tp)          # old
    add s1, s0, a0              # new
    beqz a0, sbrk_ok
    bltz a0, sbrk_shrink
    bltu s1, s0, sbrk_nomem     # wrapped
    # The ceiling: the stack's guard page, or the top of the segment range when a
    # segment reached above the guard and exec put the stack below the segments.
    li t0, USTACK_GUARD
    lw t1, TCB_HEAP(tp)
    bleu t1, t0, 1f
    li t0, USTACK_TOP
1:  bgtu s1, t0, sbrk_nomem
    li t0, PGSIZE - 1
    add s2, s0, t0
    li t1, -PGSIZE
    and s2, s2, t1              # first page to map
    add s3, s1, t0
    and s3, s3, t1              # end of the pages to map
    # Keep HEAP_RESERVE pages for the kernel and the other processes.
    sub t0, s3, s2
    srli t0, t0, PGSHIFT
    addi t0, t0, HEAP_RESERVE
    la t1, free_pages
    lw t1, 0(t1)
    bgtu t0, t1, sbrk_nomem
    lw a0, TCB_PGTABLE(tp)
    mv a1, s2
    mv a2, s3
    li a3, PTE_R | PTE_W | PTE_U
    call uvm_alloc
    beqz a0, sbrk_set
    lw a0, TCB_PGTABLE(tp)      # undo what was mapped
    mv a1, s2
    mv a2, s3
    call uvm_dealloc
    j sbrk_nomem
sbrk_shrink:
    lw t0, TCB_HEAP(tp)
    bltu s1, t0, sbrk_nomem
    bgtu s1, s0, sbrk_nomem     # wrapped
    li t0, PGSIZE - 1
    add s2, s1, t0
    li t1, -PGSIZE
    and s2, s2, t1              # first page no longer needed
    add s3, s0, t0
    and s3, s3, t1
    lw a0, TCB_PGTABLE(tp)
    mv a1, s2
    mv a2, s3
    call uvm_dealloc
    # The rest of the page that stays must read zero if the break grows again.
    beq s1, s2, sbrk_set
    lw a0, TCB_PGTABLE(tp)
    mv a1, s1
    li a2, 0
    call uvm_translate
    beqz a0, sbrk_set
    mv a2, s2
    bleu a2, s0, 1f
    mv a2, s0
1:  sub a2, a2, s1
    li a1, 0
    call memset
sbrk_set:
    sw s1, TCB_BRK(tp)
    sfence.vma
sbrk_ok:
    mv a0, s0
    j sbrk_out
sbrk_nomem:
    li a0, -ENOMEM
sbrk_out:
    lw s3, 12(sp)
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# sys_sleep -- sleep(ms); stopped and continued, it sleeps on to the same deadline
#  IN:  a0 = milliseconds (unsigned)
#  OUT: a0 = 0, or -EINTR (a handler: the signals issue)
#  clobbers a1-a7, t0-t6
sys_sleep:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    sw s1, 4(sp)
    li t0, TICKS_PER_MS
    mul s0, a0, t0
    mulhu s1, a0, t0
    call read_time
    add s0, s0, a0
    sltu t0, s0, a0
    add s1, s1, a1
    add s1, s1, t0              # s1:s0 = deadline
    sw s0, TCB_WAKEUP(tp)
    sw s1, TCB_WAKEUP+4(tp)
1:  call read_time
    bltu a1, s1, 2f
    bne a1, s1, 3f
    bgeu a0, s0, 3f
2:  call signal_interrupts      # a stop sleeps in there; the deadline stays
    bnez a0, 4f
    call timer_arm              # (again after a stop: the time left)
    addi a0, tp, TCB_WAKEUP
    call sleep
    j 1b
3:  li a0, 0
    j 5f
4:  li a0, -EINTR
5:  sw zero, TCB_WAKEUP(tp)
    sw zero, TCB_WAKEUP+4(tp)
    lw s1, 4(sp)
    lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# sys_setpgid -- setpgid(pid, pgid)
#  IN:  a0 = pid (0 = self; else self or a child), a1 = pgid (0 = pid)
#  OUT: a0 = 0, -EINVAL (pgid < 0), -ESRCH
#  clobbers a1-a2, t0-t3
sys_setpgid:
    bltz a1, 3f
    mv t0, tp
    beqz a0, 1f
    mv a2, a1
    addi sp, sp, -16
    sw ra, 12(sp)
    sw a2, 8(sp)
    call find_pid
    lw a1, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    beqz a0, 4f
    mv t0, a0
    beq t0, tp, 1f
    lw t1, TCB_PARENT(t0)
    bne t1, tp, 4f
1:  lw t1, TCB_STATE(t0)
    li t2, P_ZOMBIE
    beq t1, t2, 4f
    bnez a1, 2f
    lw a1, TCB_PID(t0)
2:  sw a1, TCB_PGID(t0)
    li a0, 0
    ret
3:  li a0, -EINVAL
    ret
4:  li a0, -ESRCH
    ret

# sys_getpgid -- getpgid(pid)
#  IN:  a0 = pid (0 = self)
#  OUT: a0 = process group, or -ESRCH
sys_getpgid:
    bnez a0, 1f
    lw a0, TCB_PGID(tp)
    ret
1:  addi sp, sp, -16
    sw ra, 12(sp)
    call find_pid
    lw ra, 12(sp)
    addi sp, sp, 16
    beqz a0, 2f
    lw a0, TCB_PGID(a0)
    ret
2:  li a0, -ESRCH
    ret

# sys_tcsetpgrp -- tcsetpgrp(pgid): the console's foreground group
#  IN:  a0 = pgid (> 0, the group of a live process)
#  OUT: a0 = 0, -EINVAL (pgid <= 0), -ESRCH (no process is in that group)
#  clobbers t0-t3
sys_tcsetpgrp:
    blez a0, 3f
    la t0, tcb_table
    la t1, tcb_table + NPROC * TCB_SIZE
1:  lw t2, TCB_STATE(t0)
    beqz t2, 2f
    li t3, P_EMBRYO
    beq t2, t3, 2f
    li t3, P_ZOMBIE
    beq t2, t3, 2f
    lw t2, TCB_PGID(t0)
    beq t2, a0, 5f
2:  addi t0, t0, TCB_SIZE
    bne t0, t1, 1b
    li a0, -ESRCH
    ret
5:  la t0, cons_fg_pgrp
    sw a0, 0(t0)
    li a0, 0
    ret
3:  li a0, -EINVAL
    ret

# sys_tcgetpgrp -- tcgetpgrp()
#  OUT: a0 = the console's foreground group
sys_tcgetpgrp:
    la t0, cons_fg_pgrp
    lw a0, 0(t0)
    ret

# sys_procs -- procs(buf, max): 40-byte records of the live processes
#  IN:  a0 = user buffer, a1 = maximum number of records
#  OUT: a0 = records written, -EFAULT (nothing written), -EINVAL (max < 0)
#  clobbers a1-a7, t0-t6
sys_procs:
    addi sp, sp, -80
    sw ra, 76(sp)
    sw s0, 72(sp)
    sw s1, 68(sp)
    sw s2, 64(sp)
    sw s3, 60(sp)
    bltz a1, procs_inval
    mv s0, a0
    # n = min(live processes, max)
    li t3, 0
    la t0, tcb_table
    la t1, tcb_table + NPROC * TCB_SIZE
1:  lw t2, TCB_STATE(t0)
    beqz t2, 2f
    li t4, P_EMBRYO
    beq t2, t4, 2f
    addi t3, t3, 1
2:  addi t0, t0, TCB_SIZE
    bne t0, t1, 1b
    bleu t3, a1, 3f
    mv t3, a1
3:  mv s1, t3                   # records to write
    mv s3, t3
    lw a0, TCB_PGTABLE(tp)
    mv a1, s0
    li t0, 40
    mul a2, t3, t0
    li a3, PTE_W
    call uvm_check
    bnez a0, procs_out
    la s2, tcb_table
4:  beqz s1, 6f
    lw t2, TCB_STATE(s2)
    beqz t2, 5f
    li t4, P_EMBRYO
    beq t2, t4, 5f
    lw t0, TCB_PID(s2)
    sw t0, 0(sp)
    lw t0, TCB_PARENT(s2)
    beqz t0, 7f
    lw t0, TCB_PID(t0)
7:  sw t0, 4(sp)
    lw t0, TCB_PGID(s2)
    sw t0, 8(sp)
    addi t2, t2, -1
    sw t2, 12(sp)
    lw t0, TCB_CYCLES(s2)
    lw t1, TCB_CYCLES+4(s2)
    bne s2, tp, 8f
    rdcycle t2                  # the caller: add the turn it is running now
    lw t3, TCB_RUNSTART(s2)
    sub t2, t2, t3
    add t0, t0, t2
    sltu t2, t0, t2
    add t1, t1, t2
8:  sw t0, 16(sp)
    sw t1, 20(sp)
    addi a0, sp, 24
    addi a1, s2, TCB_NAME
    li a2, 16
    call memcpy
    mv a0, s0
    mv a1, sp
    li a2, 40
    call copyout
    addi s0, s0, 40
    addi s1, s1, -1
5:  addi s2, s2, TCB_SIZE
    j 4b
6:  mv a0, s3
    j procs_out
procs_inval:
    li a0, -EINVAL
procs_out:
    lw s3, 60(sp)
    lw s2, 64(sp)
    lw s1, 68(sp)
    lw s0, 72(sp)
    lw ra, 76(sp)
    addi sp, sp, 80
    ret

# sys_shutdown -- shutdown(code): SIGTERM to all, up to 100 ms, SIGKILL, power off
#  IN:  a0 = exit code
#  OUT: does not return
sys_shutdown:
    mv s0, a0
    la t0, shutting_down        # from now on init's death does not power off
    li t1, 1
    sw t1, 0(t0)
    li a0, -1
    li a1, SIGTERM
    call shutdown_signal
    # Up to 100 ms, 10 ms at a time, for them to go.  The caller waits without
    # taking signals (shutdown_pause): nothing can stop or end the shutdown.
    li s1, 10
1:  call others_alive
    beqz a0, 2f
    call shutdown_pause
    addi s1, s1, -1
    bnez s1, 1b
    li a1, SIGKILL
    call shutdown_signal
2:  call disk_flush
    mv a0, s0
    call power_off

# shutdown_pause -- sleep 10 ms of machine time, deaf to signals (a signal that
# wakes the caller early only makes it sleep again until the deadline)
#  IN:  tp = the caller
#  OUT: nothing
#  clobbers a0-a7, t0-t6
shutdown_pause:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    sw s1, 4(sp)
    call read_time
    li t0, 10 * TICKS_PER_MS
    add s0, a0, t0
    sltu t0, s0, t0
    add s1, a1, t0              # s1:s0 = deadline
    sw s0, TCB_WAKEUP(tp)
    sw s1, TCB_WAKEUP+4(tp)
1:  call read_time
    bltu a1, s1, 2f
    bne a1, s1, 3f
    bgeu a0, s0, 3f
2:  call timer_arm
    addi a0, tp, TCB_WAKEUP
    call sleep
    j 1b
3:  sw zero, TCB_WAKEUP(tp)
    sw zero, TCB_WAKEUP+4(tp)
    lw s1, 4(sp)
    lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# shutdown_signal -- a signal to every live process but the caller
#  IN:  a1 = signal
#  OUT: nothing
#  clobbers a0-a5, t0-t4
shutdown_signal:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    sw s1, 4(sp)
    mv s1, a1
    la s0, tcb_table
1:  beq s0, tp, 2f
    mv a0, s0
    mv a1, s1
    call signal_send
2:  addi s0, s0, TCB_SIZE
    la t0, tcb_table + NPROC * TCB_SIZE
    bne s0, t0, 1b
    lw s1, 4(sp)
    lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# others_alive -- is any process but the caller neither unused nor a zombie?
#  OUT: a0 = 1 or 0
#  clobbers t0-t3
others_alive:
    la t0, tcb_table
    la t1, tcb_table + NPROC * TCB_SIZE
1:  beq t0, tp, 2f
    lw t2, TCB_STATE(t0)
    beqz t2, 2f
    li t3, P_ZOMBIE
    beq t2, t3, 2f
    li a0, 1
    ret
2:  addi t0, t0, TCB_SIZE
    bne t0, t1, 1b
    li a0, 0
    ret

.section .bss
.balign 4
.globl shutting_down
shutting_down: .space 4         # 1 once shutdown() has begun
