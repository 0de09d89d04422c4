# Macros (positional, named, defaults, :req, :vararg, \@, \(), .exitm), .rept/.irp/.irpc
# and conditionals.
.macro push reg
    addi sp, sp, -4
    sw \reg, 0(sp)
.endm
.macro pop reg
    lw \reg, 0(sp)
    addi sp, sp, 4
.endm
.macro pair a, b=7
    .word \a, \b
.endm
.macro need x:req, y=2
    .word \x + \y
.endm
.macro list first, rest:vararg
    .word \first
    .word \rest
.endm
.macro uniq
    j 1f
label\@: nop
1:
.endm
.macro concat n
    .word val\()\n
.endm
.macro stop_early n
    .word \n
    .if \n > 2
    .exitm
    .endif
    .word \n + 100
.endm
.macro str s
    .ascii "\s"
.endm
.macro outer x
    .macro inner
    .word \x
    .endm
    inner
.endm
.text
    push ra
    push s0
    pop s0
    pop ra
    uniq
    uniq
.data
val1: .word 0
val2: .word 0
    pair 1 2
    pair 1+1, 3
    pair 5
    pair (1 + 1)
    pair 1 + 1, 2
    pair 3 << 1 4
    pair 42 << 8
    pair b=9, a=8
    need 3
    need 3, 4
    need y=5, x=6
    list 1, 2, 3, 4
    concat 1
    stop_early 1
    stop_early 3
    str "hi"
    str hi
    outer 42
    .rept 3
    .byte 0xaa
    .endr
    .rept 0
    .byte 0xbb
    .endr
    .irp r, 1, 2, 3
    .byte \r * 2
    .endr
    .irpc c, 123
    .byte \c
    .endr
    .set n, 0
    .rept 4
    .set n, n + 1
    .byte n
    .endr
.equ YES, 1
    .if YES
    .byte 1
    .else
    .byte 2
    .endif
    .if YES == 0
    .byte 3
    .elseif YES == 1
    .byte 4
    .else
    .byte 5
    .endif
    .ifdef YES
    .byte 6
    .endif
    .ifndef NO
    .byte 7
    .endif
    .ifeq YES - 1
    .byte 8
    .endif
    .ifne YES
    .byte 9
    .endif
    .ifc abc, abc
    .byte 10
    .endif
    .ifnc abc, abd
    .byte 11
    .endif
    .ifb
    .byte 12
    .endif
    .ifnb x
    .byte 13
    .endif
    .if 0
    .if 1
    .byte 14
    .endif
    .else
    .ifgt YES
    .byte 15
    .endif
    .endif
    .iflt -1
    .byte 16
    .endif
    .ifge 0
    .byte 17
    .endif
    .ifle 1
    .byte 18
    .endif
