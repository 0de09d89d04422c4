#!/usr/bin/env bash
# Rebuilds the bare-metal fixtures of this folder with GNU binutils: each test
# program linked with the shim (shim.s, the stand-in for the kernel) and the
# userland library at 0x8000_0000, where `toymachine run` can load it. The shim
# takes argv from the first input line: `echo "ls -l /" | toymachine run ls.elf`.
# The tests use the committed ELF files, so they never need binutils.
# With TOYMACHINE set to a command that runs the project's CLI, the project's
# assembler builds them instead (the tests start at shim_entry either way):
#   TOYMACHINE="dotnet cli/bin/Debug/net10.0/toymachine.dll" tests/ToyMachine.Userland.Tests/guest/build.sh
set -euo pipefail
cd "$(dirname "$0")"
root=../../..
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
as="riscv64-unknown-elf-as -march=rv32ima_zicsr_zifencei -mabi=ilp32 -mno-relax -I $root/userland/include"
ld="riscv64-unknown-elf-ld -m elf32lriscv --no-relax -N --no-warn-rwx-segments -Ttext=0x80000000 -e shim_entry"
progs="echo true false sh cat ls ps kill sleep uptime shutdown usertests"
if [ -n "${TOYMACHINE:-}" ]; then
  asm() { $TOYMACHINE asm --base 0x80000000 -I userland/include "$@"; }
  g=tests/ToyMachine.Userland.Tests/guest
  cd "$root"
  asm $g/shim.s $g/libtest.s userland/lib/*.s -o $g/libtest.elf
  for p in $progs; do asm $g/shim.s userland/bin/$p.s userland/lib/*.s -o $g/$p.elf; done
  echo "built with $TOYMACHINE: $(ls $g/*.elf | xargs -n1 basename | tr '\n' ' ')"
  exit 0
fi
lib=()
for f in $root/userland/lib/*.s; do
  o="$tmp/lib-$(basename "$f" .s).o"; $as -o "$o" "$f"; lib+=("$o")
done
$as -o "$tmp/shim.o" shim.s
link() { # link NAME SOURCE: NAME.elf from the shim, SOURCE and the library
  $as -o "$tmp/$1.o" "$2"
  $ld -o "$1.elf" "$tmp/shim.o" "$tmp/$1.o" "${lib[@]}"
}
link libtest libtest.s
for p in $progs; do link "$p" "$root/userland/bin/$p.s"; done
echo "built: $(ls *.elf | tr '\n' ' ')"
