# fmt.s -- numbers to text and back: utoa, itoa, parse_int.
#
# The formatting routines write into a caller's buffer (33 bytes are always enough:
# 32 binary digits and the NUL) and return the length, so printf and the utilities
# can pad and copy without scanning again.

    .text

    .globl utoa
# utoa -- unsigned number to digits in a base (2..16, lowercase letters)
#  IN:  a0 = value, a1 = buffer, a2 = base
#  OUT: a0 = number of digits written (the buffer is NUL-terminated)
#  clobbers t0-t3
utoa:
    mv t0, a1                   # t0 = next digit slot; digits come out lowest first
1:  remu t1, a0, a2
    divu a0, a0, a2
    li t2, 10
    blt t1, t2, 2f
    addi t1, t1, 'a' - 10 - '0'
2:  addi t1, t1, '0'
    sb t1, 0(t0)
    addi t0, t0, 1
    bnez a0, 1b
    sb zero, 0(t0)
    sub a0, t0, a1              # the length
    addi t0, t0, -1             # reverse [a1, t0] in place
    mv t3, a1
3:  bgeu t3, t0, 4f
    lbu t1, 0(t3)
    lbu t2, 0(t0)
    sb t2, 0(t3)
    sb t1, 0(t0)
    addi t3, t3, 1
    addi t0, t0, -1
    j 3b
4:  ret

    .globl itoa
# itoa -- signed number to decimal, with a '-' when negative
#  IN:  a0 = value, a1 = buffer
#  OUT: a0 = number of bytes written (NUL-terminated)
#  clobbers t0-t3, a2
itoa:
    li a2, 10
    bgez a0, utoa
    addi sp, sp, -16
    sw ra, 12(sp)
    sw a1, 8(sp)
    li t0, '-'
    sb t0, 0(a1)
    addi a1, a1, 1
    neg a0, a0                  # -0x80000000 stays itself, which utoa reads as 2147483648
    call utoa
    addi a0, a0, 1
    lw a1, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

    .globl parse_int
# parse_int -- a whole string as a number: optional '-', then decimal digits or
#              0x and hex digits
#  IN:  a0 = string
#  OUT: a0 = value; a1 = 1 when the whole string was a number, 0 when not (empty,
#       stray characters)
#  clobbers t0-t4
parse_int:
    li t3, 0                    # t3 = 1 when negative
    lbu t0, 0(a0)
    li t1, '-'
    bne t0, t1, 1f
    li t3, 1
    addi a0, a0, 1
1:  li t4, 10                   # t4 = base
    lbu t0, 0(a0)
    li t1, '0'
    bne t0, t1, 2f
    lbu t0, 1(a0)
    ori t0, t0, 0x20            # 'X' -> 'x'
    li t1, 'x'
    bne t0, t1, 2f
    li t4, 16
    addi a0, a0, 2
2:  lbu t0, 0(a0)
    beqz t0, parse_int_bad      # no digits at all
    li a1, 0                    # a1 = value so far
3:  lbu t0, 0(a0)
    beqz t0, 6f
    addi t1, t0, -'0'
    li t2, 10
    bltu t1, t2, 5f             # '0'..'9'
    ori t1, t0, 0x20
    addi t1, t1, -'a'
    li t2, 6
    bgeu t1, t2, parse_int_bad
    addi t1, t1, 10             # 'a'..'f'
5:  bgeu t1, t4, parse_int_bad
    mul a1, a1, t4
    add a1, a1, t1
    addi a0, a0, 1
    j 3b
6:  mv a0, a1
    beqz t3, 7f
    neg a0, a0
7:  li a1, 1
    ret
parse_int_bad:
    li a0, 0
    li a1, 0
    ret

    .globl u64toa
# u64toa -- unsigned 64-bit number to decimal (the cycle counts of procs)
#  IN:  a0 = low word, a1 = high word, a2 = buffer (21 bytes are enough)
#  OUT: a0 = number of digits written (the buffer is NUL-terminated)
#  clobbers t0-t6, a1
#  RV32 has no 64-by-32 division, so each step divides hi:lo by 10 in three
#  parts: hi, then the remainder with the upper 16 bits of lo, then with the
#  lower 16; every partial dividend stays below 10 * 2^16.
u64toa:
    mv t6, a2                   # t6 = next digit slot, lowest digit first
    li t5, 10
1:  remu t0, a1, t5             # t0 = hi % 10
    divu a1, a1, t5
    slli t0, t0, 16
    srli t1, a0, 16
    or t0, t0, t1               # t0 = r * 2^16 + lo[31:16]
    divu t2, t0, t5             # t2 = upper half of the new lo
    remu t0, t0, t5
    slli t0, t0, 16
    slli t1, a0, 16
    srli t1, t1, 16
    or t0, t0, t1               # t0 = r * 2^16 + lo[15:0]
    divu t3, t0, t5             # t3 = lower half of the new lo
    remu t0, t0, t5             # t0 = the digit
    slli t2, t2, 16
    or a0, t2, t3
    addi t0, t0, '0'
    sb t0, 0(t6)
    addi t6, t6, 1
    or t0, a0, a1
    bnez t0, 1b
    sb zero, 0(t6)
    sub a0, t6, a2              # the length
    addi t6, t6, -1             # reverse [a2, t6] in place
    mv t3, a2
2:  bgeu t3, t6, 3f
    lbu t0, 0(t3)
    lbu t1, 0(t6)
    sb t1, 0(t3)
    sb t0, 0(t6)
    addi t3, t3, 1
    addi t6, t6, -1
    j 2b
3:  ret
