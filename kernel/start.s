# start.s -- the kernel's first instructions: M-mode start, then kernel main in S-mode.
#
# The boot block (kernel/boot/bootblock.s) enters _start in M-mode with a0 = hart id
# and a1 = the boot info block (0x0000_1800).  M-mode does only what S-mode cannot:
# it copies the boot info block into kernel memory (the ROM is not mapped later),
# delegates every exception and interrupt it may to S-mode, enables Sstc and the
# user-visible counters, and leaves M-mode for good with mret.  A bare-metal `run`
# enters with a1 != 0x1800; then there is no boot info: 16 MiB of RAM, an empty
# command line, no disk.
#
# kmain (S-mode, paging off) then sets up the page allocator, the kernel page table,
# the devices and the first process, and enters the scheduler; it never returns.
# Invariant: from kmain on, sstatus.SIE is 0 everywhere in the kernel (trap.s).

.include "kernel.inc"

.section .text
.globl _start
_start:
    la sp, boot_stack_top
    # Copy the boot info block (16 bytes + 256 bytes of command line) if it is there.
    li t0, PHYS_BOOTINFO
    bne a1, t0, 2f
    lw t1, 0(a1)
    li t2, BOOTINFO_MAGIC
    bne t1, t2, 2f
    la t3, bootinfo
    li t4, 272
1:  lw t1, 0(a1)
    sw t1, 0(t3)
    addi a1, a1, 4
    addi t3, t3, 4
    addi t4, t4, -4
    bnez t4, 1b
2:
    # Everything S-mode handles: exceptions 0-9, 12, 13, 15 (the writable bits of
    # medeleg, docs/platform.md) and the three supervisor interrupts.
    li t0, 0xB3FF
    csrw medeleg, t0
    li t0, 0x222
    csrw mideleg, t0
    csrw mie, zero
    # menvcfgh (0x31A) bit 31 = STCE: stimecmp works in S-mode.
    li t0, 0x80000000
    csrw 0x31A, t0
    # cycle, time and instret readable from S and U.
    li t0, 7
    csrw mcounteren, t0
    csrw scounteren, t0
    la t0, m_trap
    csrw mtvec, t0
    csrw satp, zero
    # mret to kmain in S-mode: MPP = 01.
    li t0, 0x1800
    csrc mstatus, t0
    li t0, 0x800
    csrs mstatus, t0
    la t0, kmain
    csrw mepc, t0
    mret

# m_trap -- nothing should reach M-mode after delegation; if something does, say so
# on the UART (physical address: M-mode does not translate) and power off with 99.
.balign 4
m_trap:
    li t0, PHYS_UART
    la t1, m_trap_msg
1:  lbu t2, 0(t1)
    beqz t2, 2f
    sb t2, UART_THR(t0)
    addi t1, t1, 1
    j 1b
2:  li t0, PHYS_TEST
    li t1, (99 << 16) | 0x3333
    sw t1, 0(t0)
3:  j 3b

# kmain -- kernel main in S-mode
#  IN:  nothing (the boot info copy in bootinfo)
#  OUT: does not return
kmain:
    la sp, boot_stack_top
    la t0, trap_entry
    csrw stvec, t0
    csrw sscratch, zero
    # No timer until the scheduler arms one.
    li t0, -1
    csrw 0x15D, t0          # stimecmph
    csrw 0x14D, t0          # stimecmp
    call parse_bootinfo
    # Physical pages: from the end of the kernel image to the end of RAM.
    la a0, kernel_end
    la t0, ram_end
    lw a1, 0(t0)
    call kinit
    call vm_init            # paging on: devices through the kernel window from here
    call console_init
    la t0, quiet
    lw t0, 0(t0)
    bnez t0, 1f
    call print_banner
1:  call plic_init
    call disk_init
    call proc_init
    call start_init_process   # does not return
2:  j 2b

# print_banner -- one line: name, RAM size, free pages, init path
#  IN:  nothing
#  OUT: nothing
#  clobbers a0-a7, t0-t6
print_banner:
    addi sp, sp, -16
    sw ra, 12(sp)
    la a0, banner1
    call kputs
    la t0, ram_size
    lw a0, 0(t0)
    srli a0, a0, 20
    call kputdec
    la a0, banner2
    call kputs
    la t0, free_pages
    lw a0, 0(t0)
    call kputdec
    la a0, banner3
    call kputs
    la a0, init_path
    call kputs
    li a0, 10
    call kputc
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# parse_bootinfo -- RAM size and command line words from the boot info copy
#  IN:  nothing
#  OUT: ram_size, ram_end, disk_sectors, quiet, init_path set
#  clobbers a0-a5, t0-t6
parse_bootinfo:
    la t0, bootinfo
    lw t1, 0(t0)
    li t2, BOOTINFO_MAGIC
    li t3, RAM_MIN_SIZE         # defaults without a boot info block
    li t4, 0
    bne t1, t2, 1f
    lw t3, 8(t0)                # ram_size
    lw t4, 12(t0)               # disk_sectors
1:  la t1, ram_size
    sw t3, 0(t1)
    li t2, RAM_BASE
    add t2, t2, t3
    la t1, ram_end
    sw t2, 0(t1)
    la t1, disk_sectors
    sw t4, 0(t1)
    # Words of the command line, separated by spaces.
    la a0, bootinfo + 16
    sb zero, 255(a0)            # at most 255 bytes, whatever the ROM says
    la t0, bootinfo
    lw t1, 0(t0)
    li t2, BOOTINFO_MAGIC
    beq t1, t2, cmd_next
    sb zero, 0(a0)
cmd_next:
    lbu t0, 0(a0)
    beqz t0, cmd_done
    li t1, ' '
    bne t0, t1, 1f
    addi a0, a0, 1
    j cmd_next
1:  # a0 = start of a word; a1 = its end
    mv a1, a0
2:  lbu t0, 0(a1)
    beqz t0, 3f
    li t1, ' '
    beq t0, t1, 3f
    addi a1, a1, 1
    j 2b
3:  sub a2, a1, a0              # word length
    # "quiet"
    li t0, 5
    bne a2, t0, 4f
    lbu t0, 0(a0)
    li t1, 'q'
    bne t0, t1, 4f
    lbu t0, 1(a0)
    li t1, 'u'
    bne t0, t1, 4f
    lbu t0, 2(a0)
    li t1, 'i'
    bne t0, t1, 4f
    lbu t0, 3(a0)
    li t1, 'e'
    bne t0, t1, 4f
    lbu t0, 4(a0)
    li t1, 't'
    bne t0, t1, 4f
    la t0, quiet
    li t1, 1
    sw t1, 0(t0)
    j 6f
4:  # "init=PATH"
    li t0, 5
    ble a2, t0, 6f
    lbu t0, 0(a0)
    li t1, 'i'
    bne t0, t1, 6f
    lbu t0, 1(a0)
    li t1, 'n'
    bne t0, t1, 6f
    lbu t0, 2(a0)
    li t1, 'i'
    bne t0, t1, 6f
    lbu t0, 3(a0)
    li t1, 't'
    bne t0, t1, 6f
    lbu t0, 4(a0)
    li t1, '='
    bne t0, t1, 6f
    addi t2, a0, 5
    la t3, init_path
5:  beq t2, a1, 7f
    lbu t0, 0(t2)
    sb t0, 0(t3)
    addi t2, t2, 1
    addi t3, t3, 1
    j 5b
7:  sb zero, 0(t3)
6:  mv a0, a1
    j cmd_next
cmd_done:
    ret

.section .rodata
banner1:    .asciz "ToyMachine kernel: "
banner2:    .asciz " MiB RAM, "
banner3:    .asciz " free pages, init "
m_trap_msg: .asciz "kernel: unexpected M-mode trap\n"

.section .data
.balign 4
.globl init_path
init_path:  .asciz "/bin/init"
            .space PATH_MAX - 10
.globl quiet
quiet:      .word 0

.section .bss
.balign 16
.globl bootinfo
bootinfo:   .space 272
.globl ram_size
ram_size:   .space 4
.globl ram_end
ram_end:    .space 4
.globl disk_sectors
disk_sectors: .space 4
.balign 16
boot_stack: .space 4096
boot_stack_top:
