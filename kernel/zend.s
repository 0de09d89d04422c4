# zend.s -- marks the end of the kernel image.
#
# Assembled last (its name sorts last among kernel/*.s), so its .bss comes after
# every other file's, with both GNU ld (kernel/build-gnu.sh) and the project's
# assembler (CONTRACTS.md: sections in command-line order).  kmain hands the pages
# from kernel_end to the end of RAM to the page allocator.

.section .bss
.balign 4096
.globl kernel_end
kernel_end:
