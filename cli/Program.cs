return ToyMachine.Cli.Entry.Main(args);

namespace ToyMachine.Cli
{
    internal static class Entry
    {
        public static int Main(string[] args)
        {
            Console.Error.WriteLine("toymachine: not built yet");
            return 2;
        }
    }
}
