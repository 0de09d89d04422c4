using System.Text;
using ToyMachine.Cpu;

namespace ToyMachine.Kernel.Tests;

/// <summary>Boots the kernel test image (Fixtures/build.sh) in the emulator.</summary>
internal static class KernelBoot
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The outcome of one boot.</summary>
    public sealed record Result(StopReason Reason, int ExitCode, string Output, ulong Cycles, ulong Instructions, uint FreePages);

    /// <summary>Boots Fixtures/kernel-tests.img with a command line and console input.</summary>
    public static Result Boot(string cmdline, byte[]? input = null, uint memoryMiB = 128, ulong maxCycles = 2_000_000_000)
    {
        var output = new MemoryStream();
        using var machine = new Machine(new MachineConfig
        {
            DiskImage = Fixture("kernel-tests.img"),
            DiskReadOnly = true,
            CommandLine = cmdline,
            Input = input ?? [],
            MemorySize = memoryMiB << 20,
            Output = output,
        });
        var reason = machine.Run(maxCycles);
        var kernel = ElfFile.Load(Fixture("kernel.elf"));
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
