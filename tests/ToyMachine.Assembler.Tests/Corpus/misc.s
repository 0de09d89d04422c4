# Directives GNU as accepts without bytes in the program (.file, .ident, .attribute,
# .option, .type, .size, .hidden, .weak), less common data and alignment directives,
# jump, zext.b, jalr/jr forms, .lcomm, a non-allocated section.
.file "misc.s"
.ident "hand written"
.attribute arch, "rv32i2p1_m2p0_a2p1_zicsr2p0_zifencei2p0"
.attribute unaligned_access, 0
.attribute stack_align, 16
.option nopic
.option push
.option norelax
.option pop
.text
.globl f
.type f, @function
.type g, %function
.local g
.weak w
w:
f:
    zext.b a0, a1
    sext.b a2, a3
    sext.h t0, t1
    zext.h s0, s1
    jump f, t0
    jump g, t1
    jr a0, 4
    jr 8(a1)
    jalr x0, a0, 0
    jalr ra, -4(sp)
    .half 1
    .balignw 8, 0x0013
    .balignl 16, 0x00000013
    nop
    .p2alignw 3, 0x1234
    .size f, .-f
g:  ret
.hidden g
.section .note.GNU-stack,"",@progbits
.data
    .uleb128 300
    .uleb128 0
    .uleb128 127
    .uleb128 128
    .sleb128 -1
    .sleb128 63
    .sleb128 64
    .sleb128 -64
    .sleb128 -65
    .sleb128 1000
    .dc.b 1
    .dc.w 2
    .dc.l 3
    .hword 4
    .int 5
    .balignw 8, 0xabcd
    .word 6
    .balignl 16, 0x11223344
.lcomm lbuf, 16
.lcomm lbuf2, 3
