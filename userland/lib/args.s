# args.s -- command-line options: getflags.
#
# The utilities take single-letter flags before their operands, grouped or not
# ("ls -l -a", "ls -la"), with "--" ending the flags and a lone "-" counting as an
# operand, as POSIX utilities do. Numbers and signal names are parsed by
# parse_int (fmt.s) and signal_number (signals.s).

    .text

    .globl getflags
# getflags -- parse the leading flag arguments of argv
#  IN:  a0 = argc, a1 = argv, a2 = the letters allowed, as a string ("la")
#  OUT: a0 = bit i set when letter i of a2 was given; a1 = index of the first
#       operand. An unknown letter gives a0 = -1 and a1 = that letter.
#  clobbers t0-t6
getflags:
    li t0, 1                    # t0 = index of the argument being looked at
    li t6, 0                    # t6 = flags so far
1:  bge t0, a0, getflags_done
    slli t1, t0, 2
    add t1, t1, a1
    lw t1, 0(t1)                # t1 = argv[t0]
    lbu t2, 0(t1)
    li t3, '-'
    bne t2, t3, getflags_done   # not a flag: the operands begin
    lbu t2, 1(t1)
    beqz t2, getflags_done      # "-" alone is an operand
    bne t2, t3, 2f
    lbu t2, 2(t1)
    bnez t2, 2f                 # "--x..." is an ordinary (unknown) flag group
    addi t0, t0, 1              # "--" ends the flags and is skipped
    j getflags_done
2:  addi t1, t1, 1              # each letter of the group
3:  lbu t2, 0(t1)
    beqz t2, 6f
    mv t4, a2                   # find it in the allowed letters
    li t5, 1
4:  lbu t3, 0(t4)
    beqz t3, getflags_unknown
    beq t3, t2, 5f
    addi t4, t4, 1
    slli t5, t5, 1
    j 4b
5:  or t6, t6, t5
    addi t1, t1, 1
    j 3b
6:  addi t0, t0, 1
    j 1b
getflags_done:
    mv a0, t6
    mv a1, t0
    ret
getflags_unknown:
    li a0, -1
    mv a1, t2
    ret
