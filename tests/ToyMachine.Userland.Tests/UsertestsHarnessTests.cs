using System.Text.RegularExpressions;

namespace ToyMachine.Userland.Tests;

/// <summary>usertests' own bookkeeping, on the bare-metal shim. The shim lacks most
/// calls, so most checks fail there (as they must: -ENOSYS is not what abi.md
/// promises); what is tested is that usertests gets through every check without
/// crashing, prints one line per check, and that its summary and exit status count
/// them right. Its verdicts on a real kernel are tested by booting it.</summary>
public partial class UsertestsHarnessTests
{
    [Fact]
    public void Usertests_prints_one_line_per_check_and_exits_with_the_number_of_failures()
    {
        var run = Repository.RunGuest("usertests.elf", "usertests", maxCycles: 200_000_000);
        var lines = run.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        var summary = Summary().Match(lines[^1]);
        Assert.True(summary.Success, $"last line: {lines[^1]}");
        int checks = int.Parse(summary.Groups[1].Value), failed = int.Parse(summary.Groups[2].Value);
        int oks = lines.Count(l => l.StartsWith("ok ", StringComparison.Ordinal));
        int fails = lines.Count(l => l.StartsWith("FAIL ", StringComparison.Ordinal));
        Assert.Equal(checks, oks + fails);
        Assert.Equal(failed, fails);
        Assert.Equal(failed, run.ExitCode);
        // Calls the shim does serve pass; one it lacks fails with its errno named.
        Assert.Contains("ok getpid_is_positive", lines);
        Assert.Contains("ok open_missing_file_is_ENOENT", lines);
        Assert.Contains("FAIL yield_returns_0: got -38 (ENOSYS), want 0", lines);
        Assert.Contains("skip file creation: open(/usertests.tmp, O_CREAT) = -2 (ENOENT)", lines);
    }

    [GeneratedRegex(@"^usertests: (\d+) checks, (\d+) failed, (\d+) groups skipped$")]
    private static partial Regex Summary();
}
