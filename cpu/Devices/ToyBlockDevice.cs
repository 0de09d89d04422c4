// toyblk, the machine's disk (machine.md, "toyblk"): a disk image of 512-byte sectors,
// moved to and from physical RAM by DMA, one request at a time, with a completion
// interrupt on PLIC source 1.
//
// A request starts when the guest writes COMMAND while STATUS is idle: the device latches
// SECTOR, ADDR and COUNT, checks them, sets STATUS to busy and completes
// SetupCycles + COUNT * CyclesPerSector cycles later (a flush, or a request that failed
// its checks, costs SetupCycles alone). The transfer itself happens at completion, in
// Advance: RAM is read or written only then, through Ram.Read/Ram.Write (so decoded code
// of the written RAM is dropped). Then STATUS is done (2) or error (3) and the interrupt
// line stays high until the guest writes ACK, which returns STATUS to idle.
//
// Error (STATUS 3): a buffer not wholly inside RAM, sectors past the end of the disk, a
// write to a read-only disk, a COMMAND other than 1, 2, 3, or a host I/O error.
// A COUNT of 0 is a valid request that moves nothing. COMMAND written while STATUS is not
// idle (busy, or done/error not yet acknowledged) is ignored, and so is ACK while busy:
// a driver must wait for completion and acknowledge it before the next request.
//
// Writes go through to the backing stream at completion; a flush command flushes it to
// the host file, and so does Dispose, which the machine calls at power-off. A request
// still in flight at Dispose is abandoned (RAM may already be gone by then).

namespace ToyMachine.Cpu.Devices;

/// <summary>The toyblk block device: registers MAGIC, CAPACITY, SECTOR, ADDR, COUNT,
/// COMMAND, STATUS, ACK (32-bit, at offsets 0x00-0x1C), DMA to RAM, completion interrupt.</summary>
public sealed class ToyBlockDevice : IDevice, ITimedDevice, IDisposable
{
    /// <summary>What MAGIC reads: "TBLK" in little-endian bytes.</summary>
    public const uint Magic = 0x4B4C_4254;

    /// <summary>Bytes in a sector.</summary>
    public const int SectorSize = 512;

    /// <summary>Cycles every request costs before its first sector: 2,000 cycles, 20 µs
    /// at the nominal 100 MHz.</summary>
    public const ulong SetupCycles = 2_000;

    /// <summary>Cycles each sector adds: 512, one byte a cycle, 100 MB/s at 100 MHz.</summary>
    public const ulong CyclesPerSector = 512;

    /// <summary>STATUS values.</summary>
    public const uint StatusIdle = 0, StatusBusy = 1, StatusDone = 2, StatusError = 3;

    /// <summary>COMMAND values.</summary>
    public const uint CommandRead = 1, CommandWrite = 2, CommandFlush = 3;

    private const uint MagicOffset = 0x00, CapacityOffset = 0x04, SectorOffset = 0x08, AddrOffset = 0x0C;
    private const uint CountOffset = 0x10, CommandOffset = 0x14, StatusOffset = 0x18, AckOffset = 0x1C;

    private readonly Stream _image;
    private readonly bool _readOnly;
    private readonly Ram _ram;
    private readonly IClock _clock;
    private readonly IInterruptLine _irq;

    private uint _sector, _addr, _count, _status;
    // The request in flight, latched when COMMAND was written.
    private uint _command, _requestSector, _requestAddr, _requestCount;
    private bool _requestValid;
    private ulong _completesAt = ulong.MaxValue;
    private bool _disposed;

    /// <summary>Opens a disk image file; its capacity is its length / 512 (a partial last
    /// sector is not part of the disk).</summary>
    /// <param name="path">The image file.</param>
    /// <param name="readOnly">Open it read-only: write requests then fail with STATUS 3.</param>
    /// <param name="ram">The machine's RAM, the target of DMA.</param>
    /// <param name="clock">The machine's cycle counter, to time requests.</param>
    /// <param name="irq">The completion interrupt (PLIC source <see cref="MemoryMap.BlockIrq"/>).</param>
    public ToyBlockDevice(string path, bool readOnly, Ram ram, IClock clock, IInterruptLine irq)
        // Others may read the image while the machine runs, nobody else may write it.
        : this(new FileStream(path, FileMode.Open, readOnly ? FileAccess.Read : FileAccess.ReadWrite, FileShare.Read),
               readOnly, ram, clock, irq)
    {
    }

    /// <summary>A disk held in <paramref name="image"/> (for tests, or a machine without
    /// a disk: an empty array gives a disk of 0 sectors). Writes change the array.</summary>
    public ToyBlockDevice(byte[] image, bool readOnly, Ram ram, IClock clock, IInterruptLine irq)
        : this(new MemoryStream(image, writable: !readOnly), readOnly, ram, clock, irq)
    {
    }

    private ToyBlockDevice(Stream image, bool readOnly, Ram ram, IClock clock, IInterruptLine irq)
    {
        long sectors = image.Length / SectorSize;
        if (sectors > uint.MaxValue)
        {
            image.Dispose();
            throw new ArgumentException("disk image larger than 2^32 sectors");
        }
        _image = image;
        _readOnly = readOnly;
        _ram = ram;
        _clock = clock;
        _irq = irq;
        Capacity = (uint)sectors;
    }

    /// <inheritdoc/>
    public uint Size => MemoryMap.BlockSize;

    /// <summary>Number of sectors of the disk (the CAPACITY register).</summary>
    public uint Capacity { get; }

    /// <summary>The STATUS register.</summary>
    public uint Status => _status;

    /// <summary>The cycle at which the request in flight completes, or
    /// <see cref="ulong.MaxValue"/> when none is.</summary>
    public ulong NextEvent => _completesAt;

    /// <summary>Completes the request in flight when its cycle has come: moves the data,
    /// sets STATUS and raises the interrupt.</summary>
    public void Advance(ulong now)
    {
        if (_status != StatusBusy || now < _completesAt) return;
        _completesAt = ulong.MaxValue;
        _status = _requestValid && Transfer() ? StatusDone : StatusError;
        _irq.Set(true);
    }

    /// <summary>Abandons a request in flight, clears the registers and lowers the interrupt.</summary>
    public void Reset()
    {
        bool wasRaised = _status is StatusDone or StatusError;
        _sector = _addr = _count = 0;
        _status = StatusIdle;
        _completesAt = ulong.MaxValue;
        if (wasRaised) _irq.Set(false);
    }

    /// <inheritdoc/>
    public bool Read(uint offset, int width, out uint value)
    {
        value = 0;
        if (width != 4) return false;
        value = offset switch
        {
            MagicOffset => Magic,
            CapacityOffset => Capacity,
            SectorOffset => _sector,
            AddrOffset => _addr,
            CountOffset => _count,
            StatusOffset => _status,
            _ => 0,   // COMMAND, ACK and the reserved rest of the page read as zero
        };
        return true;
    }

    /// <inheritdoc/>
    public bool Write(uint offset, int width, uint value)
    {
        if (width != 4) return false;
        switch (offset)
        {
            case SectorOffset: _sector = value; break;
            case AddrOffset: _addr = value; break;
            case CountOffset: _count = value; break;
            case CommandOffset: Start(value); break;
            case AckOffset:
                if (_status is StatusDone or StatusError)
                {
                    _status = StatusIdle;
                    _irq.Set(false);
                }
                break;
        }
        return true;
    }

    /// <summary>Flushes the image to the host file and closes it.</summary>
    public void Dispose()
    {
        if (_disposed) return;
        _disposed = true;
        if (!_readOnly) FlushImage();
        _image.Dispose();
    }

    private void Start(uint command)
    {
        if (_status != StatusIdle) return;
        _command = command;
        _requestSector = _sector;
        _requestAddr = _addr;
        _requestCount = _count;
        _requestValid = command switch
        {
            CommandRead => InRange(),
            CommandWrite => !_readOnly && InRange(),
            CommandFlush => true,
            _ => false,
        };
        ulong sectorsMoved = _requestValid && command != CommandFlush ? _requestCount : 0;
        _status = StatusBusy;
        _completesAt = _clock.Now + SetupCycles + sectorsMoved * CyclesPerSector;
    }

    /// <summary>True when the latched sectors lie on the disk and the buffer in RAM.</summary>
    private bool InRange()
    {
        ulong bytes = (ulong)_requestCount * SectorSize;
        return (ulong)_requestSector + _requestCount <= Capacity
            && bytes <= uint.MaxValue
            && _ram.Contains(_requestAddr, (uint)bytes);
    }

    /// <summary>Moves the data of the latched request; false on a host I/O error.</summary>
    private bool Transfer()
    {
        try
        {
            if (_command == CommandFlush)
            {
                if (!_readOnly) FlushImage();
                return true;
            }
            var buffer = new byte[SectorSize * 128];
            long position = (long)_requestSector * SectorSize;
            uint addr = _requestAddr;
            long remaining = (long)_requestCount * SectorSize;
            while (remaining > 0)
            {
                int chunk = (int)Math.Min(remaining, buffer.Length);
                var span = buffer.AsSpan(0, chunk);
                _image.Position = position;
                if (_command == CommandRead)
                {
                    _image.ReadExactly(span);
                    _ram.Write(addr, span);
                }
                else
                {
                    _ram.Read(addr, span);
                    _image.Write(span);
                }
                position += chunk;
                addr += (uint)chunk;
                remaining -= chunk;
            }
            return true;
        }
        catch (IOException)
        {
            return false;
        }
    }

    private void FlushImage()
    {
        if (_image is FileStream file) file.Flush(flushToDisk: true);
        else _image.Flush();
    }
}
