# console.s -- the UART console: output, receive interrupts and the line discipline.
#
# Output is synchronous: kputc waits for LSR.THRE before every byte, so no byte is
# ever dropped (the emulated UART is always ready, a real one would make us wait).
#
# Input arrives by the UART receive interrupt (PLIC source 10) and goes through a
# line discipline into cons_buf, a ring of CONS_BUF bytes with three indexes, as in
# xv6: cons_r (next byte read() returns) <= cons_w (end of the committed lines) <=
# cons_e (end of the line being edited).  Invariants: cons_e - cons_r <= CONS_BUF;
# read() only sees bytes below cons_w; the bytes from cons_w to cons_e are the line
# being edited, which backspace and ^U may take back.  Everything runs with
# interrupts masked, so the indexes need no other lock.
#
# When the ring is full the UART's receive interrupt is switched off and the byte
# stays in the UART until read() makes room: input waits, it is never dropped.
#
# Line discipline: bytes are echoed; CR becomes LF; backspace (8 or 127) erases one
# byte of the current line, ^U all of it; LF or ^D commits the line; ^D at the start
# of a line makes read() return 0 (end of file), after text it ends the read there.  ^C, ^Z and ^\ are not stored: they
# echo as "^C" etc. and send SIGINT, SIGTSTP and SIGQUIT to the foreground process
# group (cons_fg_pgrp, set by tcsetpgrp), discarding the line being edited.

.include "kernel.inc"
.include "errno.inc"
.include "signal.inc"

.equ CONS_BUF, 256

.text

# console_init -- enable the UART receive interrupt
#  IN:  nothing
#  OUT: nothing
#  clobbers t0-t1
.globl console_init
console_init:
    li t0, KV_UART
    li t1, 1                    # IER.ERBFI
    sb t1, UART_IER(t0)
    ret

# kputc -- write one byte to the console, waiting until the UART takes it
#  IN:  a0 = byte
#  OUT: nothing
#  clobbers t0-t1
.globl kputc
kputc:
    li t0, KV_UART
1:  lbu t1, UART_LSR(t0)
    andi t1, t1, UART_LSR_THRE
    beqz t1, 1b
    sb a0, UART_THR(t0)
    ret

# kputs -- write a NUL-terminated string
#  IN:  a0 = string
#  OUT: nothing
#  clobbers a0, t0-t2
.globl kputs
kputs:
    mv t2, a0
    li t0, KV_UART
1:  lbu a0, 0(t2)
    beqz a0, 3f
2:  lbu t1, UART_LSR(t0)
    andi t1, t1, UART_LSR_THRE
    beqz t1, 2b
    sb a0, UART_THR(t0)
    addi t2, t2, 1
    j 1b
3:  ret

# kputdec -- write an unsigned number in decimal
#  IN:  a0 = number
#  OUT: nothing
#  clobbers a0, t0-t3
.globl kputdec
kputdec:
    addi sp, sp, -32
    sw ra, 28(sp)
    addi t2, sp, 20             # digits are written backwards from sp+20
    sb zero, 0(t2)
    li t3, 10
1:  remu t0, a0, t3
    divu a0, a0, t3
    addi t0, t0, '0'
    addi t2, t2, -1
    sb t0, 0(t2)
    bnez a0, 1b
    mv a0, t2
    call kputs
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# kputhex -- write a word as 0x followed by 8 hex digits
#  IN:  a0 = word
#  OUT: nothing
#  clobbers a0-a1, t0-t3
.globl kputhex
kputhex:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    sw s1, 4(sp)
    mv s0, a0
    li a0, '0'
    call kputc
    li a0, 'x'
    call kputc
    li s1, 28
1:  srl a0, s0, s1
    andi a0, a0, 15
    li t0, 10
    blt a0, t0, 2f
    addi a0, a0, 'a' - 10 - '0'
2:  addi a0, a0, '0'
    call kputc
    addi s1, s1, -4
    bgez s1, 1b
    lw s1, 4(sp)
    lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# console_intr -- the UART interrupt: feed every received byte to the line discipline
#  IN:  nothing
#  OUT: nothing
#  clobbers a0-a7, t0-t6
.globl console_intr
console_intr:
    addi sp, sp, -16
    sw ra, 12(sp)
1:  li t0, KV_UART
    lbu t1, UART_LSR(t0)
    andi t1, t1, UART_LSR_DR
    beqz t1, 2f
    # No room: leave the byte in the UART and stop its interrupt until read()
    # makes room (console_read turns it back on), so typed-ahead input waits
    # instead of being lost.
    la t2, cons_r
    lw t2, 0(t2)
    la t3, cons_e
    lw t3, 0(t3)
    sub t2, t3, t2
    li t3, CONS_BUF
    bgeu t2, t3, 3f
    lbu a0, UART_RBR(t0)
    call cons_input
    j 1b
3:  sb zero, UART_IER(t0)
    la t0, cons_rx_off
    li t1, 1
    sw t1, 0(t0)
2:  lw ra, 12(sp)
    addi sp, sp, 16
    ret

# cons_input -- the line discipline for one received byte
#  IN:  a0 = byte
#  OUT: nothing
#  clobbers a0-a7, t0-t6
cons_input:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    mv s0, a0
    li t0, 3                    # ^C
    li a1, SIGINT
    li a2, 'C'
    beq s0, t0, cons_signal
    li t0, 26                   # ^Z
    li a1, SIGTSTP
    li a2, 'Z'
    beq s0, t0, cons_signal
    li t0, 28                   # ^backslash
    li a1, SIGQUIT
    li a2, 92
    beq s0, t0, cons_signal
    li t0, 21                   # ^U
    beq s0, t0, cons_kill_line
    li t0, 8
    beq s0, t0, cons_backspace
    li t0, 127
    beq s0, t0, cons_backspace
    li t0, 13
    bne s0, t0, 1f
    li s0, 10
1:  # Store the byte (console_intr made sure there is room).
    la t0, cons_r
    lw t1, 0(t0)
    la t0, cons_e
    lw t2, 0(t0)
    sub t3, t2, t1
    li t4, CONS_BUF
    bgeu t3, t4, cons_done
    la t3, cons_buf
    andi t4, t2, CONS_BUF - 1
    add t3, t3, t4
    sb s0, 0(t3)
    addi t2, t2, 1
    sw t2, 0(t0)
    li t0, 4
    beq s0, t0, cons_commit     # ^D is stored but not echoed
    mv a0, s0
    call kputc
    li t0, 10
    beq s0, t0, cons_commit
    # A full buffer commits too, so that a reader can make room.
    la t0, cons_r
    lw t1, 0(t0)
    la t0, cons_e
    lw t2, 0(t0)
    sub t3, t2, t1
    li t4, CONS_BUF
    bltu t3, t4, cons_done
cons_commit:
    la t0, cons_e
    lw t1, 0(t0)
    la t0, cons_w
    sw t1, 0(t0)
    la a0, cons_r
    call wakeup
    j cons_done
cons_backspace:
    la t0, cons_e
    lw t1, 0(t0)
    la t2, cons_w
    lw t2, 0(t2)
    beq t1, t2, cons_done
    addi t1, t1, -1
    sw t1, 0(t0)
    la a0, erase_seq
    call kputs
    j cons_done
cons_kill_line:
    la t0, cons_e
    lw t1, 0(t0)
    la t2, cons_w
    lw t2, 0(t2)
    beq t1, t2, cons_done
    addi t1, t1, -1
    sw t1, 0(t0)
    la a0, erase_seq
    call kputs
    j cons_kill_line
cons_signal:
    # a1 = signal, a2 = the letter to echo after '^'
    sw a1, 4(sp)
    sw a2, 0(sp)
    li a0, '^'
    call kputc
    lw a0, 0(sp)
    call kputc
    li a0, 10
    call kputc
    la t0, cons_w               # the line being edited is discarded
    lw t1, 0(t0)
    la t0, cons_e
    sw t1, 0(t0)
    la t0, cons_fg_pgrp
    lw a0, 0(t0)
    lw a1, 4(sp)
    call signal_group
cons_done:
    lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# console_read -- read(fd, buf, n) on the console: at most one line
#  IN:  a0 = user buffer, a1 = n (the range is checked by the caller)
#  OUT: a0 = bytes read, 0 at end of file, -EINTR when a signal arrived first
#  clobbers a0-a7, t0-t6
.globl console_read
console_read:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    mv s0, a0                   # user pointer
    mv s1, a1                   # bytes still wanted
    li s2, 0                    # bytes read
    beqz s1, cr_out
cr_wait:
    la t0, cons_r
    lw t1, 0(t0)
    la t2, cons_w
    lw t2, 0(t2)
    bne t1, t2, cr_byte
    bnez s2, cr_out
    call signal_interrupts      # a0 = 1 if a signal should end the wait
    bnez a0, cr_intr
    la a0, cons_r
    call sleep
    j cr_wait
cr_byte:
    la t3, cons_buf
    andi t4, t1, CONS_BUF - 1
    add t3, t3, t4
    lbu t4, 0(t3)
    li t5, 4
    bne t4, t5, 1f
    # ^D is taken and ends the read: 0 (end of file) at the start of a line, else
    # the bytes before it, as a terminal in canonical mode does.
    addi t1, t1, 1
    sw t1, 0(t0)
    j cr_out
1:  addi t1, t1, 1
    sw t1, 0(t0)
    sb t4, 12(sp)
    la t0, cons_rx_off          # room again: let the UART deliver
    lw t1, 0(t0)
    beqz t1, 2f
    sw zero, 0(t0)
    li t0, KV_UART
    li t1, 1
    sb t1, UART_IER(t0)
2:
    mv a0, s0
    addi a1, sp, 12
    li a2, 1
    call copyout
    bnez a0, cr_fault
    lbu t4, 12(sp)
    addi s0, s0, 1
    addi s2, s2, 1
    addi s1, s1, -1
    li t5, 10
    beq t4, t5, cr_out
    bnez s1, cr_wait
cr_out:
    mv a0, s2
    j cr_ret
cr_intr:
    li a0, -EINTR
    j cr_ret
cr_fault:
    li a0, -EFAULT
cr_ret:
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# console_write -- write(fd, buf, n) on the console
#  IN:  a0 = user buffer, a1 = n (the range is checked by the caller)
#  OUT: a0 = n, or -EFAULT
#  clobbers a0-a7, t0-t6
.globl console_write
console_write:
    addi sp, sp, -160
    sw ra, 156(sp)
    sw s0, 152(sp)
    sw s1, 148(sp)
    sw s2, 144(sp)
    mv s0, a0
    mv s1, a1
    mv s2, a1
1:  beqz s1, 4f
    li a2, 128
    bleu a2, s1, 2f
    mv a2, s1
2:  sw a2, 140(sp)
    mv a0, sp
    mv a1, s0
    call copyin
    bnez a0, 5f
    lw t3, 140(sp)
    add s0, s0, t3
    sub s1, s1, t3
    mv t2, sp
    add t3, sp, t3
    li t0, KV_UART
3:  beq t2, t3, 1b
    lbu a0, 0(t2)
6:  lbu t1, UART_LSR(t0)
    andi t1, t1, UART_LSR_THRE
    beqz t1, 6b
    sb a0, UART_THR(t0)
    addi t2, t2, 1
    j 3b
4:  mv a0, s2
    j 7f
5:  li a0, -EFAULT
7:  lw s2, 144(sp)
    lw s1, 148(sp)
    lw s0, 152(sp)
    lw ra, 156(sp)
    addi sp, sp, 160
    ret

.section .rodata
erase_seq:  .asciz "\b \b"

.section .data
.balign 4
.globl cons_fg_pgrp
cons_fg_pgrp: .word 1

.section .bss
.balign 4
cons_r:     .space 4
cons_w:     .space 4
cons_e:     .space 4
cons_rx_off: .space 4
cons_buf:   .space CONS_BUF
