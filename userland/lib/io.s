# io.s -- unformatted output and line input: fputs, puts, fputc, putchar, readline.
#
# Output goes straight to write (no buffering in the library, so output of a
# process and of its children never comes out reordered). readline reads one byte
# at a time: slow on files, but it never consumes bytes past the newline, which
# is what a shell reading commands from its standard input must guarantee.

    .include "syscalls.inc"

    .text

    .globl fputs
# fputs -- write a string (no newline added)
#  IN:  a0 = fd, a1 = string
#  OUT: a0 = bytes written, or -errno
#  clobbers t0, t1, a1, a2, a7
fputs:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw a0, 8(sp)
    sw a1, 4(sp)
    mv a0, a1
    call strlen
    mv a2, a0
    lw a1, 4(sp)
    lw a0, 8(sp)
    call write
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

    .globl puts
# puts -- write a string and a newline to fd 1
#  IN:  a0 = string
#  OUT: a0 = bytes written, or -errno
#  clobbers t0, t1, a1, a2, a7
puts:
    addi sp, sp, -16
    sw ra, 12(sp)
    mv a1, a0
    li a0, 1
    call fputs
    bltz a0, 1f
    li a0, '\n'
    call putchar
1:  lw ra, 12(sp)
    addi sp, sp, 16
    ret

    .globl putchar
# putchar -- write one byte to fd 1
#  IN:  a0 = byte
#  OUT: a0 = 1, or -errno
#  clobbers a1, a2, a7
putchar:
    mv a1, a0
    li a0, 1

    .globl fputc
# fputc -- write one byte
#  IN:  a0 = fd, a1 = byte
#  OUT: a0 = 1, or -errno
#  clobbers a1, a2, a7
fputc:
    addi sp, sp, -16
    sb a1, 0(sp)
    mv a1, sp
    li a2, 1
    li a7, SYS_write
    ecall
    addi sp, sp, 16
    ret

    .globl readline
# readline -- read one line, without its newline, as a NUL-terminated string
#  IN:  a0 = fd, a1 = buffer, a2 = buffer size (>= 1)
#  OUT: a0 = bytes consumed from fd, the newline included: 0 only at end of file
#       with nothing read; -errno when read failed. A line longer than the buffer
#       is cut to size - 1 bytes and the rest of it consumed and dropped.
#  clobbers t0-t3, a1, a2, a7
readline:
    mv t0, a0                   # t0 = fd
    mv t1, a1                   # t1 = next free byte of the buffer
    add t2, a1, a2
    addi t2, t2, -1             # t2 = last byte, kept for the NUL
    li t3, 0                    # t3 = bytes consumed
1:  addi sp, sp, -16
    mv a0, t0
    mv a1, sp
    li a2, 1
    li a7, SYS_read
    ecall
    lbu a1, 0(sp)
    addi sp, sp, 16
    beqz a0, 3f                 # end of file
    bltz a0, 4f
    addi t3, t3, 1
    li a2, '\n'
    beq a1, a2, 3f
    bgeu t1, t2, 1b             # full: drop the byte, keep reading to the newline
    sb a1, 0(t1)
    addi t1, t1, 1
    j 1b
3:  sb zero, 0(t1)
    mv a0, t3
    ret
4:  sb zero, 0(t1)
    ret

    .globl write_all
# write_all -- write a whole buffer, over short writes
#  IN:  a0 = fd, a1 = buffer, a2 = n
#  OUT: a0 = n, or -errno from the write that failed
#  clobbers t0-t2, a1, a2, a7
write_all:
    mv t0, a0                   # t0 = fd
    mv t1, a2                   # t1 = n
    add t2, a1, a2              # t2 = end of the buffer
1:  sub a2, t2, a1
    beqz a2, 2f
    mv a0, t0
    li a7, SYS_write
    ecall
    bltz a0, 3f
    add a1, a1, a0
    j 1b
2:  mv a0, t1
3:  ret
