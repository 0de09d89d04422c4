namespace ToyMachine.Cpu;

/// <summary>Writes one line per instruction the hart runs: the cycle it started at, its
/// pc and raw word, its disassembly, and what it changed (the register written, or the
/// trap it raised).</summary>
/// <example><code>
///        184 80000010 00a58533  add a0,a1,a0                    a0=0x0000002a
///        186 80000014 00000073  ecall                           trap cause=11 tval=0x00000000
/// </code></example>
public sealed unsafe class Tracer(TextWriter writer, Func<uint, uint, string> disassemble)
{
    private static readonly string[] AbiNames =
    [
        "zero", "ra", "sp", "gp", "tp", "t0", "t1", "t2", "s0", "s1", "a0", "a1", "a2", "a3", "a4", "a5",
        "a6", "a7", "s2", "s3", "s4", "s5", "s6", "s7", "s8", "s9", "s10", "s11", "t3", "t4", "t5", "t6",
    ];

    private readonly uint[] _before = new uint[32];

    /// <summary>Runs one instruction (or takes one trap) and writes its line.</summary>
    public void Step(Hart hart)
    {
        ulong cycle = hart.Cycles;
        uint pc = hart.Pc;
        uint? word = hart.PeekInstruction(pc);
        for (int i = 0; i < 32; i++) _before[i] = hart.Reg(i);
        hart.LastTrapCause = uint.MaxValue;

        hart.Execute(cycle + 1);

        string text = word is uint w ? disassemble(w, pc) : "(no instruction: fetch fails)";
        string effect = "";
        if (hart.LastTrapCause != uint.MaxValue)
        {
            bool toMachine = hart.State->Priv == Privilege.Machine;
            uint tval = toMachine ? hart.State->Mtval : hart.State->Stval;
            effect = $"trap cause={hart.LastTrapCause & 0x7FFF_FFFF}{((hart.LastTrapCause & 0x8000_0000) != 0 ? " (interrupt)" : "")} tval=0x{tval:x8}";
        }
        else
        {
            for (int i = 1; i < 32; i++)
                if (hart.Reg(i) != _before[i]) { effect = $"{AbiNames[i]}=0x{hart.Reg(i):x8}"; break; }
        }
        writer.WriteLine($"{cycle,12} {pc:x8} {(word is uint raw ? raw.ToString("x8") : "????????")}  {text,-32}{effect}");
    }
}
