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
    /// <summary>Creates the snapshot commit; when <paramref name="refName"/> is given, points that ref at it.</summary>
    public static async Task<string> CreateAsync(string repo, string message, string? refName, CancellationToken ct)
    {
        var index = Path.Combine(Path.GetTempPath(), $"smooth-snapshot-{Guid.NewGuid():N}.index");
        try
        {
            var head = await ResolveHeadAsync(repo, ct);
            if (head is not null)
            {
                await GitCli.RunCheckedAsync(repo, ["read-tree", head], ct, index);
            }
            await GitCli.RunCheckedAsync(repo, ["add", "-A", "--", ".", ":(exclude).smooth"], ct, index);
            await GitCli.RunCheckedAsync(repo, ["rm", "-r", "-q", "--cached", "--ignore-unmatch", "--", ".smooth"], ct, index);
            var tree = (await GitCli.RunCheckedAsync(repo, ["write-tree"], ct, index)).Trim();
            var commit = (await GitCli.RunCheckedAsync(repo, head is null
                ? ["commit-tree", tree, "-m", message]
                : ["commit-tree", tree, "-p", head, "-m", message], ct)).Trim();
            if (refName is not null)
            {
                await GitCli.RunCheckedAsync(repo, ["update-ref", refName, commit], ct);
            }
            return commit;
        }
        finally
        {
            File.Delete(index);
        }
    }

    /// <summary>The tree id of a commit.</summary>
    public static async Task<string> TreeOfAsync(string repo, string commit, CancellationToken ct) =>
        (await GitCli.RunCheckedAsync(repo, ["rev-parse", commit + "^{tree}"], ct)).Trim();

    private static async Task<string?> ResolveHeadAsync(string repo, CancellationToken ct)
    {
        // One process answers both questions: "true" when inside a work tree, then HEAD's commit unless there is none yet.
        var result = await GitCli.RunAsync(repo, ["rev-parse", "--is-inside-work-tree", "--verify", "-q", "HEAD^{commit}"], ct);
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        if (lines.Length == 0 || lines[0] != "true")
        {
            throw new SmoothException($"'{repo}' is not a git repository", "run this inside a git repository (git init)", ExitCodes.Environment);
        }
        return result.Succeeded && lines.Length > 1 ? lines[1] : null;
    }
}
