# A first smoke test: a few instructions, data and labels.
.text
.globl _start
_start:
    li a0, 1
    la a1, msg
    call func
    beqz a0, 1f
    j _start
1:  ret
func:
    lw a0, value
    sw a0, value, t0
    ret
.section .rodata
msg: .asciz "hello\n"
.data
value: .word 42, msg
.bss
buf: .space 16
