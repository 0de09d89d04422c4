using System.Security.Cryptography;

namespace ToyMachine.Kernel.Tests;

/// <summary>The committed fixtures belong to the sources in the tree.</summary>
public class FixtureTests
{
    [Fact]
    public void The_kernel_fixtures_were_built_from_the_sources_in_the_tree()
    {
        var root = KernelBoot.RepositoryRoot();
        var stale = new List<string>();
        var lines = File.ReadAllLines(KernelBoot.Fixture("sources.sha256"));
        var listed = lines.Select(l => l[66..]).ToHashSet();
        foreach (var source in Directory.GetFiles(Path.Combine(root, "kernel"), "*.s"))
        {
            var path = "kernel/" + Path.GetFileName(source);
            if (!listed.Contains(path)) stale.Add(path + " (new)");
        }
        foreach (var line in lines)
        {
            var hash = line[..64];
            var path = line[66..];
            var file = Path.Combine(root, path);
            if (!File.Exists(file)) { stale.Add(path + " (gone)"); continue; }
            var actual = Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(file)));
            if (actual != hash) stale.Add(path);
        }
        Assert.True(stale.Count == 0,
            "rebuild the fixtures (tests/ToyMachine.Kernel.Tests/Fixtures/build.sh); changed since: " + string.Join(", ", stale));
    }
}
