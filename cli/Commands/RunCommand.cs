using System.CommandLine;
using ToyMachine.Cpu;

namespace ToyMachine.Cli.Commands;

/// <summary><c>toymachine run PROGRAM.elf</c>: a bare-metal program in M-mode (machine.md,
/// "Bare-metal programs").</summary>
internal static class RunCommand
{
    public static Command Create()
    {
        var program = new Argument<FileInfo>("PROGRAM.elf") { Description = "a static ELF32 RISC-V executable" };
        var maxCycles = MachineOptions.MaxCycles();
        var stats = MachineOptions.Stats();
        var trace = MachineOptions.Trace();
        var command = new Command("run", "Run a bare-metal ELF program in M-mode, with the machine's devices.")
        {
            program, maxCycles, stats, trace,
        };
        command.SetAction(parse =>
        {
            var file = parse.GetValue(program)!;
            ElfFile elf;
            try
            {
                elf = ElfFile.Load(file.FullName);
            }
            catch (InvalidElfException e) { return ExitCodes.Fail(ExitCodes.BadInput, $"{file.Name}: {e.Message}"); }
            catch (IOException e) { return ExitCodes.Fail(ExitCodes.BadInput, $"{file.Name}: {e.Message}"); }
            catch (UnauthorizedAccessException e) { return ExitCodes.Fail(ExitCodes.BadInput, $"{file.Name}: {e.Message}"); }

            using var console = GuestConsole.Open(null);
            using var machine = new Machine(console.Configure(new MachineConfig()));
            try
            {
                machine.LoadElf(elf);
            }
            catch (InvalidElfException e) { return ExitCodes.Fail(ExitCodes.BadInput, $"{file.Name}: {e.Message}"); }
            return MachineSession.Run(machine, parse.GetValue(maxCycles), parse.GetValue(stats), parse.GetValue(trace)?.FullName);
        });
        return command;
    }
}
