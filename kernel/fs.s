# fs.s -- the read-only TYFS file system of docs/image-format.md, and a block cache.
#
# Blocks are 4 KiB (one page; 8 sectors).  The superblock is in block 0 at byte 512;
# inode n is 64 bytes at byte (n % 64) * 64 of block inode_start + n / 64; file block
# i is direct[i] (i < 12) or entry i - 12 of the indirect block; 0 is a hole.
# Directories are files of 32-byte records {u32 inode; char name[28]}.
#
# The block cache has NBUF entries, direct-mapped (block % NBUF).  bread() returns a
# pointer into the cache that stays valid until the caller sleeps or calls bread()
# again: no caller holds one across either.  An entry being filled is BUF_BUSY, and
# anyone else wanting it sleeps on the entry until it is filled.

.include "kernel.inc"
.include "errno.inc"

.text

# fs_init -- read and check the superblock
#  IN:  tp = a process (disk I/O sleeps)
#  OUT: a0 = 0, or -EIO (a message is printed)
#  clobbers a1-a7, t0-t6
.globl fs_init
fs_init:
    addi sp, sp, -16
    sw ra, 12(sp)
    la t0, bufs
    la t1, bcache_area
    lw t1, 0(t1)
    li t2, NBUF
1:  sw t1, BUF_DATA(t0)
    li t3, -1
    sw t3, BUF_BLOCK(t0)
    addi t0, t0, BUF_SIZE
    li t3, PGSIZE
    add t1, t1, t3
    addi t2, t2, -1
    bnez t2, 1b
    li a0, 0
    call bread
    beqz a0, 2f
    addi a0, a0, 512
    lw t0, SB_MAGIC(a0)
    li t1, FS_MAGIC
    bne t0, t1, 2f
    lw t0, SB_INODE_START(a0)
    la t1, fs_inode_start
    sw t0, 0(t1)
    lw t0, SB_INODE_COUNT(a0)
    la t1, fs_inode_count
    sw t0, 0(t1)
    li a0, 0
    j 3f
2:  la a0, nofs_msg
    call kputs
    li a0, -EIO
3:  lw ra, 12(sp)
    addi sp, sp, 16
    ret

# bread -- a block, from the cache or the disk
#  IN:  a0 = block number
#  OUT: a0 = address of its 4 KiB of data, or 0 on an I/O error
#  clobbers a1-a7, t0-t6
.globl bread
bread:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    sw s1, 4(sp)
    mv s0, a0
1:  andi t0, s0, NBUF - 1
    slli t0, t0, 4              # BUF_SIZE = 16
    la s1, bufs
    add s1, s1, t0
    lw t0, BUF_BUSY(s1)
    beqz t0, 2f
    mv a0, s1
    call sleep
    j 1b
2:  lw t0, BUF_VALID(s1)
    beqz t0, 3f
    lw t0, BUF_BLOCK(s1)
    bne t0, s0, 3f
    lw a0, BUF_DATA(s1)
    j 5f
3:  li t0, 1
    sw t0, BUF_BUSY(s1)
    sw zero, BUF_VALID(s1)
    sw s0, BUF_BLOCK(s1)
    mv a0, s0
    lw a1, BUF_DATA(s1)
    call disk_read_block
    sw zero, BUF_BUSY(s1)
    sw a0, 0(sp)
    mv a0, s1
    call wakeup
    lw t0, 0(sp)
    li a0, 0
    bnez t0, 5f
    li t0, 1
    sw t0, BUF_VALID(s1)
    lw a0, BUF_DATA(s1)
5:  lw s1, 4(sp)
    lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# fs_iget -- copy an inode
#  IN:  a0 = inode number, a1 = 64-byte destination
#  OUT: a0 = 0, -ENOENT (no such slot), -EIO
#  clobbers a1-a7, t0-t6
fs_iget:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    sw s1, 4(sp)
    mv s0, a0
    mv s1, a1
    la t0, fs_inode_count
    lw t0, 0(t0)
    beqz s0, 1f
    bgeu s0, t0, 1f
    srli a0, s0, 6
    la t0, fs_inode_start
    lw t0, 0(t0)
    add a0, a0, t0
    call bread
    beqz a0, 2f
    andi t0, s0, 63
    slli t0, t0, 6
    add a1, a0, t0
    mv a0, s1
    li a2, INODE_SIZE
    call memcpy
    li a0, 0
    j 3f
1:  li a0, -ENOENT
    j 3f
2:  li a0, -EIO
3:  lw s1, 4(sp)
    lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# fs_bmap -- the disk block of a file block
#  IN:  a0 = inode copy, a1 = file block index
#  OUT: a0 = block number (0 = hole), or -EIO
#  clobbers a1-a7, t0-t6
fs_bmap:
    li t0, NDIRECT
    bgeu a1, t0, 1f
    slli a1, a1, 2
    add a0, a0, a1
    lw a0, INODE_DIRECT(a0)
    ret
1:  addi a1, a1, -NDIRECT
    li t0, 1024
    bgeu a1, t0, 3f
    lw a0, INODE_INDIRECT(a0)
    beqz a0, 3f
    addi sp, sp, -16
    sw ra, 12(sp)
    sw a1, 8(sp)
    call bread
    lw a1, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    beqz a0, 2f
    slli a1, a1, 2
    add a0, a0, a1
    lw a0, 0(a0)
    ret
2:  li a0, -EIO
    ret
3:  li a0, 0
    ret

# fs_readi -- read bytes of a file
#  IN:  a0 = inode copy, a1 = offset, a2 = destination, a3 = n,
#       a4 = 1 if the destination is a user address of the current process
#  OUT: a0 = bytes read (fewer at the end of the file), -EIO, -EFAULT
#  clobbers a1-a7, t0-t6
.globl fs_readi
fs_readi:
    addi sp, sp, -48
    sw ra, 44(sp)
    sw s0, 40(sp)
    sw s1, 36(sp)
    sw s2, 32(sp)
    sw s3, 28(sp)
    sw s4, 24(sp)
    sw s5, 20(sp)
    mv s0, a0
    mv s1, a1
    mv s2, a2
    mv s4, a4
    lw t0, INODE_SIZE_F(s0)
    li a0, 0
    bgeu s1, t0, ri_out
    sub t1, t0, s1
    bleu a3, t1, 1f
    mv a3, t1
1:  mv s3, a3                   # bytes left
    sw a3, 16(sp)               # the result
ri_loop:
    beqz s3, ri_done
    slli t0, s1, 20
    srli t0, t0, 20
    li t1, PGSIZE
    sub s5, t1, t0
    bleu s5, s3, 2f
    mv s5, s3                   # s5 = bytes from this block
2:  mv a0, s0
    srli a1, s1, PGSHIFT
    call fs_bmap
    bltz a0, ri_eio
    la a1, zero_block
    beqz a0, 3f
    call bread
    beqz a0, ri_eio
    mv a1, a0
3:  slli t0, s1, 20
    srli t0, t0, 20
    la t1, zero_block
    beq a1, t1, 4f
    add a1, a1, t0
4:  mv a2, s5
    beqz s4, 5f
    mv a0, s2
    call copyout
    bnez a0, ri_efault
    j 6f
5:  mv a0, s2
    call memcpy
6:  add s1, s1, s5
    add s2, s2, s5
    sub s3, s3, s5
    j ri_loop
ri_done:
    lw a0, 16(sp)
    j ri_out
ri_eio:
    li a0, -EIO
    j ri_out
ri_efault:
    li a0, -EFAULT
ri_out:
    lw s5, 20(sp)
    lw s4, 24(sp)
    lw s3, 28(sp)
    lw s2, 32(sp)
    lw s1, 36(sp)
    lw s0, 40(sp)
    lw ra, 44(sp)
    addi sp, sp, 48
    ret

# fs_dirlookup -- find a name in a directory
#  IN:  a0 = directory inode copy, a1 = name, a2 = its length (1..27)
#  OUT: a0 = inode number, 0 when absent, or -EIO
#  clobbers a1-a7, t0-t6
fs_dirlookup:
    addi sp, sp, -64
    sw ra, 60(sp)
    sw s0, 56(sp)
    sw s1, 52(sp)
    sw s2, 48(sp)
    sw s3, 44(sp)
    mv s0, a0
    mv s1, a1
    mv s2, a2
    li s3, 0                    # offset
1:  mv a0, s0
    mv a1, s3
    mv a2, sp                   # the record: sp+0 .. sp+31
    li a3, DIRENT_SIZE
    li a4, 0
    call fs_readi
    bltz a0, 9f
    li t0, DIRENT_SIZE
    bne a0, t0, 8f              # end of the directory
    addi s3, s3, DIRENT_SIZE
    lw t0, 0(sp)
    beqz t0, 1b                 # empty slot
    add t1, sp, s2
    lbu t1, 4(t1)
    bnez t1, 1b                 # the record's name is longer
    addi a0, sp, 4
    mv a1, s1
    mv a2, s2
    call strncmp_eq
    beqz a0, 1b
    lw a0, 0(sp)
    j 9f
8:  li a0, 0
9:  lw s3, 44(sp)
    lw s2, 48(sp)
    lw s1, 52(sp)
    lw s0, 56(sp)
    lw ra, 60(sp)
    addi sp, sp, 64
    ret

# fs_namei -- look a path up (relative paths start at the root too)
#  IN:  a0 = NUL-terminated kernel string, a1 = 64-byte buffer for the inode
#  OUT: a0 = inode number (the inode copied to a1), or -ENOENT, -ENOTDIR,
#       -ENAMETOOLONG (a component over 27 bytes), -EIO
#  clobbers a1-a7, t0-t6
.globl fs_namei
fs_namei:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    sw s3, 12(sp)
    mv s0, a0
    mv s1, a1
    lbu t0, 0(s0)
    li a0, -ENOENT
    beqz t0, 9f
    li s2, 1                    # the root
    li a0, 1
    mv a1, s1
    call fs_iget
    bnez a0, 9f
1:  lbu t0, 0(s0)
    li t1, '/'
    bne t0, t1, 2f
    addi s0, s0, 1
    j 1b
2:  beqz t0, 8f
    mv t2, s0                   # a component: s0 .. t2
3:  lbu t0, 0(t2)
    beqz t0, 4f
    li t1, '/'
    beq t0, t1, 4f
    addi t2, t2, 1
    j 3b
4:  sub s3, t2, s0              # its length
    sw t2, 8(sp)
    lw t0, INODE_TYPE(s1)
    li t1, FT_DIR
    li a0, -ENOTDIR
    bne t0, t1, 9f
    li t0, DIRNAME_MAX
    li a0, -ENAMETOOLONG
    bgtu s3, t0, 9f
    mv a0, s1
    mv a1, s0
    mv a2, s3
    call fs_dirlookup
    bltz a0, 9f
    beqz a0, 7f
    mv s2, a0
    mv a1, s1
    call fs_iget
    bnez a0, 9f
    lw s0, 8(sp)
    j 1b
7:  li a0, -ENOENT
    j 9f
8:  mv a0, s2
9:  lw s3, 12(sp)
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

.section .rodata
nofs_msg:   .asciz "kernel: no TYFS file system on the disk\n"

.section .bss
.balign 4
fs_inode_start: .space 4
fs_inode_count: .space 4
bufs:           .space NBUF * BUF_SIZE
.balign 4096
zero_block:     .space PGSIZE
