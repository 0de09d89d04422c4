# t_fs.s -- guest test: open, read, lseek, fstat, close, dup, dup2 on the read-only
# file system and the console, with every error path; bad pointers to every pointer
# argument give EFAULT (NULL, unmapped, kernel, crossing into unmapped, read-only).
.include "tmacros.inc"
.equ O_RDONLY, 0
.equ O_WRONLY, 1
.equ O_RDWR, 2
.equ O_CREAT, 0x40
.equ O_EXCL, 0x80
.equ O_TRUNC, 0x200
.equ STACK_TOP, 0x7FFF0000

.text
.globl main
main:
    addi sp, sp, -128
    sw ra, 124(sp)
    sw s0, 120(sp)
    sw s1, 116(sp)
    sw s2, 112(sp)
    # ---- open and read a file ----------------------------------------------------
    la a0, p_data
    li a1, O_RDONLY
    SYS SYS_open
    EXPECT 3, "open returns the lowest free descriptor (3)"
    mv s0, a0
    mv a0, s0
    mv a1, sp
    li a2, 100
    SYS SYS_read
    EXPECT 12, "read returns the 12 bytes of the file"
    lbu a0, 0(sp)
    EXPECT 104, "the first byte is h"
    lbu a0, 11(sp)
    EXPECT 10, "the last byte is a newline"
    mv a0, s0
    mv a1, sp
    li a2, 100
    SYS SYS_read
    EXPECT 0, "read at the end of the file returns 0"
    mv a0, s0
    li a1, 7
    li a2, 0
    SYS SYS_lseek
    EXPECT 7, "lseek SEEK_SET"
    mv a0, s0
    mv a1, sp
    li a2, 4
    SYS SYS_read
    EXPECT 4, "read after lseek"
    lbu a0, 0(sp)
    EXPECT 102, "read after lseek starts at byte 7 (f)"
    mv a0, s0
    li a1, -2
    li a2, 1
    SYS SYS_lseek
    EXPECT 9, "lseek SEEK_CUR -2"
    mv a0, s0
    li a1, 0
    li a2, 2
    SYS SYS_lseek
    EXPECT 12, "lseek SEEK_END"
    mv a0, s0
    li a1, -20
    li a2, 0
    SYS SYS_lseek
    EXPECT -EINVAL, "lseek before the start gives EINVAL"
    mv a0, s0
    li a1, 0
    li a2, 3
    SYS SYS_lseek
    EXPECT -EINVAL, "lseek with whence 3 gives EINVAL"
    li a0, 1
    li a1, 0
    li a2, 0
    SYS SYS_lseek
    EXPECT -ESPIPE, "lseek on the console gives ESPIPE"
    mv a0, s0
    mv a1, sp
    SYS SYS_fstat
    EXPECT 0, "fstat of a file"
    lw a0, 0(sp)
    EXPECT 1, "fstat type 1 (file)"
    lw a0, 4(sp)
    EXPECT 12, "fstat size 12"
    lw a0, 8(sp)
    sltu a0, zero, a0
    CHECK "fstat gives an inode number"
    li a0, 0
    mv a1, sp
    SYS SYS_fstat
    EXPECT 0, "fstat of the console"
    lw a0, 0(sp)
    EXPECT 3, "fstat type 3 (console)"
    mv a0, s0
    li a1, 0
    SYS SYS_fstat
    EXPECT -EFAULT, "fstat into NULL gives EFAULT"
    li a0, 9
    mv a1, sp
    SYS SYS_fstat
    EXPECT -EBADF, "fstat of a closed descriptor gives EBADF"
    mv a0, s0
    mv a1, sp
    li a2, 1
    SYS SYS_write
    EXPECT -EBADF, "write to a read-only file gives EBADF"
    # ---- dup, dup2, close ---------------------------------------------------------
    mv a0, s0
    SYS SYS_dup
    EXPECT 4, "dup gives the lowest free descriptor"
    mv s1, a0
    mv a0, s1
    li a1, 0
    li a2, 0
    SYS SYS_lseek
    mv a0, s0
    mv a1, sp
    li a2, 1
    SYS SYS_read
    lbu a0, 0(sp)
    EXPECT 104, "a dup shares the offset"
    mv a0, s0
    li a1, 10
    SYS SYS_dup2
    EXPECT 10, "dup2 returns the new descriptor"
    mv a0, s0
    li a1, 10
    SYS SYS_dup2
    EXPECT 10, "dup2 onto itself"
    mv a0, s0
    li a1, 16
    SYS SYS_dup2
    EXPECT -EBADF, "dup2 to 16 gives EBADF"
    li a0, 12
    li a1, 13
    SYS SYS_dup2
    EXPECT -EBADF, "dup2 from a closed descriptor gives EBADF"
    li a0, 10
    SYS SYS_close
    EXPECT 0, "close"
    li a0, 10
    SYS SYS_close
    EXPECT -EBADF, "close twice gives EBADF"
    li a0, -1
    SYS SYS_close
    EXPECT -EBADF, "close(-1) gives EBADF"
    li a0, 99
    SYS SYS_dup
    EXPECT -EBADF, "dup of 99 gives EBADF"
    # fill the table: EMFILE
    li s2, 0
1:  li a0, 0
    SYS SYS_dup
    bltz a0, 2f
    addi s2, s2, 1
    j 1b
2:  EXPECT -EMFILE, "dup past 16 descriptors gives EMFILE"
    mv a0, s2
    EXPECT 11, "11 more descriptors fit (5 were open)"
    la a0, p_data
    li a1, O_RDONLY
    SYS SYS_open
    EXPECT -EMFILE, "open with a full table gives EMFILE"
    li s2, 5
3:  mv a0, s2
    SYS SYS_close
    addi s2, s2, 1
    li t0, 16
    blt s2, t0, 3b
    mv a0, s1
    SYS SYS_close
    mv a0, s0
    SYS SYS_close
    EXPECT 0, "close the file"
    # ---- open errors --------------------------------------------------------------
    la a0, p_data
    li a1, O_WRONLY
    SYS SYS_open
    EXPECT -EACCES, "open for writing gives EACCES"
    la a0, p_data
    li a1, O_RDWR
    SYS SYS_open
    EXPECT -EACCES, "open O_RDWR gives EACCES"
    la a0, p_data
    li a1, O_TRUNC
    SYS SYS_open
    EXPECT -EACCES, "open O_TRUNC gives EACCES"
    la a0, p_new
    li a1, O_CREAT | O_WRONLY
    SYS SYS_open
    EXPECT -EACCES, "creating a file gives EACCES"
    la a0, p_data
    li a1, O_CREAT | O_EXCL
    SYS SYS_open
    EXPECT -EEXIST, "O_CREAT|O_EXCL of an existing file gives EEXIST"
    la a0, p_new
    li a1, O_RDONLY
    SYS SYS_open
    EXPECT -ENOENT, "open of a missing file gives ENOENT"
    la a0, p_notdir
    li a1, O_RDONLY
    SYS SYS_open
    EXPECT -ENOTDIR, "a file in the middle of a path gives ENOTDIR"
    la a0, p_bin
    li a1, O_WRONLY
    SYS SYS_open
    EXPECT -EISDIR, "open a directory for writing gives EISDIR"
    la a0, p_empty
    li a1, O_RDONLY
    SYS SYS_open
    EXPECT -ENOENT, "open of the empty path gives ENOENT"
    # ---- directories ----------------------------------------------------------------
    la a0, p_root
    li a1, O_RDONLY
    SYS SYS_open
    mv s0, a0
    EXPECT 3, "open / for reading"
    mv a0, s0
    mv a1, sp
    li a2, 100
    SYS SYS_read
    EXPECT 96, "reading a directory returns whole 32-byte records"
    lw a0, 0(sp)
    EXPECT 1, "the first record is the root itself"
    lbu a0, 4(sp)
    EXPECT 46, "named ."
    lbu a0, 36(sp)
    EXPECT 46, "the second record is .."
    lbu a0, 68(sp)
    EXPECT 98, "then bin"
    mv a0, s0
    mv a1, sp
    li a2, 31
    SYS SYS_read
    EXPECT -EINVAL, "a directory read below 32 bytes gives EINVAL"
    mv a0, s0
    mv a1, sp
    SYS SYS_fstat
    lw a0, 0(sp)
    EXPECT 2, "fstat of a directory gives type 2"
    mv a0, s0
    SYS SYS_close
    la a0, p_dotdot
    li a1, O_RDONLY
    SYS SYS_open
    mv s0, a0
    sltiu a0, a0, 16
    CHECK "/bin/../etc/./data.txt resolves"
    mv a0, s0
    SYS SYS_close
    # ---- bad pointers ---------------------------------------------------------------
    li a0, 1
    li a1, 0
    li a2, 4
    SYS SYS_write
    EXPECT -EFAULT, "write from NULL gives EFAULT"
    li a0, 1
    li a1, 0x80000000
    li a2, 4
    SYS SYS_write
    EXPECT -EFAULT, "write from kernel memory gives EFAULT"
    li a0, 1
    li a1, 0x40000000
    li a2, 4
    SYS SYS_write
    EXPECT -EFAULT, "write from unmapped memory gives EFAULT"
    li a0, 1
    li a1, STACK_TOP - 4
    li a2, 8
    SYS SYS_write
    EXPECT -EFAULT, "write from a range crossing into unmapped gives EFAULT"
    li a0, 1
    li a1, 0x7FFFFFF0
    li a2, 0x20
    SYS SYS_write
    EXPECT -EFAULT, "write from a range crossing into the kernel gives EFAULT"
    li a0, 1
    li a1, 0x10000
    li a2, -1
    SYS SYS_write
    EXPECT -EFAULT, "write of 4 GiB gives EFAULT"
    li a0, 1
    li a1, 0x7FFFF000
    li a2, 0
    SYS SYS_write
    EXPECT 0, "write of 0 bytes is fine anywhere"
    la a0, p_data
    li a1, O_RDONLY
    SYS SYS_open
    mv s0, a0
    mv a0, s0
    li a1, 0
    li a2, 4
    SYS SYS_read
    EXPECT -EFAULT, "read into NULL gives EFAULT"
    mv a0, s0
    la a1, main
    li a2, 4
    SYS SYS_read
    EXPECT -EFAULT, "read into the program text gives EFAULT"
    mv a0, s0
    li a1, 0x7FFFF000
    li a2, 4
    SYS SYS_read
    EXPECT -EFAULT, "read into the trampoline gives EFAULT"
    mv a0, s0
    li a1, STACK_TOP - 4
    li a2, 8
    SYS SYS_read
    EXPECT -EFAULT, "read into a range crossing into unmapped gives EFAULT"
    mv a0, s0
    li a1, 0x80001000
    li a2, 4
    SYS SYS_read
    EXPECT -EFAULT, "read into kernel memory gives EFAULT"
    mv a0, s0
    mv a1, sp
    li a2, 2
    SYS SYS_read
    EXPECT 2, "a failed read consumed nothing"
    lbu a0, 0(sp)
    EXPECT 104, "the read starts at the first byte"
    mv a0, s0
    SYS SYS_close
    li a0, 0
    li a1, 0
    SYS SYS_open
    EXPECT -EFAULT, "open(NULL) gives EFAULT"
    li a0, 0x80000000
    li a1, 0
    SYS SYS_open
    EXPECT -EFAULT, "open of a kernel address gives EFAULT"
    # a path whose NUL lies past the end of the stack
    li t0, STACK_TOP - 4
    li t1, 0x6E69622F           # "/bin" without a NUL
    sw t1, 0(t0)
    li a0, STACK_TOP - 4
    li a1, 0
    SYS SYS_open
    EXPECT -EFAULT, "a path running into unmapped memory gives EFAULT"
    li a0, 0
    li a1, 0
    SYS SYS_exec
    EXPECT -EFAULT, "exec(NULL) gives EFAULT"
    la a0, p_self
    li a1, 0
    SYS SYS_exec
    EXPECT -EFAULT, "exec with argv NULL gives EFAULT"
    la a0, p_self
    li a1, 0x80000000
    SYS SYS_exec
    EXPECT -EFAULT, "exec with argv in the kernel gives EFAULT"
    la a0, p_self
    la a1, argv_bad
    SYS SYS_exec
    EXPECT -EFAULT, "exec with a bad argv string gives EFAULT"
    la a0, p_self
    la a1, argv_bad
    SYS SYS_spawn
    EXPECT -EFAULT, "spawn with a bad argv string gives EFAULT"
    li a0, 0x40000000
    la a1, argv_bad
    SYS SYS_spawn
    EXPECT -EFAULT, "spawn with an unmapped path gives EFAULT"
    li a0, 0x7FFFF000
    li a1, 1
    SYS SYS_procs
    EXPECT -EFAULT, "procs into the trampoline gives EFAULT"
    # waitpid with a bad status pointer must not reap
    SYS SYS_fork
    bnez a0, 4f
    li a0, 3
    SYS SYS_exit
4:  mv s0, a0
    li a0, 20
    SYS SYS_sleep
    mv a0, s0
    li a1, 0x80000000
    li a2, 0
    SYS SYS_waitpid
    EXPECT -EFAULT, "waitpid into kernel memory gives EFAULT"
    mv a0, s0
    la a1, main
    li a2, 0
    SYS SYS_waitpid
    EXPECT -EFAULT, "waitpid into the program text gives EFAULT"
    mv a0, s0
    mv a1, sp
    li a2, 0
    SYS SYS_waitpid
    EXPECT_REG s0, "the child is still there to reap"
    lw a0, 0(sp)
    EXPECT 0x300, "with its status"
    call t_done
    lw s2, 112(sp)
    lw s1, 116(sp)
    lw s0, 120(sp)
    lw ra, 124(sp)
    addi sp, sp, 128
    ret

.section .rodata
p_data:   .asciz "/etc/data.txt"
p_new:    .asciz "/etc/new"
p_notdir: .asciz "/etc/data.txt/x"
p_bin:    .asciz "/bin"
p_root:   .asciz "/"
p_empty:  .asciz ""
p_dotdot: .asciz "/bin/../etc/./data.txt"
p_self:   .asciz "/bin/t_fs"
.section .data
.balign 4
argv_bad: .word p_self, 0x80000000, 0
