# %hi, %lo, %pcrel_hi, %pcrel_lo, lui/auipc, and 1f/1b local labels.
.text
.globl _start
_start:
    lui a0, %hi(value)
    addi a0, a0, %lo(value)
    lw a1, %lo(value)(a0)
    sw a1, %lo(value)(a0)
    lui a2, %hi(0x12345fff)
    addi a2, a2, %lo(0x12345fff)
    lui a3, %hi(value + 0x800)
1:  auipc a4, %pcrel_hi(value)
    addi a4, a4, %pcrel_lo(1b)
2:  auipc a5, %pcrel_hi(value)
    lw a5, %pcrel_lo(2b)(a5)
    sw a5, %pcrel_lo(2b)(a5)
.Lfar:
    auipc t0, %pcrel_hi(far_data)
    lw t0, %pcrel_lo(.Lfar)(t0)
1:  j 1f
    j 1b
1:  j 1b
    beqz a0, 1f
    nop
1:  ret
.data
    .space 100
value: .word 1
    .space 5000
far_data: .word 2
