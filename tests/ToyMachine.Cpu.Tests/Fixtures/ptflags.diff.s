# ptflags.diff.s -- every value of a leaf PTE's low 8 bits (V R W X U G A D) against every
# kind of access (load, store, fetch) from S and U with each SUM/MXR setting: 24 accesses
# per value, the PTE rewritten (and sfence.vma) before each. Loads and stores run in M-mode
# under MPRV with MPP = S or U; fetches jump to the page in S or U, where an ecall waits.
# Twice: for a 4 KiB leaf ("pte" lines) and for a megapage leaf ("mega" lines; values
# that make the root entry a pointer are skipped: "mega xx ffffffff 00000000").
# One line per value: "pte flags faults hash", faults having bit k set when access k
# faulted (k = mode*12 + sum*6 + mxr*3 + kind; mode 0 = S, 1 = U; kind 0 load, 1 store,
# 2 fetch), hash folding the PTE as the hardware left it after each access (A/D updates).
# Golden from QEMU (ptflags.diff.qemu.out), build-diff.sh.
    .include "diff.inc"
    .equ WIN, 0x40000000

    .text
    .globl _start
_start:
    la t0, mtrap
    csrw mtvec, t0
    li t0, -1
    csrw pmpaddr0, t0
    li t0, 0x1f
    csrw pmpcfg0, t0
    # root[WIN >> 22] -> l0; root[0x200] identity megapage over the program (for S fetches
    # of nothing else: M-mode code is never translated)
    la t1, l0
    srli t1, t1, 12
    slli t1, t1, 10
    ori t1, t1, 1
    la t0, root
    li t2, (WIN >> 22) * 4
    add t0, t0, t2
    sw t1, 0(t0)
    la t0, root
    srli t0, t0, 12
    li t1, 0x80000000
    or t0, t0, t1
    csrw satp, t0
    sfence.vma
    li s2, 3                        # the handler always resumes in M
    # pass 1: a 4 KiB leaf in l0 over `page`
    la t0, page
    srli t0, t0, 12
    slli s9, t0, 10                 # s9 = the PTE's PPN field
    la s10, l0                      # s10 = the PTE's address
    li s3, WIN                      # s3 = the virtual address of `page`
    la s0, name_pte
    li gp, 0
    call pass
    # pass 2: a megapage leaf in the root over the program's 4 MiB
    li s9, (0x80000000 >> 12) << 10
    la s10, root + (WIN >> 22) * 4
    la t0, page
    li t1, 0x80000000 - WIN
    sub s3, t0, t1
    la s0, name_mega
    li gp, 1                        # in this pass, V with R = W = X = 0 is not a leaf but a
    call pass                       # pointer into the program's code: those values are skipped
    csrw satp, zero
    EXIT 0

pass:
    mv s0, s0
    sw ra, saved_ra, t0
    li s11, 0                       # flags
flags_loop:
    li s6, 0                        # fault mask
    li s7, 0x811c9dc5               # hash
    li s8, 0                        # access number k
    beqz gp, access_loop
    andi t0, s11, 0xf
    li t1, 1
    bne t0, t1, access_loop
    li s6, -1                       # skipped: printed as all ones, hash 0
    li s7, 0
    j print_line
access_loop:
    # k -> mode (k / 12), sum (k / 6 % 2), mxr (k / 3 % 2), kind (k % 3)
    or t1, s9, s11
    sw t1, 0(s10)
    sfence.vma
    li t0, (1 << 18) | (1 << 19) | (1 << 17) | 0x1800
    csrc mstatus, t0
    li t0, 6
    divu t1, s8, t0
    andi t1, t1, 1
    slli t1, t1, 18                 # SUM
    csrs mstatus, t1
    li t0, 3
    divu t1, s8, t0
    andi t1, t1, 1
    slli t1, t1, 19                 # MXR
    csrs mstatus, t1
    li t0, 12
    divu t1, s8, t0                 # 0 = S, 1 = U
    xori t1, t1, 1                  # MPP: S = 1, U = 0
    slli s5, t1, 11                 # s5 = the MPP bits for this access
    li t0, 3
    remu t1, s8, t0
    li s4, 0                        # the cause, 0 = none
    la s1, access_done
    mv t2, s3
    beqz t1, do_load
    li t0, 1
    beq t1, t0, do_store
do_fetch:
    csrw mepc, t2
    csrs mstatus, s5
    mret                            # runs the ecall on the page, or faults fetching it
do_load:
    li t0, 1 << 17
    or t0, t0, s5
    csrs mstatus, t0                # MPRV, MPP
    lw t0, 4(t2)
    j access_done
do_store:
    li t0, 1 << 17
    or t0, t0, s5
    csrs mstatus, t0
    sw t0, 8(t2)
access_done:
    li t0, (1 << 17) | 0x1800
    csrc mstatus, t0
    # an ecall from the page (8, 9) is a fetch that worked
    addi t0, s4, -8
    li t1, 1
    bleu t0, t1, 1f
    beqz s4, 1f
    li t0, 1
    sll t0, t0, s8
    or s6, s6, t0
1:  lw t0, 0(s10)
    xor s7, s7, t0
    li t0, 16777619
    mul s7, s7, t0
    addi s8, s8, 1
    li t0, 24
    blt s8, t0, access_loop
print_line:
    mv a3, s11
    mv a4, s6
    mv a5, s7
    mv a0, s0
    li a2, 3
    call report
    addi s11, s11, 1
    li t0, 256
    blt s11, t0, flags_loop
    lw ra, saved_ra
    ret

mtrap:
    csrr s4, mcause
    csrw mepc, s1
    li t0, 0x1800
    csrs mstatus, t0                # back to M
    mret

    DIFF_ROUTINES

    .balign 4096
page:
    ecall                           # what a fetch from the page runs
    .word 0x11111111, 0x22222222
    .balign 4096
    .data
    .balign 4096
root: .fill 1024, 4, 0
l0:   .fill 1024, 4, 0
saved_ra: .word 0
    .section .rodata
name_pte:  .asciz "pte"
name_mega: .asciz "mega"
