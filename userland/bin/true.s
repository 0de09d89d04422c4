# true.s -- do nothing, successfully: exit status 0.

    .text
    .globl main
# main -- IN: a0 = argc, a1 = argv (ignored); OUT: a0 = 0
main:
    li a0, 0
    ret
