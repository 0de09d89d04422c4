# Data directives, strings with C escapes, fill and alignment in data.
.data
bytes:  .byte 0, 1, 127, 128, 255, -1, -128, 'a, 'b'
halves: .half 0, 1, 0x7fff, 0xffff, -1
        .short 2, -32768
        .2byte 0x1234
words:  .word 0, 1, -1, 0x7fffffff, 0x80000000, 0xffffffff, words, bytes + 3
        .long 5
        .4byte 6
        .int 7
dwords: .dword 0x123456789abcdef0, -2
        .quad 1
        .8byte words
str:    .ascii "abc"
        .ascii "x", "y"
        .asciz "nul"
        .string "two", "strings"
esc:    .ascii "\n\t\r\b\f\\\"\101\60\0\x41\x4a4b"
        .zero 3
        .space 5
        .space 3, 0xaa
        .skip 2, 7
        .fill 3
        .fill 2, 2, 0x1234
        .fill 2, 4, 0x11223344
        .fill 1, 8, 0x55667788
        .byte 1
        .align 2
        .byte 2
        .p2align 3, 0xee
        .byte 3
        .balign 16, 0xcc
        .byte 4
        .balign 8, 0xdd, 3
        .byte 5
        .balign 4, 0xdd, 3
        .byte 6
        .align 0
        .balign 1
end_data:
        .word end_data - bytes
.section .rodata
ro:     .word 1, 2, 3
        .asciz "ro string"
.section .rodata.str1.1, "aMS", @progbits, 1
        .asciz "merged?"
.bss
        .zero 4
bss1:   .space 100
        .align 4
bss2:   .skip 8
