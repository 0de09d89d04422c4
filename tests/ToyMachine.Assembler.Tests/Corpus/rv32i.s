# Every RV32I instruction, with edge immediates and every register spelling.
.text
.globl _start
_start:
    lui x0, 0
    lui ra, 0xfffff
    lui sp, 0x80000
    auipc gp, 0
    auipc tp, 1048575
    jal ra, target
    jal target
    jal x0, _start
    jalr t0
    jalr t1, t2
    jalr s0, 0(fp)
    jalr s1, -2048(a0)
    jalr a1, 2047(a2)
    jalr a3, a4, 12
    jalr (a5)
    jalr 4(a6)
    beq a7, s2, target
    bne s3, s4, target
    blt s5, s6, _start
    bge s7, s8, _start
    bltu s9, s10, target
    bgeu s11, t3, target
    lb t4, 0(t5)
    lh t6, -1(x1)
    lw x2, 2047(x3)
    lbu x4, -2048(x5)
    lhu x6, (x7)
    sb x8, 0(x9)
    sh x10, -1(x11)
    sw x12, 2047(x13)
    sw x14, -2048(x15)
    sw x16, (x17)
    addi x18, x19, -2048
    addi x20, x21, 2047
    slti x22, x23, -1
    sltiu x24, x25, 1
    xori x26, x27, 0x7ff
    ori x28, x29, -0x800
    andi x30, x31, 255
    slli a0, a1, 0
    slli a0, a1, 31
    srli a2, a3, 1
    srai a4, a5, 31
    add a0, a1, a2
    sub a3, a4, a5
    sll a6, a7, t0
    slt t1, t2, t3
    sltu t4, t5, t6
    xor s0, s1, s2
    srl s3, s4, s5
    sra s6, s7, s8
    or s9, s10, s11
    and zero, ra, sp
    add a0, a1, 5
    and a0, a1, 0xf0
    or a0, a1, -1
    xor a0, a1, 3
    sll a0, a1, 3
    srl a0, a1, 4
    sra a0, a1, 5
    slt a0, a1, 100
    sltu a0, a1, 100
    fence
    fence iorw, iorw
    fence r, w
    fence rw, rw
    fence i, o
    fence io, rw
    fence w, r
    fence.tso
    fence.i
    ecall
    ebreak
    scall
    sbreak
target:
    nop
