using System.Text.RegularExpressions;
using ToyMachine.Cpu;

namespace ToyMachine.Kernel.Tests;

/// <summary>The kernel's constants against the emulator's memory map, the one list of
/// system calls (userland/include/syscalls.inc) and the TCB layout of docs/kernel.md.</summary>
public partial class KernelConstantsTests
{
    private static readonly string Root = KernelBoot.RepositoryRoot();

    /// <summary>The values of the .equ lines of an include file; expressions of names,
    /// numbers, +, -, | and &lt;&lt; are evaluated.</summary>
    private static Dictionary<string, long> ReadEqus(string path)
    {
        var values = new Dictionary<string, long>();
        foreach (var raw in File.ReadLines(path))
        {
            var line = raw.Split('#')[0].Trim();
            var m = EquLine().Match(line);
            if (!m.Success) continue;
            if (TryEvaluate(m.Groups[2].Value, values, out var v)) values[m.Groups[1].Value] = v;
        }
        return values;
    }

    private static bool TryEvaluate(string expr, Dictionary<string, long> names, out long value)
    {
        value = 0;
        long acc = 0;
        char op = '+';
        foreach (var token in ExprToken().Matches(expr).Select(t => t.Value))
        {
            if (token is "+" or "-" or "|" or "<<") { op = token[0]; continue; }
            long v;
            if (token.StartsWith("0x")) v = Convert.ToInt64(token[2..], 16);
            else if (char.IsDigit(token[0])) v = long.Parse(token);
            else if (!names.TryGetValue(token, out v)) return false;
            acc = op switch { '+' => acc + v, '-' => acc - v, '|' => acc | v, '<' => acc << (int)v, _ => acc };
        }
        value = acc;
        return true;
    }

    [GeneratedRegex(@"^\.equ\s+(\w+)\s*,\s*(.+)$")]
    private static partial Regex EquLine();
    [GeneratedRegex(@"0x[0-9A-Fa-f]+|\d+|\w+|<<|[+\-|]")]
    private static partial Regex ExprToken();

    private static Dictionary<string, long> KernelInc() => ReadEqus(Path.Combine(Root, "kernel/include/kernel.inc"));

    [Fact]
    public void The_kernels_memory_map_matches_the_emulators()
    {
        var k = KernelInc();
        Assert.Equal(MemoryMap.BootInfo, (uint)k["PHYS_BOOTINFO"]);
        Assert.Equal(MemoryMap.TestDeviceBase, (uint)k["PHYS_TEST"]);
        Assert.Equal(MemoryMap.PlicBase, (uint)k["PHYS_PLIC"]);
        Assert.Equal(MemoryMap.UartBase, (uint)k["PHYS_UART"]);
        Assert.Equal(MemoryMap.BlockBase, (uint)k["PHYS_TOYBLK"]);
        Assert.Equal(MemoryMap.RamBase, (uint)k["RAM_BASE"]);
        Assert.Equal(MemoryMap.MinRamSize, (uint)k["RAM_MIN_SIZE"]);
        Assert.Equal(MemoryMap.BlockIrq, (int)k["IRQ_TOYBLK"]);
        Assert.Equal(MemoryMap.UartIrq, (int)k["IRQ_UART"]);
        // The device window maps 4 MiB-aligned physical regions holding each device.
        Assert.Equal(k["PHYS_PLIC"] & ~0x3F_FFFFL, k["PHYS_PLIC"]);
        Assert.Equal(k["PHYS_UART"] & ~0x3F_FFFFL, k["PHYS_UART"]);
        Assert.Equal(k["PHYS_TOYBLK"] & ~0x3F_FFFFL, k["PHYS_UART"]);
        Assert.True(k["PHYS_TEST"] < 0x40_0000);
    }

    [Fact]
    public void The_user_layout_follows_abi_md()
    {
        var k = KernelInc();
        Assert.Equal(0x7FFF_F000, k["TRAMPOLINE"]);
        Assert.Equal(0x0001_0000, k["USER_MIN"]);
        Assert.True(k["USTACK_SIZE"] >= 64 * 1024);
        Assert.Equal(0, k["USTACK_TOP"] % 16);
        Assert.True(k["USTACK_TOP"] <= k["TRAMPOLINE"]);
        Assert.True(k["NPROC"] >= 64);
        Assert.True(k["NOFILE"] >= 16);
    }

    [Fact]
    public void The_tcb_layout_is_the_one_docs_kernel_md_shows()
    {
        var k = KernelInc();
        var documented = new Dictionary<string, long>();
        foreach (var line in File.ReadLines(Path.Combine(Root, "docs/kernel.md")))
        {
            var m = Regex.Match(line, @"^\|\s*(\d+)\s*\|\s*`(TCB_\w+)`");
            if (m.Success) documented[m.Groups[2].Value] = long.Parse(m.Groups[1].Value);
        }
        var defined = k.Where(e => e.Key.StartsWith("TCB_") && e.Key != "TCB_SIZE").ToDictionary();
        Assert.Equal(defined.OrderBy(e => e.Key), documented.OrderBy(e => e.Key));
        // Registers first, as the trap entry stores them: slot 0 the pc, slot i register x_i.
        Assert.Equal(0, k["TCB_REGS"]);
        Assert.True(defined.Values.All(offset => offset % 4 == 0 && offset < k["TCB_SIZE"]));
    }

    [Fact]
    public void The_syscall_table_has_an_entry_for_every_implemented_number_of_syscalls_inc()
    {
        var numbers = ReadEqus(Path.Combine(Root, "userland/include/syscalls.inc"))
            .Where(e => e.Key.StartsWith("SYS_")).ToDictionary(e => e.Key[4..], e => e.Value);
        var kernel = KernelBoot.Kernel;
        var byAddress = kernel.Symbols.GroupBy(s => s.Value).ToDictionary(g => g.Key, g => g.Select(s => s.Key).ToHashSet());
        var table = kernel.Symbols["syscall_table"];
        var end = kernel.Symbols["syscall_table_end"];
        uint Entry(long n) => ReadWordAt(kernel, table + (uint)(4 * n));

        string[] implemented = ["exit", "fork", "exec", "waitpid", "getpid", "getppid", "sbrk", "sleep", "yield",
            "time_ms", "spawn", "setpgid", "getpgid", "shutdown", "procs", "tcsetpgrp", "tcgetpgrp", "read", "write",
            "close", "dup", "dup2", "pipe", "open", "lseek", "fstat", "kill"];
        foreach (var (name, number) in numbers)
        {
            Assert.True(table + 4 * number < end, $"SYS_{name} = {number} lies past the table");
            var handler = byAddress[Entry(number)];
            if (implemented.Contains(name))
                Assert.True(handler.Contains("sys_" + name),
                    $"SYS_{name} ({number}) is dispatched to {string.Join("/", handler)}");
            else
                Assert.Contains("sys_nosys", handler);
        }
        // Numbers not in syscalls.inc give ENOSYS.
        for (long n = 0; table + 4 * n < end; n++)
            if (!numbers.ContainsValue(n)) Assert.Contains("sys_nosys", byAddress[Entry(n)]);
    }

    /// <summary>A word of the ELF's file data at a virtual address.</summary>
    private static uint ReadWordAt(ElfFile elf, uint address)
    {
        foreach (var segment in elf.Segments)
            if (address >= segment.VirtualAddress && address + 4 <= segment.VirtualAddress + segment.Data.Length)
                return BitConverter.ToUInt32(segment.Data, (int)(address - segment.VirtualAddress));
        throw new InvalidOperationException($"0x{address:X8} is not in the file");
    }
}
