#!/usr/bin/env bash
# Rebuilds the fixtures of this folder with GNU binutils (apt: binutils-riscv64-unknown-elf).
# The tests use the committed outputs, so they never need binutils.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
as="riscv64-unknown-elf-as -march=rv32ima_zicsr_zifencei -mabi=ilp32 -mno-relax"
ld="riscv64-unknown-elf-ld -m elf32lriscv --no-relax -N --no-warn-rwx-segments -Ttext=0x80000000"
for p in hello spin timer idle sstc echo selftest; do
  $as -o "$tmp/$p.o" "$p.s"
  $ld -o "$p.elf" "$tmp/$p.o"
done
$as -o "$tmp/bootblock.o" bootblock.s
$ld -o "$tmp/bootblock.elf" "$tmp/bootblock.o"
riscv64-unknown-elf-objcopy -O binary "$tmp/bootblock.elf" bootblock.bin
test "$(stat -c %s bootblock.bin)" -le 512 || { echo "bootblock.bin is over 512 bytes"; exit 1; }
# The same programs under QEMU give the goldens (run with: -M virt -bios none).
for p in hello; do
  timeout 10 qemu-system-riscv32 -M virt -bios none -nographic -monitor none -serial stdio -kernel "$p.elf" > "$p.qemu.out" || true
done
echo "built: $(ls *.elf *.bin | tr '\n' ' ')"
