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
    // Follows RepoSnapshot's steps in the same shell: one process start for the whole preparation. $5 the workspace,
    // $6 the host-private git directory. Both repositories are made without git's templates (no sample hooks; the
    // empty hooks/ and info/ that tools expect are made beforehand) in the repository's object format, by a background
    // job (InitJob) started as soon as RepoSnapshot.Inspect knows the format, so they are made while the snapshot is
    // recorded; a failure on either side stops the script, which waits for the job before it exits. The identity is
    // the one the agent's own commits carry.
    // The workspace gets the snapshot's objects alone (the commit, its tree and blobs; no history, like a fetch of
    // depth 1, with the commit listed in .git/shallow) through pack-objects | index-pack: no transport, no upload-pack
    // and no shell behind it. Objects already packed in the user's repository are copied as they are; loose ones go
    // in uncompressed and without a delta search (the pack is the run's and short-lived; compressing 10,000 loose
    // blobs took longer than all the rest of the preparation). A pack missing an object fails the reset that follows.
    internal const string InitJob = """
        workspace=$5 host=$6
        trap 'wait' EXIT
        { git init -q --template= --object-format="$format" -b smooth-work "$workspace" && git init -q --bare --template= --object-format="$format" "$host"; } &
        inits=$!

        """;

    private const string Steps = """
        wait "$inits"
        printf '[user]\n\tname = Smooth operator\n\temail = operator@smooth.invalid\n' >> "$workspace/.git/config"
        printf '%s/objects\n' "$common" > "$host/objects/info/alternates"
        git rev-list --objects --no-walk "$commit" | git -c pack.compression=0 pack-objects --window=0 --stdout -q | git --git-dir="$workspace/.git" index-pack --stdin >/dev/null
        printf '%s\n' "$commit" > "$workspace/.git/shallow"
        cd "$workspace"
        git reset -q --hard "$commit"
        printf '%s\n' "$commit"
        """;

    private const string Script = "scratch=$1 message=$2 ref=$3 state=$4\n" + RepoSnapshot.Inspect + InitJob + RepoSnapshot.Record + Steps;

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
        var output = await RepoSnapshot.RunAsync(repo, Script, message, snapshotRef, [Path.GetFullPath(workspace), Path.GetFullPath(hostGitDir)], ct);
        var checkout = new RunCheckout(workspace, hostGitDir, output.Trim());
        // The fresh checkout's index, with its time, is the diff's starting point; kept where the agent cannot reach it.
        IndexFile.TryCopy(Path.Combine(workspace, ".git", "index"), checkout.BaseIndex);
        return checkout;
    }

    /// <summary>Arguments that point git at the host-private directory with the workspace as work tree.</summary>
    internal string[] HostGitArgs => ["-c", "core.bare=false", $"--git-dir={HostGitDir}", $"--work-tree={Workspace}"];
}
