# ramdisk.s -- an empty memory disk.
#
# The real kernel reads its file system from toyblk; this file only defines the two
# symbols disk.s tests.  kernel/build-gnu.sh --ramdisk IMAGE replaces it (dev only)
# with one that .incbin's a file system image, for bare-metal `toymachine run`.

.section .rodata
.balign 4096
.globl ramdisk_start
ramdisk_start:
.globl ramdisk_end
ramdisk_end:
