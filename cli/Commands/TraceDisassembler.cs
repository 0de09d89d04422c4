using ToyMachine.Cpu.Isa;

namespace ToyMachine.Cli.Commands;

/// <summary>How the trace prints an instruction.</summary>
internal static class TraceDisassembler
{
    public static string Format(uint word, uint pc) => Decoder.Find(word)?.Mnemonic ?? ".word";
}
