# lib.s -- memory and string routines for the rest of the kernel.
#
# Leaf routines that follow the standard calling convention and touch only
# a- and t-registers; none of them sleeps, so they may be called anywhere.

.include "kernel.inc"

.text

# memset -- fill memory with a byte
#  IN:  a0 = destination, a1 = byte value, a2 = length
#  OUT: nothing
#  clobbers a0, a2, t0-t1
.globl memset
memset:
    or t0, a0, a2
    andi t0, t0, 3
    bnez t0, 2f
    # word loop: both the address and the length are multiples of 4
    andi t1, a1, 0xFF
    slli t0, t1, 8
    or t1, t1, t0
    slli t0, t1, 16
    or t1, t1, t0
    add a2, a0, a2
1:  beq a0, a2, 3f
    sw t1, 0(a0)
    addi a0, a0, 4
    j 1b
2:  add a2, a0, a2
4:  beq a0, a2, 3f
    sb a1, 0(a0)
    addi a0, a0, 1
    j 4b
3:  ret

# page_zero -- zero one 4 KiB page
#  IN:  a0 = page address (4 KiB aligned)
#  OUT: nothing
#  clobbers a0, t0
.globl page_zero
page_zero:
    li t0, PGSIZE
    add t0, a0, t0
1:  sw zero, 0(a0)
    sw zero, 4(a0)
    sw zero, 8(a0)
    sw zero, 12(a0)
    sw zero, 16(a0)
    sw zero, 20(a0)
    sw zero, 24(a0)
    sw zero, 28(a0)
    addi a0, a0, 32
    bne a0, t0, 1b
    ret

# page_copy -- copy one 4 KiB page
#  IN:  a0 = destination page, a1 = source page (both 4 KiB aligned)
#  OUT: nothing
#  clobbers a0, a1, t0-t4
.globl page_copy
page_copy:
    li t0, PGSIZE
    add t0, a0, t0
1:  lw t1, 0(a1)
    lw t2, 4(a1)
    lw t3, 8(a1)
    lw t4, 12(a1)
    sw t1, 0(a0)
    sw t2, 4(a0)
    sw t3, 8(a0)
    sw t4, 12(a0)
    addi a0, a0, 16
    addi a1, a1, 16
    bne a0, t0, 1b
    ret

# memcpy -- copy memory (regions must not overlap)
#  IN:  a0 = destination, a1 = source, a2 = length
#  OUT: nothing
#  clobbers a0-a2, t0-t1
.globl memcpy
memcpy:
    or t0, a0, a1
    or t0, t0, a2
    andi t0, t0, 3
    add a2, a0, a2
    bnez t0, 2f
1:  beq a0, a2, 3f
    lw t1, 0(a1)
    sw t1, 0(a0)
    addi a0, a0, 4
    addi a1, a1, 4
    j 1b
2:  beq a0, a2, 3f
    lbu t1, 0(a1)
    sb t1, 0(a0)
    addi a0, a0, 1
    addi a1, a1, 1
    j 2b
3:  ret

# strlen -- length of a NUL-terminated string
#  IN:  a0 = string
#  OUT: a0 = number of bytes before the NUL
#  clobbers t0-t1
.globl strlen
strlen:
    mv t0, a0
1:  lbu t1, 0(t0)
    beqz t1, 2f
    addi t0, t0, 1
    j 1b
2:  sub a0, t0, a0
    ret

# strncmp_eq -- do two strings agree in their first n bytes (stopping at a NUL)?
#  IN:  a0 = string, a1 = string, a2 = n
#  OUT: a0 = 1 if equal, 0 if not
#  clobbers a1-a2, t0-t2
.globl strncmp_eq
strncmp_eq:
    mv t2, a0
1:  beqz a2, 3f
    lbu t0, 0(t2)
    lbu t1, 0(a1)
    bne t0, t1, 2f
    beqz t0, 3f
    addi t2, t2, 1
    addi a1, a1, 1
    addi a2, a2, -1
    j 1b
2:  li a0, 0
    ret
3:  li a0, 1
    ret

# udiv64_32 -- divide a 64-bit number by a 32-bit one whose quotient fits 32 bits
#  IN:  a0 = dividend low, a1 = dividend high (must be below a2), a2 = divisor
#       (below 2^31)
#  OUT: a0 = quotient, a1 = remainder
#  clobbers t0-t1
.globl udiv64_32
udiv64_32:
    li t0, 32
1:  srli t1, a0, 31
    slli a1, a1, 1
    or a1, a1, t1
    slli a0, a0, 1
    bltu a1, a2, 2f
    sub a1, a1, a2
    ori a0, a0, 1
2:  addi t0, t0, -1
    bnez t0, 1b
    ret

# read_time -- the 64-bit time CSR, read consistently on RV32
#  IN:  nothing
#  OUT: a0 = low word, a1 = high word
#  clobbers t0
.globl read_time
read_time:
1:  rdtimeh a1
    rdtime a0
    rdtimeh t0
    bne a1, t0, 1b
    ret

# read_cycle -- the 64-bit cycle CSR
#  IN:  nothing
#  OUT: a0 = low word, a1 = high word
#  clobbers t0
.globl read_cycle
read_cycle:
1:  rdcycleh a1
    rdcycle a0
    rdcycleh t0
    bne a1, t0, 1b
    ret
