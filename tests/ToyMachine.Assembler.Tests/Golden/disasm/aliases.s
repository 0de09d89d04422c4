# Every pseudo-instruction GNU as accepts for RV32IMA + Zicsr + Zifencei, written the way
# people write them, with edge operands; regen.sh stores what objdump -d prints for it.
    .text
    .globl _start
_start:
    nop
    li a0, 0
    li a1, -1
    li a2, 2047
    li a3, -2048
    li a4, 0x12345678
    li a5, 0x80000000
    li a6, 4096
    li t0, -4096
    mv a0, a1
    mv zero, zero
    not a0, a1
    neg a0, a1
    neg zero, t6
    seqz a0, a1
    snez a0, a1
    sltz a0, a1
    sgtz a0, a1
    sgt a0, a1, a2
    sgtu a0, a1, a2
    zext.b a0, a1
back:
    beqz a0, back
    bnez a1, fwd
    blez a2, back
    bgez a3, fwd
    bltz a4, back
    bgtz a5, fwd
    bgt a0, a1, back
    ble a0, a1, fwd
    bgtu a0, a1, back
    bleu a0, a1, fwd
    beq zero, zero, back
    bne zero, a0, fwd
    bge zero, zero, back
    blt zero, zero, fwd
fwd:
    j back
    j fwd
    jal back
    jal ra, fwd
    jal t0, back
    jal zero, .+4
    jr a0
    jr ra
    jalr a0
    jalr ra
    jalr t1, a0
    jalr t1, 4(a0)
    jalr zero, -4(ra)
    jalr ra, 2047(s11)
    ret
    call far
    tail far
    la a0, msg
    lla a1, msg+4
    lw a2, msg
    sw a2, msg, t0
    lb a3, -2048(sp)
    lhu a4, 2047(gp)
    sb a5, 0(tp)
    lui a0, %hi(msg)
    addi a0, a0, %lo(msg)
    lui a1, %hi(msg)
    lw a1, %lo(msg)(a1)
    lui a2, %hi(msg)
    sw zero, %lo(msg)(a2)
    addi a0, gp, 16
    lw a1, -16(gp)
    sw a1, 4(zero)
    lw a1, -4(zero)
    addi a1, tp, 8
    csrr a0, mstatus
    csrw mtvec, a0
    csrs mie, a1
    csrc mip, a2
    csrwi sstatus, 0
    csrsi sie, 31
    csrci sip, 1
    csrw satp, zero
    csrrw a0, mscratch, a1
    csrrs a0, sepc, a1
    csrrc a0, scause, a1
    csrrwi a0, stval, 7
    csrrsi a0, stvec, 31
    csrrci a0, medeleg, 0
    csrr a0, 0x7c0
    csrw 0xbc0, a0
    csrr t0, stimecmp
    csrr t0, stimecmph
    csrr t0, menvcfg
    csrr t0, menvcfgh
    csrr t0, mstatush
    csrr t0, pmpcfg15
    csrr t0, pmpaddr63
    csrr t0, mcycleh
    csrr t0, minstreth
    csrr t0, mhartid
    rdcycle a0
    rdcycleh a1
    rdtime a2
    rdtimeh a3
    rdinstret a4
    rdinstreth a5
    unimp
    fence
    fence iorw, iorw
    fence rw, rw
    fence r, r
    fence w, w
    fence i, o
    fence io, rw
    fence o, iorw
    fence.tso
    fence.i
    sfence.vma
    sfence.vma a0
    sfence.vma a0, a1
    sfence.vma zero, a1
    ecall
    ebreak
    mret
    sret
    wfi
    lr.w a0, (a1)
    lr.w.aq a0, (a1)
    lr.w.rl a0, (a1)
    lr.w.aqrl a0, (a1)
    sc.w a0, a2, (a1)
    sc.w.aq a0, a2, (a1)
    sc.w.rl a0, a2, (a1)
    sc.w.aqrl a0, a2, (a1)
    amoswap.w.aq t0, t1, (sp)
    amoadd.w zero, a1, (a0)
    amoxor.w.rl a0, a1, (a0)
    amoand.w.aqrl a0, a1, (a0)
    amoor.w a0, a1, (a0)
    amomin.w a0, a1, (a0)
    amomax.w a0, a1, (a0)
    amominu.w a0, a1, (a0)
    amomaxu.w a0, a1, (a0)
    slli a0, a1, 0
    slli a0, a1, 31
    srli a0, a1, 1
    srai a0, a1, 31
    sll a0, a1, a2
    srl a0, a1, a2
    sra a0, a1, a2
    slt a0, a1, a2
    sltu a0, a1, a2
    slti a0, a1, -1
    sltiu a0, a1, -1
    sltiu a0, a1, 1
    xori a0, a1, 1
    ori a0, a1, -2048
    andi a0, a1, -1
    andi a0, a1, 255
    addi sp, sp, -16
    addi a0, zero, 1
    addi zero, a0, 1
    add a0, a1, a2
    sub a0, a1, a2
    mul a0, a1, a2
    mulh a0, a1, a2
    mulhsu a0, a1, a2
    mulhu a0, a1, a2
    div a0, a1, a2
    divu a0, a1, a2
    rem a0, a1, a2
    remu a0, a1, a2
    lui a0, 0
    lui a0, 0xfffff
    auipc a0, 0
    auipc a0, 0xfffff
    auipc t1, 0x80000
    lui ra, 1
far:
    ret

    .data
msg:
    .asciz "hello"
    .balign 4
table:
    .word 1, 2, 3
