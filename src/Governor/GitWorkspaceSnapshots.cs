using Smooth.Core.Git;

namespace Smooth.Governor;

/// <summary>
/// Snapshots a run's workspace as commits in a git directory private to the host (<c>--git-dir</c> outside the
/// workspace, <c>--work-tree</c> the workspace). The agent controls the workspace and its own <c>.git</c>, so the
/// host never runs git with the agent's config or hooks: only its own, through the hardened <see cref="GitCli"/>.
/// </summary>
public sealed class GitWorkspaceSnapshots(string privateGitDir, string workTree) : IWorkspaceSnapshots
{
    /// <inheritdoc />
    public async Task<string> SnapshotAsync(string label, CancellationToken ct)
    {
        if (!Directory.Exists(privateGitDir))
        {
            await GitCli.RunCheckedAsync(workTree, ["init", "-q", "--bare", privateGitDir], ct);
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

    private Task<string> GitAsync(CancellationToken ct, params string[] args) =>
        GitCli.RunCheckedAsync(workTree, ["-c", "core.bare=false", $"--git-dir={privateGitDir}", $"--work-tree={workTree}", .. args], ct);
}
