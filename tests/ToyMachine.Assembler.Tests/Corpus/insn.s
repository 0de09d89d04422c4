# .insn with a raw encoding (length from the low bits, or given), sgt and sgtu.
.text
    .insn 0x00000013
    .insn 0x0001
    .insn 4, 0x00a58533
    .insn 2, 0x4501
    .insn 0x12345678909f
    .insn 8, 0x123456789012343f
    .insn 0x7f
    .insn 0x107f
    .insn 0xffff
    sgt a0, a1, a2
    sgtu t0, t1, t2
