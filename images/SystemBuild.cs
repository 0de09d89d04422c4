using ToyMachine.Assembler;

namespace ToyMachine.Images;

/// <summary>Builds the system from the repository's sources with the project's own
/// assembler: the boot block, the kernel, every user program, and the default image.
/// <c>dotnet build</c> runs it (through <c>toymachine build-system</c>), and the tests
/// use it to build the kernel and their guest programs, so there is one recipe.</summary>
/// <remarks>
/// The recipe, in one place:
/// <list type="bullet">
/// <item>boot block: <c>kernel/boot/bootblock.s</c>, a flat binary at 0x8000_0000;</item>
/// <item>kernel: <c>kernel/start.s</c> first (its <c>_start</c> is the first byte of
/// <c>.text</c>), then every other <c>kernel/*.s</c> in ordinal order, at 0x8001_0000,
/// with <c>-I kernel/include -I userland/include</c>;</item>
/// <item>a user program: its own file, then every <c>userland/lib/*.s</c> in ordinal
/// order, at 0x0001_0000 with <c>-I userland/include</c>; the entry is <c>_start</c>
/// of <c>userland/lib/crt0.s</c>;</item>
/// <item>the default image: the kernel, the boot block, and every
/// <c>userland/bin/NAME.s</c> as <c>/bin/NAME</c>.</item>
/// </list>
/// </remarks>
public sealed class SystemBuild
{
    /// <summary>Where the kernel is linked (CONTRACTS: the boot block sits below it).</summary>
    public const uint KernelBase = 0x8001_0000;
    /// <summary>Where the ROM loads and enters the boot block.</summary>
    public const uint BootBlockBase = 0x8000_0000;
    /// <summary>Where user programs start (abi.md: user space begins at 0x0001_0000).</summary>
    public const uint UserBase = 0x0001_0000;

    private readonly string _root;

    /// <summary>A build of the sources under <paramref name="repositoryRoot"/>.</summary>
    public SystemBuild(string repositoryRoot) => _root = Path.GetFullPath(repositoryRoot);

    private string RepoPath(string relative) => Path.Combine(_root, relative);

    /// <summary>The boot block as the 512-byte-or-less flat binary the image builder signs.</summary>
    public byte[] BootBlock() =>
        Assemble("boot block", [RepoPath("kernel/boot/bootblock.s")], BootBlockBase, [RepoPath("kernel/include")])
            .ToFlatBinary();

    /// <summary>The kernel ELF.</summary>
    public AssemblyResult Kernel()
    {
        var start = RepoPath("kernel/start.s");
        var rest = SourcesIn("kernel").Where(f => f != start);
        return Assemble("kernel", [start, .. rest], KernelBase,
            [RepoPath("kernel/include"), RepoPath("userland/include")]);
    }

    /// <summary>A user program of <c>userland/bin</c> (or any program built like one):
    /// <paramref name="programSource"/> followed by the userland library.</summary>
    public AssemblyResult Program(string programSource) =>
        UserProgram([programSource, .. SourcesIn("userland/lib")]);

    /// <summary>A user program from the given sources, in order, at <see cref="UserBase"/>,
    /// with <c>userland/include</c> and then <paramref name="includeDirectories"/> searched
    /// by <c>.include</c>. Guest test programs with their own library use this.</summary>
    public AssemblyResult UserProgram(IReadOnlyList<string> sources, params string[] includeDirectories) =>
        Assemble(Path.GetFileNameWithoutExtension(sources[0]), [.. sources.Select(Path.GetFullPath)], UserBase,
            [RepoPath("userland/include"), .. includeDirectories]);

    /// <summary>The programs of <c>userland/bin</c>, by name.</summary>
    public IEnumerable<string> UserPrograms() => SourcesIn("userland/bin");

    /// <summary>An image with the kernel, the boot block, every <c>userland/bin</c> program
    /// as <c>/bin/NAME</c>, and <paramref name="extra"/> (guest path, contents).</summary>
    public byte[] Image(IEnumerable<(string GuestPath, byte[] Contents)>? extra = null, int? sizeMiB = null)
    {
        var builder = new ImageBuilder(BootBlock(), "kernel/boot/bootblock.s", Kernel().ToElf(), "kernel");
        if (sizeMiB is int size) builder.SizeMiB = size;
        foreach (var source in UserPrograms())
        {
            var name = Path.GetFileNameWithoutExtension(source);
            builder.Add("/bin/" + name, Program(source).ToElf(), Path.GetRelativePath(_root, source));
        }
        foreach (var (guestPath, contents) in extra ?? [])
            builder.Add(guestPath, contents, guestPath);
        return builder.Build();
    }

    // A folder that does not exist holds no sources (a tree without userland still
    // builds its kernel).
    private IEnumerable<string> SourcesIn(string folder) =>
        Directory.Exists(RepoPath(folder))
            ? Directory.GetFiles(RepoPath(folder), "*.s").Order(StringComparer.Ordinal)
            : [];

    private AssemblyResult Assemble(string what, IReadOnlyList<string> files, uint baseAddress, IReadOnlyList<string> includes)
    {
        var result = Assembler.Assembler.Assemble(
            files.Select(SourceFile.FromPath).ToList(),
            new AssemblerOptions { Base = baseAddress, IncludeDirectories = includes });
        if (!result.Succeeded)
            throw new SystemBuildException(what, result.Diagnostics.Where(d => d.Severity == DiagnosticSeverity.Error));
        return result;
    }
}

/// <summary>A source of the system did not assemble; the message holds every error in the
/// usual file:line:column form.</summary>
public sealed class SystemBuildException(string what, IEnumerable<Diagnostic> errors)
    : Exception($"building the {what} failed:\n" + string.Join("\n", errors));
