# tinykernel.s -- a stand-in kernel for the boot block test (ImageBootTests). Linked at
# 0x8001_0000 with .data at 0x8001_2000 (tinykernel.ld), so the blob has a zero gap between the two
# segments, and an odd-sized .data and .bss, so the zero-fill starts and ends off a
# word boundary. The test fills RAM with 0xA5 before booting; this program checks
# what the boot block promised (docs/image-format.md) and powers off with 0 and
# "kernel: ok", or with the number of the check that failed:
#   10 a0 is not 0, 11 a1 is not 0x1800, 12 the .data bytes are wrong,
#   13 the gap between .text and .data is not zero, 14 .bss is not zero,
#   15 the byte just past the kernel's memory was overwritten (it must still be 0xA5;
#      checked only when the byte after it is 0xA5, so the kernel also boots unfilled RAM).
    .equ UART, 0x10000000
    .equ UART_LSR, 5
    .equ LSR_THRE, 0x20
    .equ TEST_DEVICE, 0x100000

    .text
    .globl _start
_start:
    li    s0, 10
    bnez  a0, fail
    li    s0, 11
    li    t0, 0x1800
    bne   a1, t0, fail

    li    s0, 12
    la    t0, data_word
    lw    t1, 0(t0)
    li    t2, 0x12345678
    bne   t1, t2, fail
    lbu   t1, 4(t0)
    li    t2, 0x5A
    bne   t1, t2, fail

    li    s0, 13
    la    a2, text_end
    addi  a2, a2, 3             # GNU as pads .text to its 4-byte alignment
    andi  a2, a2, -4
    la    a3, data_word
    call  check_zero

    li    s0, 14
    la    a2, bss_start
    la    a3, kernel_end
    call  check_zero

    li    s0, 15                # only when RAM was filled (the byte after is 0xA5 too)
    la    t0, kernel_end
    lbu   t1, 1(t0)
    li    t2, 0xA5
    bne   t1, t2, 1f
    lbu   t1, 0(t0)
    bne   t1, t2, fail
1:

    la    a0, ok
    call  puts
    li    t0, TEST_DEVICE
    li    t1, 0x5555
    sw    t1, 0(t0)
1:  j     1b

# check_zero -- go to fail unless every byte of [a2, a3) is zero; clobbers t0, a2
check_zero:
1:  bgeu  a2, a3, 2f
    lbu   t0, 0(a2)
    bnez  t0, fail
    addi  a2, a2, 1
    j     1b
2:  ret

# fail -- print "kernel: check failed" and power off with exit code s0
fail:
    la    a0, failed
    call  puts
    slli  t1, s0, 16
    li    t2, 0x3333
    or    t1, t1, t2
    li    t0, TEST_DEVICE
    sw    t1, 0(t0)
1:  j     1b

# puts -- print the NUL-terminated string at a0; clobbers t0-t2, a0
puts:
    li    t0, UART
1:  lbu   t1, 0(a0)
    beqz  t1, 3f
2:  lbu   t2, UART_LSR(t0)
    andi  t2, t2, LSR_THRE
    beqz  t2, 2b
    sb    t1, 0(t0)
    addi  a0, a0, 1
    j     1b
3:  ret

ok:     .asciz "kernel: ok\n"
failed: .asciz "kernel: check failed\n"
text_end:

    .data
data_word:
    .word 0x12345678
    .byte 0x5A

    .bss
bss_start:
    .space 0x10002              # kernel_end (tinykernel.ld) = 0x8002_2007
