# Branches near the +-4 KiB edge, growing ones moving others and alignment padding.
.text
.globl _start
_start:
    beqz a0, 9f
    bnez a1, 8f
    blt a0, a1, 7f
    .rept 1020
    nop
    .endr
7:  .rept 3
    nop
    .endr
8:  nop
    .balign 16
    .rept 10
    beqz a0, 9f
    .endr
    .rept 1000
    add a0, a0, a1
    .endr
9:  ret
    j _start
    .balign 64
    bgeu a0, a1, _start
