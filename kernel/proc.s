# proc.s -- the TCB table; process creation, fork, exec, spawn, exit and waitpid.
#
# tcb_table holds NPROC TCBs (layout in kernel.inc); TCB i always owns kernel stack
# i (kstacks + i * KSTACK_SIZE, KSTACK_SIZE bytes, the top in TCB_KSTACK).  pid 1
# is initproc: it is created from init_path (init= on the command line), orphans are
# re-parented to it, and when it exits the machine powers off with its exit code
# (128 + signal when a signal killed it).
#
# Invariants: a TCB is UNUSED, EMBRYO (being built, invisible to everyone else),
# or in use with a valid TCB_PGTABLE until it turns ZOMBIE (exit frees the address
# space, the parent's waitpid frees the TCB).  TCB_PARENT of a live process always
# points at a live process or a zombie-to-be (exit re-parents its children first).
# A parent waiting in waitpid sleeps on its own TCB address; exit and stop wake it.
#
# exec builds the whole new image (and copies argv out of the old one into a kernel
# page, kernel.inc XA_*) before it touches the old one, so a failing exec returns an
# error to an intact process.

.include "kernel.inc"
.include "errno.inc"
.include "signal.inc"

.text

# proc_init -- give every TCB its kernel stack
#  IN:  nothing
#  OUT: nothing
#  clobbers t0-t3
.globl proc_init
proc_init:
    la t0, tcb_table
    la t1, kstack_area
    lw t1, 0(t1)
    li t2, NPROC
1:  li t3, KSTACK_SIZE
    add t1, t1, t3
    sw t1, TCB_KSTACK(t0)
    addi t0, t0, TCB_SIZE
    addi t2, t2, -1
    bnez t2, 1b
    ret

# proc_alloc -- take an unused TCB, clear it and give it the next pid
#  IN:  nothing
#  OUT: a0 = TCB in state EMBRYO with ctx = (user_resume, top of its kernel stack),
#       or 0 when the table is full
#  clobbers a1-a2, t0-t3
.globl proc_alloc
proc_alloc:
    la t0, tcb_table
    li t1, NPROC * TCB_SIZE
    add t1, t1, t0
1:  lw t2, TCB_STATE(t0)
    beqz t2, 2f
    addi t0, t0, TCB_SIZE
    bne t0, t1, 1b
    li a0, 0
    ret
2:  addi sp, sp, -16
    sw ra, 12(sp)
    sw t0, 8(sp)
    lw t3, TCB_KSTACK(t0)
    sw t3, 4(sp)
    mv a0, t0
    li a1, 0
    li a2, TCB_SIZE
    call memset
    lw a0, 8(sp)
    lw t3, 4(sp)
    sw t3, TCB_KSTACK(a0)
    sw t3, TCB_CTX + CTX_SP(a0)
    la t0, user_resume
    sw t0, TCB_CTX + CTX_RA(a0)
    li t0, P_EMBRYO
    sw t0, TCB_STATE(a0)
    la t0, next_pid
    lw t1, 0(t0)
    sw t1, TCB_PID(a0)
    addi t1, t1, 1
    sw t1, 0(t0)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# start_init_process -- create pid 1 and run it
#  IN:  nothing
#  OUT: does not return
.globl start_init_process
start_init_process:
    call proc_alloc
    mv s0, a0
    la t0, initproc
    sw s0, 0(t0)
    call uvm_create
    beqz a0, 1f
    sw a0, TCB_PGTABLE(s0)
    srli a0, a0, PGSHIFT
    li t0, SATP_SV32
    or a0, a0, t0
    sw a0, TCB_SATP(s0)
    li t0, 1
    sw t0, TCB_PGID(s0)
    la t0, init_start
    sw t0, TCB_CTX + CTX_RA(s0)
    li t0, P_RUNNABLE
    sw t0, TCB_STATE(s0)
    mv a0, s0
    call sched_start
1:  li a0, 1
    call power_off

# init_start -- pid 1's first kernel code: mount, descriptors 0-2, exec init_path
#  IN:  curproc = pid 1
#  OUT: does not return
init_start:
    la t0, curproc
    lw tp, 0(t0)
    # The first return to U-mode: SPP = 0 (user), SPIE = 1 (interrupts on there).
    # Later traps all come from U-mode and leave these bits so (trap.s).
    li t0, SSTATUS_SPP
    csrc sstatus, t0
    li t0, SSTATUS_SPIE
    csrs sstatus, t0
    call fs_init
    la a0, console_file
    sw a0, TCB_FDS + 0(tp)
    sw a0, TCB_FDS + 4(tp)
    sw a0, TCB_FDS + 8(tp)
    lw t0, FILE_REF(a0)
    addi t0, t0, 3
    sw t0, FILE_REF(a0)
    # argv = { init_path, NULL }
    call kalloc
    beqz a0, 2f
    mv s0, a0
    addi a0, s0, XA_PATH
    la a1, init_path
    li a2, PATH_MAX
    call memcpy
    addi a0, s0, XA_STRINGS
    la a1, init_path
    li a2, PATH_MAX
    call memcpy
    la a0, init_path
    call strlen
    addi a0, a0, 1
    sw a0, XA_STRBYTES(s0)
    li t0, 1
    sw t0, XA_ARGC(s0)
    sw zero, XA_OFFSETS(s0)
    mv a0, s0
    call exec_commit
    bltz a0, 1f
    sw a0, 40(tp)               # a0 = argc
    j user_return
1:  mv s1, a0
    la a0, noinit_msg
    call kputs
    la a0, init_path
    call kputs
    la a0, noinit_msg2
    call kputs
    neg a0, s1
    call kputdec
    li a0, 10
    call kputc
2:  li a0, 1
    call power_off

# sys_fork -- fork(): copy the caller
#  IN:  tp = parent
#  OUT: a0 = child pid, -EAGAIN (no TCB) or -ENOMEM
#  clobbers a1-a7, t0-t6
.globl sys_fork
sys_fork:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    sw s1, 4(sp)
    call proc_alloc
    beqz a0, fork_eagain
    mv s0, a0
    call uvm_create
    beqz a0, fork_enomem_tcb
    mv s1, a0
    sw s1, TCB_PGTABLE(s0)
    lw a0, TCB_PGTABLE(tp)
    mv a1, s1
    call uvm_copy
    bnez a0, fork_enomem_vm
    srli t0, s1, PGSHIFT
    li t1, SATP_SV32
    or t0, t0, t1
    sw t0, TCB_SATP(s0)
    # Registers, then the fields the child inherits.
    mv a0, s0
    mv a1, tp
    li a2, 128
    call memcpy
    sw zero, 40(s0)             # the child's a0 = 0
    lw t0, TCB_HEAP(tp)
    sw t0, TCB_HEAP(s0)
    lw t0, TCB_BRK(tp)
    sw t0, TCB_BRK(s0)
    lw t0, TCB_PGID(tp)
    sw t0, TCB_PGID(s0)
    lw t0, TCB_SIGMASK(tp)
    sw t0, TCB_SIGMASK(s0)
    addi a0, s0, TCB_NAME
    addi a1, tp, TCB_NAME
    li a2, 16
    call memcpy
    addi a0, s0, TCB_SIGACT
    addi a1, tp, TCB_SIGACT
    li a2, NSIG * 12
    call memcpy
    mv a0, s0
    mv a1, tp
    call fds_inherit
    sw tp, TCB_PARENT(s0)
    RUNQ_PUSH s0, t0, t1
    lw a0, TCB_PID(s0)
    j fork_out
fork_enomem_vm:
    mv a0, s1
    call uvm_free
fork_enomem_tcb:
    sw zero, TCB_STATE(s0)
    li a0, -ENOMEM
    j fork_out
fork_eagain:
    li a0, -EAGAIN
fork_out:
    lw s1, 4(sp)
    lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# fds_inherit -- copy every descriptor of one process into another (fork, spawn)
#  IN:  a0 = new TCB, a1 = old TCB
#  OUT: nothing
#  clobbers t0-t3
fds_inherit:
    li t0, 0
1:  slli t1, t0, 2
    add t2, a1, t1
    lw t2, TCB_FDS(t2)
    add t3, a0, t1
    sw t2, TCB_FDS(t3)
    beqz t2, 2f
    lw t3, FILE_REF(t2)
    addi t3, t3, 1
    sw t3, FILE_REF(t2)
2:  addi t0, t0, 1
    li t1, NOFILE
    bne t0, t1, 1b
    ret

# exec_args -- copy exec's path and argv from the caller into a new kernel page
#  IN:  a0 = user path, a1 = user argv (NULL-terminated array of string pointers)
#  OUT: a0 = the page (kernel.inc XA_*), or -EFAULT, -ENAMETOOLONG, -E2BIG, -ENOMEM
#  clobbers a1-a7, t0-t6
exec_args:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    sw s3, 12(sp)
    sw s4, 8(sp)
    mv s1, a0
    mv s2, a1
    call kalloc
    beqz a0, 8f
    mv s0, a0
    addi a0, s0, XA_PATH
    mv a1, s1
    li a2, PATH_MAX
    call copyinstr
    bltz a0, 7f
    li s3, 0                    # argc
    li s4, 0                    # string bytes used
    li a0, -EFAULT
    beqz s2, 7f
1:  addi a0, sp, 4
    slli t0, s3, 2
    add a1, s2, t0
    li a2, 4
    call copyin
    bnez a0, 7f
    lw t0, 4(sp)
    beqz t0, 3f
    li t1, XA_MAXARGS - 1
    li a0, -E2BIG
    bgeu s3, t1, 7f
    slli t1, s3, 2
    add t1, t1, s0
    sw s4, XA_OFFSETS(t1)
    addi a0, s0, XA_STRINGS
    add a0, a0, s4
    mv a1, t0
    li a2, XA_STRMAX
    sub a2, a2, s4
    call copyinstr
    li t0, -ENAMETOOLONG
    bne a0, t0, 2f
    li a0, -E2BIG
2:  bltz a0, 7f
    add s4, s4, a0
    addi s4, s4, 1
    addi s3, s3, 1
    j 1b
3:  sw s3, XA_ARGC(s0)
    sw s4, XA_STRBYTES(s0)
    mv a0, s0
    j 9f
7:  mv s1, a0                   # error after the page was taken
    mv a0, s0
    call kfree
    mv a0, s1
    j 9f
8:  li a0, -ENOMEM
9:  lw s4, 8(sp)
    lw s3, 12(sp)
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# exec_load -- build a new address space from an ELF file and an argument page
#  IN:  a0 = argument page (XA_*)
#  OUT: a0 = new root table or -errno (test with bgeu -4095: the root is negative) (-ENOENT, -ENOTDIR, -EACCES, -ENOEXEC,
#       -ENOMEM, -EIO); on success a1 = entry, a2 = user sp (= argv), a3 = heap start
#  clobbers a4-a7, t0-t6
.equ XL_INODE, 0                # frame offsets: the inode copy (64 bytes)
.equ XL_EHDR, 64                # the ELF header (52 bytes)
.equ XL_PHDR, 116               # one program header (32 bytes)
.equ XL_FRAME, 208
exec_load:
    addi sp, sp, -XL_FRAME
    sw ra, 204(sp)
    sw s0, 200(sp)
    sw s1, 196(sp)
    sw s2, 192(sp)
    sw s3, 188(sp)
    sw s4, 184(sp)
    sw s5, 180(sp)
    sw s6, 176(sp)
    sw s7, 172(sp)
    sw s8, 168(sp)
    mv s0, a0
    li s1, 0                    # root, once made
    addi a0, s0, XA_PATH
    addi a1, sp, XL_INODE
    call fs_namei
    bltz a0, xl_fail
    lw t0, XL_INODE + INODE_TYPE(sp)
    li t1, FT_FILE
    li a0, -EACCES
    bne t0, t1, xl_fail
    addi a0, sp, XL_INODE
    li a1, 0
    addi a2, sp, XL_EHDR
    li a3, 52
    li a4, 0
    call fs_readi
    li t0, 52
    bne a0, t0, xl_noexec
    lw t0, XL_EHDR + 0(sp)
    li t1, ELF_MAGIC
    bne t0, t1, xl_noexec
    lbu t0, XL_EHDR + 4(sp)     # ELFCLASS32
    li t1, 1
    bne t0, t1, xl_noexec
    lbu t0, XL_EHDR + 5(sp)     # little-endian
    bne t0, t1, xl_noexec
    lhu t0, XL_EHDR + 16(sp)
    li t1, ET_EXEC
    bne t0, t1, xl_noexec
    lhu t0, XL_EHDR + 18(sp)
    li t1, EM_RISCV
    bne t0, t1, xl_noexec
    lhu t0, XL_EHDR + 42(sp)    # e_phentsize
    li t1, 32
    bne t0, t1, xl_noexec
    lw s6, XL_EHDR + 24(sp)     # entry
    lw s3, XL_EHDR + 28(sp)     # phoff
    lhu s4, XL_EHDR + 44(sp)    # phnum
    li s5, USER_MIN             # highest segment end
    call uvm_create
    beqz a0, xl_nomem
    mv s1, a0
xl_phdr:
    beqz s4, xl_stack
    addi a0, sp, XL_INODE
    mv a1, s3
    addi a2, sp, XL_PHDR
    li a3, 32
    li a4, 0
    call fs_readi
    li t0, 32
    bne a0, t0, xl_noexec
    addi s3, s3, 32
    addi s4, s4, -1
    lw t0, XL_PHDR + 0(sp)
    li t1, PT_LOAD
    bne t0, t1, xl_phdr
    lw s7, XL_PHDR + 8(sp)      # vaddr
    lw t2, XL_PHDR + 16(sp)     # filesz
    lw t3, XL_PHDR + 20(sp)     # memsz
    beqz t3, xl_phdr
    bltu t3, t2, xl_noexec
    add s8, s7, t3              # end
    bltu s8, s7, xl_noexec
    li t0, USER_MIN
    bltu s7, t0, xl_noexec
    # Segments may reach the top of user space (abi.md: 0x7FFE_FFFF); the stack
    # goes where there is room for it (xl_stack).
    li t0, USTACK_TOP
    bgtu s8, t0, xl_noexec
    bleu s8, s5, 1f
    mv s5, s8
1:  lw t0, XL_PHDR + 24(sp)     # p_flags -> PTE bits
    li a3, PTE_U
    andi t1, t0, PF_R
    beqz t1, 2f
    ori a3, a3, PTE_R
2:  andi t1, t0, PF_W
    beqz t1, 3f
    ori a3, a3, PTE_R | PTE_W
3:  andi t1, t0, PF_X
    beqz t1, 4f
    ori a3, a3, PTE_X
4:  mv a0, s1
    mv a1, s7
    mv a2, s8
    call uvm_alloc
    bnez a0, xl_nomem
    # File bytes, page by page, straight into the new pages.
    lw s8, XL_PHDR + 16(sp)     # bytes left
    lw t0, XL_PHDR + 4(sp)
    sw t0, 160(sp)              # file offset
5:  beqz s8, xl_phdr
    mv a0, s1
    mv a1, s7
    li a2, 0
    call uvm_translate
    slli t0, s7, 20
    srli t0, t0, 20
    li t1, PGSIZE
    sub t1, t1, t0
    bleu t1, s8, 6f
    mv t1, s8
6:  sw t1, 164(sp)
    mv a2, a0
    addi a0, sp, XL_INODE
    lw a1, 160(sp)
    mv a3, t1
    li a4, 0
    call fs_readi
    lw t1, 164(sp)
    bne a0, t1, xl_noexec
    add s7, s7, t1
    sub s8, s8, t1
    lw t0, 160(sp)
    add t0, t0, t1
    sw t0, 160(sp)
    j 5b
xl_stack:
    # The stack's top: USTACK_TOP when every segment ends at or below the guard
    # page; otherwise the highest place below USTACK_TOP where the 64 KiB and the
    # guard page below them meet no segment page (just below the segments, or a gap
    # between them).  The heap then lies above the stack: sbrk's ceiling is
    # USTACK_TOP instead of the guard page (sys_sbrk).  No room: -ENOEXEC.
    li s7, USTACK_TOP
    li t0, USTACK_GUARD
    bleu s5, t0, 3f
1:  li t0, USER_MIN + USTACK_SIZE
    bltu s7, t0, xl_noexec
    li t0, PGSIZE
    sub s8, s7, t0              # pages [T - 68 KiB, T) must all be unmapped
2:  mv a0, s1
    mv a1, s8
    li a2, 0
    call uvm_translate
    beqz a0, 21f
    mv s7, s8                   # a segment page: the stack goes below it
    j 1b
21: li t0, USTACK_SIZE + PGSIZE
    sub t0, s7, t0
    beq s8, t0, 3f
    li t0, PGSIZE
    sub s8, s8, t0
    j 2b
3:  sw s7, 160(sp)              # the stack's top
    mv a0, s1
    li t0, USTACK_SIZE
    sub a1, s7, t0
    mv a2, s7
    li a3, PTE_R | PTE_W | PTE_U
    call uvm_alloc
    bnez a0, xl_nomem
    # Strings at the top of the stack, the pointer array below them.
    lw t0, XA_STRBYTES(s0)
    addi t0, t0, 3
    andi t0, t0, -4
    lw s7, 160(sp)
    sub s7, s7, t0              # user address of the strings
    mv a0, s1
    mv a1, s7
    addi a2, s0, XA_STRINGS
    lw a3, XA_STRBYTES(s0)
    call copyout_pt
    bnez a0, xl_nomem
    lw t0, XA_ARGC(s0)
    addi t1, s0, XA_OFFSETS
    slli t2, t0, 2
    add t2, t2, t1              # end of the array
7:  beq t1, t2, 8f
    lw t3, 0(t1)
    add t3, t3, s7
    sw t3, 0(t1)
    addi t1, t1, 4
    j 7b
8:  sw zero, 0(t2)
    addi a3, t0, 1
    slli a3, a3, 2
    sub s8, s7, a3
    andi s8, s8, -16            # sp = argv
    mv a0, s1
    mv a1, s8
    addi a2, s0, XA_OFFSETS
    call copyout_pt
    bnez a0, xl_nomem
    mv a0, s1
    mv a1, s6
    mv a2, s8
    li t0, PGSIZE - 1
    add a3, s5, t0
    li t0, -PGSIZE
    and a3, a3, t0
    j xl_out
xl_nomem:
    li a0, -ENOMEM
    j xl_fail
xl_noexec:
    li a0, -ENOEXEC
xl_fail:
    mv s2, a0
    beqz s1, 9f
    mv a0, s1
    call uvm_free
9:  mv a0, s2
xl_out:
    lw s8, 168(sp)
    lw s7, 172(sp)
    lw s6, 176(sp)
    lw s5, 180(sp)
    lw s4, 184(sp)
    lw s3, 188(sp)
    lw s2, 192(sp)
    lw s1, 196(sp)
    lw s0, 200(sp)
    lw ra, 204(sp)
    addi sp, sp, XL_FRAME
    ret

# exec_install -- give a TCB a freshly loaded image (registers, break, name, actions)
#  IN:  a0 = TCB, a1 = argument page, a2 = root, a3 = entry, a4 = sp, a5 = heap start
#  OUT: nothing (the old address space is the caller's business)
#  clobbers a0-a7, t0-t6
exec_install:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    mv s0, a0
    mv s1, a1
    sw a2, TCB_PGTABLE(s0)
    srli t0, a2, PGSHIFT
    li t1, SATP_SV32
    or t0, t0, t1
    sw t0, TCB_SATP(s0)
    sw a5, TCB_HEAP(s0)
    sw a5, TCB_BRK(s0)
    sw a3, 12(sp)
    sw a4, 8(sp)
    mv a0, s0
    li a1, 0
    li a2, 128
    call memset
    lw a3, 12(sp)
    lw a4, 8(sp)
    sw a3, 0(s0)                # pc
    sw a4, 8(s0)                # sp
    sw a4, 44(s0)               # a1 = argv
    lw t0, XA_ARGC(s1)
    sw t0, 40(s0)               # a0 = argc
    # Handled signals go back to SIG_DFL; ignored ones stay ignored.
    addi t0, s0, TCB_SIGACT
    li t1, NSIG
1:  lw t2, 0(t0)
    li t3, 1
    bleu t2, t3, 2f
    sw zero, 0(t0)
2:  addi t0, t0, 12
    addi t1, t1, -1
    bnez t1, 1b
    # name = last component of the path, at most 15 bytes
    addi t0, s1, XA_PATH
    mv t1, t0
3:  lbu t2, 0(t0)
    beqz t2, 4f
    addi t0, t0, 1
    li t3, '/'
    bne t2, t3, 3b
    mv t1, t0
    j 3b
4:  addi t2, s0, TCB_NAME
    addi t3, t2, 15
5:  lbu t4, 0(t1)
    sb t4, 0(t2)
    beqz t4, 6f
    addi t1, t1, 1
    addi t2, t2, 1
    bne t2, t3, 5b
6:  sb zero, 0(t3)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# exec_commit -- replace the current process's image (exec, and init's first run)
#  IN:  a0 = argument page (freed here), tp = current TCB
#  OUT: a0 = argc (the new user a0), or -errno with the old image untouched
#  clobbers a1-a7, t0-t6
.globl exec_commit
exec_commit:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    mv s0, a0
    call exec_load
    li t0, -4095
    bgeu a0, t0, 1f
    lw s1, TCB_PGTABLE(tp)
    mv a5, a3
    mv a4, a2
    mv a3, a1
    mv a2, a0
    mv a1, s0
    mv a0, tp
    call exec_install
    lw t0, TCB_SATP(tp)
    csrw satp, t0
    sfence.vma
    mv a0, s1
    call uvm_free
    lw a0, XA_ARGC(s0)
1:  mv s1, a0
    mv a0, s0
    call kfree
    mv a0, s1
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# sys_exec -- exec(path, argv)
#  IN:  a0 = user path, a1 = user argv, tp = caller
#  OUT: a0 = argc on success (becomes the new image's a0), else -errno
#  clobbers a1-a7, t0-t6
.globl sys_exec
sys_exec:
    addi sp, sp, -16
    sw ra, 12(sp)
    call exec_args
    li t0, -4095                # a kernel address is negative as a signed word:
    bgeu a0, t0, 1f             # errors are -4095..-1
    call exec_commit
1:  lw ra, 12(sp)
    addi sp, sp, 16
    ret

# sys_spawn -- spawn(path, argv): a new child running path
#  IN:  a0 = user path, a1 = user argv, tp = caller
#  OUT: a0 = child pid, or -errno (nothing created)
#  clobbers a1-a7, t0-t6
.globl sys_spawn
sys_spawn:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    call exec_args
    li t0, -4095
    bgeu a0, t0, 9f
    mv s0, a0
    call proc_alloc
    beqz a0, 7f
    mv s1, a0
    mv a0, s0
    call exec_load
    li t0, -4095
    bgeu a0, t0, 6f
    mv a5, a3
    mv a4, a2
    mv a3, a1
    mv a2, a0
    mv a1, s0
    mv a0, s1
    call exec_install
    lw t0, TCB_PGID(tp)
    sw t0, TCB_PGID(s1)
    lw t0, TCB_SIGMASK(tp)
    sw t0, TCB_SIGMASK(s1)
    # Ignored signals stay ignored across exec; nothing else is inherited.
    addi t0, tp, TCB_SIGACT
    addi t1, s1, TCB_SIGACT
    li t2, NSIG
1:  lw t3, 0(t0)
    li t4, 1
    bne t3, t4, 2f
    sw t4, 0(t1)
2:  addi t0, t0, 12
    addi t1, t1, 12
    addi t2, t2, -1
    bnez t2, 1b
    mv a0, s1
    mv a1, tp
    call fds_inherit
    sw tp, TCB_PARENT(s1)
    RUNQ_PUSH s1, t0, t1
    mv a0, s0
    call kfree
    lw a0, TCB_PID(s1)
    j 9f
6:  sw zero, TCB_STATE(s1)      # the TCB goes back
    mv s2, a0
    mv a0, s0
    call kfree
    mv a0, s2
    j 9f
7:  mv a0, s0
    call kfree
    li a0, -EAGAIN
9:  lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# sys_exit -- exit(status)
#  IN:  a0 = status (the low 8 bits count)
#  OUT: does not return
.globl sys_exit
sys_exit:
    andi a0, a0, 0xFF
    slli a0, a0, 8
    j proc_exit

# proc_exit -- end the current process
#  IN:  a0 = wait status (abi.md encoding: code << 8, or the killing signal)
#  OUT: does not return
.globl proc_exit
proc_exit:
    mv s0, a0
    # Close every descriptor.
    li s1, 0
1:  slli t0, s1, 2
    add t0, t0, tp
    lw a0, TCB_FDS(t0)
    sw zero, TCB_FDS(t0)
    beqz a0, 2f
    call file_close
2:  addi s1, s1, 1
    li t0, NOFILE
    bne s1, t0, 1b
    # pid 1 ending ends the machine (unless shutdown() is already ending it).
    la t0, initproc
    lw t0, 0(t0)
    bne t0, tp, 4f
    la t0, shutting_down
    lw t0, 0(t0)
    bnez t0, 4f
    andi t1, s0, 0x7F
    srli a0, s0, 8
    andi a0, a0, 0xFF
    beqz t1, 3f
    addi a0, t1, 128
3:  call power_off
4:  # The address space: switch to the kernel's table first, then free it.
    la t0, kernel_satp
    lw t0, 0(t0)
    sw t0, TCB_SATP(tp)
    csrw satp, t0
    sfence.vma
    lw a0, TCB_PGTABLE(tp)
    sw zero, TCB_PGTABLE(tp)
    beqz a0, 5f
    call uvm_free
5:  # Children go to init; init must hear of the zombies among them.
    la s2, initproc
    lw s2, 0(s2)
    la t0, tcb_table
    li t1, NPROC * TCB_SIZE
    add t1, t1, t0
    li s3, 0
6:  lw t2, TCB_PARENT(t0)
    bne t2, tp, 7f
    lw t3, TCB_STATE(t0)
    beqz t3, 7f
    sw s2, TCB_PARENT(t0)
    li t4, P_ZOMBIE
    bne t3, t4, 7f
    li s3, 1
7:  addi t0, t0, TCB_SIZE
    bne t0, t1, 6b
    beqz s3, 8f
    mv a0, s2
    call wakeup
8:  sw s0, TCB_XSTATUS(tp)
    li t0, P_ZOMBIE
    sw t0, TCB_STATE(tp)
    lw a0, TCB_PARENT(tp)
    call wakeup
    lw a0, TCB_PARENT(tp)
    li a1, SIGCHLD
    call signal_send
    call sched
9:  j 9b

# sys_waitpid -- waitpid(pid, *status, options)
#  IN:  a0 = pid (> 0 that child, -1 any child, 0 a child in the caller's group,
#       < -1 a child in group -pid, as POSIX), a1 = user status pointer or 0,
#       a2 = options (WNOHANG, WUNTRACED)
#  OUT: a0 = pid of the reaped or stopped child, 0 (WNOHANG, none ready),
#       -ECHILD, -EFAULT (nothing reaped), -EINTR
#  clobbers a1-a7, t0-t6
.globl sys_waitpid
sys_waitpid:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    sw s3, 12(sp)
    sw s4, 8(sp)
    mv s0, a0
    mv s1, a1
    mv s2, a2
    beqz s1, wp_scan
    lw a0, TCB_PGTABLE(tp)
    li a2, 4
    li a3, PTE_W
    call uvm_check
    bnez a0, wp_out
wp_scan:
    li s4, 0                    # found a child
    la s3, tcb_table
wp_next:
    lw t0, TCB_PARENT(s3)
    bne t0, tp, wp_skip
    lw t1, TCB_STATE(s3)
    beqz t1, wp_skip
    li t2, P_EMBRYO
    beq t1, t2, wp_skip
    blez s0, 2f
    lw t2, TCB_PID(s3)
    bne t2, s0, wp_skip
    j 1f
2:  li t2, -1                   # -1: any child
    beq s0, t2, 1f
    neg t3, s0                  # < -1: a child in group -pid
    bnez s0, 3f
    lw t3, TCB_PGID(tp)         # 0: a child in the caller's group
3:  lw t2, TCB_PGID(s3)
    bne t2, t3, wp_skip
1:  li s4, 1
    li t2, P_ZOMBIE
    beq t1, t2, wp_zombie
    li t2, P_STOPPED
    bne t1, t2, wp_skip
    andi t2, s2, WUNTRACED
    beqz t2, wp_skip
    lw t2, TCB_FLAGS(s3)
    andi t3, t2, TF_STOP_REPORTED
    bnez t3, wp_skip
    ori t2, t2, TF_STOP_REPORTED
    sw t2, TCB_FLAGS(s3)
    call wp_status
    lw a0, TCB_PID(s3)
    j wp_out
wp_zombie:
    call wp_status
    lw a0, TCB_PID(s3)
    sw zero, TCB_STATE(s3)
    sw zero, TCB_PARENT(s3)
    j wp_out
wp_skip:
    addi s3, s3, TCB_SIZE
    la t0, tcb_table + NPROC * TCB_SIZE
    bne s3, t0, wp_next
    li a0, -ECHILD
    beqz s4, wp_out
    li a0, 0
    andi t0, s2, WNOHANG
    bnez t0, wp_out
    call signal_interrupts
    bnez a0, wp_eintr
    mv a0, tp
    call sleep
    j wp_scan
wp_eintr:
    li a0, -EINTR
wp_out:
    lw s4, 8(sp)
    lw s3, 12(sp)
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret
# wp_status -- store the child's status if the caller asked for it (range checked)
wp_status:
    beqz s1, 1f
    addi sp, sp, -16
    sw ra, 12(sp)
    mv a0, s1
    addi a1, s3, TCB_XSTATUS
    li a2, 4
    call copyout
    lw ra, 12(sp)
    addi sp, sp, 16
1:  ret

# find_pid -- the TCB of a pid (zombies included)
#  IN:  a0 = pid
#  OUT: a0 = TCB or 0
#  clobbers t0-t3
.globl find_pid
find_pid:
    blez a0, 3f
    la t0, tcb_table
    li t1, NPROC * TCB_SIZE
    add t1, t1, t0
1:  lw t2, TCB_STATE(t0)
    beqz t2, 2f
    li t3, P_EMBRYO
    beq t2, t3, 2f
    lw t2, TCB_PID(t0)
    bne t2, a0, 2f
    mv a0, t0
    ret
2:  addi t0, t0, TCB_SIZE
    bne t0, t1, 1b
3:  li a0, 0
    ret

.section .rodata
noinit_msg:  .asciz "kernel: cannot run init "
noinit_msg2: .asciz ": error -"

.section .data
.balign 4
next_pid:   .word 1

.section .bss
.balign 16
.globl tcb_table
tcb_table:  .space NPROC * TCB_SIZE
.globl initproc
initproc:   .space 4
