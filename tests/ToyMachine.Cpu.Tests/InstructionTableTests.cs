using ToyMachine.Cpu.Isa;

namespace ToyMachine.Cpu.Tests;

/// <summary>The instruction table against GNU binutils: Golden/isa-table.golden holds the
/// words GNU as produced for Golden/isa-table.s and the mnemonics objdump printed.</summary>
public class InstructionTableTests
{
    public static TheoryData<string, string> GoldenWords()
    {
        var data = new TheoryData<string, string>();
        foreach (var line in File.ReadAllLines(Path.Combine(AppContext.BaseDirectory, "Golden", "isa-table.golden")))
        {
            var parts = line.Split(' ');
            data.Add(parts[0], parts[1]);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(GoldenWords))]
    public void Decoder_names_each_binutils_word_as_objdump_does(string hex, string objdumpMnemonic)
    {
        uint word = Convert.ToUInt32(hex, 16);
        // objdump appends the ordering bits of atomics to the mnemonic (lr.w.aq); the
        // table names the instruction, the suffix is an operand.
        string expected = objdumpMnemonic.Replace(".aqrl", "").Replace(".aq", "").Replace(".rl", "");
        Assert.Equal(expected, Decoder.Find(word)?.Mnemonic);
    }

    [Fact]
    public void Golden_corpus_covers_every_table_entry()
    {
        var decoded = GoldenWords().Select(row => Decoder.Find(Convert.ToUInt32((string)row[0], 16))?.Op).ToHashSet();
        var missing = Instructions.All.Where(d => !decoded.Contains(d.Op)).Select(d => d.Mnemonic);
        Assert.Empty(missing);
    }

    [Fact]
    public void Every_operation_has_exactly_one_table_entry()
    {
        var ops = Instructions.All.Select(d => d.Op).ToList();
        Assert.Equal(ops.Count, ops.Distinct().Count());
        var expected = Enum.GetValues<Op>().Where(op => op is not (Op.Illegal or Op.NotDecoded));
        Assert.Equal(expected.OrderBy(o => o), ops.OrderBy(o => o));
    }

    [Fact]
    public void Match_bits_lie_inside_the_mask()
    {
        Assert.All(Instructions.All, d => Assert.Equal(d.Match, d.Match & d.Mask));
    }

    [Theory]
    [InlineData(0x0000_0000u)]    // all zeros is defined to be illegal
    [InlineData(0xFFFF_FFFFu)]    // all ones too
    [InlineData(0x0000_4501u)]    // c.li a0, 0: compressed, no C extension here
    [InlineData(0x0200_0053u)]    // fadd.s: no F extension
    [InlineData(0x4000_1013u)]    // slli with insn[30] set: reserved
    [InlineData(0x0200_5013u)]    // srli with shamt[5] set: reserved on RV32
    [InlineData(0x1010_202Fu)]    // lr.w with rs2 != 0: reserved
    public void Words_outside_the_machine_decode_as_nothing(uint word)
    {
        Assert.Null(Decoder.Find(word));
    }

    // Immediates, checked against the operands objdump prints for the same words.
    [Theory]
    [InlineData(0x001000EFu, 2048)]      // jal ra, .+2048
    [InlineData(0x800000EFu, -1048576)]  // jal ra, .-1048576
    public void J_immediate_is_reassembled_from_its_scattered_bits(uint word, int offset)
    {
        Assert.Equal(offset, Decoder.ImmJ(word));
        Assert.Equal(word & 0xFFF, (Encoder.ImmJ(offset) | Encoder.Rd(1) | 0x6F) & 0xFFF);
        Assert.Equal(word, Encoder.ImmJ(offset) | Encoder.Rd(1) | 0x6F);
    }

    [Theory]
    [InlineData(0x00B50863u, 16)]        // beq a0, a1, .+16
    [InlineData(0x7E944FE3u, 4094)]      // blt s0, s1, .+4094
    [InlineData(0x81EFD063u, -4096)]     // bge t6, t5, .-4096
    public void B_immediate_is_reassembled_from_its_scattered_bits(uint word, int offset)
    {
        Assert.Equal(offset, Decoder.ImmB(word));
        Assert.Equal(word, Encoder.ImmB(offset) | (word & ~Encoder.ImmB(-2)));
    }

    [Theory]
    [InlineData(0xFF041C23u, -8)]        // sh a6, -8(s0)
    [InlineData(0x0114A623u, 12)]        // sw a7, 12(s1)
    public void S_immediate_joins_its_two_halves(uint word, int offset)
    {
        Assert.Equal(offset, Decoder.ImmS(word));
        Assert.Equal(word, Encoder.ImmS(offset) | (word & 0x01FF_F07F));
    }
}
