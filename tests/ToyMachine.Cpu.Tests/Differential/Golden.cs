using System.Globalization;
using System.Text;

namespace ToyMachine.Cpu.Tests.Differential;

/// <summary>The fixtures of Fixtures/*.diff.s and their QEMU goldens (Fixtures/build-diff.sh).</summary>
public static class Golden
{
    public static string Fixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", name);

    /// <summary>The QEMU output of a differential program.</summary>
    public static string QemuOutput(string program) => File.ReadAllText(Fixture(program + ".qemu.out"));

    /// <summary>The vectors of a golden: each line "mnemonic hex... " split into the mnemonic
    /// and its numbers, keeping only lines whose mnemonic passes <paramref name="select"/>.</summary>
    public static TheoryData<string, uint[]> Vectors(string program, Func<string, bool> select)
    {
        var data = new TheoryData<string, uint[]>();
        foreach (string line in QemuOutput(program).Split('\n', StringSplitOptions.RemoveEmptyEntries))
        {
            string[] words = line.Split(' ');
            if (!select(words[0])) continue;
            data.Add(words[0], words.Skip(1).Select(w => uint.Parse(w, NumberStyles.HexNumber)).ToArray());
        }
        return data;
    }

    /// <summary>The numbers of the one line of a golden named <paramref name="name"/>.</summary>
    public static uint[] Line(string program, string name)
    {
        string line = QemuOutput(program).Split('\n').Single(l => l.StartsWith(name + " ", StringComparison.Ordinal));
        return line.Split(' ').Skip(1).Select(w => uint.Parse(w, NumberStyles.HexNumber)).ToArray();
    }

    /// <summary>Runs a differential ELF on the whole machine (16 MiB of RAM, as QEMU runs
    /// it with 128 MiB: the programs touch only their own image).</summary>
    public static (StopReason Reason, string Output, int ExitCode, ulong Cycles, ulong Instructions) Run(
        string elf, ulong maxCycles = 200_000_000)
    {
        var output = new MemoryStream();
        using var machine = new Machine(new MachineConfig { Output = output, MemorySize = 16 << 20 });
        machine.LoadElf(ElfFile.Load(Fixture(elf)));
        var reason = machine.Run(maxCycles);
        return (reason, Encoding.ASCII.GetString(output.ToArray()), machine.ExitCode, machine.Hart.Cycles, machine.Hart.Instructions);
    }
}
