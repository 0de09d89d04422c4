namespace ToyMachine.Cli.Tests;

/// <summary><c>toymachine mkimage</c> end to end, with the GNU-built fixtures of
/// tests/ToyMachine.Images.Tests/Fixtures (boot block, stand-in kernel, user program).</summary>
public sealed class MkimageCommandTests : IDisposable
{
    private static readonly string Root = Path.GetFullPath(Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", ".."));
    private static string ImagesFixture(string name) => Path.Combine(Root, "tests", "ToyMachine.Images.Tests", "Fixtures", name);

    private readonly string _dir = Directory.CreateTempSubdirectory("mkimage-").FullName;
    private string Temp(string name) => Path.Combine(_dir, name);

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private Toymachine.Result Mkimage(string image, params string[] more) =>
        Toymachine.Run(["mkimage", "-o", image, "--kernel", ImagesFixture("tinykernel.elf"), "--bootblock", ImagesFixture("bootblock.bin"), .. more]);

    private static void AssertOneLineError(Toymachine.Result r, string expected)
    {
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"toymachine: {expected}\n", r.Stderr);
    }

    [Fact]
    public void Mkimage_writes_an_image_that_boot_runs_to_the_kernel()
    {
        string image = Temp("disk.img");
        var r = Mkimage(image, "--add", $"{ImagesFixture("user.elf")}:/bin/true", "--add", $"{ImagesFixture("tinykernel.s")}:/src/kernel.s");
        Assert.Equal(0, r.ExitCode);
        Assert.Equal("", r.Stderr);
        Assert.StartsWith("disk.img: 4 MiB, kernel ", r.Stdout);
        Assert.Equal(4 << 20, new FileInfo(image).Length);

        // Each file starts on a 4 KiB block (docs/image-format.md).
        var bytes = File.ReadAllBytes(image);
        foreach (var file in new[] { "user.elf", "tinykernel.s" })
        {
            int at = bytes.AsSpan().IndexOf(File.ReadAllBytes(ImagesFixture(file)));
            Assert.True(at > 0 && at % 4096 == 0, $"{file} at {at}");
        }

        var boot = Toymachine.Run("boot", image, "--memory", "16");
        Assert.Equal("kernel: ok\n", boot.Stdout);
        Assert.Equal(0, boot.ExitCode);
    }

    [Fact]
    public void Mkimage_size_sets_the_image_size_in_MiB()
    {
        string image = Temp("big.img");
        Assert.Equal(0, Mkimage(image, "--size", "8").ExitCode);
        Assert.Equal(8 << 20, new FileInfo(image).Length);
    }

    [Fact]
    public void Mkimage_refuses_content_larger_than_size_and_writes_nothing()
    {
        string data = Temp("data.bin");
        File.WriteAllBytes(data, new byte[2 << 20]);
        string image = Temp("small.img");
        AssertOneLineError(Mkimage(image, "--add", $"{data}:/data.bin", "--size", "1"), "--size 1: the content needs 3 MiB");
        Assert.False(File.Exists(image));
    }

    [Fact]
    public void Mkimage_refuses_a_truncated_program_naming_the_host_file()
    {
        string broken = Temp("broken.elf");
        File.WriteAllBytes(broken, File.ReadAllBytes(ImagesFixture("user.elf"))[..40]);
        AssertOneLineError(Mkimage(Temp("x.img"), "--add", $"{broken}:/bin/broken"), "broken.elf: not an ELF file");
    }

    [Fact]
    public void Mkimage_refuses_a_kernel_ELF_as_a_user_program()
    {
        var r = Mkimage(Temp("x.img"), "--add", $"{ImagesFixture("tinykernel.elf")}:/bin/k");
        Assert.Equal(2, r.ExitCode);
        Assert.StartsWith("toymachine: tinykernel.elf: a segment at 0x80010000", r.Stderr);
        Assert.EndsWith("lies outside user space 0x00010000..0x7FFEFFFF\n", r.Stderr);
    }

    [Fact]
    public void Mkimage_refuses_a_user_program_as_the_kernel()
    {
        var r = Toymachine.Run("mkimage", "-o", Temp("x.img"), "--kernel", ImagesFixture("user.elf"), "--bootblock", ImagesFixture("bootblock.bin"));
        AssertOneLineError(r, "user.elf: kernel segment at 0x00010000 lies below 0x80010000 (link it with --base 0x80010000)");
    }

    [Fact]
    public void Mkimage_add_needs_host_colon_guest_path_and_an_existing_host_file()
    {
        AssertOneLineError(Mkimage(Temp("x.img"), "--add", "user.elf"), "--add user.elf: want HOSTFILE:/GUEST/PATH");
        AssertOneLineError(Mkimage(Temp("x.img"), "--add", Temp("missing") + ":/x"), $"--add {Temp("missing")}: no such file");
        AssertOneLineError(Mkimage(Temp("x.img"), "--add", $"{ImagesFixture("user.elf")}:/bin/../x"), "/bin/../x: '..' is not allowed in a guest path");
    }

    [Fact]
    public void Mkimage_without_output_is_an_error()
    {
        AssertOneLineError(Toymachine.Run("mkimage", "--kernel", ImagesFixture("tinykernel.elf")), "mkimage: -o IMAGE is required");
    }

    [Fact]
    public void Mkimage_with_a_missing_kernel_names_it()
    {
        AssertOneLineError(Toymachine.Run("mkimage", "-o", Temp("x.img"), "--kernel", Temp("nokernel.elf"), "--bootblock", ImagesFixture("bootblock.bin")),
            "nokernel.elf: no such file");
    }

    [Fact]
    public void Mkimage_without_kernel_uses_the_built_kernel_or_says_to_build_it()
    {
        // Which case holds depends on whether `dotnet build` has produced the kernel yet.
        var r = Toymachine.Run("mkimage", "-o", Temp("x.img"), "--bootblock", ImagesFixture("bootblock.bin"));
        if (r.ExitCode == 0) return;
        Assert.Equal(2, r.ExitCode);
        Assert.Matches(@"^toymachine: no kernel at .*kernel[/\\]kernel\.elf: run 'dotnet build' first, or name one with --kernel\n$", r.Stderr);
    }

    [Fact]
    public void Boot_without_an_image_uses_images_default_of_the_repository_or_says_to_build_it()
    {
        if (File.Exists(Path.Combine(Root, "images", "default"))) return;     // would boot the real system
        var r = Toymachine.Run("boot");
        Assert.Equal(2, r.ExitCode);
        Assert.Equal($"toymachine: no default image: run dotnet build (looked for {Path.Combine(Root, "images", "default")})\n", r.Stderr);
    }
}
