# bootblock.s -- sector 0 of a ToyMachine disk image (docs/image-format.md).
#
# The boot ROM reads this sector to 0x8000_0000 and jumps here in M-mode with
# a0 = hart id and a1 = 0x1800 (the boot info block). This code reads the superblock
# (sector 1) to 0x8000_0200, DMA-reads the kernel blob to kernel_load, zero-fills the
# kernel's bss and jumps to kernel_entry, still in M-mode, with a0 and a1 as the ROM
# gave them. Interrupts stay off: every toyblk request is busy-waited on STATUS.
#
# On an error it prints one line on the UART and powers off through the test device:
# exit 4 bad superblock, 5 disk read error, 6 kernel does not fit in RAM.
#
# Invariant: a0 and a1 are never written on the success path. The whole block,
# signature included, is 512 bytes; plain GNU as syntax so that both binutils and the
# project's assembler build it (flat binary at base 0x8000_0000).

    .equ TOYBLK,        0x10001000
    .equ BLK_SECTOR,    0x08
    .equ BLK_ADDR,      0x0C
    .equ BLK_COUNT,     0x10
    .equ BLK_COMMAND,   0x14
    .equ BLK_STATUS,    0x18
    .equ BLK_ACK,       0x1C
    .equ BLK_CMD_READ,  1
    .equ BLK_BUSY,      1
    .equ BLK_DONE,      2

    .equ UART,          0x10000000
    .equ UART_LSR,      5
    .equ LSR_THRE,      0x20
    .equ TEST_DEVICE,   0x00100000

    .equ BOOTINFO_RAM_BASE, 4
    .equ BOOTINFO_RAM_SIZE, 8

    .equ SUPERBLOCK,    0x80000200          # where sector 1 is read to
    .equ SB_MAGIC,      0
    .equ SB_VERSION,    4
    .equ SB_KSECTOR,    16
    .equ SB_KCOUNT,     20
    .equ SB_KLOAD,      24
    .equ SB_KFILESZ,    28
    .equ SB_KMEMSZ,     32
    .equ SB_KENTRY,     36
    .equ FS_MAGIC,      0x53465954          # "TYFS"
    .equ FS_VERSION,    1
    .equ KERNEL_MIN,    0x80010000          # lowest kernel address (CONTRACTS.md)

    .text
    .globl _start
_start:
    li    s0, TOYBLK
    li    s1, SUPERBLOCK
    li    a2, 1                 # sector 1: the superblock
    mv    a3, s1
    li    a4, 1
    call  read

    lw    t0, SB_MAGIC(s1)
    li    t1, FS_MAGIC
    bne   t0, t1, bad_superblock
    lw    t0, SB_VERSION(s1)
    li    t1, FS_VERSION
    bne   t0, t1, bad_superblock

    # The kernel must lie in [KERNEL_MIN, ram_base + ram_size) and its file part
    # inside its memory part; s2 = load, s3 = load + file size, s4 = load + mem size.
    lw    s2, SB_KLOAD(s1)
    lw    t0, SB_KFILESZ(s1)
    lw    t1, SB_KMEMSZ(s1)
    bltu  t1, t0, too_big
    li    t2, KERNEL_MIN
    bltu  s2, t2, too_big
    add   s3, s2, t0
    add   s4, s2, t1
    bltu  s4, s2, too_big       # the end wrapped past 2^32
    lw    t0, BOOTINFO_RAM_BASE(a1)
    lw    t1, BOOTINFO_RAM_SIZE(a1)
    add   t0, t0, t1
    bltu  t0, s4, too_big

    lw    a2, SB_KSECTOR(s1)    # one request for the whole blob
    mv    a3, s2
    lw    a4, SB_KCOUNT(s1)
    call  read

    # Zero [s3, s4): bytes up to a word boundary, 32 bytes at a time, words, then
    # the last bytes. (The DMA may have written up to 511 zero bytes of padding past
    # s3; they are zeroed again here, and nothing past s4 is touched.) The 32-byte
    # loop costs 12 instructions for 32 bytes, against 40 a word at a time: a kernel
    # bss of several hundred KiB is most of the boot block's work.
1:  andi  t0, s3, 3
    beqz  t0, 2f
    bgeu  s3, s4, 5f
    sb    zero, 0(s3)
    addi  s3, s3, 1
    j     1b
2:  addi  t0, s3, 32
    bltu  s4, t0, 3f
    sw    zero, 0(s3)
    sw    zero, 4(s3)
    sw    zero, 8(s3)
    sw    zero, 12(s3)
    sw    zero, 16(s3)
    sw    zero, 20(s3)
    sw    zero, 24(s3)
    sw    zero, 28(s3)
    mv    s3, t0
    j     2b
3:  addi  t0, s3, 4
    bltu  s4, t0, 4f
    sw    zero, 0(s3)
    mv    s3, t0
    j     3b
4:  bgeu  s3, s4, 5f
    sb    zero, 0(s3)
    addi  s3, s3, 1
    j     4b
5:  fence.i                     # the kernel's code arrived by DMA
    lw    t0, SB_KENTRY(s1)
    jr    t0

# read -- read sectors with toyblk, busy-waiting for completion
#  IN:  a2 = first sector, a3 = physical address, a4 = sector count, s0 = TOYBLK
#  OUT: returns when the request is done; on an error goes to read_error
#  clobbers t0, t1
read:
    sw    a2, BLK_SECTOR(s0)
    sw    a3, BLK_ADDR(s0)
    sw    a4, BLK_COUNT(s0)
    li    t0, BLK_CMD_READ
    sw    t0, BLK_COMMAND(s0)
    li    t0, BLK_BUSY
1:  lw    t1, BLK_STATUS(s0)
    beq   t1, t0, 1b
    sw    zero, BLK_ACK(s0)
    li    t0, BLK_DONE
    bne   t1, t0, read_error
    ret

bad_superblock:
    la    a0, msg_superblock
    li    a1, 4
    j     fail
read_error:
    la    a0, msg_read
    li    a1, 5
    j     fail
too_big:
    la    a0, msg_too_big
    li    a1, 6

# fail -- print a message on the UART and power off
#  IN:  a0 = NUL-terminated message, a1 = exit code; does not return
fail:
    li    t0, UART
1:  lbu   t1, 0(a0)
    beqz  t1, 3f
2:  lbu   t2, UART_LSR(t0)
    andi  t2, t2, LSR_THRE
    beqz  t2, 2b
    sb    t1, 0(t0)
    addi  a0, a0, 1
    j     1b
3:  slli  t1, a1, 16
    li    t2, 0x3333
    or    t1, t1, t2
    li    t0, TEST_DEVICE
    sw    t1, 0(t0)
4:  j     4b

msg_superblock: .asciz "boot: bad superblock\n"
msg_read:       .asciz "boot: disk read error\n"
msg_too_big:    .asciz "boot: kernel does not fit\n"

    .org  508
    .word 0x544F4F42            # signature "BOOT" (docs/image-format.md)
