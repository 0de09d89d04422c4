# pipe.s -- pipes: a 4 KiB ring buffer between a read end and a write end.
#
# A PIPE (kernel.inc) counts the FILEs open on each end; a FILE of type FT_PIPE names
# its PIPE and its end.  PIPE_R and PIPE_W count the bytes read and written since the
# pipe was made (they wrap at 2^32 together): W - R bytes are buffered, 0 <= W - R <=
# PIPE_BUFSIZE.  Readers sleep on PIPE + PIPE_R while the pipe is empty and a writer
# exists; writers sleep on PIPE + PIPE_W while it is full and a reader exists.  A
# read returns what is there (at most n), 0 at end of file (empty, no writer left); a
# write returns only when all n bytes are in, or with -EPIPE (and SIGPIPE to the
# writer) when no reader is left.  The last close of both ends frees the buffer page.
# The sockets issue brings its own rings; pipes are kept apart from them on purpose.

.include "kernel.inc"
.include "errno.inc"
.include "signal.inc"

.text

# sys_pipe -- pipe(*fds): fds[0] = read end, fds[1] = write end
#  IN:  a0 = user pointer to two words
#  OUT: a0 = 0, -EFAULT, -EMFILE (fewer than two free descriptors), -ENFILE (no FILE
#       or PIPE slot), -ENOMEM; nothing is allocated on failure
#  clobbers a1-a7, t0-t6
.globl sys_pipe
sys_pipe:
    addi sp, sp, -48
    sw ra, 44(sp)
    sw s0, 40(sp)
    sw s1, 36(sp)
    sw s2, 32(sp)
    sw s3, 28(sp)
    sw s4, 24(sp)
    sw s5, 20(sp)
    mv s0, a0
    lw a0, TCB_PGTABLE(tp)
    mv a1, s0
    li a2, 8
    li a3, PTE_W
    call uvm_check
    bnez a0, 9f
    # two free descriptors: s1 < s2
    li s1, -1
    li t0, 0
1:  slli t1, t0, 2
    add t1, t1, tp
    lw t1, TCB_FDS(t1)
    bnez t1, 2f
    bgez s1, 3f
    mv s1, t0
    j 2f
3:  mv s2, t0
    j 4f
2:  addi t0, t0, 1
    li t1, NOFILE
    bne t0, t1, 1b
    li a0, -EMFILE
    j 9f
4:  # two free FILEs: s3, s4
    la t0, file_table
    li t1, NFILE
    li s3, 0
5:  lw t2, FILE_TYPE(t0)
    bnez t2, 6f
    bnez s3, 7f
    mv s3, t0
    j 6f
7:  mv s4, t0
    j 8f
6:  addi t0, t0, FILE_SIZE
    addi t1, t1, -1
    bnez t1, 5b
    li a0, -ENFILE
    j 9f
8:  # a free PIPE: s5
    la s5, pipe_table
    li t1, NPIPE
10: lw t2, PIPE_USED(s5)
    beqz t2, 11f
    addi s5, s5, PIPE_SIZE
    addi t1, t1, -1
    bnez t1, 10b
    li a0, -ENFILE
    j 9f
11: call kalloc_dirty
    li t0, -ENOMEM
    beqz a0, 12f
    sw a0, PIPE_BUF(s5)
    li t0, 1
    sw t0, PIPE_USED(s5)
    sw t0, PIPE_READERS(s5)
    sw t0, PIPE_WRITERS(s5)
    sw zero, PIPE_R(s5)
    sw zero, PIPE_W(s5)
    li t0, FT_PIPE
    sw t0, FILE_TYPE(s3)
    sw t0, FILE_TYPE(s4)
    li t0, 1
    sw t0, FILE_REF(s3)
    sw t0, FILE_REF(s4)
    sw zero, FILE_OFF(s3)
    sw zero, FILE_OFF(s4)
    sw zero, FILE_INUM(s3)
    sw zero, FILE_INUM(s4)
    sw s5, FILE_PIPE(s3)
    sw s5, FILE_PIPE(s4)
    sw zero, FILE_PIPE_END(s3)
    sw t0, FILE_PIPE_END(s4)
    slli t1, s1, 2
    add t1, t1, tp
    sw s3, TCB_FDS(t1)
    slli t1, s2, 2
    add t1, t1, tp
    sw s4, TCB_FDS(t1)
    sw s1, 0(sp)
    sw s2, 4(sp)
    mv a0, s0
    mv a1, sp
    li a2, 8
    call copyout                # cannot fail: the range was checked
    j 9f
12: mv a0, t0
9:  lw s5, 20(sp)
    lw s4, 24(sp)
    lw s3, 28(sp)
    lw s2, 32(sp)
    lw s1, 36(sp)
    lw s0, 40(sp)
    lw ra, 44(sp)
    addi sp, sp, 48
    ret

# pipe_read -- read(fd, buf, n) on a read end
#  IN:  a0 = FILE, a1 = user buffer, a2 = n (> 0; the range is checked)
#  OUT: a0 = bytes read, 0 at end of file, -EBADF (a write end), -EINTR
#  clobbers a1-a7, t0-t6
.globl pipe_read
pipe_read:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    sw s3, 12(sp)
    lw t0, FILE_PIPE_END(a0)
    lw s0, FILE_PIPE(a0)
    mv s1, a1                   # user buffer
    mv s2, a2                   # n
    li a0, -EBADF
    bnez t0, pr_out
pr_wait:
    lw t0, PIPE_R(s0)
    lw t1, PIPE_W(s0)
    bne t0, t1, pr_copy
    lw t2, PIPE_WRITERS(s0)
    li a0, 0
    beqz t2, pr_out             # empty and no writer: end of file
    call signal_interrupts
    bnez a0, pr_eintr
    addi a0, s0, PIPE_R
    call sleep
    j pr_wait
pr_copy:
    sub s3, t1, t0              # bytes buffered
    bleu s3, s2, 2f
    mv s3, s2                   # s3 = bytes to read
2:  mv a0, s1
    mv a1, s3
    call pipe_ring_out
    lw t0, PIPE_R(s0)
    add t0, t0, s3
    sw t0, PIPE_R(s0)
    addi a0, s0, PIPE_W
    call wakeup
    mv a0, s3
    j pr_out
pr_eintr:
    li a0, -EINTR
pr_out:
    lw s3, 12(sp)
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# pipe_ring_out -- copy bytes from the ring at PIPE_R to user memory (two pieces
# when the ring wraps)
#  IN:  s0 = PIPE, a0 = user destination, a1 = count (<= buffered)
#  OUT: nothing
#  clobbers a0-a7, t0-t6
pipe_ring_out:
    addi sp, sp, -16
    sw ra, 12(sp)
    lw t0, PIPE_R(s0)
    slli t0, t0, 20
    srli t0, t0, 20             # ring index
    li t1, PIPE_BUFSIZE
    sub t1, t1, t0              # bytes before the wrap
    sw a0, 8(sp)
    sw a1, 4(sp)
    bleu a1, t1, 1f
    mv a1, t1
1:  sw a1, 0(sp)                # first piece
    lw t2, PIPE_BUF(s0)
    mv a2, a1
    add a1, t2, t0
    call copyout
    lw t0, 0(sp)
    lw a2, 4(sp)
    sub a2, a2, t0              # second piece
    beqz a2, 2f
    lw a0, 8(sp)
    add a0, a0, t0
    lw a1, PIPE_BUF(s0)
    call copyout
2:  lw ra, 12(sp)
    addi sp, sp, 16
    ret

# pipe_write -- write(fd, buf, n) on a write end
#  IN:  a0 = FILE, a1 = user buffer, a2 = n (> 0; the range is checked)
#  OUT: a0 = n, -EBADF (a read end), -EPIPE (no reader: SIGPIPE sent too), -EINTR
#       (with nothing written)
#  clobbers a1-a7, t0-t6
.globl pipe_write
pipe_write:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    sw s3, 12(sp)
    sw s4, 8(sp)
    lw t0, FILE_PIPE_END(a0)
    lw s0, FILE_PIPE(a0)
    li a0, -EBADF
    beqz t0, pw_out
    mv s1, a1                   # next user byte
    mv s2, a2                   # bytes left
    mv s4, a2                   # n
pw_loop:
    beqz s2, pw_done
    lw t0, PIPE_READERS(s0)
    beqz t0, pw_epipe
    lw t0, PIPE_R(s0)
    lw t1, PIPE_W(s0)
    sub t2, t1, t0
    li t3, PIPE_BUFSIZE
    sub s3, t3, t2              # room
    bnez s3, 1f
    call signal_interrupts
    bnez a0, pw_eintr
    addi a0, s0, PIPE_W
    call sleep
    j pw_loop
1:  bleu s3, s2, 2f
    mv s3, s2                   # s3 = bytes this round
2:  # into the ring at W, in up to two pieces
    lw t1, PIPE_W(s0)
    slli t1, t1, 20
    srli t1, t1, 20
    li t2, PIPE_BUFSIZE
    sub t2, t2, t1
    mv a2, s3
    bleu a2, t2, 3f
    mv a2, t2
3:  sw a2, 4(sp)
    lw a0, PIPE_BUF(s0)
    add a0, a0, t1
    mv a1, s1
    call copyin
    lw t0, 4(sp)
    sub a2, s3, t0
    beqz a2, 4f
    lw a0, PIPE_BUF(s0)
    add a1, s1, t0
    call copyin
4:  add s1, s1, s3
    sub s2, s2, s3
    lw t0, PIPE_W(s0)
    add t0, t0, s3
    sw t0, PIPE_W(s0)
    addi a0, s0, PIPE_R
    call wakeup
    j pw_loop
pw_done:
    mv a0, s4
    j pw_out
pw_eintr:
    sub a0, s4, s2              # what went in, or -EINTR if nothing did
    bnez a0, pw_out
    li a0, -EINTR
    j pw_out
pw_epipe:
    mv a0, tp
    li a1, SIGPIPE
    call signal_send
    li a0, -EPIPE
pw_out:
    lw s4, 8(sp)
    lw s3, 12(sp)
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# pipe_close -- the last FILE of one end of a pipe is closed
#  IN:  a0 = FILE (type FT_PIPE, reference count now 0)
#  OUT: nothing
#  clobbers a0-a1, t0-t4
.globl pipe_close
pipe_close:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    lw s0, FILE_PIPE(a0)
    lw t0, FILE_PIPE_END(a0)
    li t1, PIPE_READERS
    beqz t0, 1f
    li t1, PIPE_WRITERS
1:  add t1, t1, s0
    lw t2, 0(t1)
    addi t2, t2, -1
    sw t2, 0(t1)
    addi a0, s0, PIPE_R         # readers see end of file, writers EPIPE
    call wakeup
    addi a0, s0, PIPE_W
    call wakeup
    lw t0, PIPE_READERS(s0)
    lw t1, PIPE_WRITERS(s0)
    or t0, t0, t1
    bnez t0, 2f
    lw a0, PIPE_BUF(s0)
    call kfree
    sw zero, PIPE_USED(s0)
2:  lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

.section .bss
.balign 4
pipe_table: .space NPIPE * PIPE_SIZE
