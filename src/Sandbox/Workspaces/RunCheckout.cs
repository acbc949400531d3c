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
    // Follows RepoSnapshot.Steps in the same shell: one process start for the whole preparation. $5 the workspace,
    // $6 the host-private git directory, $7 the repository's URL. Both repositories are made without git's templates
    // (no sample hooks; the empty hooks/ and info/ that tools expect are made beforehand) in the repository's object
    // format; the identity is the one the agent's own commits carry. A fresh repository needs no upkeep: no "git
    // maintenance run --auto" after the fetch.
    private const string Steps = """
        workspace=$5 host=$6 url=$7
        git init -q --template= --object-format="$format" -b smooth-work "$workspace"
        printf '[user]\n\tname = Smooth operator\n\temail = operator@smooth.invalid\n' >> "$workspace/.git/config"
        git init -q --bare --template= --object-format="$format" "$host"
        printf '%s/objects\n' "$common" > "$host/objects/info/alternates"
        cd "$workspace"
        git -c maintenance.auto=false -c gc.auto=0 fetch -q --no-tags --depth=1 "$url" "$ref"
        git reset -q --hard FETCH_HEAD
        printf '%s\n' "$commit"
        """;

    private const string Script = "scratch=$1 message=$2 ref=$3 state=$4\n" + RepoSnapshot.Steps + Steps;

    /// <summary>
    /// The workspace's index as git wrote it when checking out the base, before the agent had the workspace: the
    /// diff starts from it so unchanged files are known by their cached stats instead of being hashed again.
    /// </summary>
    internal string BaseIndex => Path.Combine(HostGitDir, "smooth-base.index");

    /// <summary>
    /// Snapshots <paramref name="repo"/> under <paramref name="snapshotRef"/> and makes the run's workspace at
    /// <paramref name="workspace"/> and its host-private git directory at <paramref name="hostGitDir"/> from it.
    /// </summary>
    public static async Task<RunCheckout> CreateAsync(string repo, string snapshotRef, string message, string workspace, string hostGitDir, CancellationToken ct)
    {
        if (Directory.Exists(workspace) || Directory.Exists(hostGitDir))
        {
            throw new SmoothException($"the run's workspace '{workspace}' already exists");
        }
        Directory.CreateDirectory(Path.Combine(workspace, ".git", "hooks"));
        Directory.CreateDirectory(Path.Combine(workspace, ".git", "info"));
        var output = await RepoSnapshot.RunAsync(repo, Script, message, snapshotRef, [Path.GetFullPath(workspace), Path.GetFullPath(hostGitDir), new Uri(repo).AbsoluteUri], ct);
        var checkout = new RunCheckout(workspace, hostGitDir, output.Trim());
        // The fresh checkout's index, with its time, is the diff's starting point; kept where the agent cannot reach it.
        IndexFile.TryCopy(Path.Combine(workspace, ".git", "index"), checkout.BaseIndex);
        return checkout;
    }

    /// <summary>Arguments that point git at the host-private directory with the workspace as work tree.</summary>
    internal string[] HostGitArgs => ["-c", "core.bare=false", $"--git-dir={HostGitDir}", $"--work-tree={Workspace}"];
}
