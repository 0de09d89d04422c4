// The console: a 16550A UART as QEMU's virt machine has it (hw/char/serial.c), one byte
// register every byte of offset. Transmission is instantaneous: a byte written to THR goes
// straight to the output stream, so THR is always empty (LSR.THRE and LSR.TEMT always
// set) and the THR-empty interrupt re-arms at once. Reception holds one byte at a time in
// RBR; the next byte of the input source arrives when the guest has read the last (a
// deterministic source) or when the machine polls (a terminal). The interrupt line goes to
// PLIC source 10.
//
// Not modelled: the FIFOs (FCR is stored and IIR reports them enabled, but RBR still
// holds one byte, so the receive interrupt is the plain data-ready one whatever trigger
// level FCR asks for, and the character-timeout interrupt never occurs), the baud rate
// (the divisor latch is stored and ignored), line errors and break (LSR bits 1-4 and 7
// stay 0, so the receiver-line-status interrupt never fires), modem lines (MSR reads
// DCD|DSR|CTS, its delta bits stay 0, the modem-status interrupt never fires) and
// loopback (MCR bit 4 is stored and ignored).

namespace ToyMachine.Cpu.Devices;

/// <summary>A 16550A UART: registers RBR/THR/DLL, IER/DLM, IIR/FCR, LCR, MCR, LSR, MSR, SCR
/// at offsets 0-7 of a 256-byte window.</summary>
public sealed class Uart16550 : IDevice
{
    // Register offsets.
    private const uint RbrThr = 0, Ier = 1, IirFcr = 2, Lcr = 3, Mcr = 4, Lsr = 5, Msr = 6, Scr = 7;

    // IER bits.
    private const byte IerErbfi = 0x01;   // received data available
    private const byte IerEtbei = 0x02;   // transmitter holding register empty
    private const byte IerMask = 0x0F;    // ELSI (0x04) and EDSSI (0x08) are stored, never fire

    // IIR values (bits 3:0); bits 7:6 read 11 when FCR enabled the FIFOs.
    private const byte IirNoInterrupt = 0x01;
    private const byte IirThrEmpty = 0x02;
    private const byte IirReceivedData = 0x04;
    private const byte IirFifosEnabled = 0xC0;

    // FCR bits kept (FIFO enable, DMA mode, trigger level), as QEMU keeps them.
    private const byte FcrEnable = 0x01, FcrKept = 0xC9;

    // LCR, LSR, MCR, MSR bits.
    private const byte LcrDlab = 0x80;
    private const byte LsrDr = 0x01, LsrThre = 0x20, LsrTemt = 0x40;
    private const byte McrOut2 = 0x08;
    private const byte MsrDcdDsrCts = 0xB0;

    private readonly Stream _output;
    private readonly IConsoleInput _input;
    private readonly IInterruptLine _irq;

    private byte _rbr, _ier, _lcr, _mcr, _scr, _fcr;
    private ushort _divisor;
    private bool _dataReady;          // LSR.DR: RBR holds a byte the guest has not read
    private bool _thrInterrupt;       // the THR-empty interrupt is armed (cleared by IIR read, THR write)
    private bool _lineLevel;

    /// <summary>Creates the UART in its reset state.</summary>
    /// <param name="output">Where transmitted bytes go, one <see cref="Stream.WriteByte"/>
    /// per byte; nothing is dropped. <see cref="Poll"/> flushes it.</param>
    /// <param name="input">Where received bytes come from.</param>
    /// <param name="irq">The interrupt line (PLIC source <see cref="MemoryMap.UartIrq"/>).</param>
    public Uart16550(Stream output, IConsoleInput input, IInterruptLine irq)
    {
        _output = output;
        _input = input;
        _irq = irq;
        Reset();
    }

    /// <inheritdoc/>
    public uint Size => MemoryMap.UartSize;

    /// <summary>True when RBR holds a byte the guest has not read yet (LSR.DR). Like every
    /// access to the UART, it may block on a pipe until its next byte or its end.</summary>
    public bool HasInput
    {
        get
        {
            FillFromDeterministicInput();
            return _dataReady;
        }
    }

    /// <summary>True when no input byte is waiting and none can ever arrive: the source is
    /// exhausted. An idle machine in this state (and with no timer event) can stop.</summary>
    public bool InputExhausted
    {
        get
        {
            FillFromDeterministicInput();
            return !_dataReady && _input.IsExhausted;
        }
    }

    /// <summary>True when the input is a terminal: bytes arrive only through <see cref="Poll"/>,
    /// and an idle machine waits for them with <see cref="WaitForInput"/>.</summary>
    public bool IsInteractive => !_input.IsDeterministic;

    /// <summary>The machine's poll hook: moves a typed byte into RBR when RBR is free (an
    /// interactive source), and flushes the output stream. Call it regularly (at block
    /// ends, every so many cycles) and when idle. Harmless for deterministic sources.</summary>
    public void Poll()
    {
        _output.Flush();
        if (_dataReady) return;
        if (_input.TryRead(out byte b)) Receive(b);
    }

    /// <summary>Blocks the host up to <paramref name="millisecondsTimeout"/> until the input
    /// source has a byte; true when it has. For an idle machine on a terminal; follow
    /// with <see cref="Poll"/>.</summary>
    public bool WaitForInput(int millisecondsTimeout) => _input.WaitForData(millisecondsTimeout);

    /// <summary>Returns every register to its reset value (as QEMU's serial_reset) and
    /// lowers the interrupt line. A byte already in RBR is lost.</summary>
    public void Reset()
    {
        _rbr = 0; _ier = 0; _lcr = 0; _scr = 0; _fcr = 0;
        _mcr = McrOut2;
        _divisor = 0x0C;
        _dataReady = false;
        _thrInterrupt = false;
        _lineLevel = true;   // forces the line low below
        UpdateInterrupt();
    }

    /// <inheritdoc/>
    public bool Read(uint offset, int width, out uint value)
    {
        FillFromDeterministicInput();
        value = 0;
        if (offset > Scr) return true;   // the rest of the window reads as zero
        bool dlab = (_lcr & LcrDlab) != 0;
        switch (offset)
        {
            case RbrThr when dlab:
                value = (uint)(_divisor & 0xFF);
                break;
            case RbrThr:
                value = _rbr;
                if (_dataReady)
                {
                    _dataReady = false;
                    // A deterministic source hands over its next byte as soon as the guest
                    // has consumed this one.
                    FillFromDeterministicInput();
                    UpdateInterrupt();
                }
                break;
            case Ier when dlab:
                value = (uint)(_divisor >> 8);
                break;
            case Ier:
                value = _ier;
                break;
            case IirFcr:
                value = Iir();
                // Reading IIR while it reports THR empty clears that interrupt (16550
                // datasheet, table of interrupt reset controls).
                if ((value & 0x0F) == IirThrEmpty)
                {
                    _thrInterrupt = false;
                    UpdateInterrupt();
                }
                break;
            case Lcr:
                value = _lcr;
                break;
            case Mcr:
                value = _mcr;
                break;
            case Lsr:
                value = (uint)(LsrThre | LsrTemt | (_dataReady ? LsrDr : 0));
                break;
            case Msr:
                value = MsrDcdDsrCts;
                break;
            case Scr:
                value = _scr;
                break;
        }
        return true;
    }

    /// <inheritdoc/>
    public bool Write(uint offset, int width, uint value)
    {
        FillFromDeterministicInput();
        if (offset > Scr) return true;   // the rest of the window ignores writes
        byte b = (byte)value;            // wider accesses reach the register with their low byte
        bool dlab = (_lcr & LcrDlab) != 0;
        switch (offset)
        {
            case RbrThr when dlab:
                _divisor = (ushort)((_divisor & 0xFF00) | b);
                break;
            case RbrThr:
                _output.WriteByte(b);
                // The byte left at once, so THR is empty again and its interrupt re-arms.
                _thrInterrupt = true;
                UpdateInterrupt();
                break;
            case Ier when dlab:
                _divisor = (ushort)((_divisor & 0x00FF) | b << 8);
                break;
            case Ier:
            {
                byte changed = (byte)((_ier ^ b) & IerMask);
                _ier = (byte)(b & IerMask);
                // Setting ETBEI while THR is empty (it always is) raises the THR-empty
                // interrupt, even if an IIR read had cleared it before; clearing ETBEI
                // forgets it. QEMU does the same, on the edge of the bit.
                if ((changed & IerEtbei) != 0) _thrInterrupt = (_ier & IerEtbei) != 0;
                UpdateInterrupt();
                break;
            }
            case IirFcr:
                _fcr = (byte)(b & FcrKept);
                UpdateInterrupt();
                break;
            case Lcr:
                _lcr = b;
                break;
            case Mcr:
                _mcr = (byte)(b & 0x1F);
                break;
            case Scr:
                _scr = b;
                break;
            // LSR and MSR are read-only: writes are ignored.
        }
        return true;
    }

    /// <summary>IIR: the highest-priority pending interrupt among those modelled (received
    /// data, priority 2, above THR empty, priority 3), or "none pending" (bit 0 set).</summary>
    private byte Iir()
    {
        byte id = IirNoInterrupt;
        if ((_ier & IerErbfi) != 0 && _dataReady) id = IirReceivedData;
        else if ((_ier & IerEtbei) != 0 && _thrInterrupt) id = IirThrEmpty;
        return (byte)(id | ((_fcr & FcrEnable) != 0 ? IirFifosEnabled : 0));
    }

    private void Receive(byte b)
    {
        _rbr = b;
        _dataReady = true;
        UpdateInterrupt();
    }

    private void FillFromDeterministicInput()
    {
        if (!_dataReady && _input.IsDeterministic && _input.TryRead(out byte b)) Receive(b);
    }

    private void UpdateInterrupt()
    {
        bool level = (Iir() & IirNoInterrupt) == 0;
        if (level == _lineLevel) return;
        _lineLevel = level;
        _irq.Set(level);
    }
}
