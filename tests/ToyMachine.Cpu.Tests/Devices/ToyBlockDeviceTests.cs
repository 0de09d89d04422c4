using ToyMachine.Cpu.Devices;

namespace ToyMachine.Cpu.Tests.Devices;

/// <summary>toyblk against machine.md's register table (offsets, MAGIC "TBLK", STATUS
/// values, ACK) and the timing documented in docs/devices.md: a request completes
/// 2,000 + 512 * COUNT cycles after COMMAND (2,000 for a flush or a refused request).</summary>
public sealed class ToyBlockDeviceTests : IDisposable
{
    private const uint MAGIC = 0x00, CAPACITY = 0x04, SECTOR = 0x08, ADDR = 0x0C, COUNT = 0x10, COMMAND = 0x14, STATUS = 0x18, ACK = 0x1C;
    private const uint Read_ = 1, Write_ = 2, Flush = 3;
    private const uint Idle = 0, Busy = 1, Done = 2, Error = 3;
    private const uint RamBase = 0x8000_0000, RamSize = 0x10000;

    private readonly Ram _ram = new(RamSize);
    private readonly FakeClock _clock = new();
    private readonly RecordingLine _irq = new();

    public void Dispose() => _ram.Dispose();

    /// <summary>An image of <paramref name="sectors"/> sectors, byte i of sector s = s * 7 + i.</summary>
    private static byte[] Image(int sectors)
    {
        var image = new byte[sectors * 512];
        for (int s = 0; s < sectors; s++)
            for (int i = 0; i < 512; i++)
                image[s * 512 + i] = (byte)(s * 7 + i);
        return image;
    }

    private ToyBlockDevice Disk(byte[] image, bool readOnly = false) => new(image, readOnly, _ram, _clock, _irq);

    private static uint Reg(ToyBlockDevice disk, uint offset)
    {
        Assert.True(disk.Read(offset, 4, out uint value));
        return value;
    }

    private static void Set(ToyBlockDevice disk, uint offset, uint value) => Assert.True(disk.Write(offset, 4, value));

    private static void Request(ToyBlockDevice disk, uint command, uint sector, uint addr, uint count)
    {
        Set(disk, SECTOR, sector);
        Set(disk, ADDR, addr);
        Set(disk, COUNT, count);
        Set(disk, COMMAND, command);
    }

    private void RunUntilIdle(ToyBlockDevice disk)
    {
        while (disk.NextEvent != ulong.MaxValue)
        {
            _clock.Now = disk.NextEvent;
            disk.Advance(_clock.Now);
        }
    }

    [Fact]
    public void Magic_reads_TBLK_and_capacity_counts_whole_sectors()
    {
        using var disk = Disk(new byte[5 * 512 + 100]);
        Assert.Equal(0x4B4C4254u, Reg(disk, MAGIC));
        Assert.Equal("TBLK"u8.ToArray(), BitConverter.GetBytes(Reg(disk, MAGIC)));
        Assert.Equal(5u, Reg(disk, CAPACITY));
        Assert.Equal(Idle, Reg(disk, STATUS));
    }

    [Fact]
    public void Request_registers_read_back()
    {
        using var disk = Disk(Image(1));
        Set(disk, SECTOR, 3);
        Set(disk, ADDR, 0x8000_1000);
        Set(disk, COUNT, 2);
        Assert.Equal(3u, Reg(disk, SECTOR));
        Assert.Equal(0x8000_1000u, Reg(disk, ADDR));
        Assert.Equal(2u, Reg(disk, COUNT));
    }

    [Fact]
    public void Read_copies_sectors_into_RAM_at_completion()
    {
        var image = Image(4);
        using var disk = Disk(image);
        Request(disk, Read_, 1, RamBase + 0x200, 2);
        Assert.Equal(Busy, Reg(disk, STATUS));
        Assert.All(_ram.Slice(RamBase + 0x200, 1024).ToArray(), b => Assert.Equal(0, b));   // nothing yet
        RunUntilIdle(disk);
        Assert.Equal(Done, Reg(disk, STATUS));
        Assert.Equal(image.AsSpan(512, 1024).ToArray(), _ram.Slice(RamBase + 0x200, 1024).ToArray());
    }

    [Fact]
    public void Read_reports_the_written_RAM_range_for_code_invalidation()
    {
        using var disk = Disk(Image(2));
        var writes = new List<(uint, uint)>();
        _ram.ExternalWrite = (addr, len) => writes.Add((addr, len));
        Request(disk, Read_, 0, RamBase, 2);
        RunUntilIdle(disk);
        Assert.Equal(1024u, (uint)writes.Sum(w => w.Item2));
        Assert.Equal(RamBase, writes[0].Item1);
    }

    [Fact]
    public void Write_copies_RAM_into_the_image_at_completion()
    {
        var image = Image(4);
        using var disk = Disk(image);
        var data = new byte[512];
        for (int i = 0; i < 512; i++) data[i] = (byte)(255 - i);
        _ram.Write(RamBase + 0x400, data);
        Request(disk, Write_, 2, RamBase + 0x400, 1);
        Assert.Equal(Image(4), image);            // unchanged while busy
        RunUntilIdle(disk);
        Assert.Equal(Done, Reg(disk, STATUS));
        Assert.Equal(data, image.AsSpan(1024, 512).ToArray());
        Assert.Equal(Image(4).AsSpan(0, 1024).ToArray(), image.AsSpan(0, 1024).ToArray());
    }

    [Theory]
    [InlineData(0u, 1u, 2_512UL)]
    [InlineData(0u, 4u, 4_048UL)]
    [InlineData(0u, 0u, 2_000UL)]
    public void Request_completes_after_setup_plus_per_sector_cycles(uint sector, uint count, ulong cycles)
    {
        using var disk = Disk(Image(4));
        _clock.Now = 1_000;
        Request(disk, Read_, sector, RamBase, count);
        Assert.Equal(1_000 + cycles, disk.NextEvent);
        disk.Advance(1_000 + cycles - 1);
        Assert.Equal(Busy, Reg(disk, STATUS));
        Assert.False(_irq.Level);
        disk.Advance(1_000 + cycles);
        Assert.Equal(Done, Reg(disk, STATUS));
        Assert.True(_irq.Level);
        Assert.Equal(ulong.MaxValue, disk.NextEvent);
    }

    [Fact]
    public void Flush_completes_after_the_setup_cycles()
    {
        using var disk = Disk(Image(1));
        Set(disk, COMMAND, Flush);
        Assert.Equal(2_000UL, disk.NextEvent);
        RunUntilIdle(disk);
        Assert.Equal(Done, Reg(disk, STATUS));
    }

    [Fact]
    public void Ack_lowers_the_interrupt_and_returns_to_idle()
    {
        using var disk = Disk(Image(1));
        Request(disk, Read_, 0, RamBase, 1);
        RunUntilIdle(disk);
        Assert.True(_irq.Level);
        Set(disk, ACK, 0);
        Assert.False(_irq.Level);
        Assert.Equal(Idle, Reg(disk, STATUS));
    }

    [Fact]
    public void Sectors_past_the_end_of_the_disk_are_an_error()
    {
        using var disk = Disk(Image(4));
        Request(disk, Read_, 3, RamBase, 2);
        Assert.Equal(2_000UL, disk.NextEvent);
        RunUntilIdle(disk);
        Assert.Equal(Error, Reg(disk, STATUS));
        Assert.True(_irq.Level);
        Assert.All(_ram.Slice(RamBase, 1024).ToArray(), b => Assert.Equal(0, b));
    }

    [Theory]
    [InlineData(0x7FFF_FF00u)]                    // below RAM
    [InlineData(RamBase + RamSize - 256)]         // runs past the end of RAM
    [InlineData(0xFFFF_FF00u)]                    // wraps around
    public void Buffer_not_wholly_in_RAM_is_an_error(uint addr)
    {
        using var disk = Disk(Image(4));
        Request(disk, Read_, 0, addr, 1);
        RunUntilIdle(disk);
        Assert.Equal(Error, Reg(disk, STATUS));
    }

    [Fact]
    public void Write_to_a_read_only_disk_is_an_error_and_changes_nothing()
    {
        var image = Image(2);
        using var disk = Disk(image, readOnly: true);
        _ram.Write(RamBase, new byte[512]);
        Request(disk, Write_, 0, RamBase, 1);
        RunUntilIdle(disk);
        Assert.Equal(Error, Reg(disk, STATUS));
        Assert.Equal(Image(2), image);
    }

    [Fact]
    public void Read_from_a_read_only_disk_works()
    {
        using var disk = Disk(Image(2), readOnly: true);
        Request(disk, Read_, 1, RamBase, 1);
        RunUntilIdle(disk);
        Assert.Equal(Done, Reg(disk, STATUS));
    }

    [Fact]
    public void Unknown_command_is_an_error()
    {
        using var disk = Disk(Image(1));
        Set(disk, COMMAND, 4);
        RunUntilIdle(disk);
        Assert.Equal(Error, Reg(disk, STATUS));
    }

    [Fact]
    public void Command_is_ignored_until_the_previous_request_is_acknowledged()
    {
        using var disk = Disk(Image(4));
        Request(disk, Read_, 0, RamBase, 1);
        ulong first = disk.NextEvent;
        Request(disk, Read_, 0, RamBase, 3);      // while busy
        Assert.Equal(first, disk.NextEvent);
        RunUntilIdle(disk);
        Set(disk, COMMAND, Read_);                // done, not acknowledged
        Assert.Equal(Done, Reg(disk, STATUS));
        Assert.Equal(ulong.MaxValue, disk.NextEvent);
    }

    [Fact]
    public void Registers_changed_while_busy_do_not_affect_the_request()
    {
        var image = Image(4);
        using var disk = Disk(image);
        Request(disk, Read_, 2, RamBase, 1);
        Set(disk, SECTOR, 0);
        Set(disk, ADDR, RamBase + 0x1000);
        RunUntilIdle(disk);
        Assert.Equal(image.AsSpan(1024, 512).ToArray(), _ram.Slice(RamBase, 512).ToArray());
    }

    [Fact]
    public void Ack_while_busy_is_ignored()
    {
        using var disk = Disk(Image(1));
        Request(disk, Read_, 0, RamBase, 1);
        Set(disk, ACK, 1);
        Assert.Equal(Busy, Reg(disk, STATUS));
        RunUntilIdle(disk);
        Assert.Equal(Done, Reg(disk, STATUS));
    }

    [Fact]
    public void Narrow_accesses_fault()
    {
        using var disk = Disk(Image(1));
        Assert.False(disk.Read(MAGIC, 1, out _));
        Assert.False(disk.Write(COMMAND, 2, 1));
    }

    [Fact]
    public void Image_file_receives_writes_by_flush_and_by_dispose()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, Image(3));
            var data = new byte[512];
            Array.Fill(data, (byte)0xAB);
            _ram.Write(RamBase, data);

            var disk = new ToyBlockDevice(path, readOnly: false, _ram, _clock, _irq);
            Assert.Equal(3u, disk.Capacity);
            Request(disk, Write_, 1, RamBase, 1);
            RunUntilIdle(disk);
            Set(disk, ACK, 0);
            Set(disk, COMMAND, Flush);
            RunUntilIdle(disk);
            Assert.Equal(Done, Reg(disk, STATUS));
            using (var reader = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite))
            {
                var onDisk = new byte[512];
                reader.Position = 512;
                reader.ReadExactly(onDisk);
                Assert.Equal(data, onDisk);
            }

            Set(disk, ACK, 0);
            Array.Fill(data, (byte)0xCD);
            _ram.Write(RamBase, data);
            Request(disk, Write_, 2, RamBase, 1);
            RunUntilIdle(disk);
            disk.Dispose();                       // power-off without a flush
            Assert.Equal(data, File.ReadAllBytes(path).AsSpan(1024, 512).ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Read_only_image_file_serves_reads()
    {
        string path = Path.GetTempFileName();
        try
        {
            File.WriteAllBytes(path, Image(2));
            using var disk = new ToyBlockDevice(path, readOnly: true, _ram, _clock, _irq);
            Request(disk, Read_, 1, RamBase, 1);
            RunUntilIdle(disk);
            Assert.Equal(Done, Reg(disk, STATUS));
            Assert.Equal(Image(2).AsSpan(512, 512).ToArray(), _ram.Slice(RamBase, 512).ToArray());
        }
        finally
        {
            File.Delete(path);
        }
    }

    [Fact]
    public void Reset_abandons_the_request_and_lowers_the_interrupt()
    {
        using var disk = Disk(Image(1));
        Request(disk, Read_, 0, RamBase, 1);
        RunUntilIdle(disk);
        Assert.True(_irq.Level);
        disk.Reset();
        Assert.False(_irq.Level);
        Assert.Equal(Idle, Reg(disk, STATUS));
        Request(disk, Read_, 0, RamBase, 1);
        disk.Reset();
        Assert.Equal(ulong.MaxValue, disk.NextEvent);
        Assert.Equal(Idle, Reg(disk, STATUS));
    }
}
