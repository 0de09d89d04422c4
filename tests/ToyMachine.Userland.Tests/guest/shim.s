# shim.s -- a stand-in for the kernel, to run user programs bare-metal.
#
# `toymachine run` starts an ELF in M-mode with no kernel. This shim takes the
# kernel's place just far enough for the userland tests: it sets up a stack and
# argc/argv as abi.md's "Program start" says, installs an mtvec handler that
# serves system calls, and jumps to the program's _start (crt0.s) in M-mode.
# The program cannot tell: an ecall from M-mode traps to mtvec like one from U-mode.
#
# The command line comes from the console: the first input line, split at
# spaces, is argv (no input: argv = {"prog"}); the rest of the input is what
# the program reads from fd 0.
#
# Calls served (every other returns -ENOSYS):
#   exit       power off through the test device with status & 0xFF
#   write      fd 1 and 2 to the UART
#   read       fd 0 from the UART (0 = end of file when no byte is waiting, which
#              with deterministic input means it is used up); fds of open files
#   open, close, fstat, read on a fixed little file system (shim_files):
#              / (bin, motd), /motd, /bin (a directory of 32-byte records), /bin/cat, /bin/echo
#   getpid 1, time_ms 12345, procs (three fixed records),
#   kill       0 for pids 1 and 2 (and groups -1, -2), -ESRCH otherwise; prints
#              "[shim: kill PID SIG]" so that tests see what was sent
#   sleep      prints "[shim: sleep MS]", returns 0
#   shutdown   powers off with the code
# Buffers outside the program's 16 MiB of RAM (or in the shim's code) give -EFAULT.
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
    .equ SHIM_ARGS, 16          # at most this many words of argv
    .equ SHIM_FDS, 8            # descriptors 3 .. 3 + SHIM_FDS - 1
    .equ FILE_SIZE, 16          # a shim_files entry: path, type, size, data

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
    # The first input line into shim_cmdline.
    la t1, shim_cmdline
    li t0, UART
    li t3, 255
1:  lbu t2, UART_LSR(t0)
    andi t2, t2, LSR_DR
    beqz t2, 2f
    lbu t2, 0(t0)
    li t4, '\n'
    beq t2, t4, 2f
    beqz t3, 1b                 # too long: drop the rest of the line
    sb t2, 0(t1)
    addi t1, t1, 1
    addi t3, t3, -1
    j 1b
2:  sb zero, 0(t1)
    # Split it in place; the pointers go on the stack, NULL-terminated.
    addi sp, sp, -(SHIM_ARGS + 4) * 4
    mv t5, sp                   # t5 = next argv slot
    li t6, 0                    # t6 = argc
    la t1, shim_cmdline
3:  lbu t2, 0(t1)
    beqz t2, 5f
    li t4, ' '
    bne t2, t4, 4f
    sb zero, 0(t1)
    addi t1, t1, 1
    j 3b
4:  li t4, SHIM_ARGS
    bge t6, t4, 5f
    sw t1, 0(t5)                # a word starts here
    addi t5, t5, 4
    addi t6, t6, 1
6:  addi t1, t1, 1              # skip to its end
    lbu t2, 0(t1)
    beqz t2, 5f
    li t4, ' '
    bne t2, t4, 6b
    j 3b
5:  bnez t6, 7f
    la t1, shim_prog            # no command line: argv = {"prog"}
    sw t1, 0(t5)
    addi t5, t5, 4
    li t6, 1
7:  sw zero, 0(t5)
    mv a0, t6
    mv a1, sp
    andi sp, sp, -16
    li t0, 0
    li t1, 0
    li t2, 0
    li t3, 0
    li t4, 0
    li t5, 0
    li t6, 0
    j _start

# shim_trap -- the M-mode trap handler: system calls, or a report and exit 99
#  IN:  a7 = call number, a0..a5 = arguments (for an ecall)
#  OUT: a0 = result; mepc moved past the ecall
#  preserves every register but a0 (ra, t0-t6 and a1-a7 are saved in shim_save)
shim_trap:
    csrrw t0, mscratch, t0      # t0 = save area, mscratch = the caller's t0
    sw ra, 0(t0)
    sw t1, 8(t0)
    sw t2, 12(t0)
    sw t3, 16(t0)
    sw t4, 20(t0)
    sw t5, 24(t0)
    sw t6, 28(t0)
    sw a1, 32(t0)
    sw a2, 36(t0)
    sw a3, 40(t0)
    sw a4, 44(t0)
    sw a5, 48(t0)
    sw a6, 52(t0)
    sw a7, 56(t0)
    csrr t1, mscratch
    sw t1, 4(t0)
    csrw mscratch, t0
    csrr t1, mcause
    li t2, 11                   # environment call from M-mode
    beq t1, t2, shim_syscall
    li t2, 8                    # environment call from U-mode
    beq t1, t2, shim_syscall
    # Anything else is a bug in the program under test: say what and where.
    la a0, shim_msg_trap
    call shim_puts
    csrr a0, mcause
    call shim_puthex
    la a0, shim_msg_mepc
    call shim_puts
    csrr a0, mepc
    call shim_puthex
    la a0, shim_msg_nl
    call shim_puts
    li a0, 99
    j shim_power_off

shim_syscall:
    la t0, shim_calls
1:  lw t1, 0(t0)
    beqz t1, 2f
    beq t1, a7, 3f
    addi t0, t0, 8
    j 1b
2:  li a0, -ENOSYS
    j shim_return
3:  lw t1, 4(t0)
    jr t1

shim_exit:
shim_shutdown:
    andi a0, a0, 0xFF
shim_power_off:
    slli t1, a0, 16
    li t2, 0x3333
    or t1, t1, t2
    li t2, TEST_DEVICE
    sw t1, 0(t2)
1:  j 1b

shim_getpid:
    li a0, 1
    j shim_return

shim_time_ms:
    li a0, 12345
    j shim_return

shim_sleep:
    mv t5, a0
    la a0, shim_msg_sleep
    call shim_puts
    mv a0, t5
    call shim_putdec
    la a0, shim_msg_close
    call shim_puts
    li a0, 0
    j shim_return

shim_kill:
    mv t5, a0
    mv t6, a1
    la a0, shim_msg_kill
    call shim_puts
    mv a0, t5
    call shim_putdec
    li a0, ' '
    call shim_putc
    mv a0, t6
    call shim_putdec
    la a0, shim_msg_close
    call shim_puts
    bgez t5, 1f
    neg t5, t5                  # a group: the same pids lead them
1:  addi t5, t5, -1
    li a0, 0
    li t1, 2
    bltu t5, t1, shim_return    # pid 1 or 2
    li a0, -ESRCH
    j shim_return

shim_procs:
    li t1, 0x80000000
    bltu a0, t1, shim_efault
    li t1, 3                    # t1 = records: min(max, 3)
    bgeu a1, t1, 1f
    mv t1, a1
1:  li t4, 40
    mul t4, t4, t1              # t4 = bytes to copy
    la t2, shim_procs_table
    li t5, 0
2:  beq t5, t4, 3f
    add t6, t2, t5
    lbu t6, 0(t6)
    add t3, a0, t5
    sb t6, 0(t3)
    addi t5, t5, 1
    j 2b
3:  mv a0, t1
    j shim_return

shim_write:
    addi t1, a0, -1
    li t2, 2
    bgeu t1, t2, shim_ebadf     # only fd 1 and 2
    call shim_check
    bnez t1, shim_efault
    li t3, 0                    # t3 = bytes written
1:  beq t3, a2, 2f
    add t1, a1, t3
    lbu a0, 0(t1)
    call shim_putc
    addi t3, t3, 1
    j 1b
2:  mv a0, t3
    j shim_return

shim_read:
    call shim_check
    bnez t1, shim_efault
    bnez a0, shim_read_file     # fd 0 is the console
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
shim_read_file:
    call shim_fd                # t1 = slot, t2 = file
    beqz t1, shim_ebadf
    lw t3, 4(t1)                # t3 = offset
    lw t4, 8(t2)                # t4 = size
    lw t5, 12(t2)               # t5 = data
    sub t4, t4, t3              # bytes left
    bleu t4, a2, 1f
    mv t4, a2
1:  add t5, t5, t3
    add t3, t3, t4
    sw t3, 4(t1)
    mv a0, t4
2:  beqz t4, shim_return
    lbu t6, 0(t5)
    sb t6, 0(a1)
    addi t5, t5, 1
    addi a1, a1, 1
    addi t4, t4, -1
    j 2b

shim_open:
    li t1, 0x80000000
    bltu a0, t1, shim_efault
    la t2, shim_files
1:  lw a1, 0(t2)
    beqz a1, 4f
    mv t3, a0                   # compare the path with the entry's
2:  lbu t4, 0(t3)
    lbu t5, 0(a1)
    bne t4, t5, 3f
    beqz t4, 5f
    addi t3, t3, 1
    addi a1, a1, 1
    j 2b
3:  addi t2, t2, FILE_SIZE
    j 1b
4:  li a0, -ENOENT
    j shim_return
5:  la t1, shim_fd_table        # a free slot
    li t3, 0
6:  li t4, SHIM_FDS
    bge t3, t4, 7f
    lw t4, 0(t1)
    beqz t4, 8f
    addi t1, t1, 8
    addi t3, t3, 1
    j 6b
7:  li a0, -EMFILE
    j shim_return
8:  sw t2, 0(t1)
    sw zero, 4(t1)
    addi a0, t3, 3
    j shim_return

shim_close:
    call shim_fd
    beqz t1, shim_ebadf
    sw zero, 0(t1)
    li a0, 0
    j shim_return

shim_fstat:
    li t1, 0x80000000
    bltu a1, t1, shim_efault
    li t1, 3                    # fds 0-2: the console
    bgeu a0, t1, 1f
    li t1, 3
    sw t1, 0(a1)
    sw zero, 4(a1)
    sw zero, 8(a1)
    li a0, 0
    j shim_return
1:  call shim_fd
    beqz t1, shim_ebadf
    lw t3, 4(t2)
    sw t3, 0(a1)
    lw t3, 8(t2)
    sw t3, 4(a1)
    la t3, shim_files
    sub t3, t2, t3
    srli t3, t3, 4
    addi t3, t3, 2              # inode: 2, 3, ... in table order
    sw t3, 8(a1)
    li a0, 0
    j shim_return

shim_efault:
    li a0, -EFAULT
    j shim_return
shim_ebadf:
    li a0, -EBADF

shim_return:
    csrr t0, mepc
    addi t0, t0, 4
    csrw mepc, t0
    csrr t0, mscratch
    lw ra, 0(t0)
    lw t1, 8(t0)
    lw t2, 12(t0)
    lw t3, 16(t0)
    lw t4, 20(t0)
    lw t5, 24(t0)
    lw t6, 28(t0)
    lw a1, 32(t0)
    lw a2, 36(t0)
    lw a3, 40(t0)
    lw a4, 44(t0)
    lw a5, 48(t0)
    lw a6, 52(t0)
    lw a7, 56(t0)
    lw t0, 4(t0)
    mret

# shim_check -- whether [a1, a1 + a2) lies in the first 16 MiB of RAM, where the
# program is, but not in the shim's own code, which comes first (the shim's
# stand-in for the kernel's user-pointer checks)
#  IN:  a1 = address, a2 = length
#  OUT: t1 = 0 when it does, else 1
#  clobbers t2
shim_check:
    la t2, shim_code_end
    bltu a1, t2, 1f
    li t2, 0x81000000
    bgeu a1, t2, 1f
    sub t2, t2, a1              # room left above a1
    bgtu a2, t2, 1f
    li t1, 0
    ret
1:  li t1, 1
    ret

# shim_fd -- the open-file slot of a descriptor
#  IN:  a0 = fd
#  OUT: t1 = slot {file, offset} (0 when not open), t2 = its file entry
#  clobbers t3
shim_fd:
    addi t3, a0, -3
    li t1, SHIM_FDS
    bgeu t3, t1, 1f
    la t1, shim_fd_table
    slli t3, t3, 3
    add t1, t1, t3
    lw t2, 0(t1)
    beqz t2, 1f
    ret
1:  li t1, 0
    ret

# shim_putc -- one byte to the UART
#  IN:  a0 = byte; clobbers t0, t1
shim_putc:
    li t0, UART
1:  lbu t1, UART_LSR(t0)
    andi t1, t1, LSR_THRE
    beqz t1, 1b
    sb a0, 0(t0)
    ret

# shim_puts -- a string to the UART
#  IN:  a0 = string; clobbers t0-t2, a0
shim_puts:
    mv t2, a0
    mv a6, ra
1:  lbu a0, 0(t2)
    beqz a0, 2f
    call shim_putc
    addi t2, t2, 1
    j 1b
2:  mv ra, a6
    ret

# shim_putdec -- a signed number in decimal to the UART
#  IN:  a0 = number; clobbers t0-t4, a0, a5, a6
shim_putdec:
    mv a5, ra
    mv t3, a0
    bgez t3, 1f
    li a0, '-'
    call shim_putc
    neg t3, t3
1:  la t4, shim_digits_end      # digits backwards into shim_digits
2:  li t0, 10
    remu t1, t3, t0
    divu t3, t3, t0
    addi t1, t1, '0'
    addi t4, t4, -1
    sb t1, 0(t4)
    bnez t3, 2b
3:  la t0, shim_digits_end
    beq t4, t0, 4f
    lbu a0, 0(t4)
    call shim_putc
    addi t4, t4, 1
    j 3b
4:  mv ra, a5
    ret

# shim_puthex -- a number as 8 hex digits to the UART
#  IN:  a0 = number; clobbers t0-t4, a0, a5
shim_puthex:
    mv a5, ra
    mv t3, a0
    li t4, 28
1:  srl a0, t3, t4
    andi a0, a0, 15
    li t0, 10
    blt a0, t0, 2f
    addi a0, a0, 'a' - 10 - '0'
2:  addi a0, a0, '0'
    call shim_putc
    addi t4, t4, -4
    bgez t4, 1b
    mv ra, a5
    ret

shim_code_end:

    .section .rodata
    .align 2
shim_calls:
    .word SYS_exit, shim_exit
    .word SYS_write, shim_write
    .word SYS_read, shim_read
    .word SYS_getpid, shim_getpid
    .word SYS_open, shim_open
    .word SYS_close, shim_close
    .word SYS_fstat, shim_fstat
    .word SYS_time_ms, shim_time_ms
    .word SYS_sleep, shim_sleep
    .word SYS_kill, shim_kill
    .word SYS_procs, shim_procs
    .word SYS_shutdown, shim_shutdown
    .word 0, 0
# The file system: {path, type (1 file, 2 directory), size, data}
shim_files:
    .word shim_p_root, 2, shim_root_end - shim_root, shim_root
    .word shim_p_motd, 1, shim_motd_end - shim_motd, shim_motd
    .word shim_p_bin, 2, shim_bin_end - shim_bin, shim_bin
    .word shim_p_cat, 1, 1234, shim_zeros
    .word shim_p_echo, 1, 56789, shim_zeros
    .word 0
shim_root:
    .word 1
    .ascii "."
    .space 27
    .word 1
    .ascii ".."
    .space 26
    .word 3
    .ascii "bin"
    .space 25
    .word 2
    .ascii "motd"
    .space 24
shim_root_end:
shim_bin:
    .word 3
    .ascii "."
    .space 27
    .word 1
    .ascii ".."
    .space 26
    .word 4
    .ascii "cat"
    .space 25
    .word 0                     # a free slot, which readers skip
    .space 28
    .word 5
    .ascii "echo"
    .space 24
shim_bin_end:
# procs: {pid, ppid, pgid, state, cycles (u64), name[16]}
shim_procs_table:
    .word 1, 0, 1, 2, 123456, 0
    .ascii "init"
    .space 12
    .word 2, 1, 2, 1, 0x2A05F200, 1  # 0x1_2A05F200 = 5000000000 cycles
    .ascii "sh"
    .space 14
    .word 17, 2, 17, 4, 7, 0
    .ascii "a-very-long-name"       # 16 bytes, no NUL
shim_p_root: .asciz "/"
shim_p_motd: .asciz "/motd"
shim_p_bin: .asciz "/bin"
shim_p_cat: .asciz "/bin/cat"
shim_p_echo: .asciz "/bin/echo"
shim_motd: .ascii "Welcome to ToyMachine.\nSecond line.\n"
shim_motd_end:
shim_prog: .asciz "prog"
shim_msg_trap: .asciz "\nshim: unexpected trap, mcause "
shim_msg_mepc: .asciz " mepc "
shim_msg_nl: .asciz "\n"
shim_msg_sleep: .asciz "[shim: sleep "
shim_msg_kill: .asciz "[shim: kill "
shim_msg_close: .asciz "]\n"

    .bss
    .align 4
shim_save: .space 64
shim_fd_table: .space SHIM_FDS * 8
shim_digits: .space 12
shim_digits_end:
shim_cmdline: .space 256
shim_zeros: .space 65536
    .align 4
shim_stack: .space 16384
shim_stack_top:
