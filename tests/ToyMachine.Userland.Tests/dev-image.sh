#!/usr/bin/env bash
# dev-image.sh -- until `dotnet build` makes images/default: a bootable image with
# a kernel (built with GNU binutils from KERNEL_TREE, default the kernel helper's
# worktree /work/wt/kernel, copied to a temporary folder, never built in place),
# the images helper's boot block, and userland/bin built by userland/build-gnu.sh,
# written with the kernel tree's dev image writer (kernel/tests/mkfs.py).
#   tests/ToyMachine.Userland.Tests/dev-image.sh OUT.img
#   TOYMACHINE_USERLAND_IMAGE=OUT.img dotnet test tests/ToyMachine.Userland.Tests
set -euo pipefail
out=$(realpath -m "${1:?usage: dev-image.sh OUT.img}")
root=$(cd "$(dirname "$0")/../.." && pwd)
kernel_tree=${KERNEL_TREE:-/work/wt/kernel}
boot_src=${BOOTBLOCK_SRC:-/work/wt/images/kernel/boot/bootblock.s}
tmp=$(mktemp -d); trap 'rm -rf "$tmp"' EXIT
"$root/userland/build-gnu.sh" >/dev/null
cp -r "$kernel_tree/kernel" "$tmp/kernel"
mkdir -p "$tmp/userland" && cp -r "$root/userland/include" "$tmp/userland/"
sh "$tmp/kernel/build-gnu.sh" -o "$tmp/kernel.elf"
as="riscv64-unknown-elf-as -march=rv32ima_zicsr_zifencei -mabi=ilp32 -mno-relax"
$as -o "$tmp/boot.o" "$boot_src"
riscv64-unknown-elf-ld -m elf32lriscv --no-relax -Ttext=0x80000000 -e 0x80000000 -o "$tmp/boot.elf" "$tmp/boot.o"
riscv64-unknown-elf-objcopy -O binary "$tmp/boot.elf" "$tmp/boot.bin"
args=()
for p in "$root"/userland/build/*; do [ -f "$p" ] && args+=("$p:/bin/$(basename "$p")"); done
python3 "$tmp/kernel/tests/mkfs.py" "$out" --boot "$tmp/boot.bin" --kernel "$tmp/kernel.elf" "${args[@]}"
echo "$out: kernel from $kernel_tree, ${#args[@]} programs in /bin"
