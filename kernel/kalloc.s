# kalloc.s -- the physical page allocator, with a reference count per page.
#
# RAM from the end of the kernel image to the end of RAM is handed out in 4 KiB
# pages.  The first pages after the kernel hold page_refs, one u16 per page of RAM
# (index = (pa - RAM_BASE) >> 12).  Freed pages go on the free list, a stack linked
# through the first word of each free page; pages never handed out yet lie in
# [kmem_fresh, kmem_end) and are taken from there when the list is empty, so boot
# does not touch every page of RAM.
#
# Invariants: a page handed out at least once is on the free list exactly when its
# count is 0; free_pages = length of the free list + pages in [kmem_fresh, kmem_end); kalloc hands out zeroed pages with count 1; kref adds a
# sharer, kfree drops one and puts the page back when the last one goes.  No routine
# here sleeps, and the kernel runs with interrupts masked, so no lock is needed.

.include "kernel.inc"

.text

# kinit -- hand every page of [first, end) to the allocator
#  IN:  a0 = first free byte after the kernel, a1 = end of RAM
#  OUT: nothing
#  clobbers a0-a2, t0-t2
.globl kinit
kinit:
    li t0, PGSIZE - 1
    add a0, a0, t0
    not t0, t0
    and a0, a0, t0              # page-align the start
    la t1, page_refs
    sw a0, 0(t1)
    # The table: 2 bytes for every page of RAM, rounded up to whole pages.  It is
    # not cleared: a count is written when its page is first handed out, and only
    # pages that were handed out are ever looked up.
    li t1, RAM_BASE
    sub t2, a1, t1
    srli t2, t2, PGSHIFT - 1    # bytes of the table
    li t0, PGSIZE - 1
    add t2, t2, t0
    not t0, t0
    and t2, t2, t0
    add a0, a0, t2              # first page after the table
    # Then the kernel stacks and the block cache: big, and needing no zeroes, so they
    # are not in .bss (the boot block would spend 250,000 instructions clearing them).
    la t1, kstack_area
    sw a0, 0(t1)
    li t0, NPROC * KSTACK_SIZE
    add a0, a0, t0
    la t1, bcache_area
    sw a0, 0(t1)
    li t0, NBUF * PGSIZE
    add a0, a0, t0
    la t1, kmem_first
    sw a0, 0(t1)
    la t1, kmem_fresh           # pages from here up have never been handed out
    sw a0, 0(t1)
    la t1, kmem_end
    sw a1, 0(t1)
    sub t2, a1, a0
    srli t2, t2, PGSHIFT
    la t1, free_pages
    sw t2, 0(t1)
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
    beqz a0, 2f
    lw t0, 0(a0)
    sw t0, 0(t1)
    j 3f
2:  la t1, kmem_fresh           # the free list is empty: a page never used yet
    lw a0, 0(t1)
    la t0, kmem_end
    lw t0, 0(t0)
    bgeu a0, t0, 4f
    li t0, PGSIZE
    add t0, a0, t0
    sw t0, 0(t1)
3:  la t1, free_pages
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
    ret
4:  li a0, 0
    ret

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
.globl kstack_area
kstack_area: .space 4           # NPROC kernel stacks of KSTACK_SIZE bytes
.globl bcache_area
bcache_area: .space 4           # NBUF blocks of the block cache
kmem_fresh: .space 4            # pages from here to kmem_end were never handed out
kmem_end:   .space 4
