# libtest.s -- exercises userland/lib on the bare-metal shim and prints what it got.
#
# The expected output, libtest.expected, is written by hand from the C library
# behaviour each routine imitates; the xunit test compares the two byte for byte.
# main returns 7, so the run's exit code also checks crt0's exit(main(...)).

    .text
    .globl main
# main -- one line per routine group
#  IN:  a0 = argc, a1 = argv
#  OUT: a0 = 7
main:
    addi sp, sp, -64
    sw ra, 60(sp)
    sw s0, 56(sp)
    sw s1, 52(sp)
    sw s2, 48(sp)
    mv s0, a0
    mv s1, a1

    # argc/argv as the shim built them, through crt0.
    lw a2, 0(s1)
    lw a3, 4(s1)
    lw a4, 8(s1)
    lw a5, 12(s1)
    mv a1, s0
    la a0, f_args
    call printf

    # strlen
    la a0, s_hello
    call strlen
    mv s2, a0
    la a0, s_empty
    call strlen
    mv a2, a0
    mv a1, s2
    la a0, f_strlen
    call printf

    # strcmp / strncmp: print the sign of each result.
    la a0, s_abc
    la a1, s_abd
    call strcmp
    call sign
    sw a0, 0(sp)
    la a0, s_abc
    la a1, s_abc2
    call strcmp
    call sign
    sw a0, 4(sp)
    la a0, s_abd
    la a1, s_abc
    call strcmp
    call sign
    sw a0, 8(sp)
    la a0, s_empty
    la a1, s_abc
    call strcmp
    call sign
    sw a0, 12(sp)
    la a0, s_abc
    la a1, s_abd
    li a2, 2
    call strncmp
    call sign
    sw a0, 16(sp)
    lw a1, 0(sp)
    lw a2, 4(sp)
    lw a3, 8(sp)
    lw a4, 12(sp)
    lw a5, 16(sp)
    la a0, f_strcmp
    call printf

    # strcpy, strchr
    la a0, buf
    la a1, s_hello
    call strcpy
    la a1, buf
    sub s2, a0, a1              # 0 when strcpy returned its destination
    la a0, buf
    li a1, 'l'
    call strchr
    la a1, buf
    sub a3, a0, a1              # index of the first 'l'
    la a0, buf
    li a1, 'z'
    call strchr
    mv a4, a0                   # 0: not found
    la a1, buf
    mv a2, s2
    la a0, f_strcpy
    call printf

    # memset, memcpy, memmove (overlapping), memcmp
    la a0, buf
    li a1, '-'
    li a2, 10
    call memset
    la a0, buf
    sb zero, 10(a0)
    la a1, s_hello
    li a2, 3
    call memcpy                 # "hel-------"
    la a0, buf
    addi a0, a0, 2
    la a1, buf
    li a2, 5
    call memmove                # forwards overlap: "hehel-----"
    la a0, buf
    addi a1, a0, 1
    li a2, 4
    call memmove                # backwards overlap: "ehel------"... from buf+1
    la a0, buf
    la a1, s_hello
    li a2, 0
    call memcmp
    mv s2, a0
    la a0, s_abc
    la a1, s_abd
    li a2, 3
    call memcmp
    call sign
    mv a3, a0
    mv a2, s2
    la a1, buf
    la a0, f_mem
    call printf

    # printf conversions, flags and widths
    la a0, f_conv
    li a1, -42
    li a2, 42
    li a3, 42
    li a4, -42
    li a5, -1
    li a6, 255
    li a7, 0xdead
    la t0, s_str
    sw t0, 0(sp)
    la t0, s_ab
    sw t0, 4(sp)
    sw t0, 8(sp)
    li t0, 'Z'
    sw t0, 12(sp)
    li t0, 'y'
    sw t0, 16(sp)
    call printf
    la a0, f_edge
    li a1, 0x80000000
    li a2, 0
    li a3, 0
    li a4, 0
    li a5, 0x7fffffff
    li a6, 5
    call printf
    la a0, f_many
    li a1, 1
    li a2, 2
    li a3, 3
    li a4, 4
    li a5, 5
    li a6, 6
    li a7, 7
    li t0, 8
    sw t0, 0(sp)
    li t0, 9
    sw t0, 4(sp)
    call printf
    li a0, 2
    la a1, f_stderr
    li a2, 2
    call fprintf
    la a0, f_long               # more than the 128-byte buffer in one call
    la a1, s_long
    la a2, s_long
    call printf

    # utoa in other bases, itoa
    li a0, 5
    la a1, buf
    li a2, 2
    call utoa
    mv a2, a0
    la a1, buf
    la a0, f_utoa
    call printf
    li a0, -1
    la a1, buf
    li a2, 8
    call utoa
    mv a2, a0
    la a1, buf
    la a0, f_utoa
    call printf
    li a0, -7
    la a1, buf
    call itoa
    mv a2, a0
    la a1, buf
    la a0, f_utoa
    call printf

    # parse_int
    la s2, parse_cases
1:  lw a0, 0(s2)
    beqz a0, 2f
    call parse_int
    mv a3, a1
    mv a2, a0
    lw a1, 0(s2)
    la a0, f_parse
    call printf
    addi s2, s2, 4
    j 1b
2:
    # getflags
    li a0, 4
    la a1, argv_ls
    la a2, s_flags_al
    call getflags
    mv a2, a1
    mv a1, a0
    la a0, f_getflags
    call printf
    li a0, 2
    la a1, argv_bad
    la a2, s_flags_l
    call getflags
    mv a2, a1
    mv a1, a0
    la a0, f_getflags_bad
    call printf

    # signals
    la a0, s_term
    call signal_number
    mv s2, a0
    la a0, s_sigkill
    call signal_number
    sw a0, 0(sp)
    la a0, s_nine
    call signal_number
    sw a0, 4(sp)
    la a0, s_bogus
    call signal_number
    sw a0, 8(sp)
    lw a4, 8(sp)
    lw a3, 4(sp)
    lw a2, 0(sp)
    mv a1, s2
    la a0, f_signum
    call printf
    li a0, 11
    call signal_description
    mv s2, a0
    li a0, 2
    call signal_name
    mv a2, a0
    mv a1, s2
    la a0, f_sigdesc
    call printf
    li a0, 16
    call signal_name
    mv s2, a0
    li a0, 16
    call signal_description
    mv a2, a0
    mv a1, s2
    la a0, f_sigunknown
    call printf

    # strerror and errno_name for every error of abi.md, then two odd ones
    la s2, errno_list
3:  lw a0, 0(s2)
    beqz a0, 4f
    call errno_name
    sw a0, 0(sp)
    lw a0, 0(s2)
    call strerror
    mv a3, a0
    lw a2, 0(sp)
    lw a1, 0(s2)
    la a0, f_errno
    call printf
    addi s2, s2, 4
    j 3b
4:  li a0, -2
    call strerror
    mv s2, a0
    li a0, 999
    call strerror
    mv a2, a0
    mv a1, s2
    la a0, f_errno_odd
    call printf
    la a0, s_prog
    li a1, -9
    call print_error
    la a0, s_prog
    la a1, s_path
    li a2, 2
    call print_file_error

    # puts, fputs, putchar
    la a0, s_hello
    call puts
    li a0, 1
    la a1, s_abc
    call fputs
    li a0, '!'
    call putchar
    li a0, '\n'
    call putchar

    # readline: lines of the input, with a 16-byte buffer
5:  li a0, 0
    la a1, buf
    li a2, 16
    call readline
    beqz a0, 6f
    mv a2, a0
    la a1, buf
    la a0, f_line
    call printf
    j 5b
6:  la a0, s_eof
    call puts

    # write to a descriptor the shim has not got
    li a0, 5
    la a1, s_abc
    li a2, 3
    call write
    mv a1, a0
    la a0, f_badfd
    call printf

    li a0, 7
    lw s2, 48(sp)
    lw s1, 52(sp)
    lw s0, 56(sp)
    lw ra, 60(sp)
    addi sp, sp, 64
    ret

# sign -- -1, 0 or 1 as a0 is negative, zero or positive
#  IN:  a0; OUT: a0; clobbers t0
sign:
    sgtz t0, a0
    srai a0, a0, 31
    or a0, a0, t0
    ret

    .section .rodata
f_args: .asciz "args: argc=%d argv={%s,%s,%s,%x}\n"
f_strlen: .asciz "strlen: %d %d\n"
f_strcmp: .asciz "strcmp: %d %d %d %d strncmp: %d\n"
f_strcpy: .asciz "strcpy: %s %d strchr: %d %d\n"
f_mem: .asciz "mem: %s %d %d\n"
f_conv: .asciz "conv: %d|%5d|%-5d|%05d|%u|%x|%08x|%s|%-6s|%6s|%c|%%|%q|%3c|\n"
f_edge: .asciz "edge: %d %d %x %u %d %2d|\n"
f_many: .asciz "many: %d %d %d %d %d %d %d %d %d\n"
f_stderr: .asciz "stderr: fd %d\n"
f_long: .asciz "long: %s %s\n"
f_utoa: .asciz "utoa: %s (%d)\n"
f_parse: .asciz "parse_int: '%s' = %d ok %d\n"
f_getflags: .asciz "getflags: flags %x first %d\n"
f_getflags_bad: .asciz "getflags: flags %d letter %c\n"
f_signum: .asciz "signal_number: %d %d %d %d\n"
f_sigdesc: .asciz "signal: %s %s\n"
f_sigunknown: .asciz "signal 16: %s %s\n"
f_errno: .asciz "%d %s %s\n"
f_errno_odd: .asciz "strerror: %s / %s\n"
f_line: .asciz "line: [%s] %d\n"
f_badfd: .asciz "write(5): %d\n"
s_hello: .asciz "hello"
s_empty: .asciz ""
s_abc: .asciz "abc"
s_abc2: .asciz "abc"
s_abd: .asciz "abd"
s_str: .asciz "str"
s_ab: .asciz "ab"
s_eof: .asciz "eof"
s_prog: .asciz "libtest"
s_path: .asciz "/x"
s_flags_al: .asciz "al"
s_flags_l: .asciz "l"
s_dash_la: .asciz "-la"
s_dashdash: .asciz "--"
s_dash_x: .asciz "-x"
s_ls: .asciz "ls"
s_dash_q: .asciz "-q"
s_term: .asciz "TERM"
s_sigkill: .asciz "SIGKILL"
s_nine: .asciz "9"
s_bogus: .asciz "BOGUS"
p_1: .asciz "123"
p_2: .asciz "-0x1F"
p_3: .asciz "12a"
p_4: .asciz ""
p_5: .asciz "-"
p_6: .asciz "0"
s_long:
    .ascii "0123456789abcdefghijklmnopqrstuvwxyz0123456789abcdefghijklmnopqrstuvwxyz"
    .asciz "ABCDEFGHIJ"
    .align 2
parse_cases: .word p_1, p_2, p_3, p_4, p_5, p_6, 0
argv_ls: .word s_ls, s_dash_la, s_dashdash, s_dash_x, 0
argv_bad: .word s_ls, s_dash_q, 0
errno_list:
    .word 1, 2, 3, 4, 5, 7, 8, 9, 10, 11, 12, 13, 14, 16, 17, 20, 21, 22, 23, 24
    .word 28, 29, 32, 36, 38, 42, 43, 98, 106, 107, 110, 111, 0

    .bss
buf: .space 64
