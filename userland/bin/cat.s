# cat.s -- copy files (or standard input) to standard output.
#
# `cat [FILE...]`; no FILE, or "-", means standard input. A file that cannot be
# opened or read is reported as "cat: NAME: reason" and the others are still
# copied; the exit status is then 1. Directories are refused ("Is a directory").

    .include "syscalls.inc"
    .include "errno.inc"
    .include "abi.inc"

    .equ CAT_BUF, 4096

    .text
    .globl main
# main -- cat [FILE...]
#  IN:  a0 = argc, a1 = argv
#  OUT: a0 = 0, or 1 when some file failed
main:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    sw s3, 12(sp)
    slli s0, a0, 2
    add s0, s0, a1              # s0 = &argv[argc]
    addi s1, a1, 4              # s1 = next argument
    li s2, 0                    # s2 = exit status
    bltu s1, s0, 1f
    la a0, cat_dash             # no arguments: standard input
    call cat_one
    or s2, s2, a0
    j 2f
1:  bgeu s1, s0, 2f
    lw a0, 0(s1)
    call cat_one
    or s2, s2, a0
    addi s1, s1, 4
    j 1b
2:  mv a0, s2
    lw s3, 12(sp)
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# cat_one -- copy one file to fd 1
#  IN:  a0 = name ("-" = standard input)
#  OUT: a0 = 0, or 1 after printing why the file failed
#  clobbers t0-t6, a1-a7; preserves s-registers
cat_one:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    mv s0, a0                   # s0 = name
    li s1, 0                    # s1 = fd
    la a1, cat_dash
    call strcmp
    beqz a0, cat_copy
    mv a0, s0
    li a1, O_RDONLY
    call open
    bltz a0, cat_fail
    mv s1, a0
    addi a1, sp, 0              # st at sp+0..11
    call fstat
    bltz a0, cat_fail_close
    lw t0, STAT_TYPE(sp)
    li t1, S_DIR
    li a0, -EISDIR
    beq t0, t1, cat_fail_close
cat_copy:
    mv a0, s1
    la a1, cat_buf
    li a2, CAT_BUF
    call read
    beqz a0, cat_done
    bltz a0, cat_fail_close
    mv a2, a0
    li a0, 1
    la a1, cat_buf
    call write_all
    bltz a0, cat_fail_close
    j cat_copy
cat_done:
    beqz s1, 1f
    mv a0, s1
    call close
1:  li a0, 0
    j cat_return
cat_fail_close:
    sw a0, 12(sp)
    beqz s1, 1f
    mv a0, s1
    call close
1:  lw a0, 12(sp)
cat_fail:
    mv a2, a0
    mv a1, s0
    la a0, cat_name
    call print_file_error
    li a0, 1
cat_return:
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

    .section .rodata
cat_dash: .asciz "-"
cat_name: .asciz "cat"

    .bss
cat_buf: .space CAT_BUF
