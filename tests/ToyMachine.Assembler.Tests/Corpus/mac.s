# M, A, Zicsr and the privileged instructions.
.text
    mul a0, a1, a2
    mulh a3, a4, a5
    mulhsu a6, a7, s0
    mulhu s1, s2, s3
    div t0, t1, t2
    divu t3, t4, t5
    rem t6, ra, sp
    remu gp, tp, zero
    lr.w a0, (a1)
    lr.w.aq a0, (a1)
    lr.w.rl a0, 0(a1)
    lr.w.aqrl t0, (sp)
    sc.w a0, a1, (a2)
    sc.w.aq a0, a1, (a2)
    sc.w.rl a0, a1, (a2)
    sc.w.aqrl a0, a1, (a2)
    amoswap.w a0, a1, (a2)
    amoswap.w.aq a0, a1, (a2)
    amoadd.w a3, a4, (a5)
    amoadd.w.rl a3, a4, (a5)
    amoxor.w a0, a1, (a2)
    amoand.w a0, a1, (a2)
    amoor.w.aqrl a0, a1, (a2)
    amomin.w a0, a1, (a2)
    amomax.w a0, a1, (a2)
    amominu.w a0, a1, (a2)
    amomaxu.w.aq zero, t6, (s11)
    csrrw a0, mstatus, a1
    csrrs a0, mie, a1
    csrrc a0, mip, a1
    csrrwi a0, mtvec, 0
    csrrsi a0, mscratch, 31
    csrrci a0, mepc, 17
    csrrw a0, 0x340, a1
    csrrs a0, 4095, zero
    csrrw a0, mstatus, 5
    csrrs zero, cycle, zero
    csrr a0, time
    csrr a0, instret
    csrr a0, cycleh
    csrr a0, timeh
    csrr a0, instreth
    csrr a0, sstatus
    csrr a0, sie
    csrr a0, stvec
    csrr a0, scounteren
    csrr a0, sscratch
    csrr a0, sepc
    csrr a0, scause
    csrr a0, stval
    csrr a0, sip
    csrr a0, stimecmp
    csrr a0, stimecmph
    csrr a0, satp
    csrr a0, mvendorid
    csrr a0, marchid
    csrr a0, mimpid
    csrr a0, mhartid
    csrr a0, misa
    csrr a0, medeleg
    csrr a0, mideleg
    csrr a0, mcounteren
    csrr a0, menvcfg
    csrr a0, mstatush
    csrr a0, menvcfgh
    csrr a0, mcause
    csrr a0, mtval
    csrr a0, pmpcfg0
    csrr a0, pmpcfg15
    csrr a0, pmpaddr0
    csrr a0, pmpaddr63
    csrr a0, mcycle
    csrr a0, minstret
    csrr a0, mcycleh
    csrr a0, minstreth
    sret
    mret
    wfi
    sfence.vma
    sfence.vma a0
    sfence.vma a0, a1
    sfence.vma zero, t0
