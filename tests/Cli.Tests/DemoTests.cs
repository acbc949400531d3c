using Smooth.TestSupport;

namespace Smooth.Cli.Tests;

/// <summary>The README's main command: th demo runs the whole product with the scripted model and leaves nothing running.</summary>
public sealed class DemoTests
{
    [Fact]
    public async Task The_demo_fixes_the_bug_in_a_sandbox_and_applies_the_reviewed_diff()
    {
        using var dir = new TempDir();
        var root = Path.Combine(dir.Path, "demo");

        var r = await Th.RunAsync(dir.Path, ["demo", "--dir", root], home: dir.Path, timeout: TimeSpan.FromMinutes(4));

        Assert.True(r.ExitCode == 0, r.StandardError);
        Assert.Contains("scripted model", r.StandardError); // clearly labelled: not a real model
        Assert.Contains("governor stop: all 2 tests pass", r.StandardError);
        Assert.Contains("demo complete", r.StandardError);
        var calc = await File.ReadAllTextAsync(Path.Combine(root, "calc", "calc.sh"));
        Assert.Contains("$(( $1 + $2 ))", calc);
        // The demo daemon is stopped and its socket removed; the user's own ~/.smooth was never used.
        Assert.False(File.Exists(Path.Combine(root, "home", ".smooth", "daemon.sock")));
        Assert.False(Directory.Exists(Path.Combine(dir.Path, ".smooth")));
        // The audit chain of the demo project verifies.
        var verify = await Th.RunAsync(Path.Combine(root, "calc"), ["audit", "verify"], home: Path.Combine(root, "home"));
        Assert.True(verify.ExitCode == 0, verify.StandardError + verify.StandardOutput);
    }

    [Fact]
    public async Task The_demo_refuses_a_directory_that_is_not_empty_and_changes_nothing()
    {
        using var dir = new TempDir();
        await File.WriteAllTextAsync(Path.Combine(dir.Path, "keep.txt"), "mine");

        var r = await Th.RunAsync(dir.Path, ["demo", "--dir", dir.Path], home: dir.Path);

        Assert.Equal(2, r.ExitCode);
        Assert.Contains("not empty", r.StandardError);
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(dir.Path).Select(p => Path.GetFileName(p)!).ToArray());
    }
}
