// The boot ROM at 0x1000: 4 KiB, read-only. The reset vector at 0x1000 holds a short
// M-mode program (no MMU, interrupts off) that loads the boot block and enters it:
//
//   1. mtvec = the ROM's failure handler, so any trap before the boot block installs its
//      own handler ends the run with exit code 3 instead of looping on a trap.
//   2. If toyblk's MAGIC is not "TBLK": power off with exit code 2.
//   3. Read sector 0 to 0x8000_0000 (SECTOR 0, ADDR, COUNT 1, COMMAND 1), poll STATUS
//      while busy, ACK. If STATUS is not done: power off with exit code 1.
//   4. a0 = mhartid, a1 = 0x1800 (the boot info block), jump to 0x8000_0000.
//
// Powering off means writing (code << 16) | 0x3333 to the test device. The code words are
// built from the instruction table's Match values and the Encoder's field helpers (there
// is no assembler in the machine); a test checks them against GNU as.
//
// The boot info block at 0x1800 (offset 0x800): little-endian u32 magic 0x544F5942
// ("BYOT"), ram_base, ram_size, disk_sectors, then the kernel command line, NUL-terminated,
// at most 255 bytes. The rest of the ROM reads as zero. Stores to the ROM are access faults.

using System.Buffers.Binary;
using System.Text;
using ToyMachine.Cpu.Isa;
using static ToyMachine.Cpu.Isa.Encoder;

namespace ToyMachine.Cpu.Devices;

/// <summary>The boot ROM: the reset code at 0x1000 and the boot info block at 0x1800.</summary>
public sealed class BootRom : IDevice
{
    /// <summary>Exit code of a boot that found toyblk but could not read sector 0 (STATUS 3:
    /// no disk, an empty disk).</summary>
    public const int ExitDiskError = 1;

    /// <summary>Exit code of a boot that found no toyblk (MAGIC mismatch).</summary>
    public const int ExitNoDisk = 2;

    /// <summary>Exit code of a trap taken while <c>mtvec</c> still points into the ROM:
    /// in the ROM itself, or in the boot block before it set <c>mtvec</c>.</summary>
    public const int ExitTrap = 3;

    /// <summary>Magic number at the start of the boot info block: "BYOT" in little-endian bytes.</summary>
    public const uint BootInfoMagic = 0x544F_5942;

    /// <summary>Longest command line, in bytes, without its terminating NUL.</summary>
    public const int MaxCommandLineBytes = 255;

    /// <summary>Offset of the boot info block in the ROM.</summary>
    public const uint BootInfoOffset = MemoryMap.BootInfo - MemoryMap.BootRomBase;

    // ABI register numbers.
    private const int Zero = 0, T0 = 5, T1 = 6, T2 = 7, A0 = 10, A1 = 11, T3 = 28, T4 = 29, T5 = 30, T6 = 31;

    // Word indices of the labels of the program below.
    private const int Wait = 14, NoDisk = 23, DiskError = 25, TrapHandler = 27, Halt = 28, Spin = 31;

    /// <summary>Address of the ROM's trap handler, left in <c>mtvec</c> when the boot block
    /// is entered.</summary>
    public const uint TrapHandlerAddress = MemoryMap.BootRomBase + TrapHandler * 4;

    /// <summary>The reset code, one word per instruction, starting at 0x1000.</summary>
    internal static readonly uint[] Code =
    [
        /*  0         */ Auipc(T0, 0),                        // auipc t0, 0            t0 = 0x1000
        /*  1         */ Addi(T0, T0, TrapHandler * 4),       // addi  t0, t0, 108      t0 = trap handler
        /*  2         */ Csrrw(Zero, Csrs.Mtvec, T0),         // csrw  mtvec, t0
        /*  3         */ Lui(T0, 0x10001),                    // lui   t0, 0x10001      t0 = toyblk, 0x1000_1000
        /*  4         */ Lw(T1, 0x00, T0),                    // lw    t1, 0(t0)        t1 = MAGIC
        /*  5         */ Lui(T2, 0x4B4C4),                    // lui   t2, 0x4b4c4
        /*  6         */ Addi(T2, T2, 0x254),                 // addi  t2, t2, 0x254    t2 = 0x4B4C_4254, "TBLK"
        /*  7         */ Bne(T1, T2, NoDisk - 7),             // bne   t1, t2, no_disk
        /*  8         */ Sw(Zero, 0x08, T0),                  // sw    zero, 8(t0)      SECTOR = 0
        /*  9         */ Lui(T1, 0x80000),                    // lui   t1, 0x80000      t1 = 0x8000_0000
        /* 10         */ Sw(T1, 0x0C, T0),                    // sw    t1, 12(t0)       ADDR = 0x8000_0000
        /* 11         */ Addi(T2, Zero, 1),                   // addi  t2, zero, 1      t2 = 1 (read; busy)
        /* 12         */ Sw(T2, 0x10, T0),                    // sw    t2, 16(t0)       COUNT = 1
        /* 13         */ Sw(T2, 0x14, T0),                    // sw    t2, 20(t0)       COMMAND = 1, read
        /* 14 wait:   */ Lw(T3, 0x18, T0),                    // lw    t3, 24(t0)       t3 = STATUS
        /* 15         */ Beq(T3, T2, Wait - 15),              // beq   t3, t2, wait     1 = busy: poll again
        /* 16         */ Sw(Zero, 0x1C, T0),                  // sw    zero, 28(t0)     ACK
        /* 17         */ Addi(T4, Zero, 2),                   // addi  t4, zero, 2      t4 = 2, done
        /* 18         */ Bne(T3, T4, DiskError - 18),         // bne   t3, t4, disk_error
        /* 19         */ Csrrs(A0, Csrs.Mhartid, Zero),       // csrr  a0, mhartid      a0 = hart id
        /* 20         */ Lui(A1, 0x2),                        // lui   a1, 0x2          a1 = 0x2000
        /* 21         */ Addi(A1, A1, -0x800),                // addi  a1, a1, -2048    a1 = 0x1800, boot info
        /* 22         */ Jalr(Zero, 0, T1),                   // jr    t1               enter the boot block
        /* 23 no_disk:*/ Lui(T5, ExitNoDisk << 4 | 3),        // lui   t5, 0x23         t5 = (2 << 16) | 0x3000
        /* 24         */ Jal(Zero, Halt - 24),          // j     halt
        /* 25 disk_error: */ Lui(T5, ExitDiskError << 4 | 3), // lui   t5, 0x13         t5 = (1 << 16) | 0x3000
        /* 26         */ Jal(Zero, Halt - 26),          // j     halt
        /* 27 trap:   */ Lui(T5, ExitTrap << 4 | 3),          // lui   t5, 0x33         t5 = (3 << 16) | 0x3000
        /* 28 halt:   */ Addi(T5, T5, 0x333),                 // addi  t5, t5, 0x333    t5 = (code << 16) | 0x3333
        /* 29         */ Lui(T6, 0x100),                      // lui   t6, 0x100        t6 = test device, 0x0010_0000
        /* 30         */ Sw(T5, 0, T6),                       // sw    t5, 0(t6)        power off
        /* 31 spin:   */ Jal(Zero, Spin - 31),          // j     spin             if the device did not stop us
    ];

    private readonly byte[] _bytes = new byte[MemoryMap.BootRomSize];

    /// <summary>Builds the ROM: the reset code and the boot info block.</summary>
    /// <param name="ramSize">Bytes of RAM (the block's <c>ram_size</c>; <c>ram_base</c> is
    /// <see cref="MemoryMap.RamBase"/>).</param>
    /// <param name="diskSectors">Sectors of the disk (<c>disk_sectors</c>).</param>
    /// <param name="commandLine">The kernel command line, at most 255 bytes in UTF-8,
    /// without NUL characters.</param>
    /// <exception cref="ArgumentException">The command line is too long or holds a NUL.</exception>
    public BootRom(uint ramSize, uint diskSectors, string commandLine = "")
    {
        byte[] line = Encoding.UTF8.GetBytes(commandLine);
        if (line.Length > MaxCommandLineBytes)
            throw new ArgumentException($"command line longer than {MaxCommandLineBytes} bytes", nameof(commandLine));
        if (Array.IndexOf(line, (byte)0) >= 0)
            throw new ArgumentException("command line holds a NUL character", nameof(commandLine));

        for (int i = 0; i < Code.Length; i++)
            BinaryPrimitives.WriteUInt32LittleEndian(_bytes.AsSpan(i * 4), Code[i]);

        var info = _bytes.AsSpan((int)BootInfoOffset);
        BinaryPrimitives.WriteUInt32LittleEndian(info[0..], BootInfoMagic);
        BinaryPrimitives.WriteUInt32LittleEndian(info[4..], MemoryMap.RamBase);
        BinaryPrimitives.WriteUInt32LittleEndian(info[8..], ramSize);
        BinaryPrimitives.WriteUInt32LittleEndian(info[12..], diskSectors);
        line.CopyTo(info[16..]);   // the NUL after it is already there
    }

    /// <inheritdoc/>
    public uint Size => MemoryMap.BootRomSize;

    /// <summary>The ROM's bytes (read-only view), for a machine that fetches from it directly.</summary>
    public ReadOnlySpan<byte> Bytes => _bytes;

    /// <inheritdoc/>
    public bool Read(uint offset, int width, out uint value)
    {
        var span = _bytes.AsSpan((int)offset, width);
        value = width switch
        {
            1 => span[0],
            2 => BinaryPrimitives.ReadUInt16LittleEndian(span),
            _ => BinaryPrimitives.ReadUInt32LittleEndian(span),
        };
        return true;
    }

    /// <summary>The ROM is read-only: every store is an access fault.</summary>
    public bool Write(uint offset, int width, uint value) => false;

    // Instruction builders: the table's fixed bits plus the operand fields.
    private static uint Match(Op op) => Instructions.Of(op)!.Match;
    private static uint Lui(int rd, int imm20) => Match(Op.Lui) | Rd(rd) | ImmU(imm20);
    private static uint Auipc(int rd, int imm20) => Match(Op.Auipc) | Rd(rd) | ImmU(imm20);
    private static uint Addi(int rd, int rs1, int imm) => Match(Op.Addi) | Rd(rd) | Rs1(rs1) | ImmI(imm);
    private static uint Lw(int rd, int imm, int rs1) => Match(Op.Lw) | Rd(rd) | Rs1(rs1) | ImmI(imm);
    private static uint Sw(int rs2, int imm, int rs1) => Match(Op.Sw) | Rs2(rs2) | Rs1(rs1) | ImmS(imm);
    private static uint Beq(int rs1, int rs2, int words) => Match(Op.Beq) | Rs1(rs1) | Rs2(rs2) | ImmB(words * 4);
    private static uint Bne(int rs1, int rs2, int words) => Match(Op.Bne) | Rs1(rs1) | Rs2(rs2) | ImmB(words * 4);
    private static uint Jal(int rd, int words) => Match(Op.Jal) | Rd(rd) | ImmJ(words * 4);
    private static uint Jalr(int rd, int imm, int rs1) => Match(Op.Jalr) | Rd(rd) | Rs1(rs1) | ImmI(imm);
    private static uint Csrrw(int rd, int csr, int rs1) => Match(Op.Csrrw) | Rd(rd) | Csr(csr) | Rs1(rs1);
    private static uint Csrrs(int rd, int csr, int rs1) => Match(Op.Csrrs) | Rd(rd) | Csr(csr) | Rs1(rs1);
}
