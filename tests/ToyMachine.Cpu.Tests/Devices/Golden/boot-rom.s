# The boot ROM's reset code, written for GNU as. regen-boot-rom.sh assembles it and
# prints the words that BootRomTests.GnuAsWords holds: the independent reference for
# BootRom.Code. Keep the two programs instruction for instruction the same.
    .option norvc
    .text
    .globl _start
_start:
1:  auipc t0, %pcrel_hi(trap)
    addi  t0, t0, %pcrel_lo(1b)
    csrw  mtvec, t0
    lui   t0, 0x10001
    lw    t1, 0(t0)
    lui   t2, 0x4b4c4
    addi  t2, t2, 0x254
    bne   t1, t2, no_disk
    sw    zero, 8(t0)
    lui   t1, 0x80000
    sw    t1, 12(t0)
    addi  t2, zero, 1
    sw    t2, 16(t0)
    sw    t2, 20(t0)
wait:
    lw    t3, 24(t0)
    beq   t3, t2, wait
    sw    zero, 28(t0)
    addi  t4, zero, 2
    bne   t3, t4, disk_error
    csrr  a0, mhartid
    lui   a1, 0x2
    addi  a1, a1, -2048
    jr    t1
no_disk:
    lui   t5, 0x23
    j     halt
disk_error:
    lui   t5, 0x13
    j     halt
trap:
    lui   t5, 0x33
halt:
    addi  t5, t5, 0x333
    lui   t6, 0x100
    sw    t5, 0(t6)
spin:
    j     spin
