using System.Buffers.Binary;
using ToyMachine.Cpu.Devices;
using ToyMachine.Cpu.Isa;

namespace ToyMachine.Cpu.Tests.Devices;

/// <summary>The boot ROM: its code words against GNU as (Golden/boot-rom.s), each word
/// decoded back to the intended instruction, the boot info block against machine.md's
/// layout, and the reset code run against the real toyblk and test device.</summary>
public sealed class BootRomTests
{
    /// <summary>The words GNU as 2.40 produced for Golden/boot-rom.s, linked at 0x1000
    /// (Golden/regen-boot-rom.sh prints them).</summary>
    private static readonly uint[] GnuAsWords =
    [
        0x00000297, 0x06C28293, 0x30529073, 0x100012B7, 0x0002A303, 0x4B4C43B7, 0x25438393, 0x04731063,
        0x0002A423, 0x80000337, 0x0062A623, 0x00100393, 0x0072A823, 0x0072AA23, 0x0182AE03, 0xFE7E0EE3,
        0x0002AE23, 0x00200E93, 0x01DE1E63, 0xF1402573, 0x000025B7, 0x80058593, 0x00030067, 0x00023F37,
        0x0100006F, 0x00013F37, 0x0080006F, 0x00033F37, 0x333F0F13, 0x00100FB7, 0x01EFA023, 0x0000006F,
    ];

    /// <summary>The real instruction behind each line of Golden/boot-rom.s (pseudo-instructions
    /// resolved: csrw = csrrw, csrr = csrrs, jr = jalr, j = jal).</summary>
    private static readonly string[] Mnemonics =
    [
        "auipc", "addi", "csrrw", "lui", "lw", "lui", "addi", "bne",
        "sw", "lui", "sw", "addi", "sw", "sw", "lw", "beq",
        "sw", "addi", "bne", "csrrs", "lui", "addi", "jalr", "lui",
        "jal", "lui", "jal", "lui", "addi", "lui", "sw", "jal",
    ];

    [Fact]
    public void Code_words_match_what_GNU_as_assembles_from_the_same_program()
    {
        Assert.Equal(GnuAsWords, BootRom.Code);
    }

    [Fact]
    public void Each_code_word_decodes_to_the_intended_instruction()
    {
        Assert.Equal(Mnemonics.Length, BootRom.Code.Length);
        for (int i = 0; i < Mnemonics.Length; i++)
            Assert.Equal(Mnemonics[i], Decoder.Find(BootRom.Code[i])?.Mnemonic);
    }

    [Fact]
    public void Reset_vector_holds_the_code_little_endian()
    {
        var rom = new BootRom(128u << 20, 10);
        for (int i = 0; i < BootRom.Code.Length; i++)
        {
            Assert.True(rom.Read((uint)i * 4, 4, out uint word));
            Assert.Equal(BootRom.Code[i], word);
        }
        Assert.True(rom.Read(0, 1, out uint firstByte));
        Assert.Equal(0x97u, firstByte);                    // auipc t0, 0 = 0x00000297
    }

    [Fact]
    public void Boot_info_block_at_0x1800_holds_magic_ram_base_ram_size_disk_sectors_and_command_line()
    {
        var rom = new BootRom(64u << 20, 2048, "init=/bin/test quiet");
        byte[] bytes = rom.Bytes.ToArray();
        var info = bytes.AsSpan(0x1800 - 0x1000);
        Assert.Equal("BYOT"u8.ToArray(), info[..4].ToArray());
        Assert.Equal(0x544F5942u, BinaryPrimitives.ReadUInt32LittleEndian(info));
        Assert.Equal(0x8000_0000u, BinaryPrimitives.ReadUInt32LittleEndian(info[4..]));
        Assert.Equal(64u << 20, BinaryPrimitives.ReadUInt32LittleEndian(info[8..]));
        Assert.Equal(2048u, BinaryPrimitives.ReadUInt32LittleEndian(info[12..]));
        Assert.Equal("init=/bin/test quiet\0"u8.ToArray(), info.Slice(16, 21).ToArray());
        Assert.True(rom.Read(0x800 + 8, 4, out uint ramSize));
        Assert.Equal(64u << 20, ramSize);
    }

    [Fact]
    public void Command_line_of_255_bytes_fits()
    {
        var rom = new BootRom(16u << 20, 0, new string('x', 255));
        var info = rom.Bytes[0x800..];
        Assert.Equal((byte)'x', info[16 + 254]);
        Assert.Equal(0, info[16 + 255]);
    }

    [Fact]
    public void Command_line_longer_than_255_bytes_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new BootRom(16u << 20, 0, new string('x', 256)));
        Assert.Throws<ArgumentException>(() => new BootRom(16u << 20, 0, new string('é', 128)));   // 256 UTF-8 bytes
    }

    [Fact]
    public void Command_line_with_a_NUL_is_refused()
    {
        Assert.Throws<ArgumentException>(() => new BootRom(16u << 20, 0, "a\0b"));
    }

    [Fact]
    public void Stores_to_the_ROM_are_access_faults()
    {
        var rom = new BootRom(16u << 20, 0);
        Assert.False(rom.Write(0, 4, 0));
        Assert.False(rom.Write(0x800, 1, 0));
    }

    // --- The reset code run against the devices -------------------------------------

    [Fact]
    public void Reset_code_loads_sector_0_and_enters_it_with_hart_id_and_boot_info()
    {
        var image = new byte[4 * 512];
        for (int i = 0; i < 512; i++) image[i] = (byte)(i * 3 + 1);
        using var run = new RomRun(image);
        run.Run();
        Assert.Equal(0x8000_0000u, run.Pc);
        Assert.Equal(0u, run.X[10]);                       // a0 = hart id
        Assert.Equal(0x1800u, run.X[11]);                  // a1 = boot info block
        Assert.Equal(image[..512], run.Ram.Slice(0x8000_0000, 512).ToArray());
        Assert.Equal(ToyBlockDevice.StatusIdle, run.Disk.Status);   // acknowledged
        Assert.False(run.DiskIrq.Level);
        Assert.Equal(BootRom.TrapHandlerAddress, run.Mtvec);
    }

    [Fact]
    public void Reset_code_powers_off_with_code_1_when_sector_0_cannot_be_read()
    {
        using var run = new RomRun([]);                    // a disk of 0 sectors
        run.Run();
        Assert.Equal(PowerState.PoweredOff, run.Test.PowerState);
        Assert.Equal(BootRom.ExitDiskError, run.Test.ExitCode);
        Assert.Equal(1, run.Test.ExitCode);
    }

    [Fact]
    public void Reset_code_powers_off_with_code_2_when_toyblk_magic_is_wrong()
    {
        using var run = new RomRun(new byte[512], new FakeDisk());
        run.Run();
        Assert.Equal(PowerState.PoweredOff, run.Test.PowerState);
        Assert.Equal(2, run.Test.ExitCode);
    }

    [Fact]
    public void Reset_code_powers_off_with_code_3_on_a_trap()
    {
        using var run = new RomRun(new byte[512], mapDisk: false);   // MAGIC load faults
        run.Run();
        Assert.Equal(PowerState.PoweredOff, run.Test.PowerState);
        Assert.Equal(3, run.Test.ExitCode);
    }

    /// <summary>A device at toyblk's address that is not toyblk.</summary>
    private sealed class FakeDisk : IDevice
    {
        public uint Size => 0x1000;
        public bool Read(uint offset, int width, out uint value) { value = 0x1234_5678; return true; }
        public bool Write(uint offset, int width, uint value) => true;
    }

    /// <summary>Just enough of a hart to run the reset code: the eleven instructions it
    /// uses, one cycle each, loads and stores through the bus, a trap to mtvec on an
    /// access fault. Stops at 0x8000_0000, at power-off, or after a step budget.</summary>
    private sealed class RomRun : IDisposable
    {
        public readonly uint[] X = new uint[32];
        public uint Pc = MemoryMap.BootRomBase, Mtvec;
        public readonly Ram Ram = new(1u << 20);
        public readonly FakeClock Clock = new();
        public readonly RecordingLine DiskIrq = new();
        public readonly TestDevice Test = new();
        public readonly ToyBlockDevice Disk;
        private readonly Bus _bus = new();

        public RomRun(byte[] image, IDevice? diskStandIn = null, bool mapDisk = true)
        {
            Disk = new ToyBlockDevice(image, false, Ram, Clock, DiskIrq);
            _bus.Map(MemoryMap.BootRomBase, new BootRom(Ram.Size, Disk.Capacity));
            _bus.Map(MemoryMap.TestDeviceBase, Test);
            if (mapDisk) _bus.Map(MemoryMap.BlockBase, diskStandIn ?? Disk);
        }

        public void Dispose()
        {
            Disk.Dispose();
            Ram.Dispose();
        }

        public void Run()
        {
            for (int step = 0; step < 100_000; step++)
            {
                if (Pc == MemoryMap.RamBase || Test.PowerState != PowerState.Running) return;
                Step();
                Clock.Now++;
                if (Disk.NextEvent <= Clock.Now) Disk.Advance(Clock.Now);
            }
            Assert.Fail("the reset code did not finish");
        }

        private void Step()
        {
            Assert.True(_bus.Read(Pc, 4, out uint word), $"fetch at 0x{Pc:X8}");
            var def = Decoder.Find(word) ?? throw new InvalidOperationException($"illegal 0x{word:X8}");
            int rd = Decoder.Rd(word);
            uint rs1 = X[Decoder.Rs1(word)], rs2 = X[Decoder.Rs2(word)];
            uint next = Pc + 4, result = 0;
            bool writes = true;
            switch (def.Op)
            {
                case Op.Lui: result = (uint)Decoder.ImmU(word); break;
                case Op.Auipc: result = Pc + (uint)Decoder.ImmU(word); break;
                case Op.Addi: result = rs1 + (uint)Decoder.ImmI(word); break;
                case Op.Jal: result = next; next = Pc + (uint)Decoder.ImmJ(word); break;
                case Op.Jalr: result = next; next = (rs1 + (uint)Decoder.ImmI(word)) & ~1u; break;
                case Op.Beq: writes = false; if (rs1 == rs2) next = Pc + (uint)Decoder.ImmB(word); break;
                case Op.Bne: writes = false; if (rs1 != rs2) next = Pc + (uint)Decoder.ImmB(word); break;
                case Op.Lw:
                    if (!_bus.Read(rs1 + (uint)Decoder.ImmI(word), 4, out result)) { Pc = Mtvec; return; }
                    break;
                case Op.Sw:
                    writes = false;
                    if (!_bus.Write(rs1 + (uint)Decoder.ImmS(word), 4, rs2)) { Pc = Mtvec; return; }
                    break;
                case Op.Csrrw or Op.Csrrs:
                    int csr = Decoder.CsrNumber(word);
                    result = csr switch { Csrs.Mtvec => Mtvec, Csrs.Mhartid => 0, _ => throw new InvalidOperationException($"csr 0x{csr:X}") };
                    if (csr == Csrs.Mtvec) Mtvec = def.Op == Op.Csrrw ? rs1 : Mtvec | rs1;
                    break;
                default:
                    throw new InvalidOperationException($"{def.Mnemonic} not expected in the ROM");
            }
            if (writes && rd != 0) X[rd] = result;
            Pc = next;
        }
    }
}
