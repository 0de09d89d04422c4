#!/usr/bin/env python3
"""mkfs.py -- dev-only TYFS image writer (docs/image-format.md of the images helper),
written independently of images/ so that the kernel's reader can be tried before
`toymachine mkimage` exists, and the two can be compared.

Usage: mkfs.py OUT [--boot BOOT.bin --kernel KERNEL.elf] HOST:/GUEST...
Without --boot/--kernel: no boot block and no kernel blob (for the ramdisk).
"""
import struct, sys

BS = 4096

def main():
    out = sys.argv[1]
    args = sys.argv[2:]
    boot = kernel = None
    while args and args[0].startswith('--'):
        if args[0] == '--boot': boot = open(args[1], 'rb').read()
        elif args[0] == '--kernel': kernel = open(args[1], 'rb').read()
        args = args[2:]
    blob, kload, kmem, kentry = flatten(kernel) if kernel else (b'', 0x80010000, 0, 0)
    kblocks = (len(blob) + BS - 1) // BS
    files = {}
    for arg in args:
        host, guest = arg.rsplit(':', 1)
        files[guest] = open(host, 'rb').read()
    # the tree: dict name -> dict (dir) or bytes (file)
    root = {'bin': {}}
    for path, data in files.items():
        parts = [p for p in path.split('/') if p]
        d = root
        for p in parts[:-1]:
            d = d.setdefault(p, {})
        d[parts[-1]] = data
    # directory contents need child inode numbers: recompute via traversal
    counter = [0]
    nums = []
    def walk(node):
        counter[0] += 1
        my = counter[0]
        kids = []
        if isinstance(node, dict):
            for name in sorted(node):
                kids.append((name, walk(node[name])))
        nums.append((my, node, kids))
        return my
    walk(root)
    nums.sort()
    parent = {1: 1}
    for my, node, kids in nums:
        for name, k in kids:
            parent[k] = my
    contents = {}
    for my, node, kids in nums:
        if isinstance(node, dict):
            recs = [(my, '.'), (parent[my], '..')] + [(k, n) for n, k in kids]
            links = 2 + sum(1 for n, k in kids if isinstance(node[n], dict))
            contents[my] = (2, b''.join(struct.pack('<I', i) + n.encode().ljust(28, b'\0') for i, n in recs), links)
        else:
            contents[my] = (1, node, 1)
    ninodes = len(nums) + 1
    inode_blocks = max(1, (ninodes + 63) // 64)
    bitmap_start = 1 + kblocks
    inode_start = bitmap_start + 1
    data_start = inode_start + inode_blocks
    blocks = {}
    nextb = data_start
    table = bytearray(inode_blocks * BS)
    for my in range(1, ninodes):
        typ, data, links = contents[my]
        nb = (len(data) + BS - 1) // BS
        ptrs = []
        ind = 0
        for i in range(nb):
            if i == 12:
                ind = nextb; nextb += 1
            blocks[nextb] = data[i * BS:(i + 1) * BS]
            ptrs.append(nextb); nextb += 1
        direct = ptrs[:12] + [0] * (12 - len(ptrs[:12]))
        if ind:
            blocks[ind] = b''.join(struct.pack('<I', p) for p in ptrs[12:])
        rec = struct.pack('<III', typ, len(data), links) + b''.join(struct.pack('<I', p) for p in direct) + struct.pack('<I', ind)
        table[my * 64:my * 64 + 64] = rec
    total = max(nextb, 64)
    img = bytearray(total * BS)
    sb = struct.pack('<19I', 0x53465954, 1, BS, total, 8, (len(blob) + 511) // 512, kload, len(blob), kmem, kentry,
                     bitmap_start, 1, inode_start, inode_blocks, inode_blocks * 64, data_start, 1, 0, 0)
    img[512:512 + len(sb)] = sb
    if boot:
        boot = boot.ljust(508, b'\0')[:508] + b'BOOT'
        img[0:512] = boot
    img[BS:BS + len(blob)] = blob
    # bitmap: blocks in use (everything up to nextb) and past the end
    bm = bytearray(BS)
    for b in range(BS * 8):
        if b < nextb or b >= total:
            bm[b // 8] |= 1 << (b % 8)
    img[bitmap_start * BS:(bitmap_start + 1) * BS] = bm
    img[inode_start * BS:inode_start * BS + len(table)] = table
    for b, d in blocks.items():
        img[b * BS:b * BS + len(d)] = d
    open(out, 'wb').write(img)

def flatten(elf):
    """The kernel blob: the PT_LOAD segments at their physical addresses."""
    phoff, = struct.unpack_from('<I', elf, 28)
    entry, = struct.unpack_from('<I', elf, 24)
    phnum, = struct.unpack_from('<H', elf, 44)
    segs = []
    for i in range(phnum):
        t, off, va, pa, fsz, msz = struct.unpack_from('<6I', elf, phoff + 32 * i)
        if t == 1 and msz:
            segs.append((pa, elf[off:off + fsz], msz))
    lo = min(pa for pa, d, m in segs)
    end_file = max(pa + len(d) for pa, d, m in segs)
    end_mem = max(pa + m for pa, d, m in segs)
    blob = bytearray(end_file - lo)
    for pa, d, m in segs:
        blob[pa - lo:pa - lo + len(d)] = d
    return bytes(blob), lo, end_mem - lo, entry

main()
