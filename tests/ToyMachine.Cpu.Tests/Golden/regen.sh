#!/usr/bin/env bash
# Rebuilds the golden files of this folder with GNU binutils (apt: binutils-riscv64-unknown-elf).
# The tests only read the goldens; they never need binutils.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
riscv64-unknown-elf-as -march=rv32ima_zicsr_zifencei -mabi=ilp32 -mno-relax -o "$tmp/isa.o" isa-table.s
# -M no-aliases: the real instruction's mnemonic, never a pseudo-instruction.
riscv64-unknown-elf-objdump -d -M no-aliases "$tmp/isa.o" \
  | awk -F'\t' '/^ +[0-9a-f]+:\t/ { split($3, m, " "); print $2, m[1] }' \
  | sed 's/ *$//' | awk '{print $1, $2}' > isa-table.golden
echo "wrote isa-table.golden ($(wc -l < isa-table.golden) instructions)"
