using System.CommandLine;
using System.Reflection;
using ToyMachine.Cpu;

namespace ToyMachine.Cli.Commands;

/// <summary><c>toymachine boot [IMAGE]</c>: reset into the boot ROM, which loads the
/// image's boot block (machine.md, "Boot").</summary>
internal static class BootCommand
{
    /// <summary>The default image: <c>images/default</c> of the repository the command was
    /// built from (cli/ToyMachine.Cli.csproj records the root as assembly metadata
    /// "RepositoryRoot"), which <c>dotnet build</c> writes. Null when the root is unknown.</summary>
    public static string? DefaultImagePath =>
        typeof(BootCommand).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>()
            .FirstOrDefault(a => a.Key == "RepositoryRoot")?.Value is { Length: > 0 } root
            ? Path.Combine(root, "images", "default")
            : null;

    public static Command Create()
    {
        var image = new Argument<FileInfo?>("IMAGE") { Description = "disk image to boot (default: the default image)", Arity = ArgumentArity.ZeroOrOne };
        var input = new Option<FileInfo?>("--input") { Description = "feed the console from FILE instead of the keyboard" };
        var cmdline = new Option<string>("--cmdline") { Description = "the kernel command line (init=PATH, quiet)", DefaultValueFactory = _ => "" };
        var memory = new Option<uint>("--memory") { Description = "RAM in MiB (16 to 1024)", DefaultValueFactory = _ => MemoryMap.DefaultRamSize >> 20 };
        var maxCycles = MachineOptions.MaxCycles();
        var stats = MachineOptions.Stats();
        var trace = MachineOptions.Trace();
        var command = new Command("boot", "Boot a disk image; the exit code is the code the guest powered off with.")
        {
            image, input, cmdline, memory, maxCycles, stats, trace,
        };
        command.SetAction(parse =>
        {
            string? path = parse.GetValue(image)?.FullName ?? DefaultImagePath;
            string name = parse.GetValue(image)?.Name ?? "default image";
            if (path is null || !File.Exists(path))
                return ExitCodes.Fail(ExitCodes.BadInput, parse.GetValue(image) is null
                    ? $"no default image: run dotnet build (looked for {path ?? "images/default"})"
                    : $"{name}: no such file");
            long length = new FileInfo(path).Length;
            if (length == 0 || length % 512 != 0)
                return ExitCodes.Fail(ExitCodes.BadInput, $"{name}: not a disk image (its size, {length} bytes, is not a whole number of 512-byte sectors)");

            uint mib = parse.GetValue(memory);
            if (mib < MemoryMap.MinRamSize >> 20 || mib > MemoryMap.MaxRamSize >> 20)
                return ExitCodes.Fail(ExitCodes.BadInput, $"--memory {mib}: must be 16 to 1024 MiB");
            string commandLine = parse.GetValue(cmdline) ?? "";
            if (System.Text.Encoding.UTF8.GetByteCount(commandLine) > 255)
                return ExitCodes.Fail(ExitCodes.BadInput, "--cmdline: at most 255 bytes");

            byte[]? inputBytes = null;
            if (parse.GetValue(input) is { } inputFile)
            {
                if (!inputFile.Exists) return ExitCodes.Fail(ExitCodes.BadInput, $"--input {inputFile.Name}: no such file");
                inputBytes = File.ReadAllBytes(inputFile.FullName);
            }
            using var console = GuestConsole.Open(inputBytes);
            using var machine = new Machine(console.Configure(new MachineConfig
            {
                MemorySize = mib << 20,
                DiskImage = path,
                CommandLine = commandLine,
            }));
            return MachineSession.Run(machine, parse.GetValue(maxCycles), parse.GetValue(stats), parse.GetValue(trace)?.FullName);
        });
        return command;
    }
}
