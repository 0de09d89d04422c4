#!/usr/bin/env bash
# Rebuilds the fixtures of this folder with GNU binutils (apt: binutils-riscv64-unknown-elf).
# The tests use the committed outputs, so they never need binutils.
#   bootblock.bin   the boot block kernel/boot/bootblock.s as a flat binary at 0x8000_0000
#   tinykernel.elf  a stand-in kernel at 0x8001_0000 (tinykernel.s)
#   user.elf        a minimal user program at 0x0001_0000 (user.s)
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
as="riscv64-unknown-elf-as -march=rv32ima_zicsr_zifencei -mabi=ilp32 -mno-relax"
ld="riscv64-unknown-elf-ld -m elf32lriscv --no-relax --no-warn-rwx-segments"
$as -o "$tmp/bootblock.o" ../../../kernel/boot/bootblock.s
$ld -N -Ttext=0x80000000 -o "$tmp/bootblock.elf" "$tmp/bootblock.o"
riscv64-unknown-elf-objcopy -O binary "$tmp/bootblock.elf" bootblock.bin
test "$(stat -c %s bootblock.bin)" -eq 512 || { echo "bootblock.bin is not 512 bytes"; exit 1; }
$as -o "$tmp/tinykernel.o" tinykernel.s
$ld -N -T tinykernel.ld -o tinykernel.elf "$tmp/tinykernel.o"
$as -o "$tmp/user.o" user.s
$ld -N -Ttext=0x00010000 -o user.elf "$tmp/user.o"
riscv64-unknown-elf-readelf -l tinykernel.elf | grep LOAD
echo "built: bootblock.bin tinykernel.elf user.elf"
