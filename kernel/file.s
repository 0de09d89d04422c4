# file.s -- open files and descriptors: read, write, close, dup, dup2, open, lseek,
# fstat.
#
# A descriptor is an index into the process's TCB_FDS, which holds the address of
# a FILE (kernel.inc): one of file_table's NFILE entries for files and directories
# of the file system, or console_file, the one console object shared by everyone.
# FILE_REF counts the descriptors (in all processes) naming a FILE; the last close
# frees a file_table entry.  The file system is read-only: files and directories
# open only with O_RDONLY; asking for more gives -EACCES (-EISDIR for a directory,
# -EEXIST for O_CREAT|O_EXCL of an existing name).

.include "kernel.inc"
.include "errno.inc"

.text

# fd_file -- the FILE of a descriptor of the current process
#  IN:  a0 = descriptor
#  OUT: a0 = FILE, or 0 when closed or out of range
#  clobbers t0
fd_file:
    li t0, NOFILE
    bgeu a0, t0, 1f
    slli a0, a0, 2
    add a0, a0, tp
    lw a0, TCB_FDS(a0)
    ret
1:  li a0, 0
    ret

# fd_alloc -- the lowest free descriptor of the current process
#  OUT: a0 = descriptor, or -EMFILE
#  clobbers t0-t2
fd_alloc:
    li a0, 0
1:  slli t0, a0, 2
    add t0, t0, tp
    lw t1, TCB_FDS(t0)
    beqz t1, 2f
    addi a0, a0, 1
    li t2, NOFILE
    bne a0, t2, 1b
    li a0, -EMFILE
2:  ret

# file_close -- drop one reference to a FILE
#  IN:  a0 = FILE
#  OUT: nothing
#  clobbers a0-a1, t0-t4
.globl file_close
file_close:
    lw t0, FILE_REF(a0)
    addi t0, t0, -1
    sw t0, FILE_REF(a0)
    bnez t0, 1f
    lw t0, FILE_TYPE(a0)
    addi t1, t0, -FT_CONSOLE
    beqz t1, 1f                 # the console object is never freed
    sw zero, FILE_TYPE(a0)
    addi t1, t0, -FT_PIPE
    bnez t1, 1f
    addi sp, sp, -16
    sw ra, 12(sp)
    call pipe_close             # (it still reads the FILE's pipe fields)
    lw ra, 12(sp)
    addi sp, sp, 16
1:  ret

# sys_read -- read(fd, buf, n)
#  IN:  a0 = fd, a1 = user buffer, a2 = n
#  OUT: a0 = bytes read (0 at end of file), -EBADF, -EFAULT, -EINVAL, -EINTR, -EIO
#  clobbers a1-a7, t0-t6
.globl sys_read
sys_read:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    sw s1, 4(sp)
    sw s2, 0(sp)
    mv s1, a1
    mv s2, a2
    call fd_file
    beqz a0, 8f
    mv s0, a0
    lw a0, TCB_PGTABLE(tp)
    mv a1, s1
    mv a2, s2
    li a3, PTE_W
    call uvm_check
    bnez a0, 9f
    lw t0, FILE_TYPE(s0)
    li t1, FT_CONSOLE
    bne t0, t1, 1f
    mv a0, s1
    mv a1, s2
    call console_read
    j 9f
1:  li t1, FT_PIPE
    bne t0, t1, 3f
    li a0, 0
    beqz s2, 9f
    mv a0, s0
    mv a1, s1
    mv a2, s2
    call pipe_read
    j 9f
3:  li t1, FT_DIR
    bne t0, t1, 2f
    # Directories are read in whole 32-byte records.
    andi s2, s2, -DIRENT_SIZE
    li a0, -EINVAL
    beqz s2, 9f
2:  addi a0, s0, FILE_INODE
    lw a1, FILE_OFF(s0)
    mv a2, s1
    mv a3, s2
    li a4, 1
    call fs_readi
    bltz a0, 9f
    lw t0, FILE_OFF(s0)
    add t0, t0, a0
    sw t0, FILE_OFF(s0)
    j 9f
8:  li a0, -EBADF
9:  lw s2, 0(sp)
    lw s1, 4(sp)
    lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# sys_write -- write(fd, buf, n)
#  IN:  a0 = fd, a1 = user buffer, a2 = n
#  OUT: a0 = n, -EBADF (closed, or not open for writing), -EFAULT
#  clobbers a1-a7, t0-t6
.globl sys_write
sys_write:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    sw s1, 4(sp)
    sw s2, 0(sp)
    mv s1, a1
    mv s2, a2
    call fd_file
    beqz a0, 8f
    mv s0, a0
    lw t0, FILE_TYPE(a0)
    li t1, FT_CONSOLE
    beq t0, t1, 1f
    li t1, FT_PIPE
    bne t0, t1, 8f              # files are read-only
1:  lw a0, TCB_PGTABLE(tp)
    mv a1, s1
    mv a2, s2
    li a3, PTE_R
    call uvm_check
    bnez a0, 9f
    lw t0, FILE_TYPE(s0)
    li t1, FT_PIPE
    beq t0, t1, 2f
    mv a0, s1
    mv a1, s2
    call console_write
    j 9f
2:  li a0, 0
    beqz s2, 9f
    mv a0, s0
    mv a1, s1
    mv a2, s2
    call pipe_write
    j 9f
8:  li a0, -EBADF
9:  lw s2, 0(sp)
    lw s1, 4(sp)
    lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# sys_close -- close(fd)
#  IN:  a0 = fd
#  OUT: a0 = 0, or -EBADF
#  clobbers a1, t0-t1
.globl sys_close
sys_close:
    li t0, NOFILE
    bgeu a0, t0, 1f
    slli t1, a0, 2
    add t1, t1, tp
    lw a0, TCB_FDS(t1)
    beqz a0, 1f
    sw zero, TCB_FDS(t1)
    addi sp, sp, -16
    sw ra, 12(sp)
    call file_close
    lw ra, 12(sp)
    addi sp, sp, 16
    li a0, 0
    ret
1:  li a0, -EBADF
    ret

# sys_dup -- dup(fd)
#  IN:  a0 = fd
#  OUT: a0 = the lowest free descriptor, now naming the same file; -EBADF, -EMFILE
#  clobbers t0-t3
.globl sys_dup
sys_dup:
    addi sp, sp, -16
    sw ra, 12(sp)
    call fd_file
    beqz a0, 1f
    mv t3, a0
    call fd_alloc
    bltz a0, 2f
    slli t0, a0, 2
    add t0, t0, tp
    sw t3, TCB_FDS(t0)
    lw t1, FILE_REF(t3)
    addi t1, t1, 1
    sw t1, FILE_REF(t3)
    j 2f
1:  li a0, -EBADF
2:  lw ra, 12(sp)
    addi sp, sp, 16
    ret

# sys_dup2 -- dup2(old, new)
#  IN:  a0 = old fd, a1 = new fd
#  OUT: a0 = new, or -EBADF (old closed, either out of range)
#  clobbers t0-t3
.globl sys_dup2
sys_dup2:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    sw s1, 4(sp)
    mv s1, a1
    li t0, NOFILE
    bgeu s1, t0, 1f
    call fd_file
    beqz a0, 1f
    mv s0, a0
    mv a0, s1
    call fd_file
    beq a0, s0, 2f              # the same file already: nothing to do
    beqz a0, 3f
    call file_close
3:  slli t0, s1, 2
    add t0, t0, tp
    sw s0, TCB_FDS(t0)
    lw t1, FILE_REF(s0)
    addi t1, t1, 1
    sw t1, FILE_REF(s0)
2:  mv a0, s1
    j 4f
1:  li a0, -EBADF
4:  lw s1, 4(sp)
    lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# sys_open -- open(path, flags)
#  IN:  a0 = user path, a1 = flags
#  OUT: a0 = descriptor; -EFAULT, -ENAMETOOLONG, -ENOENT, -ENOTDIR, -EACCES, -EISDIR,
#       -EEXIST, -EMFILE, -ENFILE, -EIO
#  clobbers a1-a7, t0-t6
.equ OP_PATH, 0
.equ OP_INODE, PATH_MAX
.equ OP_FRAME, PATH_MAX + 64 + 32
.globl sys_open
sys_open:
    addi sp, sp, -OP_FRAME
    sw ra, OP_FRAME - 4(sp)
    sw s0, OP_FRAME - 8(sp)
    sw s1, OP_FRAME - 12(sp)
    sw s2, OP_FRAME - 16(sp)
    mv s0, a1
    mv a1, a0
    addi a0, sp, OP_PATH
    li a2, PATH_MAX
    call copyinstr
    bltz a0, 9f
    addi a0, sp, OP_PATH
    addi a1, sp, OP_INODE
    call fs_namei
    bgez a0, 2f
    li t0, -ENOENT
    bne a0, t0, 9f
    andi t1, s0, O_CREAT
    beqz t1, 9f
    li a0, -EACCES              # would create: the file system is read-only
    j 9f
2:  mv s1, a0                   # inode number
    andi t0, s0, O_CREAT | O_EXCL
    li t1, O_CREAT | O_EXCL
    li a0, -EEXIST
    beq t0, t1, 9f
    andi t0, s0, O_ACCMODE
    li t1, O_TRUNC
    and t1, s0, t1
    or t0, t0, t1
    beqz t0, 3f
    lw t1, OP_INODE + INODE_TYPE(sp)
    li t2, FT_DIR
    li a0, -EISDIR
    beq t1, t2, 9f
    li a0, -EACCES
    j 9f
3:  call fd_alloc
    bltz a0, 9f
    mv s2, a0
    # a free FILE
    la t0, file_table
    li t1, NFILE
4:  lw t2, FILE_TYPE(t0)
    beqz t2, 5f
    addi t0, t0, FILE_SIZE
    addi t1, t1, -1
    bnez t1, 4b
    li a0, -ENFILE
    j 9f
5:  lw t2, OP_INODE + INODE_TYPE(sp)
    sw t2, FILE_TYPE(t0)
    li t2, 1
    sw t2, FILE_REF(t0)
    sw zero, FILE_OFF(t0)
    sw s1, FILE_INUM(t0)
    slli t1, s2, 2
    add t1, t1, tp
    sw t0, TCB_FDS(t1)
    addi a0, t0, FILE_INODE
    addi a1, sp, OP_INODE
    li a2, INODE_SIZE
    call memcpy
    mv a0, s2
9:  lw s2, OP_FRAME - 16(sp)
    lw s1, OP_FRAME - 12(sp)
    lw s0, OP_FRAME - 8(sp)
    lw ra, OP_FRAME - 4(sp)
    addi sp, sp, OP_FRAME
    ret

# sys_lseek -- lseek(fd, offset, whence)
#  IN:  a0 = fd, a1 = offset (signed), a2 = SEEK_SET 0 / SEEK_CUR 1 / SEEK_END 2
#  OUT: a0 = the new offset; -EBADF, -ESPIPE (console), -EINVAL
#  clobbers t0-t2
.globl sys_lseek
sys_lseek:
    addi sp, sp, -16
    sw ra, 12(sp)
    call fd_file
    lw ra, 12(sp)
    addi sp, sp, 16
    beqz a0, 5f
    lw t0, FILE_TYPE(a0)
    li t1, FT_CONSOLE
    beq t0, t1, 6f
    li t1, FT_PIPE
    beq t0, t1, 6f
    li t0, 0
    beqz a2, 2f
    lw t0, FILE_OFF(a0)
    li t1, 1
    beq a2, t1, 2f
    lw t0, FILE_INODE + INODE_SIZE_F(a0)
    li t1, 2
    bne a2, t1, 7f
2:  add t0, t0, a1
    bltz t0, 7f
    sw t0, FILE_OFF(a0)
    mv a0, t0
    ret
5:  li a0, -EBADF
    ret
6:  li a0, -ESPIPE
    ret
7:  li a0, -EINVAL
    ret

# sys_fstat -- fstat(fd, *st): {u32 type, size, inode}
#  IN:  a0 = fd, a1 = user pointer
#  OUT: a0 = 0, -EBADF, -EFAULT
#  clobbers a1-a7, t0-t6
.globl sys_fstat
sys_fstat:
    addi sp, sp, -32
    sw ra, 28(sp)
    mv a2, a1
    call fd_file
    beqz a0, 2f
    lw t0, FILE_TYPE(a0)
    sw t0, 0(sp)
    li t1, FT_CONSOLE
    sw zero, 4(sp)
    sw zero, 8(sp)
    beq t0, t1, 1f
    li t1, FT_PIPE
    bne t0, t1, 4f
    lw t0, FILE_PIPE(a0)        # a pipe: size = bytes buffered
    lw t1, PIPE_W(t0)
    lw t0, PIPE_R(t0)
    sub t0, t1, t0
    sw t0, 4(sp)
    j 1f
4:  lw t0, FILE_INODE + INODE_SIZE_F(a0)
    sw t0, 4(sp)
    lw t0, FILE_INUM(a0)
    sw t0, 8(sp)
1:  mv a0, a2
    mv a1, sp
    li a2, 12
    call copyout
    j 3f
2:  li a0, -EBADF
3:  lw ra, 28(sp)
    addi sp, sp, 32
    ret

.section .data
.balign 4
.globl console_file
console_file:
    .word FT_CONSOLE            # FILE_TYPE
    .word 0                     # FILE_REF
    .space FILE_SIZE - 8

.section .bss
.balign 4
.globl file_table
file_table: .space NFILE * FILE_SIZE
