using System.CommandLine;
using System.Globalization;
using System.Reflection;
using System.Runtime.CompilerServices;
using ToyMachine.Assembler;
using Asm = ToyMachine.Assembler.Assembler;

namespace ToyMachine.Cli.Commands;

/// <summary><c>toymachine asm FILE... -o OUT</c>: assembles GNU-as-syntax sources into one
/// ELF32 program or flat binary (docs/assembler.md).</summary>
internal static class AsmCommand
{
    /// <summary>Exit code when the sources have errors (as GNU as).</summary>
    private const int SourceErrors = 1;

    public static Command Create()
    {
        var files = new Argument<string[]>("FILE") { Description = "assembly sources, assembled in this order into one program", Arity = ArgumentArity.OneOrMore };
        var output = new Option<string>("--output", "-o") { Description = "the file to write", Required = true };
        var format = new Option<string>("--format") { Description = "elf (default) or bin (flat binary from the first section's address)", DefaultValueFactory = _ => "elf" };
        format.AcceptOnlyFromAmong("elf", "bin");
        var baseAddress = new Option<string?>("--base") { Description = "address of .text (default 0x10000)" };
        var listing = new Option<string?>("--listing") { Description = "write a listing (address, bytes, source) to FILE" };
        var include = new Option<string[]>("-I") { Description = "directory searched by .include and .incbin (repeatable)" };
        var defsym = new Option<string[]>("--defsym") { Description = "define an absolute symbol NAME=VALUE (repeatable)" };
        var command = new Command("asm", "Assemble RISC-V sources (GNU as syntax) into an ELF32 program or a flat binary.")
        {
            files, output, format, baseAddress, listing, include, defsym,
        };
        command.SetAction(parse =>
        {
            PrecompileHotMethods();
            uint baseValue = 0x0001_0000;
            if (parse.GetValue(baseAddress) is { } b)
            {
                if (!TryParseNumber(b, out long v) || v < 0 || v > uint.MaxValue)
                    return ExitCodes.Fail(ExitCodes.BadInput, $"--base: '{b}' is not an address");
                baseValue = (uint)v;
            }
            var defines = new Dictionary<string, long>(StringComparer.Ordinal);
            foreach (var d in parse.GetValue(defsym) ?? [])
            {
                int eq = d.IndexOf('=');
                if (eq <= 0 || !TryParseNumber(d[(eq + 1)..], out long v))
                    return ExitCodes.Fail(ExitCodes.BadInput, $"--defsym: '{d}' is not NAME=VALUE");
                defines[d[..eq]] = v;
            }
            var sources = new List<SourceFile>();
            foreach (var f in parse.GetValue(files) ?? [])
            {
                try { sources.Add(SourceFile.FromPath(f)); }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
                {
                    return ExitCodes.Fail(ExitCodes.BadInput, $"{f}: {(e is FileNotFoundException or DirectoryNotFoundException ? "no such file" : e.Message)}");
                }
            }
            string? listingPath = parse.GetValue(listing);
            var options = new AssemblerOptions
            {
                Base = baseValue,
                IncludeDirectories = parse.GetValue(include) ?? [],
                Defines = defines,
                Listing = listingPath is not null,
            };
            var result = Asm.Assemble(sources, options);
            foreach (var line in result.Printed) Console.Out.WriteLine(line);
            foreach (var diag in result.Diagnostics) Console.Error.WriteLine(diag.ToString());
            if (!result.Succeeded) return SourceErrors;
            string outPath = parse.GetValue(output)!;
            try
            {
                File.WriteAllBytes(outPath, parse.GetValue(format) == "bin" ? result.ToFlatBinary() : result.ToElf());
                if (listingPath is not null) File.WriteAllText(listingPath, result.Listing);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException or ArgumentException or NotSupportedException)
            {
                return ExitCodes.Fail(ExitCodes.BadInput, $"{outPath}: {e.Message}");
            }
            return 0;
        });
        return command;
    }

    /// <summary>Starts compiling the assembler's hot methods on a second thread, while this
    /// one reads the sources. They are marked <c>AggressiveOptimization</c> (JIT-ed once,
    /// fully optimized), which ReadyToRun never precompiles, so without this the first line
    /// of a source waits ~20 ms for the JIT (docs/assembler.md "Speed"). Best effort: a method
    /// the thread has not reached yet is simply compiled when first called, as before.</summary>
    private static void PrecompileHotMethods()
    {
        const BindingFlags declared = BindingFlags.Public | BindingFlags.NonPublic | BindingFlags.Instance
            | BindingFlags.Static | BindingFlags.DeclaredOnly;
        new Thread(() =>
        {
            foreach (var type in typeof(Asm).Assembly.GetTypes())
            {
                if (type.ContainsGenericParameters) continue;
                foreach (var method in type.GetMethods(declared))
                {
                    if ((method.MethodImplementationFlags & MethodImplAttributes.AggressiveOptimization) != 0
                        && !method.IsAbstract && !method.ContainsGenericParameters)
                    {
                        // Only a head start: a failure here must not end the command.
                        try { RuntimeHelpers.PrepareMethod(method.MethodHandle); }
                        catch (Exception) { return; }
                    }
                }
            }
        }) { IsBackground = true, Name = "asm precompile" }.Start();
    }

    private static bool TryParseNumber(string s, out long value)
    {
        s = s.Trim().Replace("_", "", StringComparison.Ordinal);
        bool negative = s.StartsWith('-');
        if (negative) s = s[1..];
        bool ok = s.StartsWith("0x", StringComparison.OrdinalIgnoreCase)
            ? long.TryParse(s.AsSpan(2), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture, out value)
            : long.TryParse(s, NumberStyles.None, CultureInfo.InvariantCulture, out value);
        if (negative) value = -value;
        return ok;
    }
}
