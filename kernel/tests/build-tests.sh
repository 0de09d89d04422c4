#!/bin/sh
# build-tests.sh -- dev-only: assemble every guest test program kernel/tests/t_*.s and
# hello.s with tlib.s into kernel/build/ktests/NAME, and a TYFS image build/ktests/fs.img with
# all of them in /bin (plus a few data files).
set -e
cd "$(dirname "$0")/../.."
out=kernel/build/ktests
mkdir -p "$out"
AS="riscv64-unknown-elf-as -march=rv32ima_zicsr_zifencei -mabi=ilp32 -mno-relax -I userland/include -I kernel/tests"
$AS -o "$out/tlib.o" kernel/tests/tlib.s
# CONTRACTS.md layout at 0x0001_0000, without ELF headers in a segment
cat > "$out/user.ld" <<'LD'
SECTIONS {
    . = 0x10000;
    .text : { *(.text .text.*) }
    .rodata : { *(.rodata .rodata.* .srodata .srodata.*) }
    . = ALIGN(4096);
    .data : { *(.data .data.* .sdata .sdata.*) }
    .bss : { *(.bss .bss.* .sbss .sbss.* COMMON) }
    _end = .;
}
LD
args=
for f in kernel/tests/hello.s kernel/tests/nop.s kernel/tests/yield2.s kernel/tests/t_*.s; do
    [ -e "$f" ] || continue
    name=$(basename "$f" .s)
    $AS -o "$out/$name.o" "$f"
    riscv64-unknown-elf-ld -m elf32lriscv --no-relax -T "$out/user.ld" -e _start -o "$out/$name" "$out/$name.o" "$out/tlib.o"
    args="$args $out/$name:/bin/$name"
done
# /etc/high: one segment filling 0x7FFE_0000 .. 0x7FFE_FFFF (t_audit)
$AS -o "$out/high.o" kernel/tests/high/high.s
riscv64-unknown-elf-ld -m elf32lriscv --no-relax -Ttext=0x7FFE0000 -N -e _start -o "$out/high" "$out/high.o"
args="$args $out/high:/etc/high"
printf 'this is not an ELF file\n' > "$out/notelf"
printf 'hello, file\n' > "$out/data.txt"
python3 kernel/tests/mkfs.py "$out/fs.img" $args "$out/notelf:/etc/notelf" "$out/data.txt:/etc/data.txt"
# A bootable image with the dev kernel (kernel/build/kernel.elf) and the boot block of
# kernel/boot/.
boot_src=kernel/boot/bootblock.s
riscv64-unknown-elf-as -march=rv32ima_zicsr_zifencei -mabi=ilp32 -mno-relax -o "$out/boot.o" "$boot_src"
riscv64-unknown-elf-ld -m elf32lriscv --no-relax -Ttext=0x80000000 -e 0x80000000 -o "$out/boot.elf" "$out/boot.o"
riscv64-unknown-elf-objcopy -O binary "$out/boot.elf" "$out/boot.bin"
kernel/build-gnu.sh -o kernel/build/kernel.elf
python3 kernel/tests/mkfs.py "$out/disk.img" --boot "$out/boot.bin" --kernel kernel/build/kernel.elf $args "$out/notelf:/etc/notelf" "$out/data.txt:/etc/data.txt"
