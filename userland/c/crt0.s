# crt0.s -- program start for C programs built with a GNU RISC-V toolchain.
#
# The kernel enters _start in U-mode with sp = the stack top (16-byte aligned),
# a0 = argc, a1 = argv and every other register 0, .bss already zero-filled
# (abi.md, "Program start"). That is exactly main(argc, argv)'s calling
# convention, so _start calls main and gives its return value to exit.
# link.ld places .text.start first, so this is also the first code of the file.

    .equ SYS_exit, 1            # as userland/include/syscalls.inc

    .section .text.start, "ax"
    .globl _start
# _start -- entry point
#  IN:  sp = stack top, a0 = argc, a1 = argv
#  OUT: does not return: exit(main(argc, argv))
_start:
    li ra, 0                    # a return from _start would fault at page 0
    li fp, 0                    # the end of the frame chain, for debuggers
    call main
    li a7, SYS_exit
    ecall
1:  j 1b
