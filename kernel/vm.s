# vm.s -- Sv32 page tables: the kernel map, user address spaces, safe user copies.
#
# Every root table maps, in its upper half (entries 512-1023), the same supervisor-
# only megapages: RAM at its physical address (0x8000_0000 up, so the kernel runs at
# the same address with or without paging, and physical page addresses can be used
# directly as pointers) and the device window (kernel.inc, KWIN_*).  Those entries
# are copied from kernel_root into every new root table and never change, so satp
# changes only on a process switch.  The lower half is the process's own: 4 KiB pages
# with U set, second-level tables from kalloc.
#
# User pointers are never dereferenced directly: every copy walks the page table in
# software (uvm_translate) and checks V, U and the permission of every page, and the
# range must end at or below USER_END.  So a bad pointer gives -EFAULT and never a
# kernel fault, and the kernel never reads or writes its own memory for a caller.
# copyin/copyout check the whole range before copying a byte, so a failed copy
# changes nothing.
#
# Invariant: every valid user leaf PTE holds one reference (kalloc.s) to its page;
# pages with PTE_SHARED (the trampoline) are shared by fork instead of copied.

.include "kernel.inc"
.include "errno.inc"

.text

# vm_init -- build kernel_root, turn paging on, make the trampoline page
#  IN:  nothing (ram_end set)
#  OUT: nothing
#  clobbers a0-a5, t0-t6
.globl vm_init
vm_init:
    addi sp, sp, -16
    sw ra, 12(sp)
    call kalloc
    la t0, kernel_root
    sw a0, 0(t0)
    # RAM: megapages R+W+X, global, supervisor only.
    li t1, RAM_BASE
    la t2, ram_end
    lw t2, 0(t2)
1:  bgeu t1, t2, 2f
    srli t3, t1, 22
    slli t3, t3, 2
    add t3, t3, a0
    srli t4, t1, PGSHIFT
    slli t4, t4, 10
    ori t4, t4, PTE_V | PTE_R | PTE_W | PTE_X | PTE_G | PTE_A | PTE_D
    sw t4, 0(t3)
    li t5, 0x400000
    add t1, t1, t5
    j 1b
2:  # The device window: R+W, supervisor only.
    li t5, PTE_V | PTE_R | PTE_W | PTE_G | PTE_A | PTE_D
    li t1, (0x00000000 >> 12) << 10
    or t1, t1, t5
    li t2, (KWIN_LOW >> 22) * 4
    add t2, t2, a0
    sw t1, 0(t2)
    li t1, (PHYS_PLIC >> 12) << 10
    or t1, t1, t5
    li t2, (KWIN_PLIC >> 22) * 4
    add t2, t2, a0
    sw t1, 0(t2)
    li t1, (PHYS_UART >> 12) << 10
    or t1, t1, t5
    li t2, (KWIN_IO >> 22) * 4
    add t2, t2, a0
    sw t1, 0(t2)
    srli t1, a0, PGSHIFT
    li t2, SATP_SV32
    or t1, t1, t2
    la t0, kernel_satp
    sw t1, 0(t0)
    csrw satp, t1
    sfence.vma
    # The signal return trampoline: li a7, 84; ecall.
    call kalloc
    la t0, trampoline_pa
    sw a0, 0(t0)
    li t1, 0x05400893
    sw t1, 0(a0)
    li t1, 0x00000073
    sw t1, 4(a0)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# vm_walk -- find the leaf PTE of a user virtual address
#  IN:  a0 = root table, a1 = virtual address, a2 = 1 to create a missing table
#  OUT: a0 = address of the PTE, or 0 (no table and a2 = 0, no memory, or a megapage)
#  clobbers t0-t3
.globl vm_walk
vm_walk:
    srli t0, a1, 22
    slli t0, t0, 2
    add t3, a0, t0              # t3 = level-1 PTE
    lw t1, 0(t3)
    andi t2, t1, PTE_V
    beqz t2, 2f
    andi t2, t1, PTE_R | PTE_W | PTE_X
    bnez t2, 4f                 # a megapage: not a user mapping
    srli t1, t1, 10
    slli t1, t1, PGSHIFT
1:  srli t0, a1, PGSHIFT
    andi t0, t0, 0x3FF
    slli t0, t0, 2
    add a0, t1, t0
    ret
2:  beqz a2, 4f
    addi sp, sp, -16
    sw ra, 12(sp)
    sw a1, 8(sp)
    sw t3, 4(sp)
    call kalloc
    lw a1, 8(sp)
    lw t3, 4(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    beqz a0, 4f
    mv t1, a0
    srli t0, a0, PGSHIFT
    slli t0, t0, 10
    ori t0, t0, PTE_V
    sw t0, 0(t3)
    j 1b
4:  li a0, 0
    ret

# vm_map -- map one 4 KiB page
#  IN:  a0 = root table, a1 = virtual address, a2 = physical page, a3 = PTE flags
#  OUT: a0 = 0, or -ENOMEM when a page table could not be allocated
#  clobbers a1-a2, t0-t3
.globl vm_map
vm_map:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw a2, 8(sp)
    li a2, 1
    call vm_walk
    lw a2, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    beqz a0, 1f
    srli t0, a2, PGSHIFT
    slli t0, t0, 10
    or t0, t0, a3
    ori t0, t0, PTE_V | PTE_A | PTE_D
    sw t0, 0(a0)
    li a0, 0
    ret
1:  li a0, -ENOMEM
    ret

# uvm_create -- a new address space: kernel half and trampoline only
#  IN:  nothing
#  OUT: a0 = root table, or 0 when out of memory
#  clobbers a1-a5, t0-t3
.globl uvm_create
uvm_create:
    addi sp, sp, -16
    sw ra, 12(sp)
    sw s0, 8(sp)
    call kalloc
    beqz a0, 3f
    mv s0, a0
    la t0, kernel_root
    lw t0, 0(t0)
    li t1, 2048
    add t2, t0, t1              # kernel entries 512..1023
    add t3, s0, t1
    li t1, 4096
    add t0, t0, t1
1:  lw t1, 0(t2)
    sw t1, 0(t3)
    addi t2, t2, 4
    addi t3, t3, 4
    bne t2, t0, 1b
    mv a0, s0
    li a1, TRAMPOLINE
    la t0, trampoline_pa
    lw a2, 0(t0)
    li a3, PTE_R | PTE_X | PTE_U | PTE_SHARED
    call vm_map
    bnez a0, 2f
    la t0, trampoline_pa
    lw a0, 0(t0)
    call kref
    mv a0, s0
    j 3f
2:  mv a0, s0
    call uvm_free
    li a0, 0
3:  lw s0, 8(sp)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# uvm_free -- free an address space: every user page, the tables, the root
#  IN:  a0 = root table (must not be the one in satp)
#  OUT: nothing
#  clobbers a0-a5, t0-t3
.globl uvm_free
uvm_free:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    sw s3, 12(sp)
    mv s0, a0
    li s1, 0                    # level-1 index
1:  slli t0, s1, 2
    add t0, t0, s0
    lw t1, 0(t0)
    andi t2, t1, PTE_V
    beqz t2, 4f
    srli s2, t1, 10
    slli s2, s2, PGSHIFT        # s2 = table
    li s3, 0
2:  slli t0, s3, 2
    add t0, t0, s2
    lw t1, 0(t0)
    andi t2, t1, PTE_V
    beqz t2, 3f
    srli a0, t1, 10
    slli a0, a0, PGSHIFT
    call kfree
3:  addi s3, s3, 1
    li t0, 1024
    bne s3, t0, 2b
    mv a0, s2
    call kfree
4:  addi s1, s1, 1
    li t0, 512
    bne s1, t0, 1b
    mv a0, s0
    call kfree
    lw s3, 12(sp)
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# uvm_copy -- copy the user half of one address space into another (fork)
#  IN:  a0 = source root, a1 = destination root (fresh from uvm_create)
#  OUT: a0 = 0, or -ENOMEM (the destination then holds part of the copy; free it)
#  clobbers a1-a5, t0-t4
.globl uvm_copy
uvm_copy:
    addi sp, sp, -48
    sw ra, 44(sp)
    sw s0, 40(sp)
    sw s1, 36(sp)
    sw s2, 32(sp)
    sw s3, 28(sp)
    sw s4, 24(sp)
    sw s5, 20(sp)
    mv s0, a0
    mv s1, a1
    li s2, 0                    # level-1 index
1:  slli t0, s2, 2
    add t0, t0, s0
    lw t1, 0(t0)
    andi t2, t1, PTE_V
    beqz t2, 5f
    srli s3, t1, 10
    slli s3, s3, PGSHIFT        # s3 = source table
    li s4, 0
2:  slli t0, s4, 2
    add t0, t0, s3
    lw s5, 0(t0)                # s5 = source PTE
    andi t2, s5, PTE_V
    beqz t2, 4f
    srli a2, s5, 10
    slli a2, a2, PGSHIFT        # a2 = source page
    andi t2, s5, PTE_SHARED
    beqz t2, 3f
    # Shared: the child maps the same page.
    sw a2, 8(sp)
    mv a0, a2
    call kref
    lw a2, 8(sp)
    j 6f
3:  sw a2, 8(sp)
    call kalloc_dirty           # page_copy fills all of it
    beqz a0, 7f
    lw a1, 8(sp)
    sw a0, 8(sp)
    call page_copy
    lw a2, 8(sp)
6:  mv a0, s1
    slli a1, s2, 22
    slli t0, s4, PGSHIFT
    or a1, a1, t0
    andi a3, s5, PTE_FLAGS_MASK
    call vm_map
    beqz a0, 4f
    lw a0, 8(sp)                # no table for it: drop the page again
    call kfree
    j 7f
4:  addi s4, s4, 1
    li t0, 1024
    bne s4, t0, 2b
5:  addi s2, s2, 1
    li t0, 512
    bne s2, t0, 1b
    li a0, 0
    j 8f
7:  li a0, -ENOMEM
8:  lw s5, 20(sp)
    lw s4, 24(sp)
    lw s3, 28(sp)
    lw s2, 32(sp)
    lw s1, 36(sp)
    lw s0, 40(sp)
    lw ra, 44(sp)
    addi sp, sp, 48
    ret

# uvm_alloc -- map zeroed pages over [start, end); pages already mapped keep their
# contents and gain the flags
#  IN:  a0 = root, a1 = start, a2 = end, a3 = PTE flags
#  OUT: a0 = 0, or -ENOMEM (pages mapped so far stay mapped)
#  clobbers a1-a5, t0-t3
.globl uvm_alloc
uvm_alloc:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    sw s3, 12(sp)
    sw s4, 8(sp)
    mv s0, a0
    srli s1, a1, PGSHIFT
    slli s1, s1, PGSHIFT
    mv s2, a2
    mv s3, a3
1:  bgeu s1, s2, 3f
    mv a0, s0
    mv a1, s1
    li a2, 1
    call vm_walk
    beqz a0, 4f
    mv s4, a0
    lw t0, 0(s4)
    andi t1, t0, PTE_V
    beqz t1, 2f
    or t0, t0, s3
    sw t0, 0(s4)
    j 5f
2:  call kalloc
    beqz a0, 4f
    srli t0, a0, PGSHIFT
    slli t0, t0, 10
    or t0, t0, s3
    ori t0, t0, PTE_V | PTE_A | PTE_D
    sw t0, 0(s4)
5:  li t0, PGSIZE
    add s1, s1, t0
    j 1b
3:  li a0, 0
    j 6f
4:  li a0, -ENOMEM
6:  lw s4, 8(sp)
    lw s3, 12(sp)
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# uvm_dealloc -- unmap and release the pages of [start, end) (page aligned)
#  IN:  a0 = root, a1 = start, a2 = end
#  OUT: nothing
#  clobbers a0-a5, t0-t3
.globl uvm_dealloc
uvm_dealloc:
    addi sp, sp, -32
    sw ra, 28(sp)
    sw s0, 24(sp)
    sw s1, 20(sp)
    sw s2, 16(sp)
    mv s0, a0
    mv s1, a1
    mv s2, a2
1:  bgeu s1, s2, 3f
    mv a0, s0
    mv a1, s1
    li a2, 0
    call vm_walk
    beqz a0, 2f
    lw t1, 0(a0)
    andi t2, t1, PTE_V
    beqz t2, 2f
    sw zero, 0(a0)
    srli a0, t1, 10
    slli a0, a0, PGSHIFT
    call kfree
2:  li t0, PGSIZE
    add s1, s1, t0
    j 1b
3:  sfence.vma
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# uvm_translate -- physical address of a user byte, if the page allows the access
#  IN:  a0 = root, a1 = user virtual address, a2 = permission bits needed (PTE_R/W)
#  OUT: a0 = physical address, or 0 when unmapped, not user, or not permitted
#  clobbers t0-t3
.globl uvm_translate
uvm_translate:
    li t0, USER_END
    bgeu a1, t0, 2f
    srli t0, a1, 22
    slli t0, t0, 2
    add t0, a0, t0
    lw t1, 0(t0)
    andi t2, t1, PTE_V
    beqz t2, 2f
    andi t2, t1, PTE_R | PTE_W | PTE_X
    bnez t2, 2f
    srli t1, t1, 10
    slli t1, t1, PGSHIFT
    srli t0, a1, PGSHIFT
    andi t0, t0, 0x3FF
    slli t0, t0, 2
    add t1, t1, t0
    lw t1, 0(t1)
    ori t3, a2, PTE_V | PTE_U
    and t2, t1, t3
    bne t2, t3, 2f
    srli t1, t1, 10
    slli a0, t1, PGSHIFT
    slli t0, a1, 20
    srli t0, t0, 20
    or a0, a0, t0
    ret
2:  li a0, 0
    ret

# uvm_check -- is all of [va, va + len) mapped user memory with the permission?
#  IN:  a0 = root, a1 = va, a2 = len, a3 = permission bits (PTE_R or PTE_W)
#  OUT: a0 = 0, or -EFAULT
#  clobbers a1-a5, t0-t3
.globl uvm_check
uvm_check:
    beqz a2, 3f
    add a4, a1, a2              # end
    bltu a4, a1, 4f             # wrapped around
    li t0, USER_END
    bgtu a4, t0, 4f
    mv a5, a0
    srli a1, a1, PGSHIFT
    slli a1, a1, PGSHIFT
    ori t3, a3, PTE_V | PTE_U   # bits every leaf must have
1:  bgeu a1, a4, 3f
    srli t0, a1, 22
    slli t0, t0, 2
    add t0, a5, t0
    lw t1, 0(t0)
    andi t2, t1, PTE_V
    beqz t2, 4f
    andi t2, t1, PTE_R | PTE_W | PTE_X
    bnez t2, 4f
    srli t1, t1, 10
    slli t1, t1, PGSHIFT
    srli t0, a1, PGSHIFT
    andi t0, t0, 0x3FF
    slli t0, t0, 2
    add t1, t1, t0
    lw t1, 0(t1)
    and t2, t1, t3
    bne t2, t3, 4f
    li t0, PGSIZE
    add a1, a1, t0
    j 1b
3:  li a0, 0
    ret
4:  li a0, -EFAULT
    ret

# copyin -- copy from the current process's memory into the kernel
#  IN:  a0 = kernel destination, a1 = user source, a2 = length
#  OUT: a0 = 0, or -EFAULT (nothing copied)
#  clobbers a1-a5, t0-t3
.globl copyin
copyin:
    li a3, PTE_R
    j copy_user

# copyout -- copy from the kernel into the current process's memory
#  IN:  a0 = user destination, a1 = kernel source, a2 = length
#  OUT: a0 = 0, or -EFAULT (nothing copied)
#  clobbers a1-a5, t0-t3
.globl copyout
copyout:
    lw a4, TCB_PGTABLE(tp)
    mv a3, a2
    mv a2, a1
    mv a1, a0
    mv a0, a4
    j copyout_pt

# copyout_pt -- copy from the kernel into the memory of any address space
#  IN:  a0 = root, a1 = user destination, a2 = kernel source, a3 = length
#  OUT: a0 = 0, or -EFAULT (nothing copied)
#  clobbers a1-a5, t0-t3
.globl copyout_pt
copyout_pt:
    # Rearranged into copy_user's form: a0 = other side (kernel), a1 = user address.
    mv a4, a0
    mv a0, a2
    mv a2, a3
    li a3, PTE_W
    j copy_user_root

# copy_user -- the common loop of copyin and copyout
#  IN:  a0 = kernel address, a1 = user address, a2 = length,
#       a3 = PTE_R (user -> kernel) or PTE_W (kernel -> user);
#       copy_user_root also takes a4 = root (copy_user uses the current process's)
#  OUT: a0 = 0 or -EFAULT
#  clobbers a1-a5, t0-t3
copy_user:
    lw a4, TCB_PGTABLE(tp)
copy_user_root:
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
    mv s3, a3
    mv s4, a4
    mv a0, a4
    call uvm_check
    bnez a0, 9f
1:  beqz s2, 8f
    mv a0, s4
    mv a1, s1
    mv a2, s3
    call uvm_translate
    # n = min(len, bytes left in the page)
    slli t0, s1, 20
    srli t0, t0, 20
    li t1, PGSIZE
    sub t1, t1, t0
    bleu t1, s2, 2f
    mv t1, s2
2:  sw t1, 4(sp)
    li t0, PTE_W
    beq s3, t0, 3f
    mv a1, a0                   # user -> kernel
    mv a0, s0
    j 4f
3:  mv a1, s0                   # kernel -> user
4:  mv a2, t1
    call memcpy
    lw t1, 4(sp)
    add s0, s0, t1
    add s1, s1, t1
    sub s2, s2, t1
    j 1b
8:  li a0, 0
9:  lw s4, 8(sp)
    lw s3, 12(sp)
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

# copyinstr -- copy a NUL-terminated string from the current process
#  IN:  a0 = kernel destination, a1 = user string, a2 = size of the destination
#  OUT: a0 = length without the NUL, -EFAULT, or -ENAMETOOLONG when no NUL comes
#       within a2 bytes
#  clobbers a1-a5, t0-t3
.globl copyinstr
copyinstr:
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
    li s3, 0                    # bytes copied
    li s4, 0                    # physical address of the next byte, 0 = look it up
1:  beq s3, s2, 7f
    bnez s4, 2f
    lw a0, TCB_PGTABLE(tp)
    mv a1, s1
    li a2, PTE_R
    call uvm_translate
    beqz a0, 6f
    mv s4, a0
2:  lbu t0, 0(s4)
    add t1, s0, s3
    sb t0, 0(t1)
    beqz t0, 5f
    addi s3, s3, 1
    addi s1, s1, 1
    addi s4, s4, 1
    slli t0, s1, 20
    srli t0, t0, 20
    bnez t0, 1b
    li s4, 0                    # a new page
    j 1b
5:  mv a0, s3
    j 8f
6:  li a0, -EFAULT
    j 8f
7:  li a0, -ENAMETOOLONG
8:  lw s4, 8(sp)
    lw s3, 12(sp)
    lw s2, 16(sp)
    lw s1, 20(sp)
    lw s0, 24(sp)
    lw ra, 28(sp)
    addi sp, sp, 32
    ret

.section .bss
.balign 4
.globl kernel_root
kernel_root:    .space 4
.globl kernel_satp
kernel_satp:    .space 4
.globl trampoline_pa
trampoline_pa:  .space 4
