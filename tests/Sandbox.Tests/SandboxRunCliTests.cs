using System.Text.Json;
using Smooth.TestSupport;

namespace Smooth.Sandbox.Tests;

/// <summary><c>th sandbox run</c> and <c>th review</c> end to end through the installed binary.</summary>
public sealed class SandboxRunCliTests
{
    private const string Edit = "printf 'new file\\n' > added.txt && sed -i s/beta/BETA/ src/app.txt && git mv -q old-name.txt new-name.txt 2>/dev/null || mv old-name.txt new-name.txt; rm gone.txt; chmod +x README.md; printf '\\000\\001\\002' > blob.bin";

    [Theory]
    [InlineData("direct")]
    [InlineData("bubblewrap")]
    public async Task A_run_ends_in_review_and_accept_applies_every_kind_of_change(string provider)
    {
        using var repo = await Repo.CreateAsync();
        await File.WriteAllTextAsync(repo.Combine("untracked.txt"), "not committed yet\n");
        var run = await Th.RunAsync(repo.Path, ["sandbox", "run", "--provider", provider, "--json", "--", "sh", "-c", Edit + "; cat untracked.txt"]);
        Assert.True(run.ExitCode == 0, run.StandardError);
        Assert.Contains("not committed yet", run.StandardError);
        using var report = JsonDocument.Parse(run.StandardOutput);
        var id = report.RootElement.GetProperty("runId").GetString()!;
        Assert.Equal("review", report.RootElement.GetProperty("status").GetString());
        var files = report.RootElement.GetProperty("files").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("add added.txt", files);
        Assert.Contains("modify src/app.txt", files);
        Assert.Contains("rename new-name.txt", files);
        Assert.Contains("delete gone.txt", files);
        Assert.Contains("modify README.md", files);
        Assert.Contains("add blob.bin", files);

        // Nothing touched the user's tree yet.
        Assert.False(File.Exists(repo.Combine("added.txt")));
        var list = await Th.RunOkAsync(repo.Path, "review", "list", "--json");
        Assert.Contains(id, list.StandardOutput);
        var show = await Th.RunOkAsync(repo.Path, "review", "show", id);
        Assert.Contains("+BETA", show.StandardOutput);

        var accept = await Th.RunOkAsync(repo.Path, "review", "accept", id);
        Assert.Contains("applied", accept.StandardOutput);
        Assert.Equal("new file\n", await File.ReadAllTextAsync(repo.Combine("added.txt")));
        Assert.Contains("BETA", await File.ReadAllTextAsync(repo.Combine("src/app.txt")));
        Assert.True(File.Exists(repo.Combine("new-name.txt")));
        Assert.False(File.Exists(repo.Combine("old-name.txt")));
        Assert.False(File.Exists(repo.Combine("gone.txt")));
        Assert.True(File.GetUnixFileMode(repo.Combine("README.md")).HasFlag(UnixFileMode.UserExecute));
        Assert.Equal(new byte[] { 0, 1, 2 }, await File.ReadAllBytesAsync(repo.Combine("blob.bin")));
        // The user's index was not touched: the changes are unstaged.
        Assert.Equal("", (await Git.RunAsync(repo.Path, "diff", "--cached", "--name-only")).Trim());

        var again = await Th.RunAsync(repo.Path, ["review", "accept", id]);
        Assert.Equal(6, again.ExitCode);

        var logs = await Th.RunOkAsync(repo.Path, "logs", "--json", "--type", "sandbox.", "-n", "100");
        foreach (var type in new[] { "sandbox.created", "sandbox.shipped", "sandbox.bundle_received", "sandbox.diff_review_requested", "sandbox.completed", "sandbox.accepted" })
        {
            Assert.Contains(type, logs.StandardOutput);
        }
    }

    [Fact]
    public async Task Reject_leaves_the_tree_alone_and_auto_accept_applies_at_once()
    {
        using var repo = await Repo.CreateAsync();
        var before = Repo.TreeDigest(repo.Path);
        var run = await Th.RunAsync(repo.Path, ["sandbox", "run", "--provider", "direct", "--json", "--", "sh", "-c", "echo changed > README.md"]);
        var id = JsonDocument.Parse(run.StandardOutput).RootElement.GetProperty("runId").GetString()!;
        await Th.RunOkAsync(repo.Path, "review", "reject", id);
        Assert.Equal(before, Repo.TreeDigest(repo.Path));

        var auto = await Th.RunAsync(repo.Path, ["sandbox", "run", "--provider", "direct", "--auto-accept", "--", "sh", "-c", "echo changed > README.md"]);
        Assert.Equal(0, auto.ExitCode);
        Assert.Contains("applied to your working tree", auto.StandardError);
        Assert.Equal("changed\n", await File.ReadAllTextAsync(repo.Combine("README.md")));
    }

    [Fact]
    public async Task A_moved_tree_gets_a_three_way_apply_and_a_conflict_changes_nothing()
    {
        using var repo = await Repo.CreateAsync(new Dictionary<string, string>
        {
            ["a.txt"] = "one\ntwo\nthree\nfour\nfive\nsix\nseven\n",
            ["b.txt"] = "first\n",
        });
        var run = await Th.RunAsync(repo.Path, ["sandbox", "run", "--provider", "direct", "--json", "--", "sh", "-c", "sed -i s/one/ONE/ a.txt && echo second > b.txt"]);
        var id = JsonDocument.Parse(run.StandardOutput).RootElement.GetProperty("runId").GetString()!;

        // The user edits a distant line of a.txt (mergeable) and the same line of b.txt (conflict).
        await File.WriteAllTextAsync(repo.Combine("a.txt"), "one\ntwo\nthree\nfour\nfive\nsix\nSEVEN\n");
        await File.WriteAllTextAsync(repo.Combine("b.txt"), "mine\n");
        var before = Repo.TreeDigest(repo.Path);
        var conflict = await Th.RunAsync(repo.Path, ["review", "accept", id]);
        Assert.Equal(6, conflict.ExitCode);
        Assert.Contains("b.txt", conflict.StandardError);
        Assert.Equal(before, Repo.TreeDigest(repo.Path));

        await File.WriteAllTextAsync(repo.Combine("b.txt"), "first\n");
        var merged = await Th.RunAsync(repo.Path, ["review", "accept", id]);
        Assert.True(merged.ExitCode == 0, merged.StandardError);
        Assert.Contains("three-way", merged.StandardOutput);
        Assert.Equal("ONE\ntwo\nthree\nfour\nfive\nsix\nSEVEN\n", await File.ReadAllTextAsync(repo.Combine("a.txt")));
    }

    [Fact]
    public async Task What_the_agent_does_to_its_checkout_git_never_reaches_the_user_repository()
    {
        using var repo = await Repo.CreateAsync();
        var marker = Path.Combine(Path.GetTempPath(), $"smooth-hook-{Guid.NewGuid():N}");
        var gitDirBefore = Directory.EnumerateFiles(repo.Combine(".git"), "*", SearchOption.AllDirectories)
            .Where(f => !f.Contains("/objects/") && !f.Contains("/refs/smooth/") && !f.EndsWith("index") && !f.Contains("/logs/")).ToDictionary(f => f, File.ReadAllText);
        var script = $"printf '#!/bin/sh\\ntouch {marker}\\n' > .git/hooks/pre-commit && chmod +x .git/hooks/pre-commit && git config core.fsmonitor 'touch {marker}' && git config core.hooksPath .git/hooks && echo x > file.txt && git add file.txt && git -c core.hooksPath=/nonexistent commit -qm agent --no-verify";
        // bubblewrap: the agent's own git calls touch the marker only in its private /tmp; a host-side execution would touch the real one.
        var run = await Th.RunAsync(repo.Path, ["sandbox", "run", "--provider", "bubblewrap", "--json", "--", "sh", "-c", script]);
        Assert.True(run.ExitCode == 0, run.StandardError);
        var id = JsonDocument.Parse(run.StandardOutput).RootElement.GetProperty("runId").GetString()!;
        await Th.RunOkAsync(repo.Path, "review", "accept", id);
        await Git.RunAsync(repo.Path, "status");

        Assert.False(File.Exists(marker), "a hook or fsmonitor planted by the agent ran on the host");
        foreach (var (path, content) in gitDirBefore)
        {
            Assert.Equal(content, File.ReadAllText(path));
        }
        Assert.False(File.Exists(repo.Combine(".git", "hooks", "pre-commit")));
        Assert.True(File.Exists(repo.Combine("file.txt")));
    }

    [Fact]
    public async Task Unknown_provider_fails_before_anything_is_written()
    {
        using var repo = await Repo.CreateAsync();
        var result = await Th.RunAsync(repo.Path, ["sandbox", "run", "--provider", "firecracker", "--", "true"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("unknown sandbox provider 'firecracker'", result.StandardError);
        Assert.Contains("bubblewrap", result.StandardError);
        Assert.False(Directory.Exists(repo.Combine(".smooth", "sandboxes")));
        Assert.False(File.Exists(repo.Combine(".smooth", "audit.db")));
    }

    [Fact]
    public async Task A_run_started_inside_a_sandbox_is_refused_unless_nesting_is_allowed()
    {
        using var repo = await Repo.CreateAsync();
        var env = new Dictionary<string, string?> { ["SMOOTH_SANDBOX_LINEAGE"] = "run-parent/sb-1/1" };
        var refused = await Th.RunAsync(repo.Path, ["sandbox", "run", "--provider", "direct", "--", "true"], env: env);
        Assert.Equal(5, refused.ExitCode);
        Assert.Contains("--allow-nested", refused.StandardError);
        Assert.False(Directory.Exists(repo.Combine(".smooth", "sandboxes")));

        var allowed = await Th.RunAsync(repo.Path, ["sandbox", "run", "--provider", "direct", "--allow-nested", "--json", "--", "sh", "-c", "echo $SMOOTH_SANDBOX_LINEAGE"], env: env);
        Assert.Equal(0, allowed.ExitCode);
        Assert.Contains("/2", allowed.StandardError);
    }

    [Fact]
    public async Task A_limit_is_reported_as_its_own_failure()
    {
        using var repo = await Repo.CreateAsync();
        var result = await Th.RunAsync(repo.Path, ["sandbox", "run", "--provider", "bubblewrap", "--timeout", "2", "--", "sleep", "30"]);
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("timeout", result.StandardError, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("--timeout", "0")]
    [InlineData("--memory", "lots")]
    [InlineData("--max-processes", "1")]
    public async Task Bad_limits_are_refused(string option, string value)
    {
        using var repo = await Repo.CreateAsync();
        var result = await Th.RunAsync(repo.Path, ["sandbox", "run", option, value, "--", "true"]);
        Assert.Equal(2, result.ExitCode);
        Assert.False(Directory.Exists(repo.Combine(".smooth", "sandboxes")));
    }
}
