using System.CommandLine;
using ToyMachine.Cli.Commands;

var root = new RootCommand("ToyMachine: an emulated RISC-V computer, its assembler and its operating system.")
{
    BootCommand.Create(),
    RunCommand.Create(),
    AsmCommand.Create(),
    DisasmCommand.Create(),
    MkimageCommand.Create(),
    BuildSystemCommand.Create(),
};
return root.Parse(args).Invoke();
