# crt0.s -- program start for ToyMachine user programs (abi.md, "Program start").
#
# The kernel enters _start in U-mode with sp = top of the user stack (16-byte
# aligned), a0 = argc, a1 = argv (NULL-terminated array of pointers on the stack)
# and every other register 0. _start calls main(argc, argv) with exactly that and
# passes main's return value to exit, so a program ends either by returning from
# main or by calling exit itself.

    .include "syscalls.inc"

    .text
    .globl _start
# _start -- entry point of every user program
#  IN:  sp = stack top, a0 = argc, a1 = argv
#  OUT: does not return (exit(main(argc, argv)))
_start:
    # fp = 0 ends the frame chain for debuggers; ra = 0 makes a return from _start
    # (which cannot happen) fault at page 0 instead of running on.
    li fp, 0
    li ra, 0
    la t0, environ_argv
    sw a1, 0(t0)
    la t0, environ_argc
    sw a0, 0(t0)
    call main
    # exit(status): the kernel passes status & 0xFF to the parent.
    li a7, SYS_exit
    ecall
1:  j 1b

    .bss
    .align 2
    .globl environ_argc, environ_argv
# The arguments as the program was started with them, for library routines that
# want the program's name (argv[0]) without main passing it along.
environ_argc:
    .space 4
environ_argv:
    .space 4
