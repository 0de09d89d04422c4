using ToyMachine.Cpu;

namespace ToyMachine.Assembler.Tests;

/// <summary>Single facts of objdump's output (each is a line of the goldens in
/// Golden/disasm) and the disassembler's behaviour on input that is not a program.</summary>
public class DisassemblerTests
{
    [Theory]
    [InlineData(0x00000513u, "li\ta0,0")]                   // addi a0, zero, 0
    [InlineData(0x00558513u, "add\ta0,a1,5")]               // objdump 2.40 prints addi as add
    [InlineData(0x00000013u, "nop")]
    [InlineData(0xfff5c513u, "not\ta0,a1")]
    [InlineData(0x0ff5f513u, "zext.b\ta0,a1")]
    [InlineData(0x00359513u, "sll\ta0,a1,0x3")]
    [InlineData(0x40c00533u, "neg\ta0,a2")]
    [InlineData(0x00008067u, "ret")]
    [InlineData(0x000502e7u, "jalr\tt0,a0")]
    [InlineData(0xc0001073u, "unimp")]
    [InlineData(0xc0002573u, "rdcycle\ta0")]
    [InlineData(0x3002d073u, "csrw\tmstatus,5")]            // csrrwi zero, mstatus, 5
    [InlineData(0x0ff0000fu, "fence")]
    [InlineData(0x0210000fu, "fence\tr,w")]
    [InlineData(0x8330000fu, "fence.tso")]
    [InlineData(0x12050073u, "sfence.vma\ta0")]
    [InlineData(0x06c5a52fu, "amoadd.w.aqrl\ta0,a2,(a1)")]
    [InlineData(0xfffff537u, "lui\ta0,0xfffff")]
    [InlineData(0x12345677u, ".4byte\t0x12345677")]         // no instruction
    [InlineData(0x02059513u, "sll\ta0,a1,0x20")]            // RV32-illegal shamt[5], printed as objdump does
    public void A_word_prints_as_objdump_prints_it(uint word, string text)
    {
        Assert.Equal(text, Disassembler.Disassemble(word, 0x8000_0000));
    }

    [Fact]
    public void Branch_targets_are_absolute_addresses()
    {
        // beqz a0 back by 0x80 from 0x8000007c, as in aliases.bin.objdump.
        Assert.Equal("beqz\ta0,0x80000000", Disassembler.Disassemble(0xf80502e3, 0x8000_007c));
    }

    [Fact]
    public void A_sixteen_bit_encoding_prints_as_2byte_of_its_low_half()
    {
        Assert.Equal(".2byte\t0x4501", Disassembler.Disassemble(0x0000_4501, 0));
    }

    [Fact]
    public void A_load_from_zero_gets_objdumps_address_comment()
    {
        Assert.Equal("lw\ta0,16(zero) # 0x10", Disassembler.Disassemble(0x01002503, 0x8000_0188));
    }

    [Theory]
    [InlineData(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, "truncated ELF header")]
    [InlineData(new byte[] { 1, 2, 3 }, "not an ELF file")]
    public void A_file_that_is_not_a_usable_ELF_gives_one_line(byte[] file, string message)
    {
        var e = Assert.Throws<InvalidElfException>(() => DisassemblerListing.FromElf(file, "x.elf"));
        Assert.Equal(message, e.Message);
    }

    [Fact]
    public void Damaged_ELF_files_give_an_InvalidElfException_or_a_listing_never_another_exception()
    {
        byte[] good = File.ReadAllBytes(DisassemblerGoldenFiles.PathOf("layout.elf"));
        var random = new Random(12345);
        for (int round = 0; round < 400; round++)
        {
            byte[] bad = (byte[])good.Clone();
            if (round % 4 == 0) Array.Resize(ref bad, random.Next(0, bad.Length));
            int flips = random.Next(1, 12);
            for (int i = 0; i < flips && bad.Length > 0; i++)
            {
                // Mostly the headers and tables, where a wrong number matters.
                int at = random.Next(2) == 0 ? random.Next(Math.Min(bad.Length, 64)) : random.Next(bad.Length);
                bad[at] = (byte)random.Next(256);
            }
            try
            {
                DisassemblerListing.FromElf(bad, "bad.elf");
            }
            catch (InvalidElfException) { }
        }
    }

    [Fact]
    public void Every_word_disassembles_without_throwing()
    {
        var random = new Random(7);
        for (int i = 0; i < 200_000; i++)
        {
            uint word = (uint)random.NextInt64(0, 1L << 32);
            Assert.False(string.IsNullOrEmpty(Disassembler.Disassemble(word, (uint)random.NextInt64(0, 1L << 32))));
        }
    }
}
