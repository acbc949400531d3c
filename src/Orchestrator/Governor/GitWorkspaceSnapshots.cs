using Smooth.Core.Processes;

namespace Smooth.Orchestrator.Governor;

/// <summary>
/// Snapshots a run's workspace as commits in a git directory private to the host (<c>--git-dir</c> outside the
/// workspace, <c>--work-tree</c> the workspace). The agent controls the workspace and its own <c>.git</c>, so the
/// host never runs git with the agent's config or hooks: only its own, with global and system config switched off.
/// </summary>
public sealed class GitWorkspaceSnapshots(string privateGitDir, string workTree) : IWorkspaceSnapshots
{
    private static readonly IReadOnlyDictionary<string, string?> HardenedEnvironment = new Dictionary<string, string?>
    {
        ["GIT_CONFIG_NOSYSTEM"] = "1",
        ["GIT_CONFIG_GLOBAL"] = "/dev/null",
        ["GIT_TERMINAL_PROMPT"] = "0",
        ["GIT_AUTHOR_NAME"] = "Smooth governor",
        ["GIT_AUTHOR_EMAIL"] = "governor@smooth.invalid",
        ["GIT_COMMITTER_NAME"] = "Smooth governor",
        ["GIT_COMMITTER_EMAIL"] = "governor@smooth.invalid",
    };

    /// <inheritdoc />
    public async Task<string> SnapshotAsync(string label, CancellationToken ct)
    {
        if (!Directory.Exists(privateGitDir))
        {
            await GitAsync(ct, "init", "-q", "--bare", privateGitDir);
        }
        await GitAsync(ct, "add", "-A", "--", ".");
        await GitAsync(ct, "commit", "-q", "--allow-empty", "--no-verify", "-m", $"smooth snapshot: {label}");
        return (await GitAsync(ct, "rev-parse", "HEAD")).Trim();
    }

    /// <inheritdoc />
    public async Task RestoreAsync(string snapshot, CancellationToken ct)
    {
        await GitAsync(ct, "reset", "-q", "--hard", snapshot);
        await GitAsync(ct, "clean", "-q", "-f", "-d");
    }

    private async Task<string> GitAsync(CancellationToken ct, params string[] args)
    {
        var full = new List<string>
        {
            "-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false", "-c", "core.bare=false",
            $"--git-dir={privateGitDir}", $"--work-tree={workTree}",
        };
        if (args[0] == "init") full = [];
        full.AddRange(args);
        var result = await ProcessRunner.RunCheckedAsync("git", full,
            new ProcessOptions { WorkingDirectory = workTree, Environment = HardenedEnvironment, Timeout = TimeSpan.FromMinutes(5) }, ct);
        return result.StandardOutput;
    }
}
