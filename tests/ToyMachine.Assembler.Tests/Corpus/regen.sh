#!/bin/sh
# Regenerates the goldens of the assembler corpus with GNU binutils:
#   riscv64-unknown-elf-as -march=rv32ima_zicsr_zifencei -mabi=ilp32 -mno-relax
#   riscv64-unknown-elf-ld --no-relax -m elf32lriscv -Ttext=0x10000 [-Tdata=...]
# .data (or .bss when there is no .data) is placed at the first 4 KiB boundary after
# .text/.rodata, the layout of docs/assembler.md. For every allocated section the golden
# NAME.golden holds "name address size" and the bytes in hex. A source NAME.s assembles
# alone; a directory NAME.multi/ holds several files linked in name order.
# Usage: ./regen.sh [NAME...]   (from any directory)
set -eu
cd "$(dirname "$0")"
AS="riscv64-unknown-elf-as -march=rv32ima_zicsr_zifencei -mabi=ilp32 -mno-relax"
LD="riscv64-unknown-elf-ld --no-relax -m elf32lriscv"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

golden() { # $1 = name, $2... = sources
    name=$1; shift
    objs=""
    for src in "$@"; do
        o="$tmp/$(basename "$src").o"
        $AS -I . -o "$o" "$src"
        objs="$objs $o"
    done
    $LD -Ttext=0x10000 -e 0x10000 -o "$tmp/first.elf" $objs
    # End of the text segment: the end of .text or .rodata, whichever is later.
    end=65536
    for pair in $(riscv64-unknown-elf-readelf -SW "$tmp/first.elf" | awk '/\] \.(text|rodata) / { sub(/.*\] /, ""); print $3 ":" $5 }'); do
        e=$(( 0x${pair%:*} + 0x${pair#*:} ))
        [ "$e" -gt "$end" ] && end=$e
    done
    data=$(printf '0x%x' $(( (end + 4095) / 4096 * 4096 )))
    if riscv64-unknown-elf-readelf -SW "$tmp/first.elf" | grep -q '\] \.data '; then place="-Tdata=$data"; else place="-Tbss=$data"; fi
    $LD -Ttext=0x10000 $place -e 0x10000 -o "$tmp/out.elf" $objs
    out="$name.golden"
    : > "$out"
    riscv64-unknown-elf-readelf -SW "$tmp/out.elf" | awk '/\] \.(text|rodata|data|bss) / { sub(/.*\] /, ""); print $1, $3, $5, $2 }' | sort -k2 |
    while read -r sec addr size type; do
        [ "$((0x$size))" -eq 0 ] && continue
        echo "$sec $addr $size" >> "$out"
        if [ "$type" != NOBITS ]; then
            riscv64-unknown-elf-objcopy -O binary --only-section="$sec" "$tmp/out.elf" "$tmp/sec.bin"
            od -An -v -tx1 "$tmp/sec.bin" | tr -d ' \n' | fold -w 64 >> "$out"
            echo >> "$out"
        fi
    done
    riscv64-unknown-elf-readelf -lW "$tmp/out.elf" | awk '$1 == "LOAD" { f = ""; for (i = 7; i < NF; i++) f = f $i; print "LOAD", $3, $5, $6, f }' >> "$out"
}

if [ $# -gt 0 ]; then names="$*"; else names=$(ls *.s *.multi 2>/dev/null | sed 's/\.s$//; s/\.multi$//' | sort -u); fi
for n in $names; do
    if [ -d "$n.multi" ]; then golden "$n" $(ls "$n.multi"/*.s | sort); else golden "$n" "$n.s"; fi
    echo "regenerated $n.golden"
done
