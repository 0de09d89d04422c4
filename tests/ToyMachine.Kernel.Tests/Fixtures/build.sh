#!/bin/sh
# build.sh -- regenerates the fixtures of ToyMachine.Kernel.Tests with GNU binutils:
#   kernel.elf        the kernel (kernel/build-gnu.sh)
#   kernel-tests.img  a bootable image: the images helper's boot block, that kernel, and
#                     the guest test programs of kernel/tests/ in /bin
#                     (kernel/tests/build-tests.sh, kernel/tests/mkfs.py)
#   console-input.txt, jobs-input.txt: the console input of t_console and t_jobs
# Until the project's own build assembles the kernel and mkimage builds images, these
# committed files are what the tests boot.
set -e
here=$(cd "$(dirname "$0")" && pwd)
root=$here/../../..
"$root/kernel/tests/build-tests.sh"
cp "$root/kernel/build/kernel.elf" "$here/kernel.elf"
cp "$root/kernel/build/ktests/disk.img" "$here/kernel-tests.img"
cp "$root/kernel/tests/console-input.txt" "$root/kernel/tests/jobs-input.txt" "$here/"
# What the fixtures were built from: a test fails when these files change without a
# rebuild of the fixtures.
cd "$root"
sha256sum kernel/*.s kernel/include/*.inc kernel/tests/*.s kernel/tests/*.inc kernel/tests/*.py \
    kernel/tests/*.sh kernel/tests/*.txt userland/include/*.inc > "$here/sources.sha256"
