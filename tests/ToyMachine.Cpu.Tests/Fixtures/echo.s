# echo.s -- console input by interrupt. Enables the UART's receive interrupt through the
# PLIC (source 10, M-mode context), sleeps in wfi, and echoes every byte in upper case
# from the interrupt handler. On 'q' it prints "bye" and powers off with the number of
# bytes it received as exit code.
    .include "common.inc"
    .equ PLIC, 0x0c000000
    .equ PLIC_ENABLE_M, PLIC + 0x2000
    .equ PLIC_THRESHOLD_M, PLIC + 0x200000
    .equ PLIC_CLAIM_M, PLIC + 0x200004
    .equ UART_IRQ, 10
    .text
    .globl _start
_start:
    li s0, 0                        # bytes received
    la t0, handler
    csrw mtvec, t0
    li t0, PLIC + 4 * UART_IRQ
    li t1, 1
    sw t1, 0(t0)                    # priority[10] = 1
    li t0, PLIC_ENABLE_M
    li t1, 1 << UART_IRQ
    sw t1, 0(t0)
    li t0, PLIC_THRESHOLD_M
    sw zero, 0(t0)
    li t0, UART
    li t1, 1
    sb t1, 1(t0)                    # IER.ERBFI
    li t0, 0x800
    csrs mie, t0                    # MEIE
    csrsi mstatus, 8                # MIE
1:  wfi
    j 1b

    .align 2
handler:
    li t0, PLIC_CLAIM_M
    lw s1, 0(t0)                    # claim
    li t0, UART
2:  lbu t1, UART_LSR(t0)
    andi t1, t1, 1                  # LSR.DR
    beqz t1, 4f
    lbu a0, 0(t0)                   # RBR
    addi s0, s0, 1
    li t1, 'q'
    beq a0, t1, 5f
    li t1, 'a'
    blt a0, t1, 3f
    li t1, 'z'
    bgt a0, t1, 3f
    addi a0, a0, 'A' - 'a'
3:  call putc
    li t0, UART
    j 2b
4:  li t0, PLIC_CLAIM_M
    sw s1, 0(t0)                    # complete
    mret
5:  la a0, bye
    call puts
    li t0, TEST_DEVICE
    slli t1, s0, 16
    li t2, 0x3333
    or t1, t1, t2
    sw t1, 0(t0)
6:  j 6b
    PUTC_ROUTINE
bye: .asciz "\nbye\n"
