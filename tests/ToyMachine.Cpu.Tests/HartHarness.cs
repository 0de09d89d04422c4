using ToyMachine.Cpu.Isa;

namespace ToyMachine.Cpu.Tests;

/// <summary>A hart on 1 MiB of RAM with no devices, for running a few instructions.
/// Programs are placed at the start of RAM and run from there in M-mode.</summary>
public sealed unsafe class HartHarness : IDisposable
{
    public const uint Base = MemoryMap.RamBase;
    public Ram Ram { get; } = new(1 << 20);
    public Bus Bus { get; } = new();
    public Hart Hart { get; }

    public HartHarness() => Hart = new Hart(Ram, Bus) { Pc = Base };

    /// <summary>Writes instruction words at <paramref name="address"/> (default: the start of RAM).</summary>
    public void Load(uint[] words, uint address = Base)
    {
        var bytes = new byte[words.Length * 4];
        Buffer.BlockCopy(words, 0, bytes, 0, bytes.Length);
        Ram.Write(address, bytes);
    }

    /// <summary>Runs exactly <paramref name="count"/> steps (an instruction retired or a trap taken each).</summary>
    public void Step(int count = 1)
    {
        for (int i = 0; i < count; i++)
        {
            ulong instret = Hart.Instructions;
            uint cause = Hart.LastTrapCause;
            Hart.LastTrapCause = uint.MaxValue;
            // One cycle of budget runs exactly one instruction (or takes one trap).
            Hart.Execute(Hart.Cycles + 1);
            if (Hart.Instructions == instret && Hart.LastTrapCause == uint.MaxValue)
                throw new InvalidOperationException("step made no progress");
            if (Hart.LastTrapCause == uint.MaxValue) Hart.LastTrapCause = cause;
        }
    }

    public uint this[int reg]
    {
        get => Hart.Reg(reg);
        set => Hart.SetReg(reg, value);
    }

    public uint ReadWord(uint physical) => BitConverter.ToUInt32(Ram.Slice(physical, 4));
    public void WriteWord(uint physical, uint value) => Ram.Write(physical, BitConverter.GetBytes(value));

    public void Dispose()
    {
        Hart.Dispose();
        Ram.Dispose();
    }
}

/// <summary>Builds instruction words from the instruction table (which is itself checked
/// against binutils), so tests read as assembly.</summary>
public static class Asm
{
    private static InstructionDef Def(string m) => Instructions.All.Single(d => d.Mnemonic == m);

    public static uint R(string m, int rd, int rs1, int rs2) => Def(m).Match | Encoder.Rd(rd) | Encoder.Rs1(rs1) | Encoder.Rs2(rs2);
    public static uint I(string m, int rd, int rs1, int imm) => Def(m).Match | Encoder.Rd(rd) | Encoder.Rs1(rs1) | Encoder.ImmI(imm);
    public static uint Shift(string m, int rd, int rs1, int shamt) => Def(m).Match | Encoder.Rd(rd) | Encoder.Rs1(rs1) | (uint)shamt << 20;
    public static uint S(string m, int rs2, int rs1, int imm) => Def(m).Match | Encoder.Rs1(rs1) | Encoder.Rs2(rs2) | Encoder.ImmS(imm);
    public static uint B(string m, int rs1, int rs2, int offset) => Def(m).Match | Encoder.Rs1(rs1) | Encoder.Rs2(rs2) | Encoder.ImmB(offset);
    public static uint U(string m, int rd, int imm20) => Def(m).Match | Encoder.Rd(rd) | Encoder.ImmU(imm20);
    public static uint Jal(int rd, int offset) => Def("jal").Match | Encoder.Rd(rd) | Encoder.ImmJ(offset);
    public static uint Csr(string m, int rd, int csr, int rs1OrUimm) => Def(m).Match | Encoder.Rd(rd) | Encoder.Rs1(rs1OrUimm) | Encoder.Csr(csr);
    public static uint Amo(string m, int rd, int rs1, int rs2) => Def(m).Match | Encoder.Rd(rd) | Encoder.Rs1(rs1) | Encoder.Rs2(rs2);
    public static uint Fixed(string m) => Def(m).Match;

    public const int Zero = 0, Ra = 1, Sp = 2, T0 = 5, T1 = 6, T2 = 7, A0 = 10, A1 = 11, A2 = 12, A3 = 13;
}
