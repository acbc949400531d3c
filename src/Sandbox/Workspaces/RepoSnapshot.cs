using Smooth.Core;
using Smooth.Core.Git;

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

    // One shell runs every step (GitCli.RunScriptAsync); values come as $1..$4 and are never parsed by the shell.
    // The scratch index starts as a copy of the user's own (cp -p keeps its time, which git compares file stats
    // against), so "git add" trusts the stats it caches and reads only files changed since the user's last git
    // command.
    private const string Script = """
        scratch=$1 message=$2 ref=$3 state=$4
        info=$(git rev-parse --is-inside-work-tree --path-format=absolute --git-common-dir --git-path index --show-object-format) || exit 90
        { read -r inside; read -r common; read -r index; read -r format; } <<EOF
        $info
        EOF
        [ "$inside" = true ] || exit 90
        head=$(git rev-parse --verify -q 'HEAD^{commit}') || head=
        export GIT_INDEX_FILE="$scratch"
        if [ -f "$index" ]; then cp -p "$index" "$scratch"; elif [ -n "$head" ]; then git read-tree "$head"; fi
        git rm -r -q --cached --ignore-unmatch -- "$state"
        git add -A -- . ":(exclude)$state"
        tree=$(git write-tree)
        if [ -n "$head" ]; then commit=$(git commit-tree "$tree" -p "$head" -m "$message"); else commit=$(git commit-tree "$tree" -m "$message"); fi
        if [ -n "$ref" ]; then git update-ref "$ref" "$commit"; fi
        printf '%s\n%s\n%s\n%s\n' "$commit" "$tree" "$common" "$format"
        """;

    /// <summary>The snapshot ref of <paramref name="runId"/>.</summary>
    public static string RefFor(string runId) => RefPrefix + runId;

    /// <summary>Creates the snapshot commit; when <paramref name="refName"/> is given, points that ref at it.</summary>
    public static async Task<SnapshotResult> CreateAsync(string repo, string message, string? refName, CancellationToken ct)
    {
        var scratch = Path.Combine(Path.GetTempPath(), $"smooth-snapshot-{Guid.NewGuid():N}.index");
        try
        {
            var result = await GitCli.RunScriptAsync(repo, Script, [scratch, message, refName ?? "", ProjectLocator.StateDirName], ct);
            if (result.ExitCode == NotARepository && result.StandardError.Contains("not a git repository", StringComparison.Ordinal))
            {
                throw new SmoothException($"'{repo}' is not a git repository", "run this inside a git repository (git init)", ExitCodes.Environment);
            }
            var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
            if (!result.Succeeded || lines.Length != 4)
            {
                throw new SmoothException($"git could not snapshot '{repo}': {result.StandardError.Trim()}", null, ExitCodes.Failure);
            }
            return new SnapshotResult(lines[0], lines[1], lines[2], lines[3]);
        }
        finally
        {
            File.Delete(scratch);
        }
    }

    /// <summary>The tree id of a commit.</summary>
    public static async Task<string> TreeOfAsync(string repo, string commit, CancellationToken ct) =>
        (await GitCli.RunCheckedAsync(repo, ["rev-parse", commit + "^{tree}"], ct)).Trim();
}
