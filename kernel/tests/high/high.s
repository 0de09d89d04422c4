# high.s -- a program whose one segment fills the top 64 KiB of the segment range,
# 0x7FFE_0000 .. 0x7FFE_FFFF (abi.md allows it), where the stack usually lives.
# Assembled at 0x7FFE_0000 by KernelBoot (tests/ToyMachine.Kernel.Tests) and put in
# the test image as /etc/high; t_audit spawns it.  It exits with argv[0][0] ('/',
# 47) when the stack lies below the segment, 16-byte aligned and writable, the argv
# strings are readable, and the heap starts at 0x7FFF_0000 and cannot grow (the
# trampoline's neighbourhood is not user space); else with the number of the check
# that failed.
.text
.globl _start
_start:
    li t0, 0x7FFE0000
    li a5, 1
    bgeu sp, t0, bad            # 1: the stack below the segment
    li a5, 2
    andi t1, sp, 15
    bnez t1, bad                # 2: aligned
    li t1, 0x7FFE0000 - 0x11000
    bltu sp, t1, bad            #    and right below it (the highest room)
    addi sp, sp, -16
    sw a0, 0(sp)                # writable (a fault would kill with SIGSEGV)
    lw t2, 0(sp)
    li a5, 3
    bne t2, a0, bad             # 3: argc read back
    lw t3, 0(a1)
    lbu s0, 0(t3)               # argv[0][0]
    li a5, 4
    li a0, 0
    li a7, 7
    ecall                       # sbrk(0)
    li t4, 0x7FFF0000
    bne a0, t4, bad             # 4: the heap starts after the segment
    li a5, 5
    li a0, 4096
    li a7, 7
    ecall                       # sbrk(4096)
    li t4, -12
    bne a0, t4, bad             # 5: -ENOMEM, the heap cannot pass 0x7FFF_0000
    li a5, 6
    la t0, last
    lw t1, 0(t0)
    li t2, 0x600DF00D
    bne t1, t2, bad             # 6: the segment's last word was loaded
    mv a0, s0
    li a7, 1
    ecall
bad:
    mv a0, a5
    li a7, 1
    ecall
    .org 0xFFFC                 # the segment ends at 0x7FFF_0000 ...
last:
    .word 0x600DF00D            # ... with a word the check above reads
