#!/usr/bin/env bash
# Builds the official RISC-V ISA tests (riscv-tests) for ToyMachine with their
# standard environments: env/p (physical, M-mode harness) and env/v (virtual
# memory: vm.c maps the test into user pages under Sv32 and pages on demand).
#
# Sources: riscv-tests/ beside this script (see README.md for where they come
# from). Output: build/<suite>-<p|v>-<test> ELF files, which the xunit theory
# ConformanceTests runs through the Machine. Needs riscv64-unknown-elf-gcc
# (apt: gcc-riscv64-unknown-elf) with its newlib headers for vm.c.
#
#   usage: build.sh [SOURCES]        (SOURCES defaults to ./riscv-tests)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
src="${1:-$here/riscv-tests}"
out="$here/build"
isa="$src/isa"
env="$src/env"
test -f "$isa/macros/scalar/test_macros.h" || { echo "build.sh: no riscv-tests sources at $src (see README.md)" >&2; exit 2; }
mkdir -p "$out"
# vm.c and string.c include <string.h>, <stdio.h> and <ctype.h> but use nothing
# of a C library: a freestanding build gets these declarations instead of newlib.
inc=$(mktemp -d); trap 'rm -rf "$inc"' EXIT
cat > "$inc/string.h" <<'H'
#include <stddef.h>
void* memcpy(void*, const void*, size_t); void* memset(void*, int, size_t);
int memcmp(const void*, const void*, size_t); size_t strlen(const char*);
int strcmp(const char*, const char*); char* strcpy(char*, const char*);
H
: > "$inc/stdio.h"; : > "$inc/ctype.h"

gcc=riscv64-unknown-elf-gcc
# As the riscv-tests Makefile (RISCV_GCC_OPTS), for RV32IMA + Zicsr + Zifencei;
# ENTROPY fixed so that rebuilding gives the same page layout for the -v tests.
opts="-march=rv32ima_zicsr_zifencei -mabi=ilp32 -static -mcmodel=medany -fvisibility=hidden -nostdlib -nostartfiles -Wl,--no-warn-rwx-segments -DENTROPY=0x9629af2"

# The test lists of the suites' Makefrags, less the tests of extensions
# ToyMachine does not have (see README.md).
rv32ui="simple add addi and andi auipc beq bge bgeu blt bltu bne fence_i jal jalr
        lb lbu lh lhu lw ld_st lui or ori sb sh sw st_ld sll slli slt slti sltiu sltu
        sra srai srl srli sub xor xori"
rv32um="div divu mul mulh mulhsu mulhu rem remu"
rv32ua="amoadd_w amoand_w amomax_w amomaxu_w amomin_w amominu_w amoor_w amoxor_w amoswap_w lrsc"
rv32mi="breakpoint csr mcsr illegal ma_fetch ma_addr scall sbreak shamt lw-misaligned lh-misaligned
        sh-misaligned sw-misaligned instret_overflow pmpaddr"
rv32si="csr dirty ma_fetch scall sbreak wfi"

built=0; failed=0
build_p() {  # suite test
  local s=$1 t=$2
  [ -f "$isa/$s/$t.S" ] || { echo "missing source: $s/$t.S" >&2; failed=$((failed+1)); return; }
  if $gcc $opts -I"$env/p" -I"$isa/macros/scalar" -T"$env/p/link.ld" "$isa/$s/$t.S" -o "$out/$s-p-$t"; then
    built=$((built+1)); else failed=$((failed+1)); fi
}
# The -v environment is the same for every test: entry.S, vm.c and string.c are
# built once. vm.c names "fssr x0" (to recognise FP tests on hardware without F),
# so it is assembled with F allowed; the compiled C uses no F instruction.
vflags="-std=gnu99 -O2 -ffreestanding -I$inc -I$env/v -I$isa/macros/scalar"
$gcc $opts $vflags -c "$env/v/entry.S" -o "$inc/entry.o"
$gcc ${opts/rv32ima_/rv32imaf_} $vflags -c "$env/v/vm.c" -o "$inc/vm.o"
$gcc $opts $vflags -c "$env/v/string.c" -o "$inc/string.o"
build_v() {  # suite test
  local s=$1 t=$2
  [ -f "$isa/$s/$t.S" ] || { failed=$((failed+1)); return; }
  if $gcc $opts $vflags -T"$env/v/link.ld" "$inc/entry.o" "$inc/vm.o" "$inc/string.o" "$isa/$s/$t.S" -lgcc \
       -o "$out/$s-v-$t"; then
    built=$((built+1)); else failed=$((failed+1)); fi
}

for t in $rv32ui; do build_p rv32ui "$t"; build_v rv32ui "$t"; done
for t in $rv32um; do build_p rv32um "$t"; build_v rv32um "$t"; done
for t in $rv32ua; do build_p rv32ua "$t"; build_v rv32ua "$t"; done
for t in $rv32mi; do build_p rv32mi "$t"; done
for t in $rv32si; do build_p rv32si "$t"; done
echo "built $built tests into $out, $failed failed"
[ "$failed" -eq 0 ]
