#!/usr/bin/env python3
"""Writes sweep.s: every encoding shape of the machine's instructions with edge and
pseudo-random operand fields, as raw `.insn` words, so objdump sees each alias rule
from both sides. Deterministic (fixed seed): rerunning gives the same file.

The match/mask pairs below are the ones of cpu/Isa/Instructions.cs; the golden test
checks that every table entry is exercised, so a drift shows up as a test failure."""
import random

random.seed(20261201)

# (mnemonic, match, mask) as in cpu/Isa/Instructions.cs
TABLE = [
    ("lui", 0x37, 0x7F), ("auipc", 0x17, 0x7F), ("jal", 0x6F, 0x7F), ("jalr", 0x67, 0x707F),
    ("beq", 0x63, 0x707F), ("bne", 0x1063, 0x707F), ("blt", 0x4063, 0x707F), ("bge", 0x5063, 0x707F),
    ("bltu", 0x6063, 0x707F), ("bgeu", 0x7063, 0x707F),
    ("lb", 0x3, 0x707F), ("lh", 0x1003, 0x707F), ("lw", 0x2003, 0x707F), ("lbu", 0x4003, 0x707F),
    ("lhu", 0x5003, 0x707F), ("sb", 0x23, 0x707F), ("sh", 0x1023, 0x707F), ("sw", 0x2023, 0x707F),
    ("addi", 0x13, 0x707F), ("slti", 0x2013, 0x707F), ("sltiu", 0x3013, 0x707F), ("xori", 0x4013, 0x707F),
    ("ori", 0x6013, 0x707F), ("andi", 0x7013, 0x707F),
    ("slli", 0x1013, 0xFE00707F), ("srli", 0x5013, 0xFE00707F), ("srai", 0x40005013, 0xFE00707F),
    ("add", 0x33, 0xFE00707F), ("sub", 0x40000033, 0xFE00707F), ("sll", 0x1033, 0xFE00707F),
    ("slt", 0x2033, 0xFE00707F), ("sltu", 0x3033, 0xFE00707F), ("xor", 0x4033, 0xFE00707F),
    ("srl", 0x5033, 0xFE00707F), ("sra", 0x40005033, 0xFE00707F), ("or", 0x6033, 0xFE00707F),
    ("and", 0x7033, 0xFE00707F),
    ("fence.tso", 0x8330000F, 0xFFF0707F), ("fence", 0xF, 0x707F), ("fence.i", 0x100F, 0x707F),
    ("ecall", 0x73, 0xFFFFFFFF), ("ebreak", 0x100073, 0xFFFFFFFF),
    ("csrrw", 0x1073, 0x707F), ("csrrs", 0x2073, 0x707F), ("csrrc", 0x3073, 0x707F),
    ("csrrwi", 0x5073, 0x707F), ("csrrsi", 0x6073, 0x707F), ("csrrci", 0x7073, 0x707F),
    ("mul", 0x2000033, 0xFE00707F), ("mulh", 0x2001033, 0xFE00707F), ("mulhsu", 0x2002033, 0xFE00707F),
    ("mulhu", 0x2003033, 0xFE00707F), ("div", 0x2004033, 0xFE00707F), ("divu", 0x2005033, 0xFE00707F),
    ("rem", 0x2006033, 0xFE00707F), ("remu", 0x2007033, 0xFE00707F),
    ("lr.w", 0x1000202F, 0xF9F0707F), ("sc.w", 0x1800202F, 0xF800707F), ("amoswap.w", 0x0800202F, 0xF800707F),
    ("amoadd.w", 0x202F, 0xF800707F), ("amoxor.w", 0x2000202F, 0xF800707F), ("amoand.w", 0x6000202F, 0xF800707F),
    ("amoor.w", 0x4000202F, 0xF800707F), ("amomin.w", 0x8000202F, 0xF800707F), ("amomax.w", 0xA000202F, 0xF800707F),
    ("amominu.w", 0xC000202F, 0xF800707F), ("amomaxu.w", 0xE000202F, 0xF800707F),
    ("sret", 0x10200073, 0xFFFFFFFF), ("mret", 0x30200073, 0xFFFFFFFF), ("wfi", 0x10500073, 0xFFFFFFFF),
    ("sfence.vma", 0x12000073, 0xFE007FFF),
]

# CSR numbers of machine.md (cpu/Isa/Csrs.cs) and a few numbers no spec names.
CSRS = [0xC00, 0xC01, 0xC02, 0xC80, 0xC81, 0xC82, 0x100, 0x104, 0x105, 0x106, 0x140, 0x141,
        0x142, 0x143, 0x144, 0x14D, 0x15D, 0x180, 0xF11, 0xF12, 0xF13, 0xF14, 0x300, 0x301,
        0x302, 0x303, 0x304, 0x305, 0x306, 0x30A, 0x310, 0x31A, 0x340, 0x341, 0x342, 0x343,
        0x344, 0x3A0, 0x3A7, 0x3AF, 0x3B0, 0x3C5, 0x3EF, 0xB00, 0xB02, 0xB80, 0xB82,
        0x7C0, 0x8FF, 0xBC0, 0xFC0]
REGS = [0, 1, 2, 3, 4, 5, 8, 10, 15, 31]
IMMS = [0, 1, -1, 2, -2, 255, 2047, -2048, 0x555, -0x556, 4, -4, 16]


def field(word, shift, width, value):
    m = ((1 << width) - 1) << shift
    return (word & ~m) | ((value << shift) & m)


def variants(name, match, mask):
    free = ~mask & 0xFFFFFFFF
    out = [match, match | free]
    for _ in range(6):
        out.append(match | (random.getrandbits(32) & free))
    if name.startswith("csr"):
        # objdump also names CSRs the machine does not have (tdata3, hpmcounter26...);
        # our disassembler prints those as numbers (docs/disassembler.md), so the
        # random CSR fields are drawn from the machine's CSRs and unnamed numbers.
        out[2:] = [field(w, 20, 12, random.choice(CSRS)) for w in out[2:]]
    # Edge fields, placed only where the table leaves bits free.
    for _ in range(18):
        w = match | (random.getrandbits(32) & free)
        for shift in (7, 15, 20):
            if (free >> shift) & 0x1F == 0x1F:
                w = field(w, shift, 5, random.choice(REGS))
        if free >> 20 == 0xFFF:
            if name.startswith("csr"):
                w = field(w, 20, 12, random.choice(CSRS))
            else:
                w = field(w, 20, 12, random.choice(IMMS) & 0xFFF)
        out.append(w)
    return out


words = []
seen = set()
for name, match, mask in TABLE:
    for w in variants(name, match, mask):
        if w not in seen:
            seen.add(w)
            words.append((name, w))

# Words no table entry matches, near the real ones (funct fields off by one) and random.
extra = [0x0000707B, 0x02059513, 0x04059513, 0x2005D513,
         0x0205D513, 0x4205D513, 0x0000200F, 0x0010100F, 0x10000073, 0x00300073, 0x30200173,
         0x12000173, 0x1005A5AF, 0x1025A52F, 0xF800202F, 0x0000400F, 0x9000000F, 0x0100000F,
         0x0010000F, 0x0000000F, 0x8330000F, 0x833000AF, 0x0000108F, 0xC0001073, 0xC0101073]
# Not here: 0x00200073, which objdump prints as uret (N extension, not on this machine).
for w in extra:
    words.append(("other", w))
for _ in range(40):
    w = random.getrandbits(32) | 0b11
    if (w & 0x1F) == 0x1F:   # not a 32-bit length: keep the sweep to 32-bit words
        w ^= 0x04
    words.append(("random", w))

with open("sweep.s", "w") as f:
    f.write("# Generated by gen-sweep.py; do not edit. Raw words, so every operand field\n")
    f.write("# value reaches the disassembler, including ones no source spelling produces.\n")
    f.write("    .text\n    .globl _start\n_start:\n")
    for i, (name, w) in enumerate(words):
        if i % 64 == 0 and i:
            f.write(f"block{i // 64}:\n")
        f.write(f"    .insn 0x{w:08x}    # {name}\n")
    # 16-bit and zero halfwords: objdump prints them as .2byte.
    f.write("tail:\n    .insn 0x0001\n    .insn 0x4501\n    .insn 0xffff\n    .insn 0x00000013\n")

# csrs.s: every CSR of machine.md by number, read, written and set, so that the names
# objdump prints under each privileged spec version are on record (regen.sh assembles it
# three ways: attributes saying 1.11, saying 1.12, and no attributes).
MACHINE_CSRS = ([0xC00, 0xC01, 0xC02, 0xC80, 0xC81, 0xC82, 0x100, 0x104, 0x105, 0x106, 0x140,
                 0x141, 0x142, 0x143, 0x144, 0x14D, 0x15D, 0x180, 0xF11, 0xF12, 0xF13, 0xF14,
                 0x300, 0x301, 0x302, 0x303, 0x304, 0x305, 0x306, 0x30A, 0x310, 0x31A, 0x340,
                 0x341, 0x342, 0x343, 0x344] + list(range(0x3A0, 0x3B0)) + list(range(0x3B0, 0x3F0))
                + [0xB00, 0xB02, 0xB80, 0xB82])
with open("csrs.s", "w") as f:
    f.write("# Generated by gen-sweep.py; do not edit.\n    .text\n    .globl _start\n_start:\n")
    for n in MACHINE_CSRS:
        f.write(f"    csrrs a0, {n:#05x}, a1\n    csrrwi zero, {n:#05x}, 3\n")
