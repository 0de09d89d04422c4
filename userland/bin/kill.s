# kill.s -- send a signal: `kill [-SIG] PID...`, `kill -l`.
#
# SIG is a name with or without SIG ("TERM", "SIGKILL") or a number ("9", "0"
# only checks that the target exists); the default is TERM. A negative PID names
# a process group (-5 = group 5), as abi.md's kill does; "--" before the PIDs lets
# a group come first without being read as a signal ("kill -- -5", "kill -INT --
# -5"). `kill -l` lists the signals; `kill -l 9` gives KILL, `kill -l TERM` 15.
# Each failure prints "kill: PID: reason"; the exit status is 1 if any failed.

    .include "signal.inc"

    .text
    .globl main
# main -- kill [-SIG] PID... | kill -l
#  IN:  a0 = argc, a1 = argv
#  OUT: a0 = 0, 1 when a signal could not be sent, 2 for a usage error
main:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    sw s3, 12(sp)
    slli s0, a0, 2
    add s0, s0, a1              # s0 = &argv[argc]
    addi s1, a1, 4              # s1 = next argument
    li s2, SIGTERM              # s2 = the signal
    li s3, 0                    # s3 = exit status
    bgeu s1, s0, kill_usage
    lw t0, 0(s1)
    lbu t1, 0(t0)
    li t2, '-'
    bne t1, t2, kill_pids       # no signal given
    addi s1, s1, 4
    addi a0, t0, 1
    lbu t1, 0(a0)
    li t2, '-'
    beq t1, t2, kill_pids_after_dashdash
    li t2, 'l'
    bne t1, t2, 1f
    lbu t1, 1(a0)
    beqz t1, kill_list
1:  sw a0, 8(sp)
    call signal_number
    bltz a0, kill_bad_signal
    mv s2, a0
    bgeu s1, s0, kill_pids      # "--" after the signal: "kill -INT -- -5"
    lw t0, 0(s1)
    lbu t1, 0(t0)
    li t2, '-'
    bne t1, t2, kill_pids
    lbu t1, 1(t0)
    bne t1, t2, kill_pids
    lbu t1, 2(t0)
    bnez t1, kill_pids
    addi s1, s1, 4
kill_pids:
    bgeu s1, s0, kill_usage     # a signal but no PID
1:  bgeu s1, s0, kill_done
    lw a0, 0(s1)
    call parse_int
    beqz a1, kill_bad_pid
    mv a1, s2
    call kill
    bgez a0, 2f
    mv a2, a0                   # "kill: PID: reason"
    lw a1, 0(s1)
    la a0, kill_name
    call print_file_error
    li s3, 1
2:  addi s1, s1, 4
    j 1b
kill_pids_after_dashdash:
    lbu t1, 1(a0)               # only a bare "--" is the separator
    bnez t1, kill_bad_signal_a0
    j kill_pids
kill_bad_pid:
    li a0, 2
    la a1, kill_bad_pid_format
    lw a2, 0(s1)
    call fprintf
    li s3, 1
    addi s1, s1, 4
    j 1b
kill_done:
    mv a0, s3
kill_return:
    lw s3, 12(sp)
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret
kill_bad_signal_a0:
    sw a0, 8(sp)
kill_bad_signal:
    li a0, 2
    la a1, kill_bad_signal_format
    lw a2, 8(sp)
    call fprintf
    li a0, 2
    j kill_return
kill_usage:
    li a0, 2
    la a1, kill_usage_text
    call fputs
    li a0, 2
    j kill_return
# kill -l: every signal of abi.md, number and name, one a line; kill -l SIG...:
# the name of each number, the number of each name
kill_list:
    bltu s1, s0, kill_list_some
    li s1, 1
1:  li t0, 32
    bge s1, t0, 2f
    mv a0, s1
    call signal_name
    beqz a0, 3f
    mv a2, a0
    mv a1, s1
    la a0, kill_list_format
    call printf
3:  addi s1, s1, 1
    j 1b
2:  li a0, 0
    j kill_return
kill_list_some:
    lw a0, 0(s1)
    sw a0, 8(sp)
    call parse_int
    beqz a1, 1f
    call signal_name            # a number: its name
    beqz a0, kill_bad_signal
    mv a1, a0
    la a0, kill_name_format
    call printf
    j 2f
1:  lw a0, 8(sp)                # a name: its number
    call signal_number
    blez a0, kill_bad_signal
    mv a1, a0
    la a0, kill_number_format
    call printf
2:  addi s1, s1, 4
    bltu s1, s0, kill_list_some
    li a0, 0
    j kill_return

    .section .rodata
kill_name: .asciz "kill"
kill_bad_pid_format: .asciz "kill: %s: not a process id\n"
kill_bad_signal_format: .asciz "kill: %s: unknown signal\n"
kill_list_format: .asciz "%2d %s\n"
kill_name_format: .asciz "%s\n"
kill_number_format: .asciz "%d\n"
kill_usage_text: .asciz "usage: kill [-SIG] PID... | kill -l [SIG...]\n"
