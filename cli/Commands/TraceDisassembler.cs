using ToyMachine.Assembler;

namespace ToyMachine.Cli.Commands;

/// <summary>How the trace prints an instruction: the disassembler's text (objdump's, as
/// for a file without symbols: targets as <c>0x...</c>) with the tab after the mnemonic
/// turned into a space, so the trace's columns stay aligned.</summary>
internal static class TraceDisassembler
{
    // Tracer pads the text to 32 columns and appends the effect directly; a longer text
    // (such as "jalr s10,-2048(zero) # 0xfffff800") gets a space so the two stay apart.
    private const int Column = 32;

    public static string Format(uint word, uint pc)
    {
        string text = Disassembler.Disassemble(word, pc).Replace('\t', ' ');
        return text.Length >= Column ? text + " " : text;
    }
}
