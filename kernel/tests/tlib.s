# tlib.s -- the small library of the kernel's guest test programs.
#
# _start calls main(argc, argv) and exits with its result.  check prints
# "ok NAME" or "FAIL NAME" and counts failures in t_failures; t_done prints the
# summary and returns the number of failures (main returns it: exit status 0 =
# every check passed).

.include "tmacros.inc"


.text
.globl _start
_start:
    call main
    SYS SYS_exit
1:  j 1b

# puts -- write a NUL-terminated string to fd 1
#  IN:  a0 = string; clobbers a0-a2, a7, t0-t1
.globl puts
puts:
    mv t0, a0
1:  lbu t1, 0(t0)
    beqz t1, 2f
    addi t0, t0, 1
    j 1b
2:  sub a2, t0, a0
    mv a1, a0
    li a0, 1
    SYS SYS_write
    ret

# putdec -- write a signed number in decimal
#  IN:  a0 = number; clobbers a0-a2, a7, t0-t3
.globl putdec
putdec:
    addi sp, sp, -32
    sw ra, 28(sp)
    addi t2, sp, 20
    sb zero, 0(t2)
    mv t3, a0
    bgez a0, 1f
    neg a0, a0
1:  li t1, 10
2:  remu t0, a0, t1
    divu a0, a0, t1
    addi t0, t0, 48
    addi t2, t2, -1
    sb t0, 0(t2)
    bnez a0, 2b
    bgez t3, 3f
    li t0, 45
    addi t2, t2, -1
    sb t0, 0(t2)
3:  mv a0, t2
    call puts
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# putnl -- write a newline
.globl putnl
putnl:
    addi sp, sp, -16
    sw ra, 12(sp)
    la a0, nl
    call puts
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# check -- report one check
#  IN:  a0 = non-zero when it passed, a1 = its name
#  OUT: nothing; clobbers a0-a2, a7, t0-t1
.globl check
check:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw a1, 8(sp)
    bnez a0, 1f
    la t0, t_failures
    lw t1, 0(t0)
    addi t1, t1, 1
    sw t1, 0(t0)
    la a0, failstr
    j 2f
1:  la a0, okstr
2:  call puts
    lw a0, 8(sp)
    call puts
    call putnl
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# check_eq -- report a check that a value equals the expected one
#  IN:  a0 = value, a1 = expected, a2 = name; prints the value when it differs
.globl check_eq
check_eq:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw a0, 8(sp)
    sw a1, 4(sp)
    sw a2, 0(sp)
    sub a0, a0, a1
    seqz a0, a0
    mv a1, a2
    call check
    lw a0, 8(sp)
    lw a1, 4(sp)
    beq a0, a1, 1f
    la a0, gotstr
    call puts
    lw a0, 8(sp)
    call putdec
    la a0, wantstr
    call puts
    lw a0, 4(sp)
    call putdec
    call putnl
1:  lw ra, 12(sp)
    addi sp, sp, 16
    ret

# t_done -- print the summary; a0 = number of failures
.globl t_done
t_done:
    addi sp, sp, -16
    sw ra, 12(sp)
    la a0, donestr
    call puts
    la t0, t_failures
    lw a0, 0(t0)
    call putdec
    call putnl
    la t0, t_failures
    lw a0, 0(t0)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

.section .rodata
nl:      .asciz "\n"
okstr:   .asciz "ok "
failstr: .asciz "FAIL "
gotstr:  .asciz "  got "
wantstr: .asciz " want "
donestr: .asciz "failures: "

.section .data
.balign 4
.globl t_failures
t_failures: .word 0
