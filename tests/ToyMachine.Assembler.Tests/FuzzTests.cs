using System.Diagnostics;
using System.Text;

namespace ToyMachine.Assembler.Tests;

/// <summary>No input makes the assembler throw: random token soup and mutations of the
/// corpus sources give diagnostics or a program, never an exception (fixed seeds, bounded).</summary>
public class FuzzTests
{
    private static readonly string[] Tokens =
    [
        "addi", "lw", "sw", "li", "la", "call", "tail", "beq", "bnez", "j", "jal", "jalr", "lui", "auipc", "csrrw", "csrr",
        "amoadd.w.aq", "lr.w", "sc.w", "fence", "fence.i", "sfence.vma", "mret", "ecall", "nop", "ret", "mv", "not",
        ".word", ".byte", ".half", ".dword", ".ascii", ".asciz", ".string", ".zero", ".space", ".fill", ".align", ".p2align",
        ".balign", ".org", ".equ", ".set", ".globl", ".local", ".section", ".text", ".data", ".bss", ".rodata", ".macro",
        ".endm", ".exitm", ".rept", ".irp", ".irpc", ".endr", ".if", ".ifdef", ".else", ".elseif", ".endif", ".include",
        ".incbin", ".error", ".warning", ".print", ".option", ".type", ".size", ".pushsection", ".popsection", ".end",
        "a0", "a1", "sp", "zero", "x31", "t6", "fp", "mstatus", "0", "1", "-1", "2047", "-2048", "0x7fffffff", "0xffffffff",
        "99999999999999999999", "0b101", "017", "'a", "'\\n", "\"str\"", "\"\\x41\\101\"", "%hi(", "%lo(", "%pcrel_hi(",
        "%pcrel_lo(", "(", ")", ",", ",", ":", ";", "#", "+", "-", "*", "/", "%", "<<", ">>", "|", "&", "^", "!", "~", "==",
        "&&", "||", ".", "1b", "1f", "1:", "label", "label:", "\\x", "\\@", "\\()", "=", "@function", "\"ax\"", "@nobits",
    ];

    [Fact]
    public void Random_token_soup_never_throws()
    {
        var rng = new Random(20261201);
        var watch = Stopwatch.StartNew();
        for (int n = 0; n < 3000 && watch.Elapsed < TimeSpan.FromSeconds(6); n++)
        {
            var sb = new StringBuilder();
            int lines = rng.Next(1, 12);
            for (int l = 0; l < lines; l++)
            {
                int count = rng.Next(0, 8);
                for (int i = 0; i < count; i++) sb.Append(Tokens[rng.Next(Tokens.Length)]).Append(rng.Next(3) == 0 ? "" : " ");
                sb.Append('\n');
            }
            Check(sb.ToString());
        }
    }

    [Fact]
    public void Mutated_corpus_sources_never_throw()
    {
        string dir = Path.Combine(AppContext.BaseDirectory, "Corpus");
        var sources = Directory.GetFiles(dir, "*.s", SearchOption.AllDirectories).Select(File.ReadAllText).ToArray();
        var rng = new Random(42);
        var watch = Stopwatch.StartNew();
        const string chars = "()%,:;#\"'\\.+-*/<>=!~&|^@ \n\t0123456789abcxyz_$";
        for (int n = 0; n < 1500 && watch.Elapsed < TimeSpan.FromSeconds(8); n++)
        {
            var text = new StringBuilder(sources[rng.Next(sources.Length)]);
            int edits = rng.Next(1, 6);
            for (int e = 0; e < edits && text.Length > 0; e++)
            {
                int at = rng.Next(text.Length);
                switch (rng.Next(5))
                {
                    case 0: text.Remove(at, Math.Min(text.Length - at, rng.Next(1, 10))); break;
                    case 1: text.Insert(at, chars[rng.Next(chars.Length)]); break;
                    case 2: text.Insert(at, Tokens[rng.Next(Tokens.Length)] + " "); break;
                    case 3: text[at] = chars[rng.Next(chars.Length)]; break;
                    case 4: text.Length = at; break;
                }
            }
            Check(text.ToString(), dir);
        }
    }

    private static void Check(string source, string? includeDir = null)
    {
        var r = Assembler.Assemble([SourceFile.FromText("fuzz.s", source)],
            new AssemblerOptions { IncludeDirectories = includeDir is null ? [] : [includeDir], Listing = true });
        foreach (var d in r.Diagnostics)
            Assert.False(d.Message.StartsWith("internal assembler error", StringComparison.Ordinal), $"{d}\n--- source ---\n{source}");
        if (r.Succeeded)
        {
            _ = r.ToElf();
            _ = r.ToFlatBinary();
            Assert.NotNull(r.Listing);
        }
        foreach (var d in r.Diagnostics) _ = d.ToString();
    }
}
