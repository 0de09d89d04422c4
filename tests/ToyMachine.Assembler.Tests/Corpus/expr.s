# Expressions: GNU as precedence, bases, character literals, '.', .equ/.set/=.
.equ A, 10
.set B, A * 2
C = B + 1
.equ NEG, -5
.data
    .word 1 + 2 | 4, 1 + 1 << 2, 2 * 3 << 1, 8 >> 1 * 2
    .word 1 | 2 == 2, 3 & 1 + 1, 1 == 1 && 2, 5 > 3 + 1, 6 ^ 3 & 5
    .word -1 > 0, 1 < 2, 3 <> 3, 3 != 4, ~0, !5, !0, 1 <= 1, 2 >= 3
    .word 7 % 3, -7 / 2, -7 % 3, 0x10, 0X1f, 010, 0b101, 0B11, 1234567
    .word 'a, 'a', '\n, '\\, '\'', '0
    .word A, B, C, NEG, -NEG, A - B, (A + B) * C, ~A & 0xff
    .word (1 << 31) >> 31, -8 >> 1, 0xffffffff + 1, 0 || 3, 0 && 3
here:
    .word ., . - here, here, here + 4, here - 4
    .word end - here
.set B, B + 1
    .word B
.set B, B + 1
    .word B
    .half A + 0x100
    .byte C, NEG
end:
.text
    li a0, A + B
    addi a1, a1, NEG * 2
    li a2, C << 8
