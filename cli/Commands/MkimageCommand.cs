using System.CommandLine;
using ToyMachine.Images;

namespace ToyMachine.Cli.Commands;

/// <summary><c>toymachine mkimage -o IMAGE [--kernel KERNEL.elf] [--bootblock FILE]
/// [--add HOSTFILE:/GUEST/PATH]... [--size MIB]</c>: write a disk image
/// (docs/image-format.md) with the boot block, the kernel and the given files.</summary>
internal static class MkimageCommand
{
    /// <summary>The kernel that <c>dotnet build</c> places beside the command.</summary>
    public static string DefaultKernelPath => Path.Combine(AppContext.BaseDirectory, "kernel", "kernel.elf");

    /// <summary>The boot block (flat, 512 bytes) that <c>dotnet build</c> places beside the command.</summary>
    public static string DefaultBootBlockPath => Path.Combine(AppContext.BaseDirectory, "kernel", "bootblock.bin");

    public static Command Create()
    {
        var output = new Option<FileInfo?>("--output", "-o") { Description = "the image file to write" };
        var kernel = new Option<FileInfo?>("--kernel") { Description = "the kernel ELF (default: the one dotnet build produced)" };
        var bootBlock = new Option<FileInfo?>("--bootblock") { Description = "the boot block, a flat binary of at most 512 bytes (default: the one dotnet build produced)" };
        var add = new Option<string[]>("--add")
        {
            Description = "put HOSTFILE into the image at /GUEST/PATH (repeatable; ELF files are checked as user programs)",
            HelpName = "HOSTFILE:/GUEST/PATH",
            DefaultValueFactory = _ => [],
        };
        var size = new Option<int?>("--size") { Description = "image size in MiB (default: 4, or more if the content needs it)" };
        var command = new Command("mkimage", "Write a disk image: boot block, kernel and a file system holding the given files.")
        {
            output, kernel, bootBlock, add, size,
        };
        command.SetAction(parse =>
        {
            if (parse.GetValue(output) is not { } outFile)
                return ExitCodes.Fail(ExitCodes.BadInput, "mkimage: -o IMAGE is required");
            try
            {
                var (bootBytes, bootName) = ReadInput(parse.GetValue(bootBlock), DefaultBootBlockPath, "boot block");
                var (kernelBytes, kernelName) = ReadInput(parse.GetValue(kernel), DefaultKernelPath, "kernel");
                var builder = new ImageBuilder(bootBytes, bootName, kernelBytes, kernelName) { SizeMiB = parse.GetValue(size) };
                var added = parse.GetValue(add) ?? [];
                foreach (var spec in added)
                {
                    int colon = spec.LastIndexOf(":/", StringComparison.Ordinal);
                    if (colon <= 0)
                        return ExitCodes.Fail(ExitCodes.BadInput, $"--add {spec}: want HOSTFILE:/GUEST/PATH");
                    string host = spec[..colon];
                    if (!File.Exists(host))
                        return ExitCodes.Fail(ExitCodes.BadInput, $"--add {host}: no such file");
                    builder.Add(spec[(colon + 1)..], File.ReadAllBytes(host), Path.GetFileName(host));
                }
                byte[] image = builder.Build();
                try
                {
                    File.WriteAllBytes(outFile.FullName, image);
                }
                catch (Exception e) when (e is IOException or UnauthorizedAccessException)
                {
                    return ExitCodes.Fail(ExitCodes.BadInput, $"{outFile.Name}: cannot write the image: {e.Message}");
                }
                var sb = FileSystemImage.Open(image).Superblock;
                Console.WriteLine($"{outFile.Name}: {image.Length >> 20} MiB, kernel {sb.KernelFileSize} bytes, " +
                    $"{added.Length} file(s) added, {(long)sb.FreeBlocks * ImageFormat.BlockSize / 1024} KiB free");
                return 0;
            }
            catch (ImageException e) { return ExitCodes.Fail(ExitCodes.BadInput, e.Message); }
            catch (InputMissingException e) { return ExitCodes.Fail(ExitCodes.BadInput, e.Message); }
            catch (IOException e) { return ExitCodes.Fail(ExitCodes.BadInput, e.Message); }
            catch (UnauthorizedAccessException e) { return ExitCodes.Fail(ExitCodes.BadInput, e.Message); }
        });
        return command;
    }

    private sealed class InputMissingException(string message) : Exception(message);

    private static (byte[] Bytes, string Name) ReadInput(FileInfo? given, string defaultPath, string what)
    {
        if (given is not null)
        {
            if (!given.Exists) throw new InputMissingException($"{given.Name}: no such file");
            return (File.ReadAllBytes(given.FullName), given.Name);
        }
        if (!File.Exists(defaultPath))
            throw new InputMissingException($"no {what} at {defaultPath}: run 'dotnet build' first, or name one with --{(what == "kernel" ? "kernel" : "bootblock")}");
        return (File.ReadAllBytes(defaultPath), Path.GetFileName(defaultPath));
    }
}
