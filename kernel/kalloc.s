# kalloc.s -- the physical page allocator, with a reference count per page.
#
# RAM from the end of the kernel image to the end of RAM is handed out in 4 KiB
# pages.  The first pages after the kernel hold page_refs, one u16 per page of RAM
# (index = (pa - RAM_BASE) >> 12); the rest start on the free list, a stack linked
# through the first word of each free page.
#
# Invariants: a page is on the free list exactly when its count is 0; free_pages is
# the length of the free list; kalloc hands out zeroed pages with count 1; kref adds a
# sharer, kfree drops one and puts the page back when the last one goes.  No routine
# here sleeps, and the kernel runs with interrupts masked, so no lock is needed.

.include "kernel.inc"

.text

# kinit -- put every page of [first, end) on the free list
#  IN:  a0 = first free byte after the kernel, a1 = end of RAM
#  OUT: nothing
#  clobbers a0-a5, t0-t3
.globl kinit
kinit:
    addi sp, sp, -16
    sw ra, 12(sp)
    li t0, PGSIZE - 1
    add a0, a0, t0
    not t0, t0
    and a0, a0, t0              # page-align the start
    la t1, page_refs
    sw a0, 0(t1)
    # The table: 2 bytes for every page of RAM, rounded up to whole pages.
    li t1, RAM_BASE
    sub t2, a1, t1
    srli t2, t2, PGSHIFT - 1    # bytes of the table
    mv a2, t2
    sw a0, 8(sp)
    sw a1, 4(sp)
    li a1, 0
    call memset                 # all counts 0
    lw a0, 8(sp)
    lw a1, 4(sp)
    li t1, RAM_BASE
    sub t2, a1, t1
    srli t2, t2, PGSHIFT - 1
    li t0, PGSIZE - 1
    add t2, t2, t0
    not t0, t0
    and t2, t2, t0
    add a0, a0, t2              # first page after the table
    la t1, kmem_first
    sw a0, 0(t1)
    # Push every page; pushing from the top down leaves the lowest page first out.
    li t0, PGSIZE
    sub a2, a1, t0              # a2 = last page
    la t1, free_list
    la t2, free_pages
    li t3, 0
1:  bltu a2, a0, 2f
    lw t0, 0(t1)
    sw t0, 0(a2)
    sw a2, 0(t1)
    addi t3, t3, 1
    li t0, PGSIZE
    sub a2, a2, t0
    j 1b
2:  sw t3, 0(t2)
    lw ra, 12(sp)
    addi sp, sp, 16
    ret

# page_ref_addr -- where the count of a page is
#  IN:  a0 = physical address inside the page
#  OUT: a0 = address of its u16 count
#  clobbers t0
page_ref_addr:
    li t0, RAM_BASE
    sub a0, a0, t0
    srli a0, a0, PGSHIFT
    slli a0, a0, 1
    la t0, page_refs
    lw t0, 0(t0)
    add a0, a0, t0
    ret

# kalloc -- take a zeroed page
#  IN:  nothing
#  OUT: a0 = physical address of the page, or 0 when none is free
#  clobbers t0-t2
.globl kalloc
kalloc:
    mv t2, ra
    call kalloc_dirty
    mv ra, t2
    beqz a0, 1f
    li t0, PGSIZE
    add t0, a0, t0
    mv t1, a0
2:  sw zero, 0(t1)
    sw zero, 4(t1)
    sw zero, 8(t1)
    sw zero, 12(t1)
    sw zero, 16(t1)
    sw zero, 20(t1)
    sw zero, 24(t1)
    sw zero, 28(t1)
    addi t1, t1, 32
    bne t1, t0, 2b
1:  ret

# kalloc_dirty -- take a page whose old contents the caller overwrites at once
#  IN:  nothing
#  OUT: a0 = physical address of the page (not zeroed), count 1; 0 when none is free
#  clobbers t0-t1 (t2 is kept: kalloc keeps its return address there)
.globl kalloc_dirty
kalloc_dirty:
    la t1, free_list
    lw a0, 0(t1)
    beqz a0, 1f
    lw t0, 0(a0)
    sw t0, 0(t1)
    la t1, free_pages
    lw t0, 0(t1)
    addi t0, t0, -1
    sw t0, 0(t1)
    li t0, RAM_BASE             # count = 1
    sub t1, a0, t0
    srli t1, t1, PGSHIFT
    slli t1, t1, 1
    la t0, page_refs
    lw t0, 0(t0)
    add t1, t1, t0
    li t0, 1
    sh t0, 0(t1)
1:  ret

# kref -- one more sharer of a page
#  IN:  a0 = physical address of the page
#  OUT: nothing
#  clobbers t0-t1
.globl kref
kref:
    mv t1, a0
    li t0, RAM_BASE
    sub t1, t1, t0
    srli t1, t1, PGSHIFT
    slli t1, t1, 1
    la t0, page_refs
    lw t0, 0(t0)
    add t1, t1, t0
    lhu t0, 0(t1)
    addi t0, t0, 1
    sh t0, 0(t1)
    ret

# kfree -- drop one reference; the last one puts the page back on the free list
#  IN:  a0 = physical address of the page
#  OUT: nothing
#  clobbers t0-t2
.globl kfree
kfree:
    li t0, RAM_BASE
    sub t1, a0, t0
    srli t1, t1, PGSHIFT
    slli t1, t1, 1
    la t0, page_refs
    lw t0, 0(t0)
    add t1, t1, t0
    lhu t0, 0(t1)
    beqz t0, 2f                 # not allocated: ignore (defensive)
    addi t0, t0, -1
    sh t0, 0(t1)
    bnez t0, 2f
    srli a0, a0, PGSHIFT
    slli a0, a0, PGSHIFT
    la t1, free_list
    lw t2, 0(t1)
    sw t2, 0(a0)
    sw a0, 0(t1)
    la t1, free_pages
    lw t2, 0(t1)
    addi t2, t2, 1
    sw t2, 0(t1)
2:  ret

.section .bss
.balign 4
# free_pages -- number of pages on the free list (read by tests through the symbol)
.globl free_pages
free_pages: .space 4
free_list:  .space 4
page_refs:  .space 4            # address of the u16 count table
kmem_first: .space 4            # first page the allocator manages
