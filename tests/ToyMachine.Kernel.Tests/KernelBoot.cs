using System.Text;
using ToyMachine.Assembler;
using ToyMachine.Cpu;
using ToyMachine.Images;

namespace ToyMachine.Kernel.Tests;

/// <summary>Boots the kernel test image in the emulator. The image is built once per
/// test run from the sources, with the project's assembler (images/SystemBuild.cs): the
/// boot block, the kernel, the guest test programs of kernel/tests (each with
/// kernel/tests/tlib.s) in /bin, the userland programs, two files in /etc, and
/// /etc/high: kernel/tests/high/high.s assembled at 0x7FFE_0000, a segment that reaches
/// the top of the range abi.md allows.</summary>
internal static class KernelBoot
{
    private static readonly Lazy<(string Image, ElfFile Kernel)> Built = new(Build);

    /// <summary>The kernel ELF the test image holds, for its symbols.</summary>
    public static ElfFile Kernel => Built.Value.Kernel;

    /// <summary>A file of kernel/tests (console input of the guest tests).</summary>
    public static string TestFile(string name) => Path.Combine(RepositoryRoot(), "kernel", "tests", name);

    private static (string, ElfFile) Build()
    {
        var root = RepositoryRoot();
        var build = new SystemBuild(root);
        var tests = Path.Combine(root, "kernel", "tests");
        var tlib = Path.Combine(tests, "tlib.s");
        var programs = Directory.GetFiles(tests, "*.s").Where(f => f != tlib).Order(StringComparer.Ordinal)
            .Select(f => ("/bin/" + Path.GetFileNameWithoutExtension(f), build.UserProgram([f, tlib], tests).ToElf()))
            .Append(("/etc/notelf", Encoding.ASCII.GetBytes("this is not an ELF file\n")))
            .Append(("/etc/data.txt", Encoding.ASCII.GetBytes("hello, file\n")))
            .Append(("/etc/high", High(Path.Combine(tests, "high", "high.s"))));
        var dir = Directory.CreateTempSubdirectory("toymachine-kernel-tests-").FullName;
        var image = Path.Combine(dir, "kernel-tests.img");
        File.WriteAllBytes(image, build.Image(programs));
        var kernelPath = Path.Combine(dir, "kernel.elf");
        File.WriteAllBytes(kernelPath, build.Kernel().ToElf());
        return (image, ElfFile.Load(kernelPath));
    }

    private static byte[] High(string source)
    {
        var result = Assembler.Assembler.Assemble([SourceFile.FromPath(source)], new AssemblerOptions { Base = 0x7FFE_0000 });
        if (!result.Succeeded) throw new InvalidOperationException(string.Join("\n", result.Diagnostics));
        return result.ToElf();
    }

    /// <summary>The outcome of one boot.</summary>
    public sealed record Result(StopReason Reason, int ExitCode, string Output, ulong Cycles, ulong Instructions, uint FreePages);

    /// <summary>Boots the test image with a command line and console input.</summary>
    public static Result Boot(string cmdline, byte[]? input = null, uint memoryMiB = 128, ulong maxCycles = 2_000_000_000)
    {
        var output = new MemoryStream();
        using var machine = new Machine(new MachineConfig
        {
            DiskImage = Built.Value.Image,
            DiskReadOnly = true,
            CommandLine = cmdline,
            Input = input ?? [],
            MemorySize = memoryMiB << 20,
            Output = output,
        });
        var reason = machine.Run(maxCycles);
        var kernel = Kernel;
        var free = new byte[4];
        machine.Ram.Read(kernel.Symbols["free_pages"], free);
        return new Result(reason, machine.ExitCode, Encoding.ASCII.GetString(output.ToArray()),
            machine.Hart.Cycles, machine.Hart.Instructions, BitConverter.ToUInt32(free));
    }

    /// <summary>The repository root (the directory holding ToyMachine.sln).</summary>
    public static string RepositoryRoot()
    {
        var dir = new DirectoryInfo(AppContext.BaseDirectory);
        while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "ToyMachine.sln"))) dir = dir.Parent;
        return dir?.FullName ?? throw new InvalidOperationException("ToyMachine.sln not found above the test directory");
    }
}
