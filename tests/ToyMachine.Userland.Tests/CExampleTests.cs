using System.Diagnostics;

namespace ToyMachine.Userland.Tests;

/// <summary>A fact that runs only where riscv64-unknown-elf-gcc is installed.</summary>
public sealed class GccFactAttribute : FactAttribute
{
    /// <summary>The compiler the C example is built with.</summary>
    public const string Compiler = "riscv64-unknown-elf-gcc";

    /// <summary>Skips the test, with the reason, when the compiler is not on PATH.</summary>
    public GccFactAttribute()
    {
        if (!OnPath(Compiler))
            Skip = $"{Compiler} is not installed (apt: gcc-riscv64-unknown-elf): the C example is not built";
    }

    private static bool OnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(Path.PathSeparator)
            .Any(dir => dir.Length > 0 && File.Exists(Path.Combine(dir, program)));
}

/// <summary>userland/c/examples/hello.c built as docs/c-programs.md says, with
/// toymachine.h, userland/c/crt0.s and link.ld, then run on the bare-metal shim in
/// place of the kernel. The expected output is written by hand.</summary>
public class CExampleTests
{
    private static readonly string[] Flags =
        ["-march=rv32ima_zicsr", "-mabi=ilp32", "-ffreestanding", "-nostdlib", "-static", "-O2", "-Wall", "-Wextra", "-Werror"];

    private static void Gcc(params string[] args)
    {
        var start = new ProcessStartInfo(GccFactAttribute.Compiler) { RedirectStandardError = true, RedirectStandardOutput = true };
        foreach (var a in Flags.Concat(args)) start.ArgumentList.Add(a);
        using var gcc = Process.Start(start)!;
        string errors = gcc.StandardError.ReadToEnd() + gcc.StandardOutput.ReadToEnd();
        gcc.WaitForExit();
        Assert.True(gcc.ExitCode == 0, $"gcc failed:\n{errors}");
    }

    private static readonly string Include = Repository.Path("userland", "include");
    private static readonly string LinkScript = Repository.Path("userland", "c", "link.ld");
    private static readonly string Crt0 = Repository.Path("userland", "c", "crt0.s");
    private static readonly string Hello = Repository.Path("userland", "c", "examples", "hello.c");

    [GccFact]
    public void Hello_c_builds_at_the_user_base_with_the_documented_command()
    {
        string elf = Path.Combine(Path.GetTempPath(), $"hello-{Environment.ProcessId}.elf");
        try
        {
            Gcc("-I", Include, "-T", LinkScript, "-Wl,--no-relax", Crt0, Hello, "-o", elf);
            var file = ToyMachine.Cpu.ElfFile.Load(elf);
            Assert.Equal(0x0001_0000u, file.Entry);
            Assert.All(file.Segments.Where(s => s.MemorySize > 0), s => Assert.InRange(s.PhysicalAddress, 0x0001_0000u, 0x7FFE_FFFFu));
        }
        finally { File.Delete(elf); }
    }

    [GccFact]
    public void Hello_c_prints_its_greeting_arguments_and_pid_and_exits_with_argc()
    {
        string elf = Path.Combine(Path.GetTempPath(), $"hello-shim-{Environment.ProcessId}.elf");
        try
        {
            Gcc("-I", Include, "-T", LinkScript, "-Wl,--no-relax", "-Wl,--defsym=__user_base=0x80000000", "-Wl,-e,shim_entry",
                Repository.Guest("shim.s"), Crt0, Hello, "-o", elf);
            var output = new MemoryStream();
            using var machine = new ToyMachine.Cpu.Machine(new ToyMachine.Cpu.MachineConfig
            {
                Output = output, MemorySize = 16 << 20, Input = System.Text.Encoding.ASCII.GetBytes("prog hello world\n"),
            });
            Repository.LoadWithShim(machine, ToyMachine.Cpu.ElfFile.Load(elf));
            Assert.Equal(ToyMachine.Cpu.StopReason.PowerOff, machine.Run(10_000_000));
            Assert.Equal(
                "hello from C\nargv[0] = prog\nargv[1] = hello\nargv[2] = world\npid 1\nwrite(42) = -9 (EBADF)\n",
                System.Text.Encoding.ASCII.GetString(output.ToArray()));
            Assert.Equal(3, machine.ExitCode);
        }
        finally { File.Delete(elf); }
    }
    [GccFact]
    public void Hello_c_added_to_an_image_runs_from_the_shell_on_the_kernel()
    {
        string elf = Path.Combine(Path.GetTempPath(), $"hello-kernel-{Environment.ProcessId}.elf");
        try
        {
            Gcc("-I", Include, "-T", LinkScript, "-Wl,--no-relax", Crt0, Hello, "-o", elf);
            var image = SessionImage.Build([("/bin/hello", File.ReadAllBytes(elf))]);
            var (output, code) = KernelSessionTests.Boot("hello a 'b c'\necho status $?\nshutdown 5\n", imageBytes: image);
            var lines = output.Replace("$ ", "\n").Split('\n');
            int first = Array.IndexOf(lines, "hello from C");
            Assert.True(first >= 0, $"no greeting in:\n{output}");
            Assert.Equal(["argv[0] = hello", "argv[1] = a", "argv[2] = b c"], lines[(first + 1)..(first + 4)]);
            Assert.StartsWith("pid ", lines[first + 4]);
            Assert.Equal("write(42) = -9 (EBADF)", lines[first + 5]);
            Assert.Contains("status 3", lines);
            Assert.Equal(5, code);
        }
        finally { File.Delete(elf); }
    }
}
