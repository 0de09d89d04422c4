# t_pages.s -- guest test: hostile programs leave no page behind.
# The free page count is measured from user mode as the number of pages sbrk can
# take before -ENOMEM (the kernel keeps HEAP_RESERVE back).  A warm-up sweep first
# creates the page tables the heap needs, then: count, hostile work (fork bomb,
# faults, failing exec and spawn, a child that exhausts memory, a child killed
# while it sleeps), count again; both counts must be equal.  Run with --memory 16.
.include "tmacros.inc"
.text
.globl main
main:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    call sweep                  # warm-up
    call sweep
    mv s2, a0
    sltiu a0, a0, 100
    seqz a0, a0
    CHECK "sbrk takes pages until ENOMEM"
    # ---- fork bomb ----
1:  SYS SYS_fork
    beqz a0, child_sleep
    bgtz a0, 1b
    EXPECT -EAGAIN, "the fork bomb meets EAGAIN"
    li a0, -1
    li a1, SIGKILL
    SYS SYS_kill
    call reap_all
    # ---- children that fault ----
    SYS SYS_fork
    beqz a0, child_fault
    call reap_all
    # ---- a child that takes all memory, then dies ----
    SYS SYS_fork
    beqz a0, child_hog
    call reap_all
    # ---- a child that forks and execs, and one killed while sleeping ----
    SYS SYS_fork
    beqz a0, child_sleep
    mv s0, a0
    SYS SYS_yield
    mv a0, s0
    li a1, SIGTERM
    SYS SYS_kill
    call reap_all
    # ---- failing exec and spawn, successful spawn ----
    la a0, p_notelf
    la a1, argv_nop
    SYS SYS_exec
    EXPECT -ENOEXEC, "exec of a non-ELF fails"
    la a0, p_notelf
    la a1, argv_nop
    SYS SYS_spawn
    EXPECT -ENOEXEC, "spawn of a non-ELF fails"
    li s0, 3
2:  la a0, p_nop
    la a1, argv_nop
    SYS SYS_spawn
    addi s0, s0, -1
    bnez s0, 2b
    call reap_all
    SYS SYS_fork
    beqz a0, child_exec
    call reap_all
    # ---- pipes: one closed normally, one whose writer is killed while blocked ----
    addi sp, sp, -16
    mv a0, sp
    SYS SYS_pipe
    lw a0, 0(sp)
    SYS SYS_close
    lw a0, 4(sp)
    SYS SYS_close
    mv a0, sp
    SYS SYS_pipe
    SYS SYS_fork
    beqz a0, child_fill_pipe
    mv s0, a0
    li a0, 20
    SYS SYS_sleep
    mv a0, s0
    li a1, SIGKILL
    SYS SYS_kill
    lw a0, 0(sp)
    SYS SYS_close
    lw a0, 4(sp)
    SYS SYS_close
    addi sp, sp, 16
    call reap_all
    call sweep
    EXPECT_REG s2, "the free page count is back where it started"
    call t_done
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
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

# reap_all -- wait for every child
reap_all:
1:  li a0, -1
    li a1, 0
    li a2, 0
    SYS SYS_waitpid
    bgtz a0, 1b
    ret

child_sleep:
    li a0, 100000
    SYS SYS_sleep
    SYS SYS_exit
child_fault:
    SYS SYS_fork
    lw a0, 0(zero)
child_hog:
    li a0, 4096
    SYS SYS_sbrk
    bgez a0, child_hog
    SYS SYS_fork                # and a fork with little memory left
    lw a0, 0(zero)
child_fill_pipe:
    lw s0, 4(sp)                # write until the ring is full and block there
1:  mv a0, s0
    la a1, p_nop
    li a2, 8
    SYS SYS_write
    j 1b
child_exec:
    la a0, p_nop
    la a1, argv_nop
    SYS SYS_exec
    SYS SYS_exit
.section .rodata
p_nop:    .asciz "/bin/nop"
p_notelf: .asciz "/etc/notelf"
.section .data
.balign 4
argv_nop: .word p_nop, 0
