namespace ToyMachine.Cli.Tests;

public class AsmCommandTests
{
    private const string Hello = """
        # Prints a line on the UART and powers off with code 0 (machine.md devices).
            .equ UART, 0x10000000
            .equ TEST_DEVICE, 0x100000
            .text
            .globl _start
        _start:
            la a1, msg
        1:  lbu a0, 0(a1)
            beqz a0, 3f
            li t0, UART
        2:  lbu t1, 5(t0)
            andi t1, t1, 0x20
            beqz t1, 2b
            sb a0, 0(t0)
            addi a1, a1, 1
            j 1b
        3:  li t0, TEST_DEVICE
            li t1, 0x5555
            sw t1, 0(t0)
        4:  j 4b
            .section .rodata
        msg: .asciz "hello from asm\n"
        """;

    private static string TempDir()
    {
        string dir = Path.Combine(Path.GetTempPath(), "asm-cli-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(dir);
        return dir;
    }

    [Fact]
    public void Asm_writes_an_ELF_that_run_executes()
    {
        string dir = TempDir();
        try
        {
            string src = Path.Combine(dir, "hello.s"), elf = Path.Combine(dir, "hello.elf");
            File.WriteAllText(src, Hello);
            var r = Toymachine.Run("asm", src, "-o", elf, "--base", "0x80000000");
            Assert.Equal(0, r.ExitCode);
            Assert.Equal("", r.Stderr);
            Assert.Equal(new byte[] { 0x7F, (byte)'E', (byte)'L', (byte)'F' }, File.ReadAllBytes(elf)[..4]);
            var run = Toymachine.Run("run", elf);
            Assert.Equal("hello from asm\n", run.Stdout);
            Assert.Equal(0, run.ExitCode);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Asm_with_errors_exits_1_and_reports_each_with_file_line_column_and_caret()
    {
        string dir = TempDir();
        try
        {
            string src = Path.Combine(dir, "bad.s");
            File.WriteAllText(src, "nop\n    addi a0, a0, 99999\n    bogus a0\n");
            var r = Toymachine.Run("asm", src, "-o", Path.Combine(dir, "out.elf"));
            Assert.Equal(1, r.ExitCode);
            var lines = r.Stderr.TrimEnd('\n').Split('\n');
            Assert.Equal(6, lines.Length);
            Assert.Equal($"{src}:2:18: error: immediate 99999 out of range -2048..2047", lines[0]);
            Assert.Equal("     addi a0, a0, 99999", lines[1]);
            Assert.Equal("                  ^", lines[2]);
            Assert.Equal($"{src}:3:5: error: unknown instruction 'bogus'", lines[3]);
            Assert.DoesNotContain("   at ", r.Stderr);
            Assert.False(File.Exists(Path.Combine(dir, "out.elf")));
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Asm_of_a_missing_file_exits_2_with_one_line()
    {
        var r = Toymachine.Run("asm", "/nonexistent/x.s", "-o", Path.Combine(Path.GetTempPath(), "x.elf"));
        Assert.Equal(2, r.ExitCode);
        Assert.Equal("toymachine: /nonexistent/x.s: no such file\n", r.Stderr);
    }

    [Fact]
    public void Asm_with_a_bad_base_exits_2()
    {
        string dir = TempDir();
        try
        {
            string src = Path.Combine(dir, "a.s");
            File.WriteAllText(src, "nop\n");
            var r = Toymachine.Run("asm", src, "-o", Path.Combine(dir, "a.elf"), "--base", "banana");
            Assert.Equal(2, r.ExitCode);
            Assert.Equal("toymachine: --base: 'banana' is not an address\n", r.Stderr);
        }
        finally { Directory.Delete(dir, true); }
    }

    [Fact]
    public void Asm_bin_format_defsym_include_dirs_and_listing()
    {
        string dir = TempDir();
        try
        {
            string inc = Path.Combine(dir, "inc");
            Directory.CreateDirectory(inc);
            File.WriteAllText(Path.Combine(inc, "k.inc"), ".equ K, 0x42\n");
            string a = Path.Combine(dir, "a.s"), b = Path.Combine(dir, "b.s"), bin = Path.Combine(dir, "out.bin"), lst = Path.Combine(dir, "out.lst");
            File.WriteAllText(a, ".include \"k.inc\"\n.globl _start\n_start: li a0, K + EXTRA\ncall f\n");
            File.WriteAllText(b, ".globl f\nf: ret\n");
            var r = Toymachine.Run("asm", a, b, "-o", bin, "--format", "bin", "-I", inc, "--defsym", "EXTRA=0x100", "--listing", lst);
            Assert.Equal("", r.Stderr);
            Assert.Equal(0, r.ExitCode);
            Assert.Equal(new byte[]
            {
                0x13, 0x05, 0x20, 0x14,     // addi a0, zero, 0x142
                0x97, 0x00, 0x00, 0x00,     // auipc ra, 0
                0xE7, 0x80, 0x80, 0x00,     // jalr ra, 8(ra)
                0x67, 0x80, 0x00, 0x00,     // ret
            }, File.ReadAllBytes(bin));
            string listing = File.ReadAllText(lst);
            Assert.Contains("00010000  13052014", listing);
            Assert.Contains("call f", listing);
        }
        finally { Directory.Delete(dir, true); }
    }
}
