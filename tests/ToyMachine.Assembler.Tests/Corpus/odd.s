# Absolute branch and jump targets, symbol+offset operands, character and negative immediates.
.text
.globl _start
_start:
    beq a0, a1, 0x10000
    j 0x10010
    jal 0x10000
    beqz a0, _start + 4
    lw a0, _start + 8
    la a1, _start + 0x1000
    sw a0, 0x10(sp)
    lw a0, -0x10(sp)
    addi a0, a0, 'a'
    li a0, ~0
    li a0, -0x80000000
    lui a0, %hi(-1)
    addi a0, a0, %lo(-1)
    csrrs a0, 0xc00, x0
