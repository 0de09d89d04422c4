# init.s -- the first process: keep a shell on the console.
#
# Starts /bin/sh and starts it again whenever it exits, so that `exit` in the
# shell gives a fresh one. As process 1 it also reaps every orphan the kernel
# hands it (any child waitpid reports). When the shell dies young three times in
# a row (less than one second of machine time each), the console is most likely
# at end of input (a scripted `boot --input` that ran out): init then powers the
# machine off with the shell's last exit status instead of spinning forever.
#
# The kernel runs /bin/init (or the program named by init=PATH, which is then
# the first process itself and powers off when it exits; init is not involved).

    .include "abi.inc"

    .equ INIT_YOUNG_MS, 1000    # a shell that lived less than this died young
    .equ INIT_YOUNG_MAX, 3      # this many young deaths in a row: power off
    .equ INIT_NOBODY, 0x7FFFFFFF # a process group no process is in (sh uses it too)

    .text
    .globl main
# main -- init
#  IN:  a0 = argc, a1 = argv (ignored)
#  OUT: does not return
main:
    addi sp, sp, -32
    sw ra, 28(sp)
    # The console starts out with init's group, so a ^C typed before the shell
    # takes it would kill init. Hand it to a group nobody is in: join that group
    # for the moment tcsetpgrp needs a live member, then come back to our own.
    li a0, 0
    li a1, INIT_NOBODY
    call setpgid
    bltz a0, 1f
    li a0, INIT_NOBODY
    call tcsetpgrp
    li a0, 0
    li a1, 0
    call setpgid
1:  li s2, 0                    # s2 = young deaths in a row
init_start_shell:
    call time_ms
    mv s1, a0                   # s1 = when this shell started
    la a0, init_sh_path
    la a1, init_sh_argv
    call spawn
    bgtz a0, 1f
    mv a1, a0                   # cannot start a shell: say so, wait, try again
    la a0, init_sh_path
    call print_error
    li a0, 1000
    call sleep
    j init_start_shell
1:  mv s0, a0                   # s0 = the shell's pid
init_wait:
    li a0, -1
    addi a1, sp, 0
    li a2, 0
    call waitpid
    bltz a0, init_start_shell   # no children at all: the shell is gone too
    bne a0, s0, init_wait       # an orphan: reaped, nothing else to do
    call time_ms
    sub a0, a0, s1
    li t0, INIT_YOUNG_MS
    bgeu a0, t0, 2f
    addi s2, s2, 1
    li t0, INIT_YOUNG_MAX
    blt s2, t0, init_start_shell
    li a0, 2
    la a1, init_giving_up
    call fputs
    lw a0, 0(sp)                # the status word: exit code in bits 8..15
    srli a0, a0, 8
    andi a0, a0, 0xFF
    call shutdown
    j init_start_shell          # shutdown failed: keep going
2:  li s2, 0
    j init_start_shell

    .section .rodata
init_sh_path: .asciz "/bin/sh"
init_giving_up: .asciz "init: /bin/sh keeps exiting at once; powering off\n"
    .align 2
init_sh_argv: .word init_sh_name, 0
init_sh_name: .asciz "sh"
