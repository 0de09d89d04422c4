using System.Text;
using ToyMachine.Cpu.Devices;

namespace ToyMachine.Cpu.Tests.Devices;

/// <summary>The UART against the 16550A datasheet (TI/National PC16550D): register
/// offsets, reset values, LSR bits, IIR identification codes and priorities, and the
/// interrupt reset controls.</summary>
public class UartTests
{
    // Offsets and bits, written from the datasheet.
    private const uint RBR = 0, THR = 0, DLL = 0, IER = 1, DLM = 1, IIR = 2, FCR = 2, LCR = 3, MCR = 4, LSR = 5, MSR = 6, SCR = 7;
    private const uint ERBFI = 0x01, ETBEI = 0x02, DLAB = 0x80;
    private const uint LSR_DR = 0x01, LSR_THRE = 0x20, LSR_TEMT = 0x40;
    // IIR bits 3:0: 0001 = none pending, 0110 = receiver line status, 0100 = received
    // data available, 1100 = character timeout, 0010 = THR empty, 0000 = modem status.
    private const uint IIR_NONE = 0x1, IIR_RDA = 0x4, IIR_THRE = 0x2;

    private readonly MemoryStream _output = new();
    private readonly RecordingLine _irq = new();

    private Uart16550 Make(IConsoleInput input) => new(_output, input, _irq);
    private Uart16550 Make(string input = "") => Make(new DeterministicInput(Encoding.ASCII.GetBytes(input)));

    private static uint Read(Uart16550 uart, uint offset)
    {
        Assert.True(uart.Read(offset, 1, out uint value));
        return value;
    }

    private static void Write(Uart16550 uart, uint offset, uint value) => Assert.True(uart.Write(offset, 1, value));

    [Fact]
    public void Registers_read_their_reset_values()
    {
        var uart = Make();
        Assert.Equal(0u, Read(uart, IER));
        Assert.Equal(IIR_NONE, Read(uart, IIR));
        Assert.Equal(0u, Read(uart, LCR));
        Assert.Equal(LSR_THRE | LSR_TEMT, Read(uart, LSR));
        Assert.Equal(0u, Read(uart, SCR));
        Assert.False(_irq.Level);
    }

    [Fact]
    public void Bytes_written_to_THR_reach_the_output_stream_in_order()
    {
        var uart = Make();
        foreach (byte b in "hi\n"u8.ToArray()) Write(uart, THR, b);
        Assert.Equal("hi\n"u8.ToArray(), _output.ToArray());
        Assert.Equal(LSR_THRE | LSR_TEMT, Read(uart, LSR) & (LSR_THRE | LSR_TEMT));
    }

    [Fact]
    public void DLAB_maps_offsets_0_and_1_to_the_divisor_latch()
    {
        var uart = Make();
        Write(uart, LCR, DLAB | 0x03);
        Write(uart, DLL, 0x01);
        Write(uart, DLM, 0x02);
        Assert.Equal(0x01u, Read(uart, DLL));
        Assert.Equal(0x02u, Read(uart, DLM));
        Assert.Empty(_output.ToArray());          // the DLL write transmitted nothing
        Write(uart, LCR, 0x03);
        Assert.Equal(0u, Read(uart, IER));        // IER untouched by the DLM write
        Assert.Equal(0x03u, Read(uart, LCR));
    }

    [Fact]
    public void Scratch_register_keeps_what_was_written()
    {
        var uart = Make();
        Write(uart, SCR, 0xA5);
        Assert.Equal(0xA5u, Read(uart, SCR));
    }

    [Fact]
    public void Deterministic_input_delivers_one_byte_at_a_time_as_RBR_is_read()
    {
        var uart = Make("ab");
        Assert.Equal(LSR_DR, Read(uart, LSR) & LSR_DR);
        Assert.Equal((uint)'a', Read(uart, RBR));
        Assert.Equal(LSR_DR, Read(uart, LSR) & LSR_DR);
        Assert.Equal((uint)'b', Read(uart, RBR));
        Assert.Equal(0u, Read(uart, LSR) & LSR_DR);
        Assert.True(uart.InputExhausted);
    }

    [Fact]
    public void Input_is_not_exhausted_while_a_byte_waits_in_RBR()
    {
        var uart = Make("x");
        Assert.True(uart.HasInput);
        Assert.False(uart.InputExhausted);
        Read(uart, RBR);
        Assert.False(uart.HasInput);
        Assert.True(uart.InputExhausted);
    }

    [Fact]
    public void Input_from_a_stream_arrives_in_order()
    {
        var uart = Make(new DeterministicInput(new MemoryStream("xyz"u8.ToArray())));
        var got = new StringBuilder();
        while (uart.HasInput) got.Append((char)Read(uart, RBR));
        Assert.Equal("xyz", got.ToString());
        Assert.True(uart.InputExhausted);
    }

    [Fact]
    public void Interactive_input_arrives_only_when_the_machine_polls()
    {
        var input = new ManualInput();
        var uart = Make(input);
        input.Type((byte)'k', (byte)'l');
        Assert.False(uart.HasInput);
        uart.Poll();
        Assert.Equal((uint)'k', Read(uart, RBR));
        Assert.False(uart.HasInput);              // the next byte waits for the next poll
        uart.Poll();
        Assert.Equal((uint)'l', Read(uart, RBR));
        Assert.False(uart.InputExhausted);        // the terminal may still type
        input.Closed = true;
        Assert.True(uart.InputExhausted);
    }

    [Fact]
    public void Poll_does_not_overwrite_an_unread_byte()
    {
        var input = new ManualInput();
        var uart = Make(input);
        input.Type((byte)'1', (byte)'2');
        uart.Poll();
        uart.Poll();
        Assert.Equal((uint)'1', Read(uart, RBR));
    }

    [Fact]
    public void Received_data_interrupt_identifies_as_0100_and_clears_when_RBR_is_read()
    {
        var uart = Make("q");
        Assert.False(_irq.Level);                 // ERBFI still clear
        Write(uart, IER, ERBFI);
        Assert.True(_irq.Level);
        Assert.Equal(IIR_RDA, Read(uart, IIR));
        Assert.Equal((uint)'q', Read(uart, RBR));
        Assert.Equal(IIR_NONE, Read(uart, IIR));
        Assert.False(_irq.Level);
    }

    [Fact]
    public void Enabling_ETBEI_with_THR_empty_raises_the_THR_empty_interrupt_0010()
    {
        var uart = Make();
        Write(uart, IER, ETBEI);
        Assert.True(_irq.Level);
        Assert.Equal(IIR_THRE, Read(uart, IIR) & 0x0F);
    }

    [Fact]
    public void Reading_IIR_that_reports_THR_empty_clears_that_interrupt()
    {
        var uart = Make();
        Write(uart, IER, ETBEI);
        Assert.Equal(IIR_THRE, Read(uart, IIR));
        Assert.False(_irq.Level);
        Assert.Equal(IIR_NONE, Read(uart, IIR));
    }

    [Fact]
    public void Writing_THR_rearms_the_THR_empty_interrupt_once_the_byte_has_gone()
    {
        var uart = Make();
        Write(uart, IER, ETBEI);
        Read(uart, IIR);                          // clears it
        Write(uart, THR, (byte)'z');
        Assert.True(_irq.Level);
        Assert.Equal(IIR_THRE, Read(uart, IIR));
    }

    [Fact]
    public void Received_data_has_priority_over_THR_empty_and_reading_IIR_then_keeps_THR_empty_pending()
    {
        var uart = Make("a");
        Write(uart, IER, ERBFI | ETBEI);
        Assert.Equal(IIR_RDA, Read(uart, IIR));   // priority 2 before priority 3
        Read(uart, RBR);
        Assert.Equal(IIR_THRE, Read(uart, IIR));  // the earlier IIR read did not clear it
        Assert.Equal(IIR_NONE, Read(uart, IIR));
        Assert.False(_irq.Level);
    }

    [Fact]
    public void Clearing_IER_lowers_the_interrupt_line()
    {
        var uart = Make("a");
        Write(uart, IER, ERBFI | ETBEI);
        Assert.True(_irq.Level);
        Write(uart, IER, 0);
        Assert.False(_irq.Level);
        Assert.Equal(IIR_NONE, Read(uart, IIR));
    }

    [Fact]
    public void IIR_reports_enabled_FIFOs_in_bits_7_and_6()
    {
        var uart = Make();
        Write(uart, FCR, 0x07);                   // enable and reset both FIFOs
        Assert.Equal(0xC0u | IIR_NONE, Read(uart, IIR));
        Write(uart, FCR, 0x00);
        Assert.Equal(IIR_NONE, Read(uart, IIR));
    }

    [Fact]
    public void Received_data_interrupt_follows_each_deterministic_byte()
    {
        var uart = Make("ab");
        Write(uart, IER, ERBFI);
        Read(uart, RBR);                          // 'a'; 'b' arrives at once
        Assert.True(_irq.Level);
        Assert.Equal(IIR_RDA, Read(uart, IIR));
        Read(uart, RBR);
        Assert.False(_irq.Level);
    }

    [Fact]
    public void Interrupt_line_is_lowered_at_reset()
    {
        var uart = Make("a");
        Write(uart, IER, ERBFI);
        uart.Reset();
        Assert.False(_irq.Level);
        Assert.Equal(0u, Read(uart, IER));
    }

    [Fact]
    public void Modem_status_reads_carrier_data_set_ready_and_clear_to_send()
    {
        var uart = Make();
        Assert.Equal(0xB0u, Read(uart, MSR));     // DCD | DSR | CTS, no deltas
        Assert.Equal(0x08u, Read(uart, MCR));     // OUT2 after reset, as QEMU
    }
}
