# t_bench.s -- guest measurements, read from U-mode with rdcycle/rdinstret:
#   boot to the first user instruction (when run as init), getpid round trip,
#   yield round trip between two processes, fork+exit+waitpid, and exec
#   (fork+exec+exit+waitpid of /bin/nop, minus fork+exit+waitpid).
# Each figure is printed as "bench NAME: C cycles, I instructions" per operation,
# loop overhead included (2-3 instructions).
.include "tmacros.inc"

.equ N_GETPID, 1000
.equ N_YIELD, 500
.equ N_FORK, 20

# START -- s4 = cycle, s5 = instret now
.macro START
    rdcycle s4
    rdinstret s5
.endm
# STOP n, "name" -- print (now - start) / n
.macro STOP n, name
    rdcycle a0
    rdinstret a1
    sub a0, a0, s4
    sub a1, a1, s5
    li a2, \n
    la a3, 8f
    call report
    .section .rodata
8:  .asciz "\name"
    .text
.endm

.text
.globl main
main:
    rdcycle t0
    rdinstret t1
    addi sp, sp, -48
    sw ra, 44(sp)
    sw s0, 40(sp)
    sw s1, 36(sp)
    sw s4, 32(sp)
    sw s5, 28(sp)
    mv a0, t0
    mv a1, t1
    li a2, 1
    la a3, n_boot
    call report
    # getpid
    li s0, N_GETPID
    START
1:  SYS SYS_getpid
    addi s0, s0, -1
    bnez s0, 1b
    STOP N_GETPID, "getpid round trip"
    # yield between two processes: the child yields forever
    SYS SYS_fork
    bnez a0, 2f
3:  SYS SYS_yield
    j 3b
2:  mv s1, a0
    SYS SYS_yield               # let the child start
    li s0, N_YIELD
    START
4:  SYS SYS_yield
    addi s0, s0, -1
    bnez s0, 4b
    STOP N_YIELD, "yield round trip (two processes)"
    mv a0, s1
    li a1, SIGKILL
    SYS SYS_kill
    mv a0, s1
    li a1, 0
    li a2, 0
    SYS SYS_waitpid
    # fork + exit + waitpid
    li s0, N_FORK
    START
5:  SYS SYS_fork
    bnez a0, 6f
    li a0, 0
    SYS SYS_exit
6:  li a1, 0
    li a2, 0
    SYS SYS_waitpid
    addi s0, s0, -1
    bnez s0, 5b
    STOP N_FORK, "fork+exit+waitpid"
    # fork + exec + exit + waitpid
    li s0, N_FORK
    START
7:  SYS SYS_fork
    bnez a0, 8f
    la a0, p_nop
    la a1, argv_nop
    SYS SYS_exec
    SYS SYS_exit
8:  li a1, 0
    li a2, 0
    SYS SYS_waitpid
    addi s0, s0, -1
    bnez s0, 7b
    STOP N_FORK, "fork+exec+exit+waitpid"
    # spawn + waitpid
    li s0, N_FORK
    START
9:  la a0, p_nop
    la a1, argv_nop
    SYS SYS_spawn
    li a1, 0
    li a2, 0
    SYS SYS_waitpid
    addi s0, s0, -1
    bnez s0, 9b
    STOP N_FORK, "spawn+exit+waitpid"
    li a0, 0
    lw s5, 28(sp)
    lw s4, 32(sp)
    lw s1, 36(sp)
    lw s0, 40(sp)
    lw ra, 44(sp)
    addi sp, sp, 48
    ret

# report -- "bench NAME: C cycles, I instructions"
#  IN:  a0 = cycles, a1 = instructions, a2 = divisor, a3 = name
report:
    addi sp, sp, -32
    sw ra, 28(sp)
    divu a0, a0, a2
    divu a1, a1, a2
    sw a0, 24(sp)
    sw a1, 20(sp)
    sw a3, 16(sp)
    la a0, s_bench
    call puts
    lw a0, 16(sp)
    call puts
    la a0, s_colon
    call puts
    lw a0, 24(sp)
    call putdec
    la a0, s_cycles
    call puts
    lw a0, 20(sp)
    call putdec
    la a0, s_instr
    call puts
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

.section .rodata
n_boot:   .asciz "boot to first user instruction"
s_bench:  .asciz "bench "
s_colon:  .asciz ": "
s_cycles: .asciz " cycles, "
s_instr:  .asciz " instructions\n"
p_nop:    .asciz "/bin/nop"
.section .data
.balign 4
argv_nop: .word p_nop, 0
