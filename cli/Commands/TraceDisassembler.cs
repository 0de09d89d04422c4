using ToyMachine.Assembler;

namespace ToyMachine.Cli.Commands;

/// <summary>How the trace prints an instruction: the disassembler's text (objdump's, as
/// for a file without symbols: targets as <c>0x...</c>) with the tab after the mnemonic
/// turned into a space, so the trace's columns stay aligned.</summary>
internal static class TraceDisassembler
{
    public static string Format(uint word, uint pc) => Disassembler.Disassemble(word, pc).Replace('\t', ' ');
}
