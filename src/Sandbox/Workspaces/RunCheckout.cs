using Smooth.Core.Git;

namespace Smooth.Sandbox.Workspaces;

/// <summary>
/// The run's own workspace: a fresh repository (not a linked worktree) holding the snapshot, so nothing an agent does
/// to its <c>.git</c> (hooks, config, refs) can reach the user's repository; and a host-private bare git directory
/// whose objects borrow the user's (alternates), used by the host alone to compute the diff. The host never runs git
/// with the workspace's own <c>.git</c> after the agent has had it.
/// </summary>
public sealed record RunCheckout(string Workspace, string HostGitDir, string BaseCommit)
{
    /// <summary>Creates the workspace at <paramref name="workspace"/> from <paramref name="snapshotRef"/> of <paramref name="repo"/>.</summary>
    public static async Task<RunCheckout> CreateAsync(string repo, string snapshotRef, string baseCommit, string workspace, string hostGitDir, CancellationToken ct)
    {
        Directory.CreateDirectory(workspace);
        // The two repositories do not depend on each other: they are made side by side.
        await Task.WhenAll(WorkspaceAsync(repo, snapshotRef, workspace, ct), HostGitDirAsync(repo, hostGitDir, ct));
        return new RunCheckout(workspace, hostGitDir, baseCommit);
    }

    private static async Task WorkspaceAsync(string repo, string snapshotRef, string workspace, CancellationToken ct)
    {
        await GitCli.RunCheckedAsync(workspace, ["init", "-q", "-b", "smooth-work", "."], ct);
        // The identity the agent's own commits carry, written into the config git init just made (one process less each).
        await File.AppendAllTextAsync(Path.Combine(workspace, ".git", "config"), "[user]\n\tname = Smooth operator\n\temail = operator@smooth.invalid\n", ct);
        // A fresh repository needs no upkeep: no "git maintenance run --auto" process after the fetch.
        await GitCli.RunCheckedAsync(workspace, ["-c", "maintenance.auto=false", "-c", "gc.auto=0", "fetch", "-q", "--no-tags", "--depth=1", new Uri(repo).AbsoluteUri, snapshotRef], ct);
        await GitCli.RunCheckedAsync(workspace, ["reset", "-q", "--hard", "FETCH_HEAD"], ct);
    }

    private static async Task HostGitDirAsync(string repo, string hostGitDir, CancellationToken ct)
    {
        await GitCli.RunCheckedAsync(repo, ["init", "-q", "--bare", hostGitDir], ct);
        var objects = (await GitCli.RunCheckedAsync(repo, ["rev-parse", "--path-format=absolute", "--git-common-dir"], ct)).Trim();
        await File.WriteAllTextAsync(Path.Combine(hostGitDir, "objects", "info", "alternates"), Path.Combine(objects, "objects") + "\n", ct);
    }

    /// <summary>Arguments that point git at the host-private directory with the workspace as work tree.</summary>
    internal string[] HostGitArgs => ["-c", "core.bare=false", $"--git-dir={HostGitDir}", $"--work-tree={Workspace}"];
}
