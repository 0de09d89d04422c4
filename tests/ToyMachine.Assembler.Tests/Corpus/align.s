# Alignment of code: nops (a zero byte and c.nop for odd and 2-byte gaps), fill values,
# maximum skips, and the nop padding GNU as adds at the end of a code section.
.text
    nop
    .byte 1
    .align 2
    nop
    .byte 1, 2
    .align 3
    nop
    .byte 1, 2, 3
    .p2align 4
    .byte 9
    .balign 8, 0xff
    .byte 9
    .balign 16, 0x13, 15
    .byte 9
    .balign 16, , 4
    .byte 9
    .balign 32, , 30
    addi a0, a0, 1
    .align 5
    ret
    .byte 1
