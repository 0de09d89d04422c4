# Branch sizes as GNU as decides them: 4 bytes in reach, 8 (inverted branch + jal)
# when out of +-4 KiB or when the target is not a label of the same section.
.text
.globl _start
_start:
    beq a0, a1, near
    bne a0, a1, far_forward
    blt a0, a1, other_section
    bge a0, a1, undefined_elsewhere
    beqz a0, .+8
    bnez a0, .-4
    bltu a0, a1, edge_forward
near:
    nop
    .rept 1021
    nop
    .endr
edge_forward:
    nop
    .rept 1100
    nop
    .endr
far_forward:
    bgeu a0, a1, _start
    bne a0, a1, near
    j _start
    jal far_forward
1:  beq a0, a1, 1b
    beq a0, a1, 2f
2:  ret
.globl undefined_elsewhere
undefined_elsewhere:
    ret
.section .text.other, "ax"
other_section:
    ret
