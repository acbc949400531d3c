using Smooth.Core;
using Smooth.Core.Git;
using Smooth.Core.Processes;

namespace Smooth.Sandbox.Workspaces;

/// <summary>
/// Records the user's repository as it is now (committed, staged, unstaged and untracked-but-not-ignored files) as a
/// commit, without touching the user's index, branches or working tree. <c>.smooth/</c> is left out: it holds the
/// project's own state, which an operator must not see or change through its checkout.
/// </summary>
public static class RepoSnapshot
{
    /// <summary>Where runs' snapshot refs live in the user's repository.</summary>
    public const string RefPrefix = "refs/smooth/snapshots/";

    private const int NotARepository = 90;

    /// <summary>
    /// The snapshot as shell steps in two parts, <see cref="Inspect"/> then <see cref="Record"/> (run by
    /// <see cref="GitCli.RunScriptAsync"/>, alone or with the checkout's steps). They read <c>$scratch</c> (a scratch
    /// index path), <c>$message</c>, <c>$ref</c> (empty for none) and <c>$state</c> (the directory left out).
    /// Inspect sets <c>$common</c> (the common git directory), <c>$format</c> (the object format) and <c>$head</c>:
    /// one rev-parse answers every question about the repository, a line each; HEAD's line is missing (and the exit
    /// code 1) before the first commit. Record sets <c>$tree</c> and <c>$commit</c>. The scratch index starts as a copy
    /// of the user's own (cp -p keeps its time, which git compares file stats against), so "git add" trusts the stats
    /// it caches and reads only files changed since the user's last git command.
    /// </summary>
    internal const string Inspect = """
        info=$(git rev-parse --is-inside-work-tree --path-format=absolute --git-common-dir --git-path index --show-object-format --verify -q 'HEAD^{commit}') || [ $? -eq 1 ] || exit 90
        head=
        { read -r inside; read -r common; read -r index; read -r format; read -r head || true; } <<EOF
        $info
        EOF
        [ "$inside" = true ] || exit 90

        """;

    /// <summary>The snapshot's second part (see <see cref="Inspect"/>): records the tree, the commit and the ref.</summary>
    internal const string Record = """
        export GIT_INDEX_FILE="$scratch"
        if [ -f "$index" ]; then cp -p "$index" "$scratch"; elif [ -n "$head" ]; then git read-tree "$head"; fi
        git rm -r -q --cached --ignore-unmatch -- "$state"
        git add -A -- . ":(exclude)$state"
        tree=$(git write-tree)
        unset GIT_INDEX_FILE
        if [ -n "$head" ]; then commit=$(git commit-tree "$tree" -p "$head" -m "$message"); else commit=$(git commit-tree "$tree" -m "$message"); fi
        if [ -n "$ref" ]; then git update-ref "$ref" "$commit"; fi

        """;

    private const string Script = "scratch=$1 message=$2 ref=$3 state=$4\n" + Inspect + Record + "printf '%s\\n%s\\n' \"$commit\" \"$tree\"\n";

    /// <summary>The snapshot ref of <paramref name="runId"/>.</summary>
    public static string RefFor(string runId) => RefPrefix + runId;

    /// <summary>Creates the snapshot commit; when <paramref name="refName"/> is given, points that ref at it.</summary>
    public static async Task<SnapshotResult> CreateAsync(string repo, string message, string? refName, CancellationToken ct)
    {
        var output = await RunAsync(repo, Script, message, refName, [], ct);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        if (lines.Length != 2) throw new SmoothException($"git could not snapshot '{repo}': unexpected output");
        return new SnapshotResult(lines[0], lines[1]);
    }

    /// <summary>
    /// Runs <paramref name="script"/> (the snapshot's <see cref="Inspect"/> and <see cref="Record"/> steps, with what
    /// the caller adds) in <paramref name="repo"/> with a scratch index that is removed afterwards; its positional
    /// parameters are the scratch index, the message, the ref, the state directory, then <paramref name="more"/>.
    /// Returns the script's output.
    /// </summary>
    internal static async Task<string> RunAsync(string repo, string script, string message, string? refName, IReadOnlyList<string> more, CancellationToken ct)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"smooth-snapshot-{Guid.NewGuid():N}.index");
        ProcessResult result;
        try
        {
            result = await GitCli.RunScriptAsync(repo, script, [scratch, message, refName ?? "", ProjectLocator.StateDirName, .. more], ct);
        }
        finally
        {
            File.Delete(scratch);
        }
        if (result.ExitCode == NotARepository)
        {
            var detail = result.StandardError.Trim();
            throw new SmoothException($"'{repo}' is not a git work tree{(detail.Length > 0 ? $" ({detail})" : "")}", "run this inside a git repository (git init)", ExitCodes.Environment);
        }
        if (!result.Succeeded)
        {
            throw new SmoothException($"git could not snapshot '{repo}' for the run: {result.StandardError.Trim()}", null, ExitCodes.Failure);
        }
        return result.StandardOutput;
    }

    /// <summary>The tree id of a commit.</summary>
    public static async Task<string> TreeOfAsync(string repo, string commit, CancellationToken ct) =>
        (await GitCli.RunCheckedAsync(repo, ["rev-parse", commit + "^{tree}"], ct)).Trim();
}
