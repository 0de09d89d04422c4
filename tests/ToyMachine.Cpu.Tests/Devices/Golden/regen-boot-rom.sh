#!/usr/bin/env bash
# Assembles boot-rom.s with GNU binutils (apt: binutils-riscv64-unknown-elf) and prints
# the words as C# literals, for BootRomTests.GnuAsWords. The tests never need binutils.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
riscv64-unknown-elf-as -march=rv32ima_zicsr_zifencei -mabi=ilp32 -mno-relax -o "$tmp/rom.o" boot-rom.s
# Linked at the reset vector, so the pc-relative operands are resolved as in the ROM.
riscv64-unknown-elf-ld -m elf32lriscv -Ttext=0x1000 -e _start -o "$tmp/rom.elf" "$tmp/rom.o"
riscv64-unknown-elf-objcopy -O binary -j .text "$tmp/rom.elf" "$tmp/rom.bin"
od -An -v -tx4 -w4 "$tmp/rom.bin" | awk '{ printf "        0x%s,\n", toupper($1) }' | sed 's/0X/0x/'
