using ToyMachine.Cpu.Tests.Differential;
using static ToyMachine.Cpu.Tests.Asm;

namespace ToyMachine.Cpu.Tests.Isa;

/// <summary>Every vector QEMU computed in Fixtures/rv32{i,m,a}.diff.s, replayed on one
/// instruction of our hart: the expected values come from QEMU, not from this emulator.</summary>
public class VectorTests
{
    private const uint Data = HartHarness.Base + 0x8000;

    private static readonly HashSet<string> RegisterOps =
        ["add", "sub", "sll", "slt", "sltu", "xor", "srl", "sra", "or", "and",
         "mul", "mulh", "mulhsu", "mulhu", "div", "divu", "rem", "remu"];
    private static readonly HashSet<string> ImmediateOps = ["addi", "slti", "sltiu", "xori", "ori", "andi"];
    private static readonly HashSet<string> ShiftOps = ["slli", "srli", "srai"];
    private static readonly HashSet<string> BranchOps = ["beq", "bne", "blt", "bge", "bltu", "bgeu"];
    private static readonly HashSet<string> LoadOps = ["lb", "lbu", "lh", "lhu", "lw"];
    private static readonly HashSet<string> StoreOps = ["sb", "sh", "sw"];

    public static TheoryData<string, uint[]> RegisterVectors() =>
        Combine(Golden.Vectors("rv32i.diff", RegisterOps.Contains), Golden.Vectors("rv32m.diff", RegisterOps.Contains));
    public static TheoryData<string, uint[]> ImmediateVectors() => Golden.Vectors("rv32i.diff", m => ImmediateOps.Contains(m) || ShiftOps.Contains(m));
    public static TheoryData<string, uint[]> BranchVectors() => Golden.Vectors("rv32i.diff", BranchOps.Contains);
    public static TheoryData<string, uint[]> UpperVectors() => Golden.Vectors("rv32i.diff", m => m is "lui" or "auipc");
    public static TheoryData<string, uint[]> LoadVectors() => Golden.Vectors("rv32i.diff", LoadOps.Contains);
    public static TheoryData<string, uint[]> StoreVectors() => Golden.Vectors("rv32i.diff", StoreOps.Contains);
    public static TheoryData<string, uint[]> AmoVectors() => Golden.Vectors("rv32a.diff", m => m.StartsWith("amo", StringComparison.Ordinal) && m.EndsWith(".w", StringComparison.Ordinal));

    private static TheoryData<string, uint[]> Combine(params TheoryData<string, uint[]>[] sets)
    {
        var all = new TheoryData<string, uint[]>();
        foreach (var set in sets)
            foreach (var row in set) all.Add((string)row[0], (uint[])row[1]);
        return all;
    }

    /// <summary>The base register of a load/store vector: the access lands on byte
    /// (offset &amp; 3) of the data word, whatever the offset's sign (rv32i.diff.s, V_LD).</summary>
    private static uint Base(uint offset) => Data + (offset & 3) - offset;

    /// <summary>One harness per thread, reset for every vector: thousands of fresh 1 MiB
    /// machines would cost more than the vectors themselves.</summary>
    [ThreadStatic] private static HartHarness? _shared;

    /// <summary>A hart in its reset state, in M-mode at the start of RAM, with one
    /// instruction word there.</summary>
    private static HartHarness One(uint word)
    {
        var h = _shared ??= new HartHarness();
        h.Hart.Reset(HartHarness.Base);
        h.Load([word]);
        return h;
    }

    [Theory]
    [MemberData(nameof(RegisterVectors), DisableDiscoveryEnumeration = true)]
    public void Register_register_instruction_gives_QEMU_result(string op, uint[] v)
    {
        var h = One(R(op, A3, A1, A2));
        h[A1] = v[0];
        h[A2] = v[1];
        h.Step();
        Assert.Equal(v[2], h[A3]);
    }

    [Theory]
    [MemberData(nameof(ImmediateVectors), DisableDiscoveryEnumeration = true)]
    public void Register_immediate_instruction_gives_QEMU_result(string op, uint[] v)
    {
        var h = One(ShiftOps.Contains(op) ? Shift(op, A3, A1, (int)v[1]) : I(op, A3, A1, (int)v[1]));
        h[A1] = v[0];
        h.Step();
        Assert.Equal(v[2], h[A3]);
    }

    [Theory]
    [MemberData(nameof(BranchVectors), DisableDiscoveryEnumeration = true)]
    public void Branch_is_taken_exactly_when_QEMU_took_it(string op, uint[] v)
    {
        var h = One(B(op, A1, A2, 8));
        h[A1] = v[0];
        h[A2] = v[1];
        h.Step();
        Assert.Equal(v[2] == 1 ? HartHarness.Base + 8 : HartHarness.Base + 4, h.Hart.Pc);
    }

    [Theory]
    [MemberData(nameof(UpperVectors), DisableDiscoveryEnumeration = true)]
    public void Upper_immediate_gives_QEMU_result(string op, uint[] v)
    {
        // auipc vectors hold the result minus the instruction's address.
        var h = One(U(op, A3, (int)v[0]));
        h.Step();
        Assert.Equal(v[1], op == "auipc" ? h[A3] - HartHarness.Base : h[A3]);
    }

    [Theory]
    [MemberData(nameof(LoadVectors), DisableDiscoveryEnumeration = true)]
    public void Load_extends_as_QEMU_did(string op, uint[] v)
    {
        var h = One(I(op, A3, A1, (int)v[1]));
        h.WriteWord(Data, v[0]);
        h[A1] = Base(v[1]);
        h.Step();
        Assert.Equal(v[2], h[A3]);
    }

    [Theory]
    [MemberData(nameof(StoreVectors), DisableDiscoveryEnumeration = true)]
    public void Store_writes_the_bytes_QEMU_wrote(string op, uint[] v)
    {
        var h = One(S(op, A3, A1, (int)v[1]));
        h.WriteWord(Data, 0xA5A5_A5A5);
        h[A1] = Base(v[1]);
        h[A3] = v[0];
        h.Step();
        Assert.Equal(v[2], h.ReadWord(Data));
    }

    [Theory]
    [MemberData(nameof(AmoVectors), DisableDiscoveryEnumeration = true)]
    public void Amo_returns_the_old_word_and_stores_what_QEMU_stored(string op, uint[] v)
    {
        var h = One(Amo(op, A3, A1, A2));
        h.WriteWord(Data, v[0]);
        h[A1] = Data;
        h[A2] = v[1];
        h.Step();
        Assert.Equal(v[2], h[A3]);
        Assert.Equal(v[3], h.ReadWord(Data));
    }
}
