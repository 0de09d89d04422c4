# shim.s -- a stand-in for the kernel, to run user programs bare-metal.
#
# `toymachine run` starts an ELF in M-mode with no kernel. This shim takes the
# kernel's place just far enough for the library tests: it sets up a stack and
# argc/argv as abi.md's "Program start" says, installs an mtvec handler that
# serves a few system calls, and jumps to the program's _start (crt0.s) in M-mode.
# The program cannot tell: an ecall from M-mode traps to mtvec like one from U-mode.
#
# Calls served: exit (power off through the test device with the status),
# write (fd 1 and 2 to the UART), read (fd 0 from the UART; 0 = end of file when
# no byte is waiting, which with deterministic input means the input is used up),
# getpid (1), open (-ENOENT: there is no file system). Every other call returns
# -ENOSYS, so programs meet the error paths they would meet on a small kernel.
# The handler preserves every register but a0, as the ABI promises.
#
# Link with -e shim_entry so that the ELF starts here rather than at _start.

    .include "syscalls.inc"
    .include "errno.inc"

    .equ UART, 0x10000000
    .equ UART_LSR, 5
    .equ LSR_DR, 0x01
    .equ LSR_THRE, 0x20
    .equ TEST_DEVICE, 0x100000

    .text
    .globl shim_entry
# shim_entry -- reset entry: trap vector, stack, argv, then the program
#  IN:  nothing (M-mode, as toymachine run starts a program)
#  OUT: does not return
shim_entry:
    la t0, shim_trap
    csrw mtvec, t0
    la t0, shim_save
    csrw mscratch, t0
    la sp, shim_stack_top
    # argv: pointers on the stack, NULL-terminated, below 16 bytes of padding.
    addi sp, sp, -16
    sw zero, 12(sp)
    la t0, shim_arg2
    sw t0, 8(sp)
    la t0, shim_arg1
    sw t0, 4(sp)
    la t0, shim_arg0
    sw t0, 0(sp)
    mv a1, sp
    li a0, 3
    li t0, 0
    j _start

# shim_trap -- the M-mode trap handler: system calls, or a report and exit 99
#  IN:  a7 = call number, a0..a2 = arguments (for an ecall)
#  OUT: a0 = result; mepc moved past the ecall
#  preserves every register but a0 (t0-t3 are saved in shim_save via mscratch)
shim_trap:
    csrrw t0, mscratch, t0
    sw t1, 0(t0)
    sw t2, 4(t0)
    sw t3, 8(t0)
    csrr t1, mscratch           # the trapping code's t0
    sw t1, 12(t0)
    csrw mscratch, t0
    csrr t1, mcause
    li t2, 11                   # environment call from M-mode
    beq t1, t2, shim_syscall
    li t2, 8                    # environment call from U-mode
    beq t1, t2, shim_syscall
    # Anything else is a bug in the program under test: say what and where.
    la t2, shim_msg_trap
    call shim_puts_t2
    csrr t1, mcause
    call shim_puthex_t1
    la t2, shim_msg_mepc
    call shim_puts_t2
    csrr t1, mepc
    call shim_puthex_t1
    la t2, shim_msg_nl
    call shim_puts_t2
    li t1, (99 << 16) | 0x3333
    li t2, TEST_DEVICE
    sw t1, 0(t2)
1:  j 1b

shim_syscall:
    li t1, SYS_write
    beq a7, t1, shim_write
    li t1, SYS_read
    beq a7, t1, shim_read
    li t1, SYS_exit
    beq a7, t1, shim_exit
    li t1, SYS_getpid
    beq a7, t1, shim_getpid
    li t1, SYS_open
    beq a7, t1, shim_open
    li a0, -ENOSYS
    j shim_return

shim_exit:
    andi a0, a0, 0xFF
    slli t1, a0, 16
    li t2, 0x3333
    or t1, t1, t2
    li t2, TEST_DEVICE
    sw t1, 0(t2)
1:  j 1b

shim_getpid:
    li a0, 1
    j shim_return

shim_open:
    li a0, -ENOENT
    j shim_return

shim_write:
    addi t1, a0, -1
    li t2, 2
    bgeu t1, t2, shim_ebadf     # only fd 1 and 2
    li t3, 0                    # t3 = bytes written
1:  beq t3, a2, 3f
    add t1, a1, t3
    lbu t1, 0(t1)
    li t0, UART
2:  lbu t2, UART_LSR(t0)
    andi t2, t2, LSR_THRE
    beqz t2, 2b
    sb t1, 0(t0)
    addi t3, t3, 1
    j 1b
3:  mv a0, t3
    j shim_return

shim_read:
    bnez a0, shim_ebadf         # only fd 0
    li t3, 0                    # t3 = bytes read
    li t0, UART
1:  beq t3, a2, 2f
    lbu t2, UART_LSR(t0)
    andi t2, t2, LSR_DR
    beqz t2, 2f                 # nothing waiting: return what we have (0 = EOF)
    lbu t2, 0(t0)
    add t1, a1, t3
    sb t2, 0(t1)
    addi t3, t3, 1
    li t1, '\n'
    bne t2, t1, 1b              # a console read ends at a newline
2:  mv a0, t3
    j shim_return

shim_ebadf:
    li a0, -EBADF

shim_return:
    csrr t0, mepc
    addi t0, t0, 4
    csrw mepc, t0
    csrr t0, mscratch
    lw t1, 0(t0)
    lw t2, 4(t0)
    lw t3, 8(t0)
    lw t0, 12(t0)
    mret

# shim_puts_t2 -- print the string at t2 on the UART
#  IN:  t2 = string
#  clobbers t0, t2, t3
shim_puts_t2:
    li t0, UART
1:  lbu t3, 0(t2)
    beqz t3, 2f
    sb t3, 0(t0)
    addi t2, t2, 1
    j 1b
2:  ret

# shim_puthex_t1 -- print t1 as 8 hex digits on the UART
#  IN:  t1 = value
#  clobbers t0, t2, t3
shim_puthex_t1:
    li t0, UART
    li t2, 28
1:  srl t3, t1, t2
    andi t3, t3, 15
    addi t3, t3, '0'
    li a0, '9'                  # a0 is lost anyway: the run ends after this report
    ble t3, a0, 2f
    addi t3, t3, 'a' - '0' - 10
2:  sb t3, 0(t0)
    addi t2, t2, -4
    bgez t2, 1b
    ret

    .section .rodata
shim_arg0: .asciz "prog"
shim_arg1: .asciz "hello"
shim_arg2: .asciz "world"
shim_msg_trap: .asciz "\nshim: unexpected trap, mcause "
shim_msg_mepc: .asciz " mepc "
shim_msg_nl: .asciz "\n"

    .bss
    .align 4
shim_save:
    .space 16
shim_stack:
    .space 16384
shim_stack_top:
