#!/usr/bin/env bash
# Development build of userland with GNU binutils: checks that every program of
# bin/ assembles and links with the library at the user base 0x0001_0000, as the
# project's assembler will build them (`dotnet build`). Outputs in build/ (ignored).
# The layout is the contract's (.text, .rodata from 0x0001_0000; .data, .bss from
# the next page; no ELF headers inside a segment), given by c/link.ld; a plain
# -Ttext=0x10000 would put the headers in a segment at 0xF000, below user space.
#   userland/build-gnu.sh            build every program
#   userland/build-gnu.sh sh echo    build only these
set -euo pipefail
cd "$(dirname "$0")"
out=build; mkdir -p "$out/obj"
as="riscv64-unknown-elf-as -march=rv32ima_zicsr_zifencei -mabi=ilp32 -mno-relax -I include"
ld="riscv64-unknown-elf-ld -m elf32lriscv --no-relax -T c/link.ld"
lib=()
for f in lib/*.s; do
  o="$out/obj/lib-$(basename "$f" .s).o"; $as -o "$o" "$f"; lib+=("$o")
done
progs=("$@"); [ ${#progs[@]} -gt 0 ] || progs=($(ls bin/*.s | xargs -n1 basename | sed 's/\.s$//'))
for p in "${progs[@]}"; do
  $as -o "$out/obj/$p.o" "bin/$p.s"
  $ld -o "$out/$p" "$out/obj/$p.o" "${lib[@]}"
done
echo "built in userland/$out: ${progs[*]}"
