using System.Text.Json;
using Smooth.Core.Git;
using Smooth.TestSupport;

namespace Smooth.Sandbox.Tests;

/// <summary>
/// <c>th sandbox prune</c> through the installed binary and real bubblewrap runs: settled sandboxes lose their
/// checkout, git directory and snapshot ref; a pending review keeps everything and can still be accepted; what the
/// agent left behind (an unreadable directory, a link to outside) neither blocks the removal nor reaches past it.
/// </summary>
public sealed class SandboxPruneCliTests
{
    private static async Task<string> RunIdAsync(TempDir repo, params string[] args)
    {
        var run = await Th.RunAsync(repo.Path, ["sandbox", "run", "--json", .. args]);
        Assert.True(run.ExitCode == 0, run.StandardError);
        using var report = JsonDocument.Parse(run.StandardOutput);
        return report.RootElement.GetProperty("runId").GetString()!;
    }

    private static async Task<string[]> SnapshotRefsAsync(TempDir repo) =>
        (await GitCli.RunCheckedAsync(repo.Path, ["for-each-ref", "--format=%(refname)", "refs/smooth/snapshots/"], CancellationToken.None))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries);

    private static string SandboxDir(TempDir repo, string runId) =>
        Assert.Single(Directory.GetDirectories(repo.Combine(".smooth", "sandboxes", runId)));

    [Fact]
    public async Task Settled_sandboxes_are_freed_and_a_pending_review_is_kept_whole()
    {
        // What the agent leaves in an ignored directory is not part of the diff, but it is in the checkout to remove.
        using var repo = await Repo.CreateAsync(new Dictionary<string, string> { [".gitignore"] = "junk/\n" });
        // Something outside the project that a link inside the sandbox points at: it must survive the prune.
        using var outside = new TempDir();
        var sentinel = Path.Combine(outside.Path, "keep.txt");
        await File.WriteAllTextAsync(sentinel, "outside");

        var settled = await RunIdAsync(repo, "--auto-accept", "--", "sh", "-c",
            $"echo one > one.txt; mkdir -p junk/locked/deep; echo x > junk/locked/deep/f; ln -s {outside.Path} junk/outside-link; chmod 000 junk/locked/deep junk/locked");
        var pending = await RunIdAsync(repo, "--", "sh", "-c", "echo two > two.txt");
        Assert.Equal(2, (await SnapshotRefsAsync(repo)).Length);
        var settledDir = SandboxDir(repo, settled);
        var pendingDir = SandboxDir(repo, pending);

        var dry = await Th.RunOkAsync(repo.Path, "sandbox", "prune", "--dry-run", "--json");
        using (var report = JsonDocument.Parse(dry.StandardOutput))
        {
            Assert.Equal(1, report.RootElement.GetProperty("sandboxes").GetArrayLength());
            Assert.True(report.RootElement.GetProperty("bytesFreed").GetInt64() > 0);
        }
        Assert.True(Directory.Exists(Path.Combine(settledDir, "workspace")), "a dry run removes nothing");
        Assert.Equal(UnixFileMode.None, File.GetUnixFileMode(Path.Combine(settledDir, "workspace", "junk", "locked")));
        Assert.Equal(2, (await SnapshotRefsAsync(repo)).Length);

        var pruned = await Th.RunOkAsync(repo.Path, "sandbox", "prune", "--json");
        using (var report = JsonDocument.Parse(pruned.StandardOutput))
        {
            Assert.Contains(settled, Assert.Single(report.RootElement.GetProperty("sandboxes").EnumerateArray()).GetString());
            Assert.Equal(1, report.RootElement.GetProperty("kept").GetInt32());
        }
        foreach (var gone in new[] { "workspace", "host.git", "scratch" }) Assert.False(Directory.Exists(Path.Combine(settledDir, gone)), gone);
        Assert.True(Directory.Exists(Path.Combine(settledDir, "result-bundle")), "the bundles stay");
        Assert.Equal("outside", await File.ReadAllTextAsync(sentinel));
        Assert.Equal([$"refs/smooth/snapshots/{pending}"], await SnapshotRefsAsync(repo));

        // The pending review is untouched: its checkout is there and it still applies.
        Assert.True(Directory.Exists(Path.Combine(pendingDir, "workspace")));
        await Th.RunOkAsync(repo.Path, "review", "accept", pending);
        Assert.Equal("two\n", await File.ReadAllTextAsync(repo.Combine("two.txt")));
        // A settled run's diff is still shown from its bundle.
        var show = await Th.RunOkAsync(repo.Path, "review", "show", settled);
        Assert.Contains("one.txt", show.StandardOutput);

        var logs = await Th.RunOkAsync(repo.Path, "logs", "--json", "--type", "sandbox.pruned", "-n", "5");
        Assert.Contains("sandbox.pruned", logs.StandardOutput);
    }
}
