# Every pseudo-instruction of issue 3.
.text
.globl _start
_start:
    nop
    mv a0, a1
    not a2, a3
    neg a4, a5
    seqz a6, a7
    snez t0, t1
    sltz t2, t3
    sgtz t4, t5
    beqz a0, here
    bnez a0, here
    blez a0, here
    bgez a0, here
    bltz a0, here
    bgtz a0, here
    bgt a0, a1, here
    ble a0, a1, here
    bgtu a0, a1, here
    bleu a0, a1, here
here:
    j here
    jal here
    jr a0
    jr t0
    jalr a1
    ret
    call func
    call t0, func
    tail func
    la a0, data1
    lla a1, data1
    la a2, here
    .equ CONSTADDR, 0x70000000
    la t0, CONSTADDR
    lla t1, 0x1234
    la t2, 5
    la t3, 0x80000800
    lb a0, data1
    lh a1, data1
    lw a2, data1
    lbu a3, data1
    lhu a4, data1
    sb a0, data1, t0
    sh a1, data1, t1
    sw a2, data1, t2
    csrr a0, mstatus
    csrw mstatus, a0
    csrs mie, a1
    csrc mip, a2
    csrwi mtvec, 4
    csrsi mstatus, 8
    csrci mstatus, 31
    csrw mscratch, 3
    csrs mstatus, 2
    csrc mstatus, 1
    rdcycle a0
    rdcycleh a1
    rdtime a2
    rdtimeh a3
    rdinstret a4
    rdinstreth a5
    sfence.vma
    unimp
func:
    ret
.data
data1: .word 0x12345678
