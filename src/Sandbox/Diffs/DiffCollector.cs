using Smooth.Core;
using Smooth.Core.Git;
using Smooth.Sandbox.Workspaces;

namespace Smooth.Sandbox.Diffs;

/// <summary>
/// Computes a run's diff bundle from its workspace with the host-private git directory: every change (text, binary,
/// rename, deletion, mode) against the base snapshot. The workspace's own <c>.git</c> is never consulted.
/// </summary>
public static class DiffCollector
{
    // One shell (GitCli.RunScriptAsync): $1 the scratch index, $2 the base commit, $3 "read" when the index must be
    // read from the base (no saved index to start from), then the arguments naming the host-private git directory and
    // the workspace. Stages the whole workspace and prints what changed against the base, NUL-separated.
    private const string StageScript = """
        export GIT_INDEX_FILE="$1"
        base=$2 read=$3
        shift 3
        if [ "$read" = read ]; then git "$@" read-tree "$base"; fi
        git "$@" add -A -- .
        git "$@" diff --cached -M --name-status -z --no-ext-diff "$base"
        """;

    /// <summary>Collects the bundle; <paramref name="seq"/> numbers it within the run.</summary>
    public static async Task<DiffBundle> CollectAsync(RunCheckout checkout, int seq, CancellationToken ct)
    {
        var index = Path.Combine(checkout.HostGitDir, "smooth-diff.index");
        File.Delete(index);
        string[] host = checkout.HostGitArgs;
        // The index written when the base was checked out (host-private, never the agent's) when there is one.
        var seeded = IndexFile.TryCopy(checkout.BaseIndex, index);
        var staged = await GitCli.RunScriptAsync(checkout.Workspace, StageScript, [index, checkout.BaseCommit, seeded ? "seeded" : "read", .. host], ct);
        if (!staged.Succeeded)
        {
            throw new SmoothException($"git could not read the run's workspace: {staged.StandardError.Trim()}");
        }
        var names = staged.StandardOutput;
        var entries = ParseNameStatus(names);
        if (entries.Count == 0) return new DiffBundle(seq, checkout.BaseCommit, []);

        var patch = await GitCli.RunCheckedAsync(checkout.Workspace,
            [.. host, "diff", "--cached", "-M", "--binary", "--full-index", "--no-ext-diff", "--no-textconv", "--no-color", checkout.BaseCommit], ct, index);
        var chunks = SplitPatch(patch);
        if (chunks.Count != entries.Count)
        {
            throw new SmoothException($"the diff of the run could not be split per file ({chunks.Count} patches for {entries.Count} paths)");
        }
        var patches = new List<FilePatch>(entries.Count);
        for (var i = 0; i < entries.Count; i++)
        {
            var (status, path, oldPath) = entries[i];
            var diff = chunks[i];
            var binary = diff.Contains("\nGIT binary patch\n", StringComparison.Ordinal) || diff.Contains("\nBinary files ", StringComparison.Ordinal);
            var operation = status[0] switch
            {
                'A' or 'C' => "add",
                'D' => "delete",
                'R' => "rename",
                _ => "modify",
            };
            patches.Add(new FilePatch(path, operation, diff, binary, oldPath));
        }
        return new DiffBundle(seq, checkout.BaseCommit, patches);
    }

    private static List<(string Status, string Path, string? OldPath)> ParseNameStatus(string z)
    {
        var parts = z.Split('\0', StringSplitOptions.None);
        var list = new List<(string, string, string?)>();
        for (var i = 0; i + 1 < parts.Length; i++)
        {
            var status = parts[i];
            if (status.Length == 0) continue;
            if (status[0] is 'R' or 'C')
            {
                list.Add((status, parts[i + 2], parts[i + 1]));
                i += 2;
            }
            else
            {
                list.Add((status, parts[i + 1], null));
                i += 1;
            }
        }
        return list;
    }

    // "diff --git " cannot begin a content line (those start with ' ', '+', '-', '\\') nor a base85 line (no spaces).
    private static List<string> SplitPatch(string patch)
    {
        var chunks = new List<string>();
        var start = patch.StartsWith("diff --git ", StringComparison.Ordinal) ? 0 : patch.IndexOf("\ndiff --git ", StringComparison.Ordinal) + 1;
        if (start < 0 || patch.Length == 0) return chunks;
        while (start < patch.Length)
        {
            var next = patch.IndexOf("\ndiff --git ", start, StringComparison.Ordinal);
            var end = next < 0 ? patch.Length : next + 1;
            chunks.Add(patch[start..end]);
            start = end;
        }
        return chunks;
    }
}
