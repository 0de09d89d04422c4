# ls.s -- list directories: `ls [-l] [-a] [PATH...]`.
#
# There is no current directory in the ABI, so no PATH means "/". A directory is
# read as abi.md's 32-byte records {u32 inode; char name[28]} (the name NUL-padded,
# not terminated when it is 28 bytes long); records with inode 0 are free slots
# and skipped, and names starting with '.' are shown only with -a. A PATH that is
# not a directory is listed as itself. -l adds the type and the size:
#     d        64 bin
#     -      1234 motd
# with the type letters - file, d directory, c console, s socket, p pipe,
# m shared memory, f fifo (fstat's types), each entry opened and fstat'ed.

    .include "syscalls.inc"
    .include "errno.inc"
    .include "abi.inc"

    .equ LS_LONG, 1             # getflags bit of 'l'
    .equ LS_ALL, 2              # getflags bit of 'a'
    .equ LS_PATH, 256           # longest path ls builds (dir + "/" + name)

    .text
    .globl main
# main -- ls [-la] [PATH...]
#  IN:  a0 = argc, a1 = argv
#  OUT: a0 = 0, or 1 when some PATH failed, 2 for an unknown flag
main:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    sw s3, 12(sp)
    slli s0, a0, 2
    add s0, s0, a1              # s0 = &argv[argc]
    mv s1, a1
    la a2, ls_letters
    call getflags
    bltz a0, ls_bad_flag
    la t0, ls_flags
    sw a0, 0(t0)
    slli a1, a1, 2
    add s1, s1, a1              # s1 = first operand
    li s2, 0                    # s2 = exit status
    sub s3, s0, s1              # s3 = 4 * number of operands
    bnez s3, 4f
    la a0, ls_root
    call ls_path
    mv s2, a0
    j 3f
4:  li t0, 4
    beq s3, t0, 1f              # one operand: no "PATH:" heading
    la t0, ls_headings
    li t1, 1
    sw t1, 0(t0)
1:  bgeu s1, s0, 3f
    lw a0, 0(s1)
    call ls_path
    or s2, s2, a0
    addi s1, s1, 4
    j 1b
3:  mv a0, s2
ls_return:
    lw s3, 12(sp)
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret
ls_bad_flag:
    mv a2, a1
    li a0, 2
    la a1, ls_bad_flag_format
    call fprintf
    li a0, 2
    j ls_return

# ls_path -- list one operand
#  IN:  a0 = path
#  OUT: a0 = 0, or 1 after printing why it failed
#  clobbers t0-t6, a0-a7; preserves s-registers
#  Frame: stat at sp+0..11, directory record at sp+16..47, saved registers above.
ls_path:
    addi sp, sp, -80
    sw ra, 76(sp)
    sw s0, 72(sp)
    sw s1, 68(sp)
    sw s2, 64(sp)
    mv s0, a0                   # s0 = path
    li a1, O_RDONLY
    call open
    bltz a0, ls_path_fail
    mv s1, a0                   # s1 = fd
    mv a1, sp
    call fstat
    bltz a0, ls_path_fail_close
    lw t0, STAT_TYPE(sp)
    li t1, S_DIR
    beq t0, t1, ls_dir_head
    # Not a directory: one line about the path itself.
    mv a0, s1
    call close
    mv a0, s0
    mv a1, sp
    call ls_line
    li a0, 0
    j ls_path_return
ls_dir_head:
    la t0, ls_headings          # a directory among several operands: "PATH:" first
    lw t0, 0(t0)
    beqz t0, ls_dir
    li a0, 1
    la a1, ls_heading
    mv a2, s0
    call fprintf
ls_dir:
    mv a0, s1
    addi a1, sp, 16
    li a2, DIRENT_SIZE
    call read
    beqz a0, ls_dir_end
    bltz a0, ls_path_fail_close
    li t0, DIRENT_SIZE
    bne a0, t0, ls_dir_end      # a short record cannot happen; stop rather than guess
    lw t0, 16 + DIRENT_INODE(sp)
    beqz t0, ls_dir             # a free slot
    sb zero, 48(sp)             # terminate a 28-byte name (sp+48 is past the record)
    lbu t0, 16 + DIRENT_NAME(sp)
    beqz t0, ls_dir
    li t1, '.'
    bne t0, t1, 1f
    la t1, ls_flags
    lw t1, 0(t1)
    andi t1, t1, LS_ALL
    beqz t1, ls_dir
1:  la t1, ls_flags
    lw t1, 0(t1)
    andi t1, t1, LS_LONG
    bnez t1, 2f
    li a0, 1                    # short form: the name
    addi a1, sp, 16 + DIRENT_NAME
    call fputs
    li a0, '\n'
    call putchar
    j ls_dir
2:  mv a0, s0                   # long form: stat DIR/NAME
    addi a1, sp, 16 + DIRENT_NAME
    call ls_entry
    j ls_dir
ls_dir_end:
    mv a0, s1
    call close
    li a0, 0
    j ls_path_return
ls_path_fail_close:
    mv s2, a0
    mv a0, s1
    call close
    mv a0, s2
ls_path_fail:
    mv a2, a0
    mv a1, s0
    la a0, ls_name
    call print_file_error
    li a0, 1
ls_path_return:
    lw s2, 64(sp)
    lw s1, 68(sp)
    lw s0, 72(sp)
    lw ra, 76(sp)
    addi sp, sp, 80
    ret

# ls_entry -- the long line of one directory entry
#  IN:  a0 = directory path, a1 = entry name
#  OUT: nothing (an entry that cannot be opened is shown with type '?')
#  clobbers t0-t6, a0-a7; preserves s-registers
ls_entry:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    mv s0, a1                   # s0 = name
    mv s1, a0
    call strlen
    li t0, LS_PATH - DIRENT_NAME_SIZE - 2
    bgtu a0, t0, 2f             # DIR/NAME would not fit: show the type as unknown
    mv a1, s1
    la a0, ls_pathbuf
    call strcpy
    la a0, ls_pathbuf
    call strlen
    la t0, ls_pathbuf
    add t0, t0, a0              # t0 = end of the directory part
    lbu t1, -1(t0)
    li t2, '/'
    beq t1, t2, 1f              # "/" already ends in a slash
    sb t2, 0(t0)
    addi t0, t0, 1
1:  mv a0, t0
    mv a1, s0
    call strcpy
    la a0, ls_pathbuf
    li a1, O_RDONLY
    call open
    bltz a0, 2f
    mv s1, a0
    mv a1, sp
    call fstat
    mv t0, a0
    mv a0, s1
    sw t0, 16(sp)
    call close
    lw t0, 16(sp)
    bltz t0, 2f
    mv a0, s0
    mv a1, sp
    call ls_line
    j 3f
2:  li t0, -1                   # type unknown
    sw t0, STAT_TYPE(sp)
    sw zero, STAT_SIZE(sp)
    mv a0, s0
    mv a1, sp
    call ls_line
3:  lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# ls_line -- print a name, in the long form with its type and size
#  IN:  a0 = name, a1 = its stat record
#  clobbers t0-t6, a0-a7
ls_line:
    la t0, ls_flags
    lw t0, 0(t0)
    andi t0, t0, LS_LONG
    bnez t0, 1f
    mv a1, a0
    li a0, 1
    addi sp, sp, -16
    sw ra, 12(sp)
    call fputs
    li a0, '\n'
    call putchar
    lw ra, 12(sp)
    addi sp, sp, 16
    ret
1:  mv a3, a0                   # printf("%c %9u %s\n", type, size, name)
    lw a2, STAT_SIZE(a1)
    lw t0, STAT_TYPE(a1)
    li t1, '?'
    li t2, S_FIFO
    bgtu t0, t2, 2f             # types beyond abi.md (and -1): '?'
    la t1, ls_types
    add t1, t1, t0
    lbu t1, 0(t1)
2:  mv a1, t1
    la a0, ls_long_format
    tail printf

    .section .rodata
ls_letters: .asciz "la"
ls_root: .asciz "/"
ls_heading: .asciz "%s:\n"
ls_types: .ascii "?-dcspmf"     # indexed by fstat's type
ls_long_format: .asciz "%c %9u %s\n"
ls_name: .asciz "ls"
ls_bad_flag_format: .asciz "ls: unknown option -%c\nusage: ls [-la] [PATH...]\n"

    .data
    .align 2
ls_flags: .word 0
ls_headings: .word 0             # 1: several operands, head each directory

    .bss
ls_pathbuf: .space LS_PATH + 32
