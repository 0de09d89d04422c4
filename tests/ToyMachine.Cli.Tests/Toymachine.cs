using System.Diagnostics;

namespace ToyMachine.Cli.Tests;

/// <summary>Runs the built <c>toymachine</c> command as a separate process, as a user would.</summary>
public static class Toymachine
{
    public sealed record Result(int ExitCode, string Stdout, string Stderr);

    private static string CommandPath
    {
        get
        {
            // tests/ToyMachine.Cli.Tests/bin/<Configuration>/net10.0 -> cli/bin/<Configuration>/net10.0
            var testBin = new DirectoryInfo(AppContext.BaseDirectory);
            string configuration = testBin.Parent!.Name;
            string root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
            return Path.Combine(root, "cli", "bin", configuration, "net10.0", "toymachine.dll");
        }
    }

    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    public static Result Run(params string[] args) => RunWithInput(null, args);

    public static Result RunWithInput(string? stdin, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        start.ArgumentList.Add(CommandPath);
        foreach (var a in args) start.ArgumentList.Add(a);
        using var process = Process.Start(start)!;
        if (stdin is not null) process.StandardInput.Write(stdin);
        process.StandardInput.Close();
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(60_000))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"toymachine {string.Join(' ', args)} did not finish");
        }
        return new Result(process.ExitCode, stdout.Result, stderr.Result);
    }
}
