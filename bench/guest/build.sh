#!/usr/bin/env bash
# Builds compute.elf with GNU binutils (apt: binutils-riscv64-unknown-elf). The benchmark
# reads the committed ELF, so running it needs only the .NET SDK.
set -euo pipefail
cd "$(dirname "$0")"
riscv64-unknown-elf-as -march=rv32ima_zicsr -mabi=ilp32 -mno-relax -o /tmp/compute.o compute.s
riscv64-unknown-elf-ld --no-relax --no-warn-rwx-segments -N -m elf32lriscv -Ttext=0x80000000 -o compute.elf /tmp/compute.o
