# .include (found with -I .), .incbin with skip and count.
.include "inc/defs.inc"
.data
    .word INC_A
    inc_word 99
    .incbin "inc/blob.bin"
    .incbin "inc/blob.bin", 6
    .incbin "inc/blob.bin", 1, 2
.text
    li a0, INC_A
