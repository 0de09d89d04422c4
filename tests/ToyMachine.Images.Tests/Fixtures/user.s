# user.s -- the smallest user program (abi.md): exit(7). The image tests store it
# under /bin; nothing runs it.
    .text
    .globl _start
_start:
    li    a0, 7
    li    a7, 1
    ecall
