using System.CommandLine;
using System.Globalization;
using ToyMachine.Assembler;
using ToyMachine.Cpu;

namespace ToyMachine.Cli.Commands;

/// <summary><c>toymachine disasm FILE [--base ADDR]</c>: the listing <c>objdump -d</c>
/// prints, for an ELF file (its code sections, symbols as labels) or a flat binary
/// (placed at <c>--base</c>, default 0). See docs/disassembler.md.</summary>
internal static class DisasmCommand
{
    public static Command Create()
    {
        var file = new Argument<FileInfo>("FILE") { Description = "an ELF32 RISC-V file, or a flat binary of instructions" };
        var baseAddress = new Option<string?>("--base") { Description = "address of the first byte of a flat binary (0x... or decimal; default 0)" };
        var command = new Command("disasm", "Disassemble a program the way objdump -d prints it.")
        {
            file, baseAddress,
        };
        command.SetAction(parse =>
        {
            var input = parse.GetValue(file)!;
            string? baseText = parse.GetValue(baseAddress);
            uint origin = 0;
            if (baseText is not null && !TryParseAddress(baseText, out origin))
                return ExitCodes.Fail(ExitCodes.BadInput, $"--base {baseText}: not an address (want 0x... hex or decimal, below 2^32)");

            byte[] bytes;
            try
            {
                bytes = File.ReadAllBytes(input.FullName);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                return ExitCodes.Fail(ExitCodes.BadInput, $"{input.Name}: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}");
            }

            string listing;
            // objdump prints the path as it was given.
            string shownName = parse.GetResult(file)?.Tokens.FirstOrDefault()?.Value ?? input.Name;
            if (bytes.Length >= 4 && bytes[0] == 0x7F && bytes[1] == (byte)'E' && bytes[2] == (byte)'L' && bytes[3] == (byte)'F')
            {
                if (baseText is not null)
                    return ExitCodes.Fail(ExitCodes.BadInput, $"{input.Name}: --base is for flat binaries; an ELF file has its own addresses");
                try
                {
                    listing = DisassemblerListing.FromElf(bytes, shownName);
                }
                catch (InvalidElfException e) { return ExitCodes.Fail(ExitCodes.BadInput, $"{input.Name}: {e.Message}"); }
            }
            else
            {
                if ((ulong)origin + (ulong)bytes.Length > 1ul << 32)
                    return ExitCodes.Fail(ExitCodes.BadInput, $"{input.Name}: {bytes.Length} bytes at --base 0x{origin:x} run past the end of the address space");
                listing = DisassemblerListing.FromFlatBinary(bytes, shownName, origin);
            }
            Console.Out.Write(listing);
            return 0;
        });
        return command;
    }

    private static bool TryParseAddress(string text, out uint value)
    {
        text = text.Trim().Replace("_", "");
        if (text.StartsWith("0x", StringComparison.OrdinalIgnoreCase))
            return uint.TryParse(text.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value);
        return uint.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value);
    }
}
