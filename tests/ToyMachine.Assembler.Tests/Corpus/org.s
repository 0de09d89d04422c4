# .org, sections switched back and forth, .pushsection/.popsection, .previous.
.text
    nop
    .org 0x10
    nop
    .org 0x20, 0x55
.data
    .byte 1
    .org 8, 0xff
    .byte 2
.text
    ret
    .pushsection .data
    .byte 3
    .popsection
    nop
.section .data
    .byte 4
.previous
    nop
.section .rodata
    .byte 5
.text
    .org . + 4
    nop
