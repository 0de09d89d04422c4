# One of every instruction in the machine's table, with varied operands.
# regen.sh assembles it with GNU as and writes isa-table.golden (word, mnemonic) from objdump.
    lui a0, 0xfffff
    auipc t1, 0x12345
    jal ra, .+2048
    jalr t0, -4(a1)
    beq a0, a1, .+16
    bne a0, zero, .-16
    blt s0, s1, .+4094
    bge t6, t5, .-4096
    bltu a2, a3, .+8
    bgeu a4, a5, .+12
    lb a0, -2048(sp)
    lh a1, 2047(gp)
    lw a2, 0(tp)
    lbu a3, 1(t0)
    lhu a4, -1(t1)
    sb a5, 4(t2)
    sh a6, -8(s0)
    sw a7, 12(s1)
    addi s2, s3, -2048
    slti s4, s5, 2047
    sltiu s6, s7, 1
    xori s8, s9, -1
    ori s10, s11, 0x7ff
    andi t3, t4, 0x55
    slli t5, t6, 31
    srli a0, a1, 1
    srai a2, a3, 17
    add a0, a1, a2
    sub a3, a4, a5
    sll a6, a7, s0
    slt s1, s2, s3
    sltu s4, s5, s6
    xor s7, s8, s9
    srl s10, s11, t0
    sra t1, t2, t3
    or t4, t5, t6
    and ra, sp, gp
    fence.tso
    fence rw, w
    fence.i
    ecall
    ebreak
    csrrw a0, mscratch, a1
    csrrs a2, mstatus, a3
    csrrc a4, sie, a5
    csrrwi a6, satp, 31
    csrrsi a7, stvec, 1
    csrrci s0, 0x7c0, 2
    mul a0, a1, a2
    mulh a3, a4, a5
    mulhsu a6, a7, s0
    mulhu s1, s2, s3
    div s4, s5, s6
    divu s7, s8, s9
    rem s10, s11, t0
    remu t1, t2, t3
    lr.w a0, (a1)
    sc.w a2, a3, (a4)
    amoswap.w a0, a1, (a2)
    amoadd.w a0, a1, (a2)
    amoxor.w a0, a1, (a2)
    amoand.w a0, a1, (a2)
    amoor.w a0, a1, (a2)
    amomin.w a0, a1, (a2)
    amomax.w a0, a1, (a2)
    amominu.w a0, a1, (a2)
    amomaxu.w a0, a1, (a2)
    lr.w.aq a0, (a1)
    sc.w.rl a2, a3, (a4)
    amoadd.w.aqrl a0, a1, (a2)
    sret
    mret
    wfi
    sfence.vma a0, a1
