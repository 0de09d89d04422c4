# ps.s -- list the processes, from the procs system call.
#
#   PID  PPID  PGID STATE        CYCLES NAME
#     1     0     1 sleep         81234 sh
#     4     1     4 run            5678 ps
#
# STATE is ready (runnable), run (running: ps itself), sleep, stop or zombie;
# CYCLES is the process's 64-bit cycle count in decimal.

    .include "abi.inc"

    .equ PS_MAX, 64             # abi.md's minimum process table

    .text
    .globl main
# main -- ps
#  IN:  a0 = argc (1: no arguments are taken), a1 = argv
#  OUT: a0 = 0, or 1 when procs failed
main:
    addi sp, sp, -64
    sw ra, 60(sp)
    sw s0, 56(sp)
    sw s1, 52(sp)
    li t0, 1                    # no arguments: anything more is a usage error
    bne a0, t0, ps_usage
    la a0, ps_table
    li a1, PS_MAX
    call procs
    bltz a0, ps_fail
    mv s1, a0                   # s1 = records left
    la s0, ps_table             # s0 = next record
    la a0, ps_header
    call printf
1:  beqz s1, 2f
    # The name, which fills all 16 bytes when it is that long, NUL-terminated
    # in a copy at sp+32.
    addi a0, sp, 32
    addi a1, s0, PROC_NAME
    li a2, PROC_NAME_SIZE
    call memcpy
    sb zero, 32 + PROC_NAME_SIZE(sp)
    lw a0, PROC_CYCLES(s0)
    lw a1, PROC_CYCLES + 4(s0)
    mv a2, sp                   # cycles in decimal at sp+0
    call u64toa
    lw t0, PROC_STATE(s0)
    li t1, PS_ZOMBIE
    bleu t0, t1, 3f
    li t0, PS_ZOMBIE + 1        # a state beyond abi.md: "?"
3:  slli t0, t0, 2
    la t1, ps_states
    add t1, t1, t0
    lw a4, 0(t1)
    lw a1, PROC_PID(s0)
    lw a2, PROC_PPID(s0)
    lw a3, PROC_PGID(s0)
    mv a5, sp
    addi a6, sp, 32
    la a0, ps_format
    call printf
    addi s0, s0, PROC_SIZE
    addi s1, s1, -1
    j 1b
2:  li a0, 0
ps_return:
    lw s1, 52(sp)
    lw s0, 56(sp)
    lw ra, 60(sp)
    addi sp, sp, 64
    ret
ps_fail:
    mv a1, a0
    la a0, ps_name
    call print_error
    li a0, 1
    j ps_return

ps_usage:
    li a0, 2
    la a1, ps_usage_text
    call fputs
    li a0, 2
    call exit

    .section .rodata
ps_usage_text: .asciz "usage: ps\n"
ps_name: .asciz "ps"
ps_header: .asciz "  PID  PPID  PGID STATE        CYCLES NAME\n"
ps_format: .asciz "%5d %5d %5d %-6s %12s %s\n"
ps_s_ready: .asciz "ready"
ps_s_run: .asciz "run"
ps_s_sleep: .asciz "sleep"
ps_s_stop: .asciz "stop"
ps_s_zombie: .asciz "zombie"
ps_s_unknown: .asciz "?"
    .align 2
ps_states: .word ps_s_ready, ps_s_run, ps_s_sleep, ps_s_stop, ps_s_zombie, ps_s_unknown

    .bss
    .align 3
ps_table: .space PS_MAX * PROC_SIZE
