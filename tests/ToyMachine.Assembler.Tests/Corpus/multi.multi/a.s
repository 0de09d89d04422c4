# Several files, one program: globals shared, locals per file.
.text
.globl _start
_start:
    call helper
    la a0, shared_data
    lw a1, shared_data
    beqz a0, helper
    j local
local:
    tail helper
.data
.globl shared_data
shared_data: .word 0x11, helper
local_data: .byte 1
