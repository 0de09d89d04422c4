namespace ToyMachine.Assembler.Tests;

public class DiagnosticsTests
{
    [Fact]
    public void An_error_names_file_line_and_column_and_shows_the_line_with_a_caret()
    {
        var d = Asm.SingleError(".text\n    addi a0, a1, 5000\n");
        Assert.Equal("test.s", d.File);
        Assert.Equal(2, d.Line);
        Assert.Equal(18, d.Column);
        Assert.Equal("test.s:2:18: error: immediate 5000 out of range -2048..2047\n     addi a0, a1, 5000\n                  ^", d.ToString());
    }

    [Fact]
    public void Every_error_of_a_run_is_reported()
    {
        var r = Asm.Text("foo\nbar a0\naddi a0, a0\n.word 1 +\n");
        Assert.False(r.Succeeded);
        Assert.Equal([1, 2, 3, 4], r.Diagnostics.Select(d => d.Line));
    }

    [Fact]
    public void Errors_stop_after_the_limit()
    {
        var source = string.Concat(Enumerable.Repeat("bogus\n", 500));
        var r = Assembler.Assemble([SourceFile.FromText("many.s", source)], new AssemblerOptions { MaxErrors = 10 });
        Assert.Equal(11, r.Diagnostics.Count);
        Assert.Contains("too many errors", r.Diagnostics[^1].Message);
    }

    [Theory]
    [InlineData("foo a0, a1", "unknown instruction 'foo'")]
    [InlineData("lw a0, 4(a9)", "'a9' is not a register")]
    [InlineData("add a0, a1", "wrong number of operands")]
    [InlineData("slli a0, a0, 32", "shift amount 32 out of range 0..31")]
    [InlineData("lui a0, 0x100000", "out of range 0..1048575")]
    [InlineData("csrr a0, nosuchcsr", "unknown CSR 'nosuchcsr'")]
    [InlineData("csrrwi a0, mstatus, 32", "out of range 0..31")]
    [InlineData("li a0, 0x100000000", "does not fit in 32 bits")]
    [InlineData("li a0, later\nlater:", "li needs a constant known at this point")]
    [InlineData(".option rvc", "no C extension")]
    [InlineData(".unknown 1", "unknown directive '.unknown'")]
    [InlineData("x: x:", "symbol 'x' is already defined (at test.s:1:1)")]
    [InlineData("j nowhere", "undefined symbol 'nowhere'")]
    [InlineData("beqz a0, 1f", "undefined local label '1f'")]
    [InlineData("j 1b", "no previous definition of local label '1'")]
    [InlineData(".error \"stop here\"", "stop here")]
    [InlineData(".macro m x:req\n.endm\nm", "missing value for required parameter 'x' of macro 'm'")]
    [InlineData(".macro m\n", "missing .endm")]
    [InlineData(".if 1\n", "missing .endif")]
    [InlineData(".endif", ".endif without .if")]
    [InlineData(".word 1/0", "division by zero")]
    [InlineData(".org 8\n.org 4", "attempt to move .org backwards")]
    [InlineData(".balign 3", "alignment not a power of 2")]
    [InlineData(".include \"no-such-file.inc\"", "cannot find include file 'no-such-file.inc'")]
    [InlineData(".bss\n.word 1", "attempt to store non-zero value in section '.bss'")]
    [InlineData("lr.w a0, 4(a1)", "with no offset")]
    [InlineData("fence rx, w", "bad fence operand")]
    [InlineData(".ascii \"open", "missing closing '\"'")]
    [InlineData("amoadd.w a0, a1, a2", "expected (rs1)")]
    [InlineData("addi a0, a0, %hi(x)\nx:", "%hi is for lui")]
    [InlineData("addi a0, a0, %pcrel_lo(x)\nx: nop", "is not at an auipc with %pcrel_hi")]
    [InlineData("beq a0, a1, far\n.space 0x200000\nfar:", "branch target out of range")]
    [InlineData(".equ A, B\n.equ B, A\n.word A", "defined in terms of itself")]
    public void Bad_source_gets_one_clear_error(string source, string expected)
    {
        var d = Asm.SingleError(source);
        Assert.Contains(expected, d.Message);
        Assert.True(d.Line > 0, d.ToString());
        Assert.True(d.Column > 0, d.ToString());
    }

    [Fact]
    public void A_warning_like_GNU_as_for_a_truncated_value_still_assembles()
    {
        var r = Asm.Ok(".data\n.byte 256\n");
        var w = Assert.Single(r.Diagnostics);
        Assert.Equal(DiagnosticSeverity.Warning, w.Severity);
        Assert.Equal("value 0x100 truncated to 0x0", w.Message);
        Assert.Equal([0], Asm.Section(r, ".data"));
    }

    [Fact]
    public void Warning_directive_warns_and_assembles()
    {
        var r = Asm.Ok(".warning \"careful\"\nnop\n");
        Assert.Equal("careful", Assert.Single(r.Diagnostics).Message);
    }

    [Fact]
    public void An_error_inside_a_macro_names_the_body_line_and_the_invocation()
    {
        var d = Asm.SingleError(".macro m\n    addi a0, a0, 9999\n.endm\n    m\n");
        Assert.Equal(2, d.Line);
        Assert.Contains("in expansion of macro 'm' at test.s:4", d.Message);
        Assert.Equal("    addi a0, a0, 9999", d.SourceLine);
    }

    [Fact]
    public void A_duplicate_global_names_both_definitions()
    {
        var r = Assembler.Assemble([SourceFile.FromText("a.s", ".globl f\nf: ret\n"), SourceFile.FromText("b.s", "nop\n.globl f\nf: ret\n")], new AssemblerOptions());
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal("b.s", d.File);
        Assert.Equal(3, d.Line);
        Assert.Contains("global symbol 'f' is defined twice: here and at a.s:2:1", d.Message);
    }

    [Fact]
    public void An_undefined_global_names_the_reference_and_the_declaration()
    {
        var r = Assembler.Assemble([SourceFile.FromText("a.s", ".globl f\ncall f\n")], new AssemblerOptions());
        var d = Assert.Single(r.Diagnostics);
        Assert.Equal((2, 6), (d.Line, d.Column));
        Assert.Contains("undefined symbol 'f' (declared .globl at a.s:1:1, defined in no file)", d.Message);
    }

    [Fact]
    public void A_label_of_another_file_that_is_not_global_is_not_found_and_the_error_says_where_it_is()
    {
        var r = Assembler.Assemble([SourceFile.FromText("a.s", "call helper\n"), SourceFile.FromText("b.s", "helper: ret\n")], new AssemblerOptions());
        var d = Assert.Single(r.Diagnostics);
        Assert.Contains("b.s defines it at b.s:1:1, but not as .globl", d.Message);
    }
}
