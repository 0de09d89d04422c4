using ToyMachine.Cpu.Isa;

namespace ToyMachine.Assembler.Tests;

/// <summary>The assembler knows every instruction of the one table (cpu/Isa/Instructions.cs)
/// and encodes each to a word the table identifies as that instruction.</summary>
public class InstructionTableTests
{
    public static TheoryData<string> Mnemonics()
    {
        var data = new TheoryData<string>();
        foreach (var def in Instructions.All) data.Add(def.Mnemonic);
        return data;
    }

    [Theory]
    [MemberData(nameof(Mnemonics))]
    public void Every_table_instruction_assembles_to_a_word_matching_its_table_entry(string mnemonic)
    {
        var def = Instructions.All.Single(d => d.Mnemonic == mnemonic);
        string operands = def.Operands
            .Replace("imm(rs1)", "4(a1)").Replace("(rs1)", "(a1)")
            .Replace("rd", "a0").Replace("rs1", "a2").Replace("rs2", "a3")
            .Replace("offset", ".").Replace("shamt", "3").Replace("uimm", "5").Replace("imm", "7")
            .Replace("csr", "mscratch").Replace("pred", "rw").Replace("succ", "w")
            .Replace(",", ", ");
        var word = Asm.Words(Asm.Ok($"{mnemonic} {operands}\n"))[0];
        Assert.Equal(def.Match, word & def.Mask);
        // The decoder's first match is this entry (the table order puts fence.tso before fence).
        Assert.Equal(def, Instructions.All.First(d => (word & d.Mask) == d.Match));
    }

    [Theory]
    [InlineData("amoadd.w.aq a0, a1, (a2)", 1u << 26)]
    [InlineData("amoadd.w.rl a0, a1, (a2)", 1u << 25)]
    [InlineData("amoadd.w.aqrl a0, a1, (a2)", 3u << 25)]
    [InlineData("lr.w.aq a0, (a2)", 1u << 26)]
    public void Ordering_suffixes_set_aq_and_rl(string source, uint bits)
    {
        Assert.Equal(bits, Asm.Words(Asm.Ok(source))[0] & (3u << 25));
    }

    [Fact]
    public void Every_CSR_of_the_machine_is_known_by_name()
    {
        foreach (var csr in Csrs.All)
        {
            var word = Asm.Words(Asm.Ok($"csrr a0, {csr.Name}\n"))[0];
            Assert.Equal((uint)csr.Number, word >> 20);
        }
    }
}
