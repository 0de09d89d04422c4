#!/usr/bin/env bash
# Rebuilds the differential fixtures (*.diff.s) with GNU binutils and their goldens with
# QEMU: each program prints on the UART and powers off through the test device, under
#   qemu-system-riscv32 -M virt -bios none -cpu rv32,c=false,f=false,d=false,h=false
# The -cpu options take away what QEMU's default rv32 CPU has beyond machine.md's
# RV32IMA (C, F, D, H): without them jumps to 2-byte aligned targets would not trap and
# misa, mstatus.FS and the H bits of mie/mideleg would differ. The tests use the
# committed ELF files and goldens, so they never need binutils or QEMU.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
as="riscv64-unknown-elf-as -march=rv32ima_zicsr_zifencei -mabi=ilp32 -mno-relax"
ld="riscv64-unknown-elf-ld -m elf32lriscv --no-relax -N --no-warn-rwx-segments -Ttext=0x80000000"
qemu="qemu-system-riscv32 -M virt -bios none -cpu rv32,c=false,f=false,d=false,h=false -nographic -monitor none -serial stdio"
for s in *.diff.s; do
  p=${s%.s}
  $as -o "$tmp/$p.o" "$s"
  $ld -o "$p.elf" "$tmp/$p.o"
  timeout 20 $qemu -kernel "$p.elf" < /dev/null | head -c 1000000 > "$p.qemu.out"
  echo "$p: $(wc -l < "$p.qemu.out") lines"
done
# Programs that are not differential (no QEMU golden).
for p in counters; do
  $as -o "$tmp/$p.o" "$p.s"
  $ld -o "$p.elf" "$tmp/$p.o"
done
