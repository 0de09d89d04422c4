#!/bin/sh
# Development aid: assembles each corpus source with `toymachine asm` and diffs its
# sections against the golden (needs binutils for readelf/objcopy; the xunit tests do
# the same comparison without them). Usage: ./check.sh [NAME...]
set -u
cd "$(dirname "$0")"
TM="dotnet ../../../cli/bin/Debug/net10.0/toymachine.dll"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
if [ $# -gt 0 ]; then names="$*"; else names=$(ls *.golden | sed 's/\.golden$//'); fi
fail=0
for n in $names; do
    if [ -d "$n.multi" ]; then srcs=$(ls "$n.multi"/*.s | sort); else srcs="$n.s"; fi
    if ! $TM asm -I . $srcs -o "$tmp/our.elf" 2> "$tmp/err"; then echo "FAIL $n (assembler errors)"; head -20 "$tmp/err"; fail=1; continue; fi
    : > "$tmp/our"
    riscv64-unknown-elf-readelf -SW "$tmp/our.elf" | awk '/\] \.(text|rodata|data|bss) / { sub(/.*\] /, ""); print $1, $3, $5, $2 }' | sort -k2 |
    while read -r sec addr size type; do
        [ "$((0x$size))" -eq 0 ] && continue
        echo "$sec $addr $size" >> "$tmp/our"
        if [ "$type" != NOBITS ]; then
            riscv64-unknown-elf-objcopy -O binary --only-section="$sec" "$tmp/our.elf" "$tmp/sec.bin"
            od -An -v -tx1 "$tmp/sec.bin" | tr -d ' \n' | fold -w 64 >> "$tmp/our"
            echo >> "$tmp/our"
        fi
    done
    grep -v '^LOAD' "$n.golden" > "$tmp/gold"
    if diff "$tmp/gold" "$tmp/our" > "$tmp/diff"; then echo "ok   $n"; else echo "FAIL $n"; head -20 "$tmp/diff"; fail=1; fi
done
exit $fail
