# string.s -- C-style strings and memory: strlen strcmp strncmp strcpy strchr
# memcpy memmove memset memcmp.
#
# Every routine follows the standard calling convention and touches only the
# temporaries it names; none calls another routine, so none uses the stack.
# They work byte by byte: simple, alignment-safe (the machine traps on misaligned
# accesses), and fast enough for a shell and small utilities.

    .text

    .globl strlen
# strlen -- length of a NUL-terminated string
#  IN:  a0 = string
#  OUT: a0 = number of bytes before the NUL
#  clobbers t0, t1
strlen:
    mv t0, a0
1:  lbu t1, 0(t0)
    beqz t1, 2f
    addi t0, t0, 1
    j 1b
2:  sub a0, t0, a0
    ret

    .globl strcmp
# strcmp -- compare two strings as unsigned bytes
#  IN:  a0 = s1, a1 = s2
#  OUT: a0 < 0, 0, > 0 as s1 sorts before, equal to, after s2
#  clobbers t0, t1
strcmp:
1:  lbu t0, 0(a0)
    lbu t1, 0(a1)
    bne t0, t1, 2f
    beqz t0, 2f
    addi a0, a0, 1
    addi a1, a1, 1
    j 1b
2:  sub a0, t0, t1
    ret

    .globl strncmp
# strncmp -- compare at most n bytes of two strings
#  IN:  a0 = s1, a1 = s2, a2 = n
#  OUT: a0 as strcmp, 0 when the first n bytes are equal
#  clobbers t0, t1, a2
strncmp:
    li t0, 0
    li t1, 0
1:  beqz a2, 2f
    lbu t0, 0(a0)
    lbu t1, 0(a1)
    bne t0, t1, 2f
    beqz t0, 2f
    addi a0, a0, 1
    addi a1, a1, 1
    addi a2, a2, -1
    j 1b
2:  sub a0, t0, t1
    ret

    .globl strcpy
# strcpy -- copy a string with its NUL
#  IN:  a0 = destination, a1 = source
#  OUT: a0 = destination
#  clobbers t0, t1, a1
strcpy:
    mv t0, a0
1:  lbu t1, 0(a1)
    sb t1, 0(t0)
    addi a1, a1, 1
    addi t0, t0, 1
    bnez t1, 1b
    ret

    .globl strchr
# strchr -- first occurrence of a byte in a string
#  IN:  a0 = string, a1 = byte (0 finds the terminating NUL)
#  OUT: a0 = address of the byte, or 0 when it does not occur
#  clobbers t0, a1
strchr:
    andi a1, a1, 0xFF
1:  lbu t0, 0(a0)
    beq t0, a1, 2f
    beqz t0, 3f
    addi a0, a0, 1
    j 1b
3:  li a0, 0
2:  ret

    .globl memcpy
# memcpy -- copy n bytes between areas that do not overlap
#  IN:  a0 = destination, a1 = source, a2 = n
#  OUT: a0 = destination
#  clobbers t0, t1, a1
memcpy:
    mv t0, a0
    add a2, a2, a0
1:  beq t0, a2, 2f
    lbu t1, 0(a1)
    sb t1, 0(t0)
    addi a1, a1, 1
    addi t0, t0, 1
    j 1b
2:  sub a2, a2, a0
    ret

    .globl memmove
# memmove -- copy n bytes between areas that may overlap
#  IN:  a0 = destination, a1 = source, a2 = n
#  OUT: a0 = destination
#  clobbers t0, t1, t2, a1
memmove:
    bgeu a1, a0, memcpy         # copying forwards is safe when dst <= src
    add t0, a0, a2              # otherwise copy backwards from the end
    add t2, a1, a2
1:  beq t0, a0, 2f
    addi t0, t0, -1
    addi t2, t2, -1
    lbu t1, 0(t2)
    sb t1, 0(t0)
    j 1b
2:  ret

    .globl memset
# memset -- fill n bytes with a byte
#  IN:  a0 = destination, a1 = byte, a2 = n
#  OUT: a0 = destination
#  clobbers t0, t1
memset:
    mv t0, a0
    add t1, a0, a2
1:  beq t0, t1, 2f
    sb a1, 0(t0)
    addi t0, t0, 1
    j 1b
2:  ret

    .globl memcmp
# memcmp -- compare n bytes as unsigned values
#  IN:  a0 = s1, a1 = s2, a2 = n
#  OUT: a0 < 0, 0, > 0 as in strcmp
#  clobbers t0, t1, a1, a2
memcmp:
1:  beqz a2, 2f
    lbu t0, 0(a0)
    lbu t1, 0(a1)
    bne t0, t1, 3f
    addi a0, a0, 1
    addi a1, a1, 1
    addi a2, a2, -1
    j 1b
2:  li a0, 0
    ret
3:  sub a0, t0, t1
    ret
