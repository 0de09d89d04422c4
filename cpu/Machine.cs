using ToyMachine.Cpu.Devices;

namespace ToyMachine.Cpu;

/// <summary>
/// The whole computer of machine.md: one hart, RAM, the boot ROM, the test device, the
/// CLINT, the PLIC, the UART and toyblk, on one cycle clock.
/// </summary>
/// <remarks>
/// <see cref="Run"/> alternates between the hart and the devices. The hart runs until the
/// earliest device or timer event is due (or until something it did needs a look: a
/// device access, a CSR write, a trap, <c>wfi</c>); then every device that is due is
/// advanced to the current cycle, and a pending interrupt is taken before the next
/// instruction. When the hart waits in <c>wfi</c> with nothing pending, time jumps
/// straight to the next event. Nothing here reads the host clock, except that an
/// interactive console, which is not deterministic anyway, paces idle time by it.
/// </remarks>
public sealed class Machine : IDisposable, IClock
{
    /// <summary>How often (in cycles) an interactive console is polled for typed bytes.</summary>
    private const ulong InteractivePollCycles = 1_000_000;
    /// <summary>Nominal clock rate, for pacing an idle interactive machine.</summary>
    private const ulong CyclesPerMillisecond = 100_000;

    /// <summary>The hart.</summary>
    public Hart Hart { get; }
    /// <summary>RAM.</summary>
    public Ram Ram { get; }
    /// <summary>The physical address space outside RAM.</summary>
    public Bus Bus { get; } = new();
    /// <summary>The console.</summary>
    public Uart16550 Uart { get; }
    /// <summary>The interrupt controller.</summary>
    public Plic Plic { get; }
    /// <summary>The core-local interruptor (machine timer and software interrupt).</summary>
    public Clint Clint { get; }
    /// <summary>The SiFive test device.</summary>
    public TestDevice TestDevice { get; }
    /// <summary>The boot ROM with the boot info block.</summary>
    public BootRom BootRom { get; }
    /// <summary>The disk, or null for a machine without one.</summary>
    public ToyBlockDevice? Disk { get; }

    private readonly ITimedDevice[] _timed;
    private readonly Stream _output;
    private bool _poweredOff;

    /// <summary>The code the guest powered off with (test device or <c>tohost</c>).</summary>
    public int ExitCode { get; private set; }

    /// <summary>Builds the machine; the hart starts at the boot ROM.</summary>
    public Machine(MachineConfig config)
    {
        if (config.MemorySize < MemoryMap.MinRamSize || config.MemorySize > MemoryMap.MaxRamSize || config.MemorySize % 4096 != 0)
            throw new ArgumentOutOfRangeException(nameof(config), "memory size must be 16 MiB to 1 GiB in whole pages");
        Ram = new Ram(config.MemorySize);
        Hart = new Hart(Ram, Bus);
        _output = config.Output ?? Console.OpenStandardOutput();

        IConsoleInput input =
            config.InteractiveInput ? new TerminalInput(config.TerminalStream ?? Console.OpenStandardInput())
            : config.InputStream is not null ? new DeterministicInput(config.InputStream)
            : new DeterministicInput(config.Input ?? []);

        Plic = new Plic(Hart.InterruptLine(Interrupts.MachineExternal), Hart.InterruptLine(Interrupts.SupervisorExternal));
        Clint = new Clint(this, Hart.InterruptLine(Interrupts.MachineSoftware), Hart.InterruptLine(Interrupts.MachineTimer));
        Uart = new Uart16550(_output, input, Plic.Source(MemoryMap.UartIrq));
        TestDevice = new TestDevice();
        TestDevice.PowerStateChanged += OnPowerStateChanged;
        if (config.DiskImage is not null)
            Disk = new ToyBlockDevice(config.DiskImage, config.DiskReadOnly, Ram, this, Plic.Source(MemoryMap.BlockIrq));
        BootRom = new BootRom(Ram.Size, Disk?.Capacity ?? 0, config.CommandLine);

        Bus.Map(MemoryMap.BootRomBase, BootRom);
        Bus.Map(MemoryMap.TestDeviceBase, TestDevice);
        Bus.Map(MemoryMap.ClintBase, Clint);
        Bus.Map(MemoryMap.PlicBase, Plic);
        Bus.Map(MemoryMap.UartBase, Uart);
        if (Disk is not null) Bus.Map(MemoryMap.BlockBase, Disk);
        _timed = Disk is null ? [Clint] : [Clint, Disk];
    }

    /// <inheritdoc/>
    public ulong Now => Hart.Cycles;

    /// <summary>Loads an executable's segments at their physical addresses and points the
    /// hart at its entry, in M-mode (a bare-metal <c>run</c>). When the executable has a
    /// <c>tohost</c> symbol, a store of a value with bit 0 set there powers the machine
    /// off with exit code <c>value &gt;&gt; 1</c>.</summary>
    /// <exception cref="InvalidElfException">A segment lies outside RAM.</exception>
    public void LoadElf(ElfFile elf)
    {
        foreach (var segment in elf.Segments)
        {
            if (segment.MemorySize == 0) continue;
            if (!Ram.Contains(segment.PhysicalAddress, segment.MemorySize))
                throw new InvalidElfException(
                    $"segment at 0x{segment.PhysicalAddress:X8} (0x{segment.MemorySize:X} bytes) lies outside RAM " +
                    $"(0x{MemoryMap.RamBase:X8}-0x{MemoryMap.RamBase + Ram.Size - 1:X8}); link so that every segment is in RAM, e.g. with ld -N or a linker script");
            Ram.Slice(segment.PhysicalAddress, segment.MemorySize).Clear();
            Ram.Write(segment.PhysicalAddress, segment.Data);
        }
        Hart.Reset(elf.Entry);
        if (elf.Symbols.TryGetValue("tohost", out uint tohost) && Ram.Contains(tohost, 4))
            Hart.WatchStores(tohost, OnToHost);
    }

    private void OnToHost(uint value)
    {
        if ((value & 1) == 0) return;
        ExitCode = (int)(value >> 1);
        _poweredOff = true;
    }

    private void OnPowerStateChanged(PowerState state)
    {
        switch (state)
        {
            case PowerState.PoweredOff:
                ExitCode = TestDevice.ExitCode;
                _poweredOff = true;
                break;
            case PowerState.ResetRequested:
                // A reset restarts the hart at the ROM with every device in its reset
                // state; RAM keeps its contents, as on real hardware.
                _resetRequested = true;
                break;
        }
    }

    private bool _resetRequested;

    private void ResetMachine()
    {
        _resetRequested = false;
        TestDevice.Reset();
        Clint.Reset();
        Plic.Reset();
        Uart.Reset();
        Disk?.Reset();
        ulong cycle = Hart.Cycles;
        Hart.Reset(MemoryMap.BootRomBase);
        // The clock of the machine keeps running through a reset.
        unsafe { Hart.State->Cycle = cycle; }
    }

    /// <summary>Runs until the guest powers off, the cycle count reaches
    /// <paramref name="maxCycles"/>, or the machine can never do anything again.</summary>
    /// <param name="maxCycles">The cycle budget (absolute: the count since reset).</param>
    /// <param name="trace">When given, one line per instruction (see <see cref="Tracer"/>).</param>
    public StopReason Run(ulong maxCycles = ulong.MaxValue, Tracer? trace = null)
    {
        try
        {
            return RunLoop(maxCycles, trace);
        }
        finally
        {
            Uart.Poll();        // flushes what the guest wrote
            _output.Flush();
        }
    }

    private StopReason RunLoop(ulong maxCycles, Tracer? trace)
    {
        Hart hart = Hart;
        while (true)
        {
            if (_poweredOff) return StopReason.PowerOff;
            if (_resetRequested) ResetMachine();

            ulong now = hart.Cycles;
            foreach (var device in _timed)
                if (device.NextEvent <= now) device.Advance(now);
            hart.UpdateSupervisorTimer();
            if (Uart.IsInteractive) Uart.Poll();
            if (now >= maxCycles) return StopReason.CycleLimit;

            if (hart.WaitingForInterrupt)
            {
                if (hart.InterruptPending) hart.Wake();
                else if (!Sleep(now, maxCycles)) return StopReason.Idle;
                continue;
            }

            hart.TakePendingInterrupt();
            ulong until = Math.Min(NextEvent(), maxCycles);
            if (Uart.IsInteractive) until = Math.Min(until, now + InteractivePollCycles);
            if (trace is not null) trace.Step(hart);
            else hart.Execute(until);
        }
    }

    /// <summary>The hart waits in <c>wfi</c> with nothing pending: moves time to the next
    /// event. Returns false when there is none and none can come.</summary>
    private bool Sleep(ulong now, ulong maxCycles)
    {
        ulong next = NextEvent();
        ulong target = next;
        if (Uart.IsInteractive && !Uart.InputExhausted)
        {
            // Typed input can arrive at any moment: wait for it in real time, as long as
            // the guest would have slept (capped, so the loop stays responsive), and let
            // machine time pass only as much as was waited, so that a guest's sleep lasts
            // as long on the terminal as it says.
            _output.Flush();
            ulong wait = next == ulong.MaxValue ? 100 : Math.Min(100, (next - now) / CyclesPerMillisecond);
            if (Uart.WaitForInput((int)wait))
            {
                Uart.Poll();
                return true;
            }
            if (wait > 0) target = Math.Min(next, now + wait * CyclesPerMillisecond);
        }
        else if (next == ulong.MaxValue)
        {
            return false;
        }
        target = Math.Min(target, maxCycles);
        if (target > now) Hart.SkipIdle(target - now);
        return true;
    }

    private ulong NextEvent()
    {
        ulong next = Hart.NextTimerEvent;
        foreach (var device in _timed)
            next = Math.Min(next, device.NextEvent);
        return next;
    }

    /// <summary>Closes the disk (writing back everything) and frees memory.</summary>
    public void Dispose()
    {
        Disk?.Dispose();
        Hart.Dispose();
        Ram.Dispose();
    }
}
