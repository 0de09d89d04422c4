namespace ToyMachine.Assembler.Tests;

/// <summary>Layout, several files, options, outputs (ELF, flat binary, listing, symbols).</summary>
public class ProgramTests
{
    private static AssemblyResult Files(AssemblerOptions options, params (string Name, string Text)[] files)
    {
        var r = Assembler.Assemble(files.Select(f => SourceFile.FromText(f.Name, f.Text)).ToList(), options);
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        return r;
    }

    [Fact]
    public void Text_of_every_file_comes_first_then_rodata_then_data_at_the_next_4_KiB_then_bss()
    {
        var r = Files(new AssemblerOptions(),
            ("a.s", ".text\nnop\n.section .rodata\n.byte 1\n.data\n.byte 2\n.bss\n.space 3\n"),
            ("b.s", ".text\nret\n.section .rodata\n.byte 3\n.data\n.byte 4\n.bss\n.space 5\n"));
        var s = r.Sections.ToDictionary(x => x.Name);
        Assert.Equal((0x10000u, 8u), (s[".text"].Address, s[".text"].Size));
        Assert.Equal((0x10008u, 2u), (s[".rodata"].Address, s[".rodata"].Size));
        Assert.Equal((0x11000u, 2u), (s[".data"].Address, s[".data"].Size));
        Assert.Equal((0x11002u, 10u), (s[".bss"].Address, s[".bss"].Size)); // 8, rounded up to end on 4 as GNU ld does
        Assert.Equal([1, 3], s[".rodata"].Bytes);
    }

    [Fact]
    public void Base_places_text_and_entry_is_start_when_defined()
    {
        var r = Files(new AssemblerOptions { Base = 0x8001_0000 }, ("k.s", "nop\n.globl _start\n_start: j _start\n"));
        Assert.Equal(0x8001_0000u, r.Sections[0].Address);
        Assert.Equal(0x8001_0004u, r.Entry);
        Assert.Equal(0x8001_0004u, r.Symbols["_start"]);
    }

    [Fact]
    public void Entry_is_the_start_of_text_without_start()
    {
        var r = Files(new AssemblerOptions(), ("k.s", "nop\nmain: ret\n"));
        Assert.Equal(0x10000u, r.Entry);
    }

    [Fact]
    public void Labels_are_local_to_their_file_unless_global()
    {
        var r = Files(new AssemblerOptions(),
            ("a.s", ".globl _start\n_start: j loop\nloop: j loop\n"),
            ("b.s", "loop: j loop\n.globl shared\nshared: ret\n"));
        var w = Asm.Words(r);
        // a.s: j loop -> +4; loop: j . ; b.s: loop: j . (its own loop)
        Assert.Equal(0x0040006Fu, w[0]);
        Assert.Equal(0x0000006Fu, w[1]);
        Assert.Equal(0x0000006Fu, w[2]);
    }

    [Fact]
    public void Numeric_local_labels_count_per_file()
    {
        // "1: j 1b" jumps to itself: the label on the line is defined before the instruction.
        var r = Files(new AssemblerOptions(), ("a.s", "1: j 1f\n1: j 1b\nj 1b\n"), ("b.s", "j 1f\n1: nop\n"));
        Assert.Equal([0x0040006Fu, 0x0000006Fu, 0xFFDFF06Fu, 0x0040006Fu, 0x00000013u], Asm.Words(r));
    }

    [Fact]
    public void Defines_are_absolute_symbols_like_defsym()
    {
        var r = Files(new AssemblerOptions { Defines = new Dictionary<string, long> { ["SIZE"] = 0x1234, ["FLAG"] = 1 } },
            ("a.s", ".if FLAG\nli a0, SIZE\n.endif\n"));
        Assert.Equal([0x00001537u, 0x23450513u], Asm.Words(r));
    }

    [Fact]
    public void Linker_symbols_end_and_bss_start_are_defined_when_no_file_defines_them()
    {
        var r = Files(new AssemblerOptions(), ("a.s", "la a0, _end\nla a1, __bss_start\n.data\n.word 1\n.bss\n.space 6\n"));
        // _end = end of .bss rounded up to 4, as GNU ld's default script
        Assert.Equal(0x1100Cu, (uint)(0x10000 + Hi(Asm.Words(r)[0]) + Lo(Asm.Words(r)[1])));
        Assert.Equal(0x11004u, (uint)(0x10008 + Hi(Asm.Words(r)[2]) + Lo(Asm.Words(r)[3])));
    }

    private static int Hi(uint auipc) => (int)(auipc & 0xFFFFF000);
    private static int Lo(uint addi) => (int)addi >> 20;

    [Fact]
    public void Flat_binary_spans_from_text_to_the_end_of_data_with_the_gap_zeroed()
    {
        var r = Files(new AssemblerOptions(), ("a.s", "nop\n.data\n.byte 7\n.bss\n.space 100\n"));
        var bin = r.ToFlatBinary();
        Assert.Equal(0x1001, bin.Length);
        Assert.Equal(new byte[] { 0x13, 0, 0, 0 }, bin[..4]);
        Assert.All(bin[4..0x1000], b => Assert.Equal(0, b));
        Assert.Equal(7, bin[0x1000]);
    }

    [Fact]
    public void ELF_has_text_RX_and_data_RW_segments_with_bss_as_memory_size_and_a_symbol_table()
    {
        var r = Files(new AssemblerOptions(), ("prog.s", ".globl _start\n.type _start, @function\n_start: ret\n.size _start, . - _start\n.data\nval: .word 1\n.bss\nbuf: .space 64\n.equ K, 5\n"));
        var elf = new ElfReader(r.ToElf());
        Assert.Equal(0x10000u, elf.Entry);
        Assert.Collection(elf.Segments,
            t => Assert.Equal((1u, 0x10000u, 4u, 4u, 5u), (t.Type, t.Vaddr, t.FileSize, t.MemSize, t.Flags)),
            d => Assert.Equal((1u, 0x11000u, 4u, 68u, 6u), (d.Type, d.Vaddr, d.FileSize, d.MemSize, d.Flags)));
        Assert.Equal([".text", ".data", ".bss", ".symtab", ".strtab", ".shstrtab"], elf.Sections.Skip(1).Select(s => s.Name));
        var start = elf.Symbols.Single(s => s.Name == "_start");
        Assert.Equal((0x10000u, 4u, (byte)0x12, (ushort)1), (start.Value, start.Size, start.Info, start.Shndx));
        var buf = elf.Symbols.Single(s => s.Name == "buf");
        Assert.Equal((0x11004u, (byte)0, (ushort)3), (buf.Value, buf.Info, buf.Shndx));
        Assert.Equal((ushort)0xFFF1, elf.Symbols.Single(s => s.Name == "K").Shndx);
        Assert.Contains(elf.Symbols, s => s.Name == "prog.s" && s.Info == 4);
        // locals before globals, sh_info = first global
        var symtab = elf.Sections.Single(s => s.Name == ".symtab");
        Assert.Equal("_start", elf.Symbols[(int)symtab.Info].Name);
    }

    [Fact]
    public void Listing_shows_address_bytes_and_source_with_macro_expansions_marked()
    {
        var r = Assembler.Assemble([SourceFile.FromText("l.s", ".macro two\nnop\nnop\n.endm\nstart: li a0, 0x12345\ntwo\n")], new AssemblerOptions { Listing = true });
        Assert.True(r.Succeeded);
        var lines = r.Listing!.Split('\n');
        Assert.Contains(lines, l => l.StartsWith("l.s:5") && l.Contains("00010000") && l.Contains("3725010013055534") && l.Contains("start: li a0, 0x12345"));
        Assert.Contains(lines, l => l.StartsWith("l.s:6") && l.Contains("two"));
        Assert.Equal(2, lines.Count(l => l.Contains("13000000") && l.EndsWith("+ nop")));
    }

    [Fact]
    public void Print_lines_are_collected()
    {
        var r = Asm.Ok(".print \"hello\"\n");
        Assert.Equal(["hello"], r.Printed);
    }

    [Fact]
    public void Option_push_pop_relax_and_norelax_are_accepted()
    {
        Asm.Ok(".option push\n.option norelax\n.option relax\n.option pop\nnop\n");
    }

    [Fact]
    public void Include_searches_the_include_directories()
    {
        string dir = Path.Combine(Path.GetTempPath(), "asm-inc-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        try
        {
            File.WriteAllText(Path.Combine(dir, "consts.inc"), ".equ SEVEN, 7\n");
            var r = Asm.Ok(".include \"consts.inc\"\nli a0, SEVEN\n", new AssemblerOptions { IncludeDirectories = [dir] });
            Assert.Equal([0x00700513u], Asm.Words(r));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Theory]
    [InlineData(0xFFFF_FFF0u, ".rept 8\nnop\n.endr\n")]
    [InlineData(0xFFFF_F000u, "nop\n.data\n.word 1\n")]
    [InlineData(0xFFFF_FFFCu, "nop\n.bss\n.space 16\n")]
    public void A_program_that_does_not_fit_below_4_GiB_is_an_error_not_an_exception(uint baseAddress, string source)
    {
        var r = Assembler.Assemble([SourceFile.FromText("top.s", source)], new AssemblerOptions { Base = baseAddress });
        if (r.Succeeded) { _ = r.ToElf(); _ = r.ToFlatBinary(); return; }
        Assert.DoesNotContain(r.Diagnostics, d => d.Message.StartsWith("internal", StringComparison.Ordinal));
    }
}
