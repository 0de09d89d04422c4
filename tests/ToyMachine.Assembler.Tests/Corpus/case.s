# Mnemonics, directives and macro names in any case, as GNU as reads them.
.macro Twice x
.word \x, \x
.endm
.TEXT
    ADDI a0, a0, 1
    Li a0, 0x12345
    NOP
.DATA
    twice 1
    TWICE 2
.Rept 2
    .BYTE 3
.ENDR
.IF 1
    .Byte 4
.ELSE
    .byte 5
.ENDIF
