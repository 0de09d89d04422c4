# How objdump lays out a program: labels (local, global, function, several at one
# address), data in .text (.word/.half/.byte, odd sizes), runs of zeros, a second code
# section, auipc/addi pairs whose target objdump prints as a comment, an object symbol
# in .text (dumped, not disassembled) and encodings longer than 32 bits.
    .section .text.init, "ax", @progbits
    .globl _start
    .type _start, @function
_start:
    la sp, stack_top
    lui t0, %hi(counter)
    lw t1, %lo(counter)(t0)
    call main
1:  j 1b

    .text
    .globl main
    .type main, @function
main:
alias_of_main:
    addi sp, sp, -16
    sw ra, 12(sp)
    la a0, message
    jal puts
    lw ra, 12(sp)
    addi sp, sp, 16
    ret
    .size main, .-main

    .globl puts
puts:
    lbu t0, 0(a0)
    beqz t0, 2f
    addi a0, a0, 1
    j puts
2:  ret

in_text_data:
    .word 0x12345678
    .word 0
    .half 0xbeef
    .byte 0x7f
    .byte 0x80, 0x81, 0x82
    .balign 4
after_data:
    nop
zeros:
    .word 0, 0, 0, 0
    .word 0x00100073
    .zero 6
    .half 0x1234
short_zero:
    .word 0
    .byte 0
    .balign 4
    .globl weak_one
    .weak weak_one
weak_one:
local_same:
    ebreak
    .word 0, 0
    .byte 0

    .type table_in_text, @object
table_in_text:
    .word 0x64636261, 0x9abcdef0
    .byte 1, 2, 3, 4, 5, 6, 7, 8, 9
    .size table_in_text, 17
    .balign 4
    .type long_insns, @function
long_insns:
    # Encodings longer than 32 bits (reserved): objdump shows their bytes.
    .insn 6, 0x12345678909f
    .insn 8, 0x123456789012343f
    .insn 10, 0x1234567890123456007f
    nop
    .byte 0x1f, 0x00

    .data
    .balign 4
message:
    .asciz "hi\n"
    .balign 4
counter:
    .word 42
    .bss
    .balign 16
stack:
    .zero 256
stack_top:
