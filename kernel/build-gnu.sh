#!/bin/sh
# build-gnu.sh -- dev-only build of the kernel with GNU binutils (the real build uses
# the project's assembler).  Usage:
#   kernel/build-gnu.sh [-o OUT.elf] [--ramdisk IMAGE]
# --ramdisk links a TYFS image into the kernel (replacing kernel/ramdisk.s), for
# bare-metal runs with `toymachine run`, which has no disk.
set -e
cd "$(dirname "$0")/.."
out=kernel/build/kernel.elf
ramdisk=
while [ $# -gt 0 ]; do
    case "$1" in
        -o) out=$2; shift 2 ;;
        --ramdisk) ramdisk=$2; shift 2 ;;
        *) echo "build-gnu.sh: unknown argument $1" >&2; exit 2 ;;
    esac
done
obj=kernel/build/kobj
mkdir -p "$obj" "$(dirname "$out")"
AS="riscv64-unknown-elf-as -march=rv32ima_zicsr_zifencei -mabi=ilp32 -mno-relax -I kernel/include -I userland/include"
objs=
for f in kernel/*.s; do
    name=$(basename "$f" .s)
    src=$f
    if [ "$name" = ramdisk ] && [ -n "$ramdisk" ]; then
        src=$obj/ramdisk-image.s
        printf '.section .rodata\n.balign 4096\n.globl ramdisk_start\nramdisk_start:\n.incbin "%s"\n.globl ramdisk_end\nramdisk_end:\n' "$(realpath "$ramdisk")" > "$src"
    fi
    $AS -o "$obj/$name.o" "$src"
    objs="$objs $obj/$name.o"
done
# The layout of the contract (CONTRACTS.md): .text then .rodata at 0x8001_0000,
# .data at the next 4 KiB boundary, then .bss; no ELF headers inside a segment.
cat > "$obj/kernel.ld" <<'LD'
SECTIONS {
    . = 0x80010000;
    .text : { *(.text .text.*) }
    .rodata : { *(.rodata .rodata.* .srodata .srodata.*) }
    . = ALIGN(4096);
    .data : { *(.data .data.* .sdata .sdata.*) }
    .bss : { *(.bss .bss.* .sbss .sbss.* COMMON) }
    _end = .;
}
LD
# start.o first, so that _start is the first byte of .text
riscv64-unknown-elf-ld -m elf32lriscv --no-relax -T "$obj/kernel.ld" -e _start -o "$out" \
    "$obj/start.o" $(echo $objs | tr ' ' '\n' | grep -v '/start.o$')
