# t_shutdown.s -- guest test: shutdown(7) from a child powers off with 7, although
# init (this program, waiting) dies of the SIGTERM and a sleeper is killed.
.include "tmacros.inc"
.text
.globl main
main:
    SYS SYS_fork
    beqz a0, sleeper
    SYS SYS_fork
    beqz a0, stopper
    SAY "waiting"
1:  li a0, -1
    li a1, 0
    li a2, 0
    SYS SYS_waitpid
    bgtz a0, 1b
    SAY "init was not killed"
    li a0, 1
    ret
sleeper:
    li a0, 100000
    SYS SYS_sleep
    SYS SYS_exit
stopper:
    li a0, 10
    SYS SYS_sleep
    SAY "shutdown"
    li a0, 7
    SYS SYS_shutdown
    SAY "shutdown returned"
    li a0, 2
    SYS SYS_exit
