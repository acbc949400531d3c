using System.Text.Json;
using Smooth.TestSupport;

namespace Smooth.Sandbox.Tests;

/// <summary>
/// The snapshot a run starts from and the diff it ends with, in the cases where git's cached file stats could mislead:
/// the snapshot starts from a copy of the user's index and the diff from the index of the run's fresh checkout.
/// </summary>
public sealed class SnapshotCliTests
{
    [Fact]
    public async Task Same_size_edits_right_after_an_index_write_are_seen_by_the_snapshot_and_by_the_diff()
    {
        using var repo = await Repo.CreateAsync(new Dictionary<string, string> { ["f.txt"] = "aaaa\n" });
        // git status rewrites the index with fresh stats; the same-size edit follows within the same second, on the
        // same inode, so only git's check of "racily clean" entries (against the index file's time) can notice it.
        await Git.RunAsync(repo.Path, "status", "--porcelain");
        await using (var f = new FileStream(repo.Combine("f.txt"), FileMode.Truncate, FileAccess.Write))
        {
            await f.WriteAsync("bbbb\n"u8.ToArray());
        }

        var run = await Th.RunAsync(repo.Path, ["sandbox", "run", "--json", "--", "sh", "-c", "cat f.txt; printf 'cccc\\n' > f.txt"]);
        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Contains("bbbb", run.StandardError);
        using var report = JsonDocument.Parse(run.StandardOutput);
        var files = report.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Equal(["modify f.txt"], files);
        var show = await Th.RunOkAsync(repo.Path, "review", "show", report.RootElement.GetProperty("runId").GetString()!);
        Assert.Contains("-bbbb", show.StandardOutput);
        Assert.Contains("+cccc", show.StandardOutput);
    }

    [Fact]
    public async Task A_split_index_in_the_user_repository_is_read_and_left_as_it_was()
    {
        using var repo = await Repo.CreateAsync();
        await Git.RunAsync(repo.Path, "config", "core.splitIndex", "true");
        await Git.RunAsync(repo.Path, "update-index", "--split-index");
        await File.WriteAllTextAsync(repo.Combine("README.md"), "# changed before the run\n");
        var gitDirBefore = GitDirListing(repo.Path);
        var indexBefore = await File.ReadAllBytesAsync(repo.Combine(".git", "index"));

        var run = await Th.RunAsync(repo.Path, ["sandbox", "run", "--json", "--", "sh", "-c", "cat README.md src/app.txt; echo new > added.txt"]);
        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Contains("# changed before the run", run.StandardError);
        Assert.Contains("beta", run.StandardError);
        await Th.RunOkAsync(repo.Path, "review", "accept", JsonDocument.Parse(run.StandardOutput).RootElement.GetProperty("runId").GetString()!);
        Assert.Equal("new\n", await File.ReadAllTextAsync(repo.Combine("added.txt")));
        // Neither the run nor the apply wrote a shared index part was written into the user's git directory, and the user's index is byte for byte the same.
        Assert.Equal(gitDirBefore, GitDirListing(repo.Path));
        Assert.Equal(indexBefore, await File.ReadAllBytesAsync(repo.Combine(".git", "index")));
    }

    [Fact]
    public async Task A_sha256_repository_gets_a_checkout_and_a_diff()
    {
        using var repo = new TempDir("smooth-repo");
        await Git.RunAsync(repo.Path, "init", "-q", "--object-format=sha256", "-b", "main");
        await File.WriteAllTextAsync(repo.Combine("a.txt"), "one\n");
        await Git.RunAsync(repo.Path, "add", "-A");
        await Git.RunAsync(repo.Path, "-c", "user.name=t", "-c", "user.email=t@t.invalid", "commit", "-q", "-m", "initial");
        await Th.RunOkAsync(repo.Path, "init");

        var run = await Th.RunAsync(repo.Path, ["sandbox", "run", "--json", "--", "sh", "-c", "git log --oneline | wc -l; printf 'two\\n' >> a.txt"]);
        Assert.True(run.ExitCode == 0, run.StandardError);
        using var report = JsonDocument.Parse(run.StandardOutput);
        Assert.Equal(["modify a.txt"], report.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()).ToList());
        var id = report.RootElement.GetProperty("runId").GetString()!;
        await Th.RunOkAsync(repo.Path, "review", "accept", id);
        Assert.Equal("one\ntwo\n", await File.ReadAllTextAsync(repo.Combine("a.txt")));
    }

    [Fact]
    public async Task A_run_that_cannot_open_its_audit_log_leaves_no_checkout_and_no_snapshot_ref()
    {
        using var repo = await Repo.CreateAsync();
        // The snapshot and checkout start before the audit log is opened; a directory where the database should be
        // makes the open fail after they began.
        File.Delete(repo.Combine(".smooth", "audit.db"));
        Directory.CreateDirectory(repo.Combine(".smooth", "audit.db"));

        var run = await Th.RunAsync(repo.Path, ["sandbox", "run", "--", "true"]);
        Assert.NotEqual(0, run.ExitCode);
        Assert.Equal("", (await Git.RunAsync(repo.Path, "for-each-ref", "refs/smooth/")).Trim());
        var sandboxes = repo.Combine(".smooth", "sandboxes");
        Assert.True(!Directory.Exists(sandboxes) || !Directory.EnumerateFileSystemEntries(sandboxes).Any(),
            "left behind: " + string.Join(", ", Directory.Exists(sandboxes) ? Directory.EnumerateFileSystemEntries(sandboxes) : []));
    }

    private static string GitDirListing(string repo) =>
        string.Join("\n", Directory.EnumerateFiles(Path.Combine(repo, ".git")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
}
