#!/usr/bin/env bash
# Rebuilds the disassembler goldens with GNU binutils (apt: binutils-riscv64-unknown-elf).
# The tests only read the committed files; they never need binutils.
#
#   NAME.s            fixture source (sweep.s is written by gen-sweep.py)
#   NAME.elf          GNU as + ld output, committed (small)
#   NAME.objdump      riscv64-unknown-elf-objdump -d NAME.elf
#   layout-stripped.elf   layout.elf without symbols
#   csrs-1.11.elf, csrs-1.12.elf, csrs-noattr.elf   csrs.s under each privileged spec
#   fixture-NAME.objdump   objdump -d of tests/ToyMachine.Cpu.Tests/Fixtures/NAME.elf
#   aliases.bin       .text of aliases.elf as a flat binary
#   aliases.bin.objdump   objdump -D -b binary -m riscv:rv32 --adjust-vma=0x80000000
#
# Then the round trip: the text objdump printed for every instruction of sweep.elf and
# aliases.elf is assembled again with GNU as, at the same address, and must give the
# same bytes. Our disassembler prints the same text (the golden tests check that), so
# this shows that our output is GNU-as-assemblable and means the same words.
set -euo pipefail
cd "$(dirname "$0")"
tmp=$(mktemp -d)
[ -n "${KEEP_TMP:-}" ] && echo "tmp: $tmp" || trap 'rm -rf "$tmp"' EXIT

# The project's flags (CONTRACTS.md). GNU as 2.40 records privileged spec 1.11 in the
# attributes, and objdump then prints the CSRs 1.12 added (menvcfg...) as numbers; the
# csrs-* fixtures record that under 1.11, 1.12 and without attributes.
as="riscv64-unknown-elf-as -march=rv32ima_zicsr_zifencei -mabi=ilp32 -mno-relax"
ld="riscv64-unknown-elf-ld --no-relax -m elf32lriscv"
objdump=riscv64-unknown-elf-objdump

python3 gen-sweep.py

build() {   # build NAME BASE
  $as -o "$tmp/$1.o" "$1.s"
  $ld -Ttext="$2" -o "$1.elf" "$tmp/$1.o"
  $objdump -d "$1.elf" > "$1.objdump"
}
build sweep 0x80000000
build aliases 0x80000000
build layout 0x00010000
$as -o "$tmp/csrs.o" csrs.s
$ld -Ttext=0x80000000 -o csrs-1.11.elf "$tmp/csrs.o"
$objdump -d csrs-1.11.elf > csrs-1.11.objdump
$as -mpriv-spec=1.12 -o "$tmp/csrs.o" csrs.s
$ld -Ttext=0x80000000 -o csrs-1.12.elf "$tmp/csrs.o"
$objdump -d csrs-1.12.elf > csrs-1.12.objdump
riscv64-unknown-elf-objcopy -R .riscv.attributes csrs-1.11.elf csrs-noattr.elf
$objdump -d csrs-noattr.elf > csrs-noattr.objdump
# Without .symtab objdump has no labels but "<.text>" and prints targets as 0x...
riscv64-unknown-elf-strip -o layout-stripped.elf layout.elf
$objdump -d layout-stripped.elf > layout-stripped.objdump

# Real programs: the machine's test fixtures (tests/ToyMachine.Cpu.Tests/Fixtures), as
# objdump prints them (run there, so the header names the file alone), and hello.elf
# without symbols, which is what the trace's stateless disassembly is checked against.
fixtures=../../../ToyMachine.Cpu.Tests/Fixtures
for p in hello echo selftest sstc timer idle spin; do
  (cd "$fixtures" && $objdump -d "$p.elf") > "fixture-$p.objdump"
done
riscv64-unknown-elf-strip -o "$tmp/hello.elf" "$fixtures/hello.elf"
(cd "$tmp" && $objdump -d hello.elf) > fixture-hello-stripped.objdump

riscv64-unknown-elf-objcopy -O binary -j .text aliases.elf aliases.bin
$objdump -D -b binary -m riscv:rv32 --adjust-vma=0x80000000 aliases.bin > aliases.bin.objdump

# Round trip through GNU as.
roundtrip() {   # roundtrip NAME BASE
  local name=$1 base=$2
  # Instruction lines are "ADDR:<tab>HEX<spaces><tab>TEXT". The "# addr <sym>" comment
  # is dropped and a "ADDR <sym+off>" target becomes ".+N" (GNU as would turn a branch
  # to an absolute or undefined symbol into a longer sequence).
  # Two things objdump prints have no GNU as spelling, so their words are kept as .insn:
  # "fence w,unknown" (a fence with an empty set) and RV32 shifts by 32..63 (shamt[5]
  # set, illegal on RV32, which objdump still prints as "sll a0,a1,0x20").
  local unknown
  unknown=$(python3 - "$name.objdump" "$tmp/$name.rt.s" <<'PY'
import re, sys
kept, out = 0, ["    .globl _start", "_start:"]
for line in open(sys.argv[1]):
    m = re.match(r"^ *([0-9a-f]+):\t([0-9a-f ]+)\t(.*)$", line.rstrip("\n"))
    if not m:
        continue
    addr, raw, text = int(m[1], 16), m[2].replace(" ", ""), m[3]
    text = re.sub(r" # .*$", "", text)
    t = re.search(r"([0-9a-f]+) <[^>]*>$", text)
    if t:
        off = (int(t[1], 16) - addr + 2**31) % 2**32 - 2**31
        text = text[:t.start()] + (f".+{off}" if off >= 0 else f".{off}")
    if "unknown" in text or re.match(r"^(sll|srl|sra)\t.*,0x[23][0-9a-f]$", text):
        kept += 1
        text = f".insn 0x{raw}"
    out.append("    " + text)
open(sys.argv[2], "w").write("\n".join(out) + "\n")
print(kept)
PY
)
  $as -o "$tmp/$name.rt.o" "$tmp/$name.rt.s" 2>&1 | head -20
  $ld -Ttext="$base" -o "$tmp/$name.rt.elf" "$tmp/$name.rt.o"
  riscv64-unknown-elf-objcopy -O binary -j .text "$name.elf" "$tmp/$name.orig.bin"
  riscv64-unknown-elf-objcopy -O binary -j .text "$tmp/$name.rt.elf" "$tmp/$name.rt.bin"
  if cmp -s "$tmp/$name.orig.bin" "$tmp/$name.rt.bin"; then
    echo "round trip $name: $(wc -l < "$tmp/$name.rt.s") instructions re-assembled to the same bytes ($unknown kept as .insn: no GNU as spelling)"
  else
    echo "round trip $name: FAILED"; cmp "$tmp/$name.orig.bin" "$tmp/$name.rt.bin" || true
    diff <($objdump -d "$name.elf" | grep -P "^ *[0-9a-f]+:\t" | cut -f1-3) <($objdump -d "$tmp/$name.rt.elf" | grep -P "^ *[0-9a-f]+:\t" | cut -f1-3) | head -20
    exit 1
  fi
}
roundtrip sweep 0x80000000
roundtrip aliases 0x80000000

echo "wrote: $(ls *.elf *.bin *.objdump | tr '\n' ' ')"
