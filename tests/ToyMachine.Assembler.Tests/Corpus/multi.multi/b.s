.text
.globl helper
helper:
    la a0, local_data
    ret
local:
    j local
.data
local_data: .word 0x22, shared_data, _start
.section .rodata
    .asciz "b"
