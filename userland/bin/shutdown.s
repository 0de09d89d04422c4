# shutdown.s -- power the machine off: `shutdown [CODE]`.
#
# The kernel sends SIGTERM to every process, gives them up to 100 ms, kills the
# rest, flushes the disks and powers off; the machine's exit code (what `boot`
# returns) is CODE (0 to 255), 0 by default.

    .text
    .globl main
# main -- shutdown [CODE]
#  IN:  a0 = argc, a1 = argv
#  OUT: does not return on success; a0 = 1 when the call failed or CODE is bad
main:
    addi sp, sp, -16
    sw ra, 12(sp)
    li t0, 2
    bgt a0, t0, shutdown_usage
    blt a0, t0, 1f
    lw a0, 4(a1)
    sw a0, 8(sp)
    call parse_int
    beqz a1, shutdown_usage
    li t0, 255                  # what `boot` can exit with, as exit's status
    bgtu a0, t0, shutdown_range
    j shutdown_call
1:  li a0, 0                    # no operand: code 0
shutdown_call:
    call shutdown
    # Only a failed call comes back.
    mv a1, a0
    la a0, shutdown_name
    call print_error
    li a0, 1
    lw ra, 12(sp)
    addi sp, sp, 16
    ret
shutdown_range:
    li a0, 2
    la a1, shutdown_range_text
    lw a2, 8(sp)
    call fprintf
    li a0, 1
    lw ra, 12(sp)
    addi sp, sp, 16
    ret
shutdown_usage:
    li a0, 2
    la a1, shutdown_usage_text
    call fputs
    li a0, 1
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

    .section .rodata
shutdown_name: .asciz "shutdown"
shutdown_usage_text: .asciz "usage: shutdown [CODE]\n"
shutdown_range_text: .asciz "shutdown: %s: the code must be 0 to 255\n"
