# bootblock.s -- sector 0 of a hand-made disk image. The boot ROM loads it to 0x80000000
# and jumps here with a0 = hart id and a1 = the boot info block. It prints what it was
# given and powers off with exit code 42.
    .include "common.inc"
    .text
    .globl _start
_start:
    mv s0, a0
    mv s1, a1
    la a0, hart
    call puts
    mv a0, s0
    call puthex
    la a0, info
    call puts
    mv a0, s1
    call puthex
    la a0, magic
    call puts
    lw a0, 0(s1)
    call puthex
    la a0, ram
    call puts
    lw a0, 4(s1)
    call puthex
    la a0, size
    call puts
    lw a0, 8(s1)
    call puthex
    la a0, sectors
    call puts
    lw a0, 12(s1)
    call puthex
    la a0, cmdline
    call puts
    addi a0, s1, 16
    call puts
    la a0, newline
    call puts
    EXIT 42
    PUTC_ROUTINE
hart:    .asciz "hart "
info:    .asciz "\ninfo "
magic:   .asciz "\nmagic "
ram:     .asciz "\nram_base "
size:    .asciz "\nram_size "
sectors: .asciz "\ndisk_sectors "
cmdline: .asciz "\ncmdline "
newline: .asciz "\n"
