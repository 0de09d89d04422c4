namespace ToyMachine.Assembler.Tests;

/// <summary>Helpers: assemble text, read words of .text.</summary>
internal static class Asm
{
    public static AssemblyResult Text(string source, AssemblerOptions? options = null) =>
        Assembler.Assemble("test.s", source, options);

    public static AssemblyResult Ok(string source, AssemblerOptions? options = null)
    {
        var r = Text(source, options);
        Assert.True(r.Succeeded, string.Join("\n", r.Diagnostics));
        return r;
    }

    public static byte[] Section(AssemblyResult r, string name) =>
        r.Sections.FirstOrDefault(s => s.Name == name)?.Bytes ?? [];

    public static uint[] Words(AssemblyResult r, string name = ".text")
    {
        var b = Section(r, name);
        var w = new uint[b.Length / 4];
        for (int i = 0; i < w.Length; i++) w[i] = BitConverter.ToUInt32(b, 4 * i);
        return w;
    }

    public static Diagnostic SingleError(string source)
    {
        var r = Text(source);
        Assert.False(r.Succeeded);
        return Assert.Single(r.Diagnostics, d => d.Severity == DiagnosticSeverity.Error);
    }
}
