# sstc.s -- the Sstc timer from S-mode. M-mode enables stimecmp (menvcfgh.STCE) and the
# counters for S-mode, delegates the supervisor timer interrupt, and drops to S-mode,
# which arms stimecmp for time = 500 (cycle 5,000), sleeps in wfi, and on the interrupt
# prints scause and the cycle count at which its handler started.
    .include "common.inc"
    .text
    .globl _start
_start:
    li t0, 0x80000000
    csrw menvcfgh, t0           # STCE
    csrwi mcounteren, 7         # CY, TM, IR for S-mode
    li t0, 0x20
    csrw mideleg, t0            # STIP to S-mode
    la t0, supervisor
    csrw mepc, t0
    li t0, 0x1800
    csrc mstatus, t0
    li t0, 0x0800
    csrs mstatus, t0            # MPP = S
    mret
supervisor:
    la t0, handler
    csrw stvec, t0
    csrwi stimecmph, 0
    li t0, 500
    csrw stimecmp, t0
    li t0, 0x20
    csrw sie, t0                # STIE
    csrsi sstatus, 2            # SIE
1:  wfi
    j 1b
    .align 2
handler:
    rdcycle s1
    csrr s0, scause
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
cause: .asciz "scause "
at:    .asciz " cycle "
nl:    .asciz "\n"
