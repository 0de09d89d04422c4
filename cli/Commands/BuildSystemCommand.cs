using System.CommandLine;
using ToyMachine.Images;

namespace ToyMachine.Cli.Commands;

/// <summary><c>toymachine build-system REPOSITORY</c> (hidden; run by <c>dotnet build</c>):
/// assembles the boot block, the kernel and every user program of the repository with
/// the project's assembler, places the kernel and boot block beside the command (where
/// <c>mkimage</c> looks for them) and writes <c>images/default</c>.</summary>
internal static class BuildSystemCommand
{
    public static Command Create()
    {
        var repository = new Argument<DirectoryInfo>("REPOSITORY") { Description = "the repository root" };
        var command = new Command("build-system", "Build the boot block, kernel, userland and images/default from the sources.")
        {
            repository,
        };
        command.Hidden = true;
        command.SetAction(parse =>
        {
            var root = parse.GetValue(repository)!.FullName;
            try
            {
                var build = new SystemBuild(root);
                var kernelDir = Path.GetDirectoryName(MkimageCommand.DefaultKernelPath)!;
                Directory.CreateDirectory(kernelDir);
                File.WriteAllBytes(MkimageCommand.DefaultBootBlockPath, build.BootBlock());
                File.WriteAllBytes(MkimageCommand.DefaultKernelPath, build.Kernel().ToElf());
                var userDir = Path.Combine(AppContext.BaseDirectory, "userland");
                Directory.CreateDirectory(userDir);
                foreach (var source in build.UserPrograms())
                    File.WriteAllBytes(Path.Combine(userDir, Path.GetFileNameWithoutExtension(source)), build.Program(source).ToElf());
                var image = Path.Combine(root, "images", "default");
                File.WriteAllBytes(image, build.Image());
                Console.WriteLine($"toymachine: built {Path.GetRelativePath(root, image)}");
                return 0;
            }
            catch (SystemBuildException e) { return ExitCodes.Fail(1, e.Message); }
            catch (ImageException e) { return ExitCodes.Fail(ExitCodes.BadInput, e.Message); }
            catch (IOException e) { return ExitCodes.Fail(ExitCodes.BadInput, e.Message); }
        });
        return command;
    }
}
