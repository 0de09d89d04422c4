# signals.s -- names and descriptions of abi.md's signals: signal_name,
# signal_description, signal_number.
#
# One table, {u32 number; name without "SIG"; description} per signal, in the
# order of signal.inc. The descriptions are what shells print when a child dies of
# the signal ("Segmentation fault", "Killed", "Terminated").

    .include "signal.inc"

    .text

    .globl signal_name
# signal_name -- the name of a signal without its SIG prefix
#  IN:  a0 = signal number
#  OUT: a0 = name such as "TERM", or 0 when abi.md has no such signal
#  clobbers t0-t2
signal_name:
    li t2, 4
    j 1f

    .globl signal_description
# signal_description -- the text a shell prints for a child killed by a signal
#  IN:  a0 = signal number
#  OUT: a0 = text such as "Segmentation fault" ("Unknown signal" when not in abi.md)
#  clobbers t0-t2
signal_description:
    li t2, 8
1:  la t0, signal_table
2:  lw t1, 0(t0)
    beqz t1, 3f                 # the catch-all record ends the table
    beq t1, a0, 3f
    addi t0, t0, 12
    j 2b
3:  add t0, t0, t2
    lw a0, 0(t0)
    ret

    .globl signal_number
# signal_number -- a signal given by name ("TERM", "SIGTERM", case as written) or
#                  by number ("15", "0")
#  IN:  a0 = string
#  OUT: a0 = signal number, or -1 when the string names no signal of abi.md
#  clobbers t0-t4, a1, a2
signal_number:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    sw s1, 4(sp)
    mv s0, a0
    call parse_int
    beqz a1, 1f
    li t0, 64
    bgeu a0, t0, signal_number_bad  # numbers beyond abi.md's signals are refused
    j signal_number_done
1:  lbu t0, 0(s0)               # skip a "SIG" prefix
    li t1, 'S'
    bne t0, t1, 2f
    lbu t0, 1(s0)
    li t1, 'I'
    bne t0, t1, 2f
    lbu t0, 2(s0)
    li t1, 'G'
    bne t0, t1, 2f
    addi s0, s0, 3
2:  la s1, signal_table
3:  lw t0, 0(s1)
    beqz t0, signal_number_bad
    mv a0, s0
    lw a1, 4(s1)
    call strcmp
    beqz a0, 4f
    addi s1, s1, 12
    j 3b
4:  lw a0, 0(s1)
    j signal_number_done
signal_number_bad:
    li a0, -1
signal_number_done:
    lw s1, 4(sp)
    lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

    .section .rodata
    .align 2
signal_table:
    .word SIGHUP, signal_n_SIGHUP, signal_d_SIGHUP
    .word SIGINT, signal_n_SIGINT, signal_d_SIGINT
    .word SIGQUIT, signal_n_SIGQUIT, signal_d_SIGQUIT
    .word SIGILL, signal_n_SIGILL, signal_d_SIGILL
    .word SIGTRAP, signal_n_SIGTRAP, signal_d_SIGTRAP
    .word SIGABRT, signal_n_SIGABRT, signal_d_SIGABRT
    .word SIGBUS, signal_n_SIGBUS, signal_d_SIGBUS
    .word SIGFPE, signal_n_SIGFPE, signal_d_SIGFPE
    .word SIGKILL, signal_n_SIGKILL, signal_d_SIGKILL
    .word SIGUSR1, signal_n_SIGUSR1, signal_d_SIGUSR1
    .word SIGSEGV, signal_n_SIGSEGV, signal_d_SIGSEGV
    .word SIGUSR2, signal_n_SIGUSR2, signal_d_SIGUSR2
    .word SIGPIPE, signal_n_SIGPIPE, signal_d_SIGPIPE
    .word SIGALRM, signal_n_SIGALRM, signal_d_SIGALRM
    .word SIGTERM, signal_n_SIGTERM, signal_d_SIGTERM
    .word SIGCHLD, signal_n_SIGCHLD, signal_d_SIGCHLD
    .word SIGCONT, signal_n_SIGCONT, signal_d_SIGCONT
    .word SIGSTOP, signal_n_SIGSTOP, signal_d_SIGSTOP
    .word SIGTSTP, signal_n_SIGTSTP, signal_d_SIGTSTP
    .word SIGTTIN, signal_n_SIGTTIN, signal_d_SIGTTIN
    .word SIGTTOU, signal_n_SIGTTOU, signal_d_SIGTTOU
    .word 0, 0, signal_d_unknown
signal_n_SIGHUP: .asciz "HUP"
signal_d_SIGHUP: .asciz "Hangup"
signal_n_SIGINT: .asciz "INT"
signal_d_SIGINT: .asciz "Interrupt"
signal_n_SIGQUIT: .asciz "QUIT"
signal_d_SIGQUIT: .asciz "Quit"
signal_n_SIGILL: .asciz "ILL"
signal_d_SIGILL: .asciz "Illegal instruction"
signal_n_SIGTRAP: .asciz "TRAP"
signal_d_SIGTRAP: .asciz "Trace/breakpoint trap"
signal_n_SIGABRT: .asciz "ABRT"
signal_d_SIGABRT: .asciz "Aborted"
signal_n_SIGBUS: .asciz "BUS"
signal_d_SIGBUS: .asciz "Bus error"
signal_n_SIGFPE: .asciz "FPE"
signal_d_SIGFPE: .asciz "Floating point exception"
signal_n_SIGKILL: .asciz "KILL"
signal_d_SIGKILL: .asciz "Killed"
signal_n_SIGUSR1: .asciz "USR1"
signal_d_SIGUSR1: .asciz "User defined signal 1"
signal_n_SIGSEGV: .asciz "SEGV"
signal_d_SIGSEGV: .asciz "Segmentation fault"
signal_n_SIGUSR2: .asciz "USR2"
signal_d_SIGUSR2: .asciz "User defined signal 2"
signal_n_SIGPIPE: .asciz "PIPE"
signal_d_SIGPIPE: .asciz "Broken pipe"
signal_n_SIGALRM: .asciz "ALRM"
signal_d_SIGALRM: .asciz "Alarm clock"
signal_n_SIGTERM: .asciz "TERM"
signal_d_SIGTERM: .asciz "Terminated"
signal_n_SIGCHLD: .asciz "CHLD"
signal_d_SIGCHLD: .asciz "Child exited"
signal_n_SIGCONT: .asciz "CONT"
signal_d_SIGCONT: .asciz "Continued"
signal_n_SIGSTOP: .asciz "STOP"
signal_d_SIGSTOP: .asciz "Stopped (signal)"
signal_n_SIGTSTP: .asciz "TSTP"
signal_d_SIGTSTP: .asciz "Stopped"
signal_n_SIGTTIN: .asciz "TTIN"
signal_d_SIGTTIN: .asciz "Stopped (tty input)"
signal_n_SIGTTOU: .asciz "TTOU"
signal_d_SIGTTOU: .asciz "Stopped (tty output)"
signal_d_unknown: .asciz "Unknown signal"
