# spin.s -- loops forever (for --max-cycles).
    .text
    .globl _start
_start:
    j _start
