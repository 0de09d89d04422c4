# t_console.s -- guest test: the console line discipline.  Run with the input of
# console-input.txt: "hello\n" "ab<DEL>c\n" "xyz^Uqq\n" "^D" "par^D" "tial\n" "abcdef\n"
.include "tmacros.inc"

# READ n -- read(0, sp, n); a0 = result
.macro READ n
    li a0, 0
    mv a1, sp
    li a2, \n
    SYS SYS_read
.endm

.text
.globl main
main:
    addi sp, sp, -128
    sw ra, 124(sp)
    READ 100
    EXPECT 6, "a read returns one line (hello)"
    lbu a0, 5(sp)
    EXPECT 10, "ending in a newline"
    li a0, 0
    li a1, 0
    li a2, 10
    SYS SYS_read
    EXPECT -EFAULT, "a console read into NULL gives EFAULT"
    READ 100
    EXPECT 3, "backspace erased a byte (ac)"
    lbu a0, 1(sp)
    EXPECT 99, "the second byte is c"
    READ 100
    EXPECT 3, "^U erased the line (qq)"
    lbu a0, 0(sp)
    EXPECT 113, "the line is qq"
    READ 100
    EXPECT 0, "^D at the start of a line is end of file"
    READ 100
    EXPECT 3, "^D after text ends the read without a newline (par)"
    READ 100
    EXPECT 5, "the next read gets the rest (tial)"
    READ 2
    EXPECT 2, "a short read takes part of a line"
    READ 100
    EXPECT 5, "and the next one the rest"
    lbu a0, 0(sp)
    EXPECT 99, "starting where the last stopped (c)"
    li a0, 1
    la a1, msg
    li a2, 6
    SYS SYS_write
    EXPECT 6, "write to the console returns the count"
    li a0, 2
    la a1, msg
    li a2, 6
    SYS SYS_write
    EXPECT 6, "descriptor 2 is the console too"
    call t_done
    lw ra, 124(sp)
    addi sp, sp, 128
    ret
.section .rodata
msg: .asciz "wrote\n"
