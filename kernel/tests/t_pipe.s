# t_pipe.s -- guest test: pipes (read, write, close, fstat, lseek, fork, EOF, EPIPE,
# SIGPIPE, a transfer larger than the ring, bad pointers, descriptor limits).
.include "tmacros.inc"
.equ BIG, 20000                 # bytes the child sends: several trips round the ring

.text
.globl main
main:
    addi sp, sp, -64
    sw ra, 60(sp)
    sw s0, 56(sp)
    sw s1, 52(sp)
    sw s2, 48(sp)
    sw s3, 44(sp)
    mv a0, sp
    SYS SYS_pipe
    EXPECT 0, "pipe returns 0"
    lw s0, 0(sp)                # read end
    lw s1, 4(sp)                # write end
    mv a0, s0
    EXPECT 3, "the read end is the lowest free descriptor"
    mv a0, s1
    EXPECT 4, "the write end the next one"
    mv a0, s1
    la a1, hello
    li a2, 5
    SYS SYS_write
    EXPECT 5, "write to a pipe returns the count"
    mv a0, s0
    mv a1, sp
    SYS SYS_fstat
    lw a0, 0(sp)
    EXPECT 5, "fstat of a pipe gives type 5"
    lw a0, 4(sp)
    EXPECT 5, "and the bytes buffered as its size"
    mv a0, s0
    li a1, 0
    li a2, 0
    SYS SYS_lseek
    EXPECT -ESPIPE, "lseek on a pipe gives ESPIPE"
    mv a0, s0
    li a1, 0
    li a2, 3
    SYS SYS_read
    EXPECT -EFAULT, "a pipe read into NULL gives EFAULT"
    mv a0, s0
    mv a1, sp
    li a2, 3
    SYS SYS_read
    EXPECT 3, "a short read takes part"
    lbu a0, 0(sp)
    EXPECT 104, "in order (h)"
    mv a0, s0
    mv a1, sp
    li a2, 64
    SYS SYS_read
    EXPECT 2, "the next read takes the rest"
    mv a0, s0
    la a1, hello
    li a2, 1
    SYS SYS_write
    EXPECT -EBADF, "writing the read end gives EBADF"
    mv a0, s1
    mv a1, sp
    li a2, 1
    SYS SYS_read
    EXPECT -EBADF, "reading the write end gives EBADF"
    # a child writes BIG bytes (i & 0xff); the parent reads and checks them all
    SYS SYS_fork
    bnez a0, 2f
    mv a0, s0
    SYS SYS_close
    li s2, 0
1:  andi t0, s2, 0x3F           # every 64 bytes one write of 64
    addi t1, sp, 0
    add t1, t1, t0
    sb s2, 0(t1)
    li t2, 63
    bne t0, t2, 3f
    mv a0, s1
    mv a1, sp
    li a2, 64
    SYS SYS_write
3:  addi s2, s2, 1
    li t0, BIG
    blt s2, t0, 1b
    li a0, 0
    SYS SYS_exit
2:  mv s3, a0                   # child pid
    mv a0, s1
    SYS SYS_close               # our write end: the child's is the last
    li s2, 0                    # bytes received
    li a3, 0                    # mismatches
4:  mv a0, s0
    mv a1, sp
    li a2, 40
    SYS SYS_read
    blez a0, 6f
    mv t3, sp
    add t4, sp, a0
5:  lbu t0, 0(t3)
    andi t1, s2, 0xFF
    beq t0, t1, 7f
    addi a3, a3, 1
7:  addi s2, s2, 1
    addi t3, t3, 1
    bne t3, t4, 5b
    j 4b
6:  EXPECT 0, "read returns 0 once the last writer is gone"
    mv a0, s2
    li a1, 19968                # BIG rounded down to whole 64-byte writes
    la a2, n_count
    call check_eq
    mv a0, a3
    EXPECT 0, "every byte arrived in order through the ring"
    mv a0, s3
    li a1, 0
    li a2, 0
    SYS SYS_waitpid
    mv a0, s0
    SYS SYS_close
    # EPIPE and SIGPIPE
    mv a0, sp
    SYS SYS_pipe
    lw s0, 0(sp)
    lw s1, 4(sp)
    mv a0, s0
    SYS SYS_close
    SYS SYS_fork
    bnez a0, 8f
    mv a0, s1
    la a1, hello
    li a2, 1
    SYS SYS_write
    li a0, 1
    SYS SYS_exit
8:  mv s3, a0
    mv a0, s3
    mv a1, sp
    li a2, 0
    SYS SYS_waitpid
    lw a0, 0(sp)
    EXPECT SIGPIPE, "writing a pipe nobody reads kills with SIGPIPE"
    mv a0, s1
    SYS SYS_close
    # a reader blocked in an empty pipe wakes when the writer goes
    mv a0, sp
    SYS SYS_pipe
    lw s0, 0(sp)
    lw s1, 4(sp)
    SYS SYS_fork
    bnez a0, 9f
    mv a0, s1
    SYS SYS_close
    mv a0, s0
    mv a1, sp
    li a2, 10
    SYS SYS_read
    addi a0, a0, 100
    SYS SYS_exit                # 100 = end of file seen
9:  mv s3, a0
    li a0, 20
    SYS SYS_sleep
    mv a0, s1
    SYS SYS_close
    mv a0, s0
    SYS SYS_close
    mv a0, s3
    mv a1, sp
    li a2, 0
    SYS SYS_waitpid
    lw a0, 0(sp)
    EXPECT 0x6400, "a blocked reader gets end of file when the writer closes"
    # bad pointers and limits
    li a0, 0
    SYS SYS_pipe
    EXPECT -EFAULT, "pipe(NULL) gives EFAULT"
    li a0, 0x7FFFF000
    SYS SYS_pipe
    EXPECT -EFAULT, "pipe into the trampoline gives EFAULT"
    li a0, 0x7FFEFFFC
    SYS SYS_pipe
    EXPECT -EFAULT, "pipe into a range crossing the stack top gives EFAULT"
    li s2, 0                    # fill the table up to one free descriptor
10: li a0, 0
    SYS SYS_dup
    addi s2, s2, 1
    li t0, 15
    blt a0, t0, 10b
    li a0, 15
    SYS SYS_close
    mv a0, sp
    SYS SYS_pipe
    EXPECT -EMFILE, "pipe with one free descriptor gives EMFILE"
    li a0, 0
    SYS SYS_dup
    EXPECT 15, "and allocated nothing"
    li s2, 3
11: mv a0, s2
    SYS SYS_close
    addi s2, s2, 1
    li t0, 16
    blt s2, t0, 11b
    mv a0, sp
    SYS SYS_pipe
    EXPECT 0, "pipe works again"
    call t_done
    lw s3, 44(sp)
    lw s2, 48(sp)
    lw s1, 52(sp)
    lw s0, 56(sp)
    lw ra, 60(sp)
    addi sp, sp, 64
    ret
.section .rodata
hello:   .asciz "hello"
n_count: .asciz "the reader got every byte the child wrote"
