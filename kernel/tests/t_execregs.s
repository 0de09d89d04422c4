# t_execregs.s -- exec target of t_audit (not a test to boot as init): checks the
# state exec leaves (abi.md, Program start) and exits 0, or with the number of the
# first check that failed.  tlib's _start only did `call main`, so every register
# but ra is still what exec left.  It is given argv = { path, "x", NULL } and
# descriptor 4, the write end of a pipe, on which it writes its pid (4 bytes): the
# parent compares it with the pid fork gave it (exec keeps pid and descriptors).
.include "tmacros.inc"
.text
.globl main
main:
    or t0, t0, t1               # 1: every register but sp, a0, a1 (and ra) is 0
    or t0, t0, t2
    or t0, t0, t3
    or t0, t0, t4
    or t0, t0, t5
    or t0, t0, t6
    or t0, t0, gp
    or t0, t0, tp
    or t0, t0, s0
    or t0, t0, s1
    or t0, t0, s2
    or t0, t0, s3
    or t0, t0, s4
    or t0, t0, s5
    or t0, t0, s6
    or t0, t0, s7
    or t0, t0, s8
    or t0, t0, s9
    or t0, t0, s10
    or t0, t0, s11
    or t0, t0, a2
    or t0, t0, a3
    or t0, t0, a4
    or t0, t0, a5
    or t0, t0, a6
    or t0, t0, a7
    li s0, 1
    bnez t0, fail
    li s0, 2                    # 2: sp 16-byte aligned
    andi t0, sp, 15
    bnez t0, fail
    li s0, 3                    # 3: the argv array at or above sp
    bltu a1, sp, fail
    li s0, 4                    # 4: argc = 2
    li t0, 2
    bne a0, t0, fail
    li s0, 5                    # 5: argv[2] = NULL, the strings at or above sp
    lw t0, 8(a1)
    bnez t0, fail
    lw t0, 0(a1)
    bltu t0, sp, fail
    lw t1, 4(a1)
    bltu t1, sp, fail
    li s0, 6                    # 6: argv[1] = "x"
    lbu t2, 0(t1)
    li t3, 'x'
    bne t2, t3, fail
    lbu t2, 1(t1)
    bnez t2, fail
    li s0, 7                    # 7: the pid, through the inherited descriptor 4
    addi sp, sp, -16
    SYS SYS_getpid
    sw a0, 0(sp)
    li a0, 4
    mv a1, sp
    li a2, 4
    SYS SYS_write
    addi sp, sp, 16
    li t0, 4
    bne a0, t0, fail
    li a0, 0
    SYS SYS_exit
fail:
    mv a0, s0
    SYS SYS_exit
