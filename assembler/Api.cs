using System.Text;
using ToyMachine.Assembler.Internal;

namespace ToyMachine.Assembler;

/// <summary>One assembly source: its name (used in diagnostics) and its text.</summary>
public sealed class SourceFile
{
    private SourceFile(string name, string text, string? directory)
    {
        Name = name;
        Text = text;
        Directory = directory;
    }

    /// <summary>The name diagnostics use for this file.</summary>
    public string Name { get; }

    /// <summary>The text of the source.</summary>
    public string Text { get; }

    /// <summary>The directory <c>.include</c> and <c>.incbin</c> search first, or null.</summary>
    internal string? Directory { get; }

    /// <summary>Reads a source file from disk. Throws <see cref="IOException"/> and the
    /// usual file exceptions when it cannot be read.</summary>
    public static SourceFile FromPath(string path) =>
        new(path, File.ReadAllText(path), Path.GetDirectoryName(Path.GetFullPath(path)));

    /// <summary>A source given as text; <c>.include</c> searches the include directories
    /// and the current directory.</summary>
    public static SourceFile FromText(string name, string text) => new(name, text, null);
}

/// <summary>How to assemble: where the program goes, where includes are found, and
/// symbols defined from outside (<c>--defsym</c>).</summary>
public sealed class AssemblerOptions
{
    /// <summary>The address of <c>.text</c> (the start of the program).</summary>
    public uint Base { get; init; } = 0x0001_0000;

    /// <summary>Directories searched by <c>.include</c> and <c>.incbin</c> (as <c>-I</c>).</summary>
    public IReadOnlyList<string> IncludeDirectories { get; init; } = [];

    /// <summary>Absolute symbols defined before the first line (as <c>--defsym</c>).</summary>
    public IReadOnlyDictionary<string, long> Defines { get; init; } = new Dictionary<string, long>();

    /// <summary>How many errors are reported before the assembler stops looking.</summary>
    public int MaxErrors { get; init; } = 100;

    /// <summary>When set, a listing (address, bytes, source) is produced in
    /// <see cref="AssemblyResult.Listing"/>.</summary>
    public bool Listing { get; init; }

    /// <summary>Where <c>.data</c> starts, instead of the next 4 KiB boundary after
    /// <c>.rodata</c> (used by tests that compare with a GNU ld layout).</summary>
    internal uint? DataAddress { get; init; }
}

/// <summary>How serious a diagnostic is.</summary>
public enum DiagnosticSeverity
{
    /// <summary>The program is still produced.</summary>
    Warning,
    /// <summary>No program is produced.</summary>
    Error,
}

/// <summary>One message about the source, with the place it refers to.</summary>
public sealed class Diagnostic
{
    internal Diagnostic(DiagnosticSeverity severity, string file, int line, int column, string message, string? sourceLine)
    {
        Severity = severity;
        File = file;
        Line = line;
        Column = column;
        Message = message;
        SourceLine = sourceLine;
    }

    /// <summary>Error or warning.</summary>
    public DiagnosticSeverity Severity { get; }
    /// <summary>The file name, or empty when the message concerns the whole program.</summary>
    public string File { get; }
    /// <summary>1-based line, 0 when there is none.</summary>
    public int Line { get; }
    /// <summary>1-based column, 0 when there is none.</summary>
    public int Column { get; }
    /// <summary>What is wrong.</summary>
    public string Message { get; }
    /// <summary>The text of the line the message refers to, if any.</summary>
    public string? SourceLine { get; }

    /// <summary>"file:line:column: error: message", then the source line and a caret
    /// under the column.</summary>
    public override string ToString()
    {
        var sb = new StringBuilder();
        string kind = Severity == DiagnosticSeverity.Error ? "error" : "warning";
        if (File.Length == 0) sb.Append(kind).Append(": ").Append(Message);
        else if (Line == 0) sb.Append(File).Append(": ").Append(kind).Append(": ").Append(Message);
        else sb.Append(File).Append(':').Append(Line).Append(':').Append(Column).Append(": ").Append(kind).Append(": ").Append(Message);
        if (SourceLine is not null && Line > 0)
        {
            string line = SourceLine.Replace('\t', ' ');
            sb.Append('\n').Append(' ').Append(line).Append('\n').Append(' ');
            sb.Append(' ', Math.Clamp(Column - 1, 0, line.Length)).Append('^');
        }
        return sb.ToString();
    }
}

/// <summary>The outcome of assembling: diagnostics, and when it succeeded the program.</summary>
public sealed class AssemblyResult
{
    private readonly Image? _image;

    internal AssemblyResult(IReadOnlyList<Diagnostic> diagnostics, Image? image, string? listing, IReadOnlyList<string> printed)
    {
        Diagnostics = diagnostics;
        _image = image;
        Listing = listing;
        Printed = printed;
    }

    /// <summary>The lines written by <c>.print</c>, in order.</summary>
    public IReadOnlyList<string> Printed { get; }

    /// <summary>True when there were no errors.</summary>
    public bool Succeeded => _image is not null;

    /// <summary>Every error and warning, in source order.</summary>
    public IReadOnlyList<Diagnostic> Diagnostics { get; }

    /// <summary>The listing, when <see cref="AssemblerOptions.Listing"/> was set.</summary>
    public string? Listing { get; }

    private Image Program => _image ?? throw new InvalidOperationException("assembly failed: " + (Diagnostics.FirstOrDefault()?.ToString() ?? "no program"));

    /// <summary>Global and local (non-<c>.L</c>) symbols with their values; empty when the
    /// assembly failed. Local symbols of several files with the same name keep the first.</summary>
    public IReadOnlyDictionary<string, uint> Symbols => _image?.SymbolMap ?? new Dictionary<string, uint>();

    /// <summary>The entry point: <c>_start</c> if defined, else the start of <c>.text</c>;
    /// 0 when the assembly failed.</summary>
    public uint Entry => _image?.Entry ?? 0;

    /// <summary>The program as an ELF32 RISC-V executable. Throws
    /// <see cref="InvalidOperationException"/> when the assembly failed.</summary>
    public byte[] ToElf() => ElfWriter.Write(Program);

    /// <summary>The program as a flat binary: bytes from the first section's address to the
    /// end of the last initialised section (gaps zero-filled, bss not included). Throws
    /// <see cref="InvalidOperationException"/> when the assembly failed.</summary>
    public byte[] ToFlatBinary() => Program.ToFlatBinary();

    /// <summary>The output sections (name, address, size, bytes; bss has no bytes); empty
    /// when the assembly failed.</summary>
    public IReadOnlyList<OutputSection> Sections => _image?.Sections ?? [];
}

/// <summary>One section of the program as placed in memory.</summary>
/// <param name="Name"><c>.text</c>, <c>.rodata</c>, <c>.data</c> or <c>.bss</c>.</param>
/// <param name="Address">Where it starts.</param>
/// <param name="Size">Its size in memory.</param>
/// <param name="Bytes">Its contents (empty for <c>.bss</c>).</param>
/// <param name="Alignment">Its alignment in bytes.</param>
public sealed record OutputSection(string Name, uint Address, uint Size, byte[] Bytes, uint Alignment);

/// <summary>Assembles RISC-V sources in GNU as syntax into one program.</summary>
public static class Assembler
{
    /// <summary>Assembles the files, in order, into one program laid out as docs/assembler.md
    /// describes. Never throws for bad input: every problem is a diagnostic.</summary>
    public static AssemblyResult Assemble(IReadOnlyList<SourceFile> files, AssemblerOptions options)
    {
        ArgumentNullException.ThrowIfNull(files);
        ArgumentNullException.ThrowIfNull(options);
        return new Driver(options).Run(files);
    }

    /// <summary>Assembles one source given as text.</summary>
    public static AssemblyResult Assemble(string name, string text, AssemblerOptions? options = null) =>
        Assemble([SourceFile.FromText(name, text)], options ?? new AssemblerOptions());
}
