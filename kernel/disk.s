# disk.s -- the toyblk driver: one 4 KiB block (8 sectors) a request, by interrupt.
#
# A request is started only by disk_read_block, in process context: the caller
# waits for the device (disk_busy), programs SECTOR/ADDR/COUNT/COMMAND and sleeps on
# disk_done until disk_intr (PLIC source 1) has read STATUS and acknowledged it.
# Invariants: at most one request is in flight (disk_busy = 1 from COMMAND to the
# caller's wakeup); disk_done is 1 only between the interrupt and the caller's
# return.  DMA goes to a physical address: kernel memory is mapped at its physical
# address, so a kernel pointer is one.
#
# Without a disk (no boot info, or disk_sectors = 0) a dev build can link a memory
# image between ramdisk_start and ramdisk_end (ramdisk.s); the same blocks are then
# copied from there.

.include "kernel.inc"
.include "errno.inc"

.equ DISK_NONE, 0
.equ DISK_TOYBLK, 1
.equ DISK_RAM, 2

.text

# disk_init -- choose the block source
#  IN:  nothing (disk_sectors from the boot info)
#  OUT: nothing
#  clobbers t0-t2
.globl disk_init
disk_init:
    la t0, ramdisk_start
    la t1, ramdisk_end
    li t2, DISK_RAM
    bltu t0, t1, 1f
    la t0, disk_sectors
    lw t0, 0(t0)
    li t2, DISK_TOYBLK
    bnez t0, 1f
    li t2, DISK_NONE
1:  la t0, disk_mode
    sw t2, 0(t0)
    ret

# disk_read_block -- read one 4 KiB block; the caller sleeps while toyblk works
#  IN:  a0 = block number, a1 = physical address of a 4 KiB buffer, tp = caller
#  OUT: a0 = 0, or -EIO
#  clobbers a1-a7, t0-t6
.globl disk_read_block
disk_read_block:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    sw s1, 4(sp)
    mv s0, a0
    mv s1, a1
    la t0, disk_mode
    lw t0, 0(t0)
    li t1, DISK_RAM
    beq t0, t1, dr_ram
    li t1, DISK_TOYBLK
    bne t0, t1, dr_eio
    # sectors 8*block .. 8*block+7 must exist
    slli t2, s0, 3
    addi t3, t2, 8
    la t4, disk_sectors
    lw t4, 0(t4)
    bgtu t3, t4, dr_eio
1:  la t0, disk_busy
    lw t1, 0(t0)
    beqz t1, 2f
    mv a0, t0
    call sleep
    j 1b
2:  li t1, 1
    sw t1, 0(t0)
    la t0, disk_done
    sw zero, 0(t0)
    li t0, KV_TOYBLK
    slli t2, s0, 3
    sw t2, BLK_SECTOR(t0)
    sw s1, BLK_ADDR(t0)
    li t1, 8
    sw t1, BLK_COUNT(t0)
    li t1, BLK_CMD_READ
    sw t1, BLK_COMMAND(t0)
3:  la t0, disk_done
    lw t1, 0(t0)
    bnez t1, 4f
    mv a0, t0
    call sleep
    j 3b
4:  sw zero, 0(t0)
    la t0, disk_busy
    sw zero, 0(t0)
    mv a0, t0
    call wakeup
    la t0, disk_status
    lw t0, 0(t0)
    li t1, BLK_ST_DONE
    bne t0, t1, dr_eio
    li a0, 0
    j dr_out
dr_ram:
    slli t0, s0, PGSHIFT
    la t1, ramdisk_start
    add a1, t1, t0
    li t2, PGSIZE
    add t3, a1, t2
    la t4, ramdisk_end
    bgtu t3, t4, dr_eio
    bltu t3, a1, dr_eio
    mv a0, s1
    li a2, PGSIZE
    call memcpy
    li a0, 0
    j dr_out
dr_eio:
    li a0, -EIO
dr_out:
    lw s1, 4(sp)
    lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# disk_intr -- toyblk finished a request
#  IN:  nothing
#  OUT: nothing
#  clobbers a0, t0-t4
.globl disk_intr
disk_intr:
    li t0, KV_TOYBLK
    lw t1, BLK_STATUS(t0)
    li t2, BLK_ST_DONE
    bltu t1, t2, 1f             # idle or busy: not ours
    sw zero, BLK_ACK(t0)
    la t0, disk_status
    sw t1, 0(t0)
    la a0, disk_done
    li t1, 1
    sw t1, 0(a0)
    j wakeup
1:  ret

# disk_flush -- ask toyblk to write back (before power-off); polls, no interrupt
#  IN:  nothing
#  OUT: nothing
#  clobbers t0-t2
.globl disk_flush
disk_flush:
    la t0, disk_mode
    lw t0, 0(t0)
    li t1, DISK_TOYBLK
    bne t0, t1, 2f
    la t0, disk_busy
    lw t0, 0(t0)
    bnez t0, 2f
    li t0, KV_TOYBLK
    li t1, BLK_CMD_FLUSH
    sw t1, BLK_COMMAND(t0)
1:  lw t1, BLK_STATUS(t0)
    li t2, 1
    beq t1, t2, 1b
    sw zero, BLK_ACK(t0)
2:  ret

.section .bss
.balign 4
disk_mode:   .space 4
disk_busy:   .space 4
disk_done:   .space 4
disk_status: .space 4
