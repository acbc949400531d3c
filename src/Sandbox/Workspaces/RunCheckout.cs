using Smooth.Core;
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
    /// <summary>
    /// The workspace's index as git wrote it when checking out the base, before the agent had the workspace: the
    /// diff starts from it so unchanged files are known by their cached stats instead of being hashed again.
    /// </summary>
    internal string BaseIndex => Path.Combine(HostGitDir, "smooth-base.index");

    // One shell for the steps (GitCli.RunScriptAsync). A fresh repository needs no upkeep: no "git maintenance run
    // --auto" after the fetch. The index of the fresh checkout is kept host-side with its time (cp -p) as the diff's
    // starting point.
    private const string CheckoutScript = """
        url=$1 ref=$2 base_index=$3
        git -c maintenance.auto=false -c gc.auto=0 fetch -q --no-tags --depth=1 "$url" "$ref"
        git reset -q --hard FETCH_HEAD
        cp -p .git/index "$base_index"
        """;

    /// <summary>Creates the workspace at <paramref name="workspace"/> from <paramref name="snapshotRef"/> of <paramref name="repo"/>.</summary>
    public static async Task<RunCheckout> CreateAsync(string repo, string snapshotRef, SnapshotResult snapshot, string workspace, string hostGitDir, CancellationToken ct)
    {
        Directory.CreateDirectory(workspace);
        // Both repositories are laid out here rather than by "git init" (a process each); the identity is the one the
        // agent's own commits carry.
        GitDirectory.Create(Path.Combine(workspace, ".git"), bare: false, snapshot.ObjectFormat, "smooth-work",
            "[user]\n\tname = Smooth operator\n\temail = operator@smooth.invalid\n");
        GitDirectory.Create(hostGitDir, bare: true, snapshot.ObjectFormat, "main");
        await File.WriteAllTextAsync(Path.Combine(hostGitDir, "objects", "info", "alternates"), Path.Combine(snapshot.GitCommonDir, "objects") + "\n", ct);

        var checkout = new RunCheckout(workspace, hostGitDir, snapshot.Commit);
        var result = await GitCli.RunScriptAsync(workspace, CheckoutScript, [new Uri(repo).AbsoluteUri, snapshotRef, checkout.BaseIndex], ct);
        if (!result.Succeeded)
        {
            throw new SmoothException($"git could not check out the snapshot for the run: {result.StandardError.Trim()}", null, ExitCodes.Failure);
        }
        return checkout;
    }

    /// <summary>Arguments that point git at the host-private directory with the workspace as work tree.</summary>
    internal string[] HostGitArgs => ["-c", "core.bare=false", $"--git-dir={HostGitDir}", $"--work-tree={Workspace}"];
}
