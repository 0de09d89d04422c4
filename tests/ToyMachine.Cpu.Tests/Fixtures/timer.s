# timer.s -- arms the CLINT's mtimecmp for mtime = 1000 (cycle 10,000), sleeps in wfi,
# and on the machine timer interrupt prints mcause and the cycle count at which the
# handler's first instruction ran, then powers off.
    .include "common.inc"
    .equ CLINT_MTIMECMP, 0x02004000
    .text
    .globl _start
_start:
    la t0, handler
    csrw mtvec, t0
    li t0, CLINT_MTIMECMP
    li t1, 1000
    sw zero, 4(t0)
    sw t1, 0(t0)
    li t0, 0x80             # MTIE
    csrw mie, t0
    csrsi mstatus, 8        # MIE
1:  wfi
    j 1b
    .align 2
handler:
    csrr s1, mcycle
    csrr s0, mcause
    la a0, cause
    call puts
    mv a0, s0
    call puthex
    la a0, at
    call puts
    mv a0, s1
    call puthex
    la a0, nl
    call puts
    EXIT 0
    PUTC_ROUTINE
cause: .asciz "mcause "
at:    .asciz " mcycle "
nl:    .asciz "\n"
