# printf.s -- formatted output to a file descriptor: printf, fprintf, vfprintf.
#
# Conversions: %d (signed decimal), %u (unsigned decimal), %x (lowercase hex),
# %s (string; a NULL pointer prints "(null)"), %c (a byte), %% (a percent sign).
# Each may carry flags and a width: %5d pads with spaces on the left, %-5s on the
# right, %08x with zeros (after a '-' sign for %d). An unknown conversion is printed
# as it stands. Output is gathered in a 128-byte buffer on the stack and written
# with as few write calls as that allows, so one short printf is one write.
#
# The variadic arguments follow the RISC-V calling convention: printf and fprintf
# store a1..a7 / a2..a7 just below their caller's stack arguments, which makes the
# variadic arguments one array in memory, register part and stack part alike.

    .include "syscalls.inc"

    .equ PF_BUF, 128            # bytes of output gathered before a write
    .equ PF_LEFT, 1             # flag '-'
    .equ PF_ZERO, 2             # flag '0'

    .text

    .globl printf
# printf -- format to fd 1
#  IN:  a0 = format, a1.. = the values, in order
#  OUT: a0 = bytes written, or -errno if a write failed
#  clobbers t0-t6, a1-a7
printf:
    addi sp, sp, -32
    sw ra, 0(sp)
    sw a1, 4(sp)                # a1..a7 at sp+4..sp+28, directly below the caller's
    sw a2, 8(sp)                # stack arguments at sp+32
    sw a3, 12(sp)
    sw a4, 16(sp)
    sw a5, 20(sp)
    sw a6, 24(sp)
    sw a7, 28(sp)
    mv a1, a0
    li a0, 1
    addi a2, sp, 4
    call vfprintf
    lw ra, 0(sp)
    addi sp, sp, 32
    ret

    .globl fprintf
# fprintf -- format to a file descriptor
#  IN:  a0 = fd, a1 = format, a2.. = the values, in order
#  OUT: a0 = bytes written, or -errno if a write failed
#  clobbers t0-t6, a1-a7
fprintf:
    addi sp, sp, -32
    sw ra, 4(sp)
    sw a2, 8(sp)                # a2..a7 at sp+8..sp+28, directly below the caller's
    sw a3, 12(sp)               # stack arguments at sp+32
    sw a4, 16(sp)
    sw a5, 20(sp)
    sw a6, 24(sp)
    sw a7, 28(sp)
    addi a2, sp, 8
    call vfprintf
    lw ra, 4(sp)
    addi sp, sp, 32
    ret

    .globl vfprintf
# vfprintf -- format to a file descriptor, values from an array of words
#  IN:  a0 = fd, a1 = format, a2 = address of the first value (each value one word)
#  OUT: a0 = bytes written, or -errno if a write failed
#  clobbers t0-t6, a1-a7; preserves s-registers
#  Frame: output buffer sp+0..127, number buffer sp+128..163, saved registers above.
vfprintf:
    addi sp, sp, -208
    sw ra, 204(sp)
    sw s0, 200(sp)
    sw s1, 196(sp)
    sw s2, 192(sp)
    sw s3, 188(sp)
    sw s4, 184(sp)
    sw s5, 180(sp)
    sw s6, 176(sp)
    sw s7, 172(sp)
    sw s8, 168(sp)
    sw s9, 164(sp)
    mv s0, a0                   # s0 = fd
    mv s1, a1                   # s1 = next format byte
    mv s2, a2                   # s2 = next value
    li s3, 0                    # s3 = bytes in the output buffer
    li s4, 0                    # s4 = bytes written so far, or -errno
pf_loop:
    lbu a0, 0(s1)
    beqz a0, pf_done
    addi s1, s1, 1
    li t0, '%'
    beq a0, t0, pf_conversion
    call pf_putc
    j pf_loop

pf_conversion:
    li s5, 0                    # s5 = flags
    li s6, 0                    # s6 = width
1:  lbu t0, 0(s1)
    li t1, '-'
    bne t0, t1, 2f
    ori s5, s5, PF_LEFT
    addi s1, s1, 1
    j 1b
2:  li t1, '0'
    bne t0, t1, 3f
    ori s5, s5, PF_ZERO
    addi s1, s1, 1
    j 1b
3:  lbu t0, 0(s1)               # width digits
    addi t0, t0, -'0'
    li t1, 10
    bgeu t0, t1, 4f
    mul s6, s6, t1
    add s6, s6, t0
    addi s1, s1, 1
    j 3b
4:  lbu t0, 0(s1)               # t0 = the conversion letter
    beqz t0, pf_stray           # "%" at the very end: print it
    addi s1, s1, 1
    li s9, 1                    # s9 = 1: a number (zero padding allowed)
    addi s7, sp, 128            # s7 = text to print, in the number buffer by default
    li t1, 'd'
    beq t0, t1, pf_d
    li t1, 'u'
    beq t0, t1, pf_u
    li t1, 'x'
    beq t0, t1, pf_x
    li s9, 0
    li t1, 's'
    beq t0, t1, pf_s
    li t1, 'c'
    beq t0, t1, pf_c
    li t1, '%'
    beq t0, t1, pf_percent
    # An unknown conversion is printed as it was written, '%' and letter.
    sw t0, 128(sp)
    li a0, '%'
    call pf_putc
    lw a0, 128(sp)
    call pf_putc
    j pf_loop
pf_stray:
pf_percent:
    li a0, '%'
    call pf_putc
    j pf_loop

pf_d:
    lw a0, 0(s2)
    addi s2, s2, 4
    mv a1, s7
    call itoa
    mv s8, a0
    j pf_emit
pf_u:
    li a2, 10
    j 1f
pf_x:
    li a2, 16
1:  lw a0, 0(s2)
    addi s2, s2, 4
    mv a1, s7
    call utoa
    mv s8, a0
    j pf_emit
pf_c:
    lw t0, 0(s2)
    addi s2, s2, 4
    sb t0, 0(s7)
    li s8, 1
    j pf_emit
pf_s:
    lw s7, 0(s2)
    addi s2, s2, 4
    bnez s7, 1f
    la s7, pf_null
1:  mv a0, s7
    call strlen
    mv s8, a0

# Print s8 bytes at s7 padded to width s6 as the flags in s5 say.
pf_emit:
    sub s6, s6, s8              # s6 = padding still owed (<= 0: none)
    andi t0, s5, PF_LEFT
    bnez t0, pf_emit_text       # left-justified: text first, spaces after
    andi t0, s5, PF_ZERO
    beqz t0, pf_emit_spaces
    beqz s9, pf_emit_spaces     # zeros only pad numbers
    lbu t0, 0(s7)
    li t1, '-'
    bne t0, t1, 2f
    li a0, '-'                  # the sign goes before the zeros
    call pf_putc
    addi s7, s7, 1
    addi s8, s8, -1
2:  blez s6, pf_emit_text
    li a0, '0'
    call pf_putc
    addi s6, s6, -1
    j 2b
pf_emit_spaces:
    blez s6, pf_emit_text
    li a0, ' '
    call pf_putc
    addi s6, s6, -1
    j pf_emit_spaces
pf_emit_text:
    blez s8, pf_emit_trailing
    lbu a0, 0(s7)
    call pf_putc
    addi s7, s7, 1
    addi s8, s8, -1
    j pf_emit_text
pf_emit_trailing:
    blez s6, pf_loop            # only left-justified text still owes padding here
    li a0, ' '
    call pf_putc
    addi s6, s6, -1
    j pf_emit_trailing

pf_done:
    call pf_flush
    mv a0, s4
    lw ra, 204(sp)
    lw s0, 200(sp)
    lw s1, 196(sp)
    lw s2, 192(sp)
    lw s3, 188(sp)
    lw s4, 184(sp)
    lw s5, 180(sp)
    lw s6, 176(sp)
    lw s7, 172(sp)
    lw s8, 168(sp)
    lw s9, 164(sp)
    addi sp, sp, 208
    ret

# pf_putc -- append a byte to vfprintf's output buffer, writing it out when full.
# Not a standard routine: it runs on vfprintf's frame (sp unchanged) and state.
#  IN:  a0 = byte; s0 = fd, s3 = bytes buffered, s4 = bytes written
#  OUT: s3, s4 updated
#  clobbers t0-t2, a0-a2, a7
pf_putc:
    add t0, sp, s3
    sb a0, 0(t0)
    addi s3, s3, 1
    li t0, PF_BUF
    beq s3, t0, pf_flush
    ret

# pf_flush -- write out vfprintf's output buffer (all of it, over short writes).
#  IN:  s0 = fd, s3 = bytes buffered, s4 = bytes written or -errno
#  OUT: s3 = 0, s4 updated (-errno from the first failed write)
#  clobbers t0-t2, a0-a2, a7
pf_flush:
    li t2, 0                    # t2 = bytes of the buffer written
1:  bgeu t2, s3, 3f
    mv a0, s0
    add a1, sp, t2
    sub a2, s3, t2
    li a7, SYS_write
    ecall
    blez a0, 2f                 # error (or nothing written): give up on this buffer
    add t2, t2, a0
    bltz s4, 1b
    add s4, s4, a0
    j 1b
2:  bgez a0, 3f                 # 0 bytes: drop the rest
    bltz s4, 3f
    mv s4, a0                   # remember the first error
3:  li s3, 0
    ret

    .section .rodata
pf_null:
    .asciz "(null)"
