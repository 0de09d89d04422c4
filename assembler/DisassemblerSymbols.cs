using System.Text;

namespace ToyMachine.Assembler;

/// <summary>The symbols of a file as objdump sorts and picks them (binutils objdump.c:
/// remove_useless_symbols, compare_symbols, find_symbol_for_address), plus the RISC-V
/// mapping symbols <c>$x</c>/<c>$d</c> that say where .text holds data.</summary>
internal sealed class DisassemblerSymbols
{
    private readonly ElfSymbolEntry[] _sorted;

    public DisassemblerSymbols(IEnumerable<ElfSymbolEntry> symbols)
    {
        // Unnamed, section, file, undefined and common symbols never name an address.
        var useful = symbols.Where(s => s.Name.Length > 0
            && s.Type != ElfSymbolEntry.SttSection && s.Type != ElfSymbolEntry.SttFile
            && s.SectionIndex != ElfSymbolEntry.ShnUndef && s.SectionIndex != ElfSymbolEntry.ShnCommon).ToList();
        var order = useful.Select((s, i) => (s, i)).ToList();
        order.Sort((a, b) => { int c = Compare(a.s, b.s); return c != 0 ? c : a.i.CompareTo(b.i); });
        _sorted = order.Select(p => p.s).ToArray();
        foreach (var s in _sorted)
            if (s.Name == "__global_pointer$") GlobalPointer = s.Value;
    }

    /// <summary>Number of symbols objdump keeps (mapping symbols included).</summary>
    public int Count => _sorted.Length;

    /// <summary>The value of <c>__global_pointer$</c>, which gp-relative accesses are printed against.</summary>
    public uint? GlobalPointer { get; }

    public ElfSymbolEntry this[int index] => _sorted[index];

    /// <summary>riscv_symbol_is_valid: mapping symbols and the assembler's fake label never name an address.</summary>
    public static bool IsValid(ElfSymbolEntry s) => s.Name != ".L0 " && !IsMapping(s.Name);

    private static bool IsMapping(string name) => name == "$d" || name == "$x" || name.StartsWith("$xrv", StringComparison.Ordinal);

    // objdump's compare_symbols: by address; then file-like names last; functions, then
    // objects, then globals before locals; bigger first; names starting with '.' last; by name.
    private static int Compare(ElfSymbolEntry a, ElfSymbolEntry b)
    {
        if (a.Value != b.Value) return a.Value < b.Value ? -1 : 1;
        bool af = a.Name.Contains("gnu_compiled") || a.Name.Contains("gcc2_compiled");
        bool bf = b.Name.Contains("gnu_compiled") || b.Name.Contains("gcc2_compiled");
        if (af != bf) return af ? 1 : -1;
        af = FileLike(a.Name); bf = FileLike(b.Name);
        if (af != bf) return af ? 1 : -1;
        bool aFunc = a.Type == ElfSymbolEntry.SttFunc, bFunc = b.Type == ElfSymbolEntry.SttFunc;
        if (aFunc != bFunc) return aFunc ? -1 : 1;
        bool aObj = a.Type == ElfSymbolEntry.SttObject, bObj = b.Type == ElfSymbolEntry.SttObject;
        if (aObj != bObj) return aObj ? -1 : 1;
        bool aLocal = a.Bind == ElfSymbolEntry.StbLocal, bLocal = b.Bind == ElfSymbolEntry.StbLocal;
        if (aLocal != bLocal) return aLocal ? 1 : -1;
        bool aGlobal = a.Bind == ElfSymbolEntry.StbGlobal, bGlobal = b.Bind == ElfSymbolEntry.StbGlobal;
        if (aGlobal != bGlobal) return aGlobal ? -1 : 1;
        if (a.Size != b.Size) return a.Size > b.Size ? -1 : 1;
        bool aDot = a.Name.StartsWith('.'), bDot = b.Name.StartsWith('.');
        if (aDot != bDot) return aDot ? 1 : -1;
        return string.CompareOrdinal(a.Name, b.Name);
    }

    private static bool FileLike(string n) => n.Length > 2 && n[^2] == '.' && (n[^1] == 'o' || n[^1] == 'a');

    private bool SymbolOk(bool wantSection, int place, ElfSectionHeader? section) =>
        (!wantSection || section is null || _sorted[place].SectionIndex == section.Index) && IsValid(_sorted[place]);

    /// <summary>find_symbol_for_address: the symbol objdump names <paramref name="address"/>
    /// after (the closest at or below it, else the first above), or null; with
    /// <paramref name="requireSection"/> only symbols of that section count (labels).</summary>
    public ElfSymbolEntry? Find(uint address, ElfSectionHeader? section, bool requireSection, out int place)
    {
        place = -1;
        if (_sorted.Length == 0) return null;
        int min = 0, max = _sorted.Length;
        while (min + 1 < max)
        {
            int mid = (max + min) / 2;
            uint v = _sorted[mid].Value;
            if (v > address) max = mid;
            else if (v < address) min = mid;
            else { min = mid; break; }
        }
        int thisPlace = min;
        while (thisPlace > 0 && _sorted[thisPlace].Value == _sorted[thisPlace - 1].Value) thisPlace--;

        // Prefer a symbol of the current section among those with the same value.
        for (min = thisPlace; min < max && _sorted[min].Value == _sorted[thisPlace].Value; min++)
            if (SymbolOk(true, min, section)) { place = min; return _sorted[min]; }

        if (!SymbolOk(requireSection, thisPlace, section))
        {
            int newPlace = _sorted.Length;
            for (int i = min - 1; i >= 0; i--)
            {
                if (!SymbolOk(requireSection, i, section)) continue;
                if (newPlace == _sorted.Length) newPlace = i;
                if (_sorted[i].Value != _sorted[newPlace].Value) break;
                newPlace = i;
            }
            if (newPlace != _sorted.Length) thisPlace = newPlace;
            else
                for (int i = thisPlace + 1; i < _sorted.Length; i++)
                    if (SymbolOk(requireSection, i, section)) { thisPlace = i; break; }
            if (!SymbolOk(requireSection, thisPlace, section)) return null;
        }
        place = thisPlace;
        return _sorted[thisPlace];
    }

    /// <summary>objdump_print_addr_with_sym: <c>ADDR &lt;sym+0xOFF&gt;</c>, or
    /// <c>&lt;.section+0xOFF&gt;</c> without a symbol.</summary>
    public void AppendAddressWithSymbol(StringBuilder text, ElfSectionHeader? section, ElfSymbolEntry? symbol, uint address, bool skipZeroes)
    {
        text.Append(Hex(address, skipZeroes)).Append(" <");
        uint baseAddress = symbol?.Value ?? section?.Address ?? 0;
        text.Append(symbol?.Name ?? section?.Name ?? "");
        if (baseAddress > address) text.Append("-0x").Append(Hex(baseAddress - address, true));
        else if (address > baseAddress) text.Append("+0x").Append(Hex(address - baseAddress, true));
        text.Append('>');
    }

    /// <summary>objdump_print_value: eight hex digits, or without leading zeros.</summary>
    public static string Hex(uint value, bool skipZeroes) => skipZeroes ? value.ToString("x") : value.ToString("x8");

    // The mapping symbols of each section, in sorted order: (address, data?).
    private readonly Dictionary<int, (uint Value, bool Data)[]> _mapping = new();

    private (uint Value, bool Data)[] MappingOf(ElfSectionHeader section)
    {
        if (!_mapping.TryGetValue(section.Index, out var list))
        {
            list = _sorted.Where(s => s.SectionIndex == section.Index && IsMapping(s.Name))
                .Select(s => (s.Value, s.Name == "$d")).ToArray();
            _mapping[section.Index] = list;
        }
        return list;
    }

    // Index of the first mapping symbol above the address.
    private static int FirstAbove((uint Value, bool Data)[] list, uint address)
    {
        int lo = 0, hi = list.Length;
        while (lo < hi)
        {
            int mid = (lo + hi) / 2;
            if (list[mid].Value <= address) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>Whether <paramref name="address"/> of <paramref name="section"/> holds data:
    /// the last mapping symbol at or below it in the section says (<c>$d</c> data,
    /// <c>$x</c> code); code when there is none.</summary>
    public bool IsData(ElfSectionHeader section, uint address)
    {
        var list = MappingOf(section);
        int above = FirstAbove(list, address);
        return above > 0 && list[above - 1].Data;
    }

    /// <summary>riscv_data_length: a data chunk is 4 bytes, cut at the next mapping symbol
    /// of the section (or, when there is none, at the section's end); 3 becomes 2.</summary>
    public uint DataLength(ElfSectionHeader section, uint address)
    {
        var list = MappingOf(section);
        int above = FirstAbove(list, address);
        uint length = above < list.Length
            ? Math.Min(4, list[above].Value - address)
            : Math.Min(4, section.Address + section.Size - address);
        return length == 3 ? 2 : length;
    }
}
