# idle.s -- sleeps in wfi with no interrupt enabled: nothing can ever wake it.
    .text
    .globl _start
_start:
    wfi
    j _start
