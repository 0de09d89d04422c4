# echo.s -- print the arguments separated by spaces, then a newline.
#
# `echo -n ...` leaves out the newline. The line is gathered in a buffer and
# written with one write, so that echoes of concurrent processes do not
# interleave within a line (up to the buffer's 1024 bytes).

    .include "syscalls.inc"

    .equ ECHO_BUF, 1024

    .text
    .globl main
# main -- echo [-n] [WORD...]
#  IN:  a0 = argc, a1 = argv
#  OUT: a0 = 0, or 1 when the write failed
main:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    sw s3, 12(sp)
    slli s0, a0, 2
    add s0, s0, a1              # s0 = &argv[argc], the end
    addi s1, a1, 4              # s1 = next argument
    li s3, 1                    # s3 = 1: end with a newline
    bgeu s1, s0, 1f
    lw a0, 0(s1)
    la a1, echo_dash_n
    call strcmp
    bnez a0, 1f
    li s3, 0
    addi s1, s1, 4
1:  la s2, echo_buf             # s2 = end of the text so far
    sw s1, 8(sp)                # 8(sp) = the first word, which gets no space before it
2:  bgeu s1, s0, 4f
    lw a1, 0(s1)
    lw t0, 8(sp)
    mv t1, s1
    addi s1, s1, 4
    beq t1, t0, 3f
    li a0, ' '
    call echo_put
3:  lbu a0, 0(a1)
    beqz a0, 2b
    addi a1, a1, 1
    call echo_put
    j 3b
4:  beqz s3, 5f
    li a0, '\n'
    call echo_put
5:  call echo_flush
    srli a0, a0, 31             # 1 when the last write failed
    lw s3, 12(sp)
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# echo_put -- append a byte to the line, writing the buffer out when full
#  IN:  a0 = byte, s2 = end of the buffered text
#  OUT: s2 advanced; clobbers t0, a0, a2, a7 (preserves a1)
echo_put:
    sb a0, 0(s2)
    addi s2, s2, 1
    la t0, echo_buf + ECHO_BUF
    bltu s2, t0, 1f
    addi sp, sp, -16
    sw ra, 12(sp)
    sw a1, 8(sp)
    call echo_flush
    lw a1, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
1:  ret

# echo_flush -- write the buffered text to fd 1
#  IN:  s2 = end of the buffered text
#  OUT: a0 = result of write (or 0 when nothing was buffered); s2 = buffer start
#  clobbers a1, a2, a7
echo_flush:
    li a0, 1
    la a1, echo_buf
    sub a2, s2, a1
    mv s2, a1
    beqz a2, 1f
    li a7, SYS_write
    ecall
    ret
1:  li a0, 0
    ret

    .section .rodata
echo_dash_n: .asciz "-n"

    .bss
echo_buf: .space ECHO_BUF
