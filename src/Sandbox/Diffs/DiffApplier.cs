using System.Text.RegularExpressions;
using Smooth.Core;
using Smooth.Core.Git;
using Smooth.Sandbox.Workspaces;

namespace Smooth.Sandbox.Diffs;

/// <summary>
/// Applies an accepted diff bundle to the user's working tree, all or nothing. The result is first built in a
/// scratch index on top of a snapshot of the user's current tree (three-way when that tree has moved since the
/// bundle's base); only if that succeeds are the changed files written, and any failure while writing puts every
/// touched file back as it was. The user's index and branches are never touched.
/// </summary>
public static partial class DiffApplier
{
    /// <summary>Applies <paramref name="bundle"/> to <paramref name="repo"/>.</summary>
    public static async Task<ApplyOutcome> ApplyAsync(string repo, DiffBundle bundle, CancellationToken ct)
    {
        Validate(bundle, repo);
        if (bundle.Patches.Count == 0) return new ApplyOutcome(true, false, [], [], "nothing to apply: the run changed no files");

        using var turn = await ApplyQueue.EnterAsync(repo, ct);
        var snapshot = await RepoSnapshot.CreateAsync(repo, "smooth: state before apply", null, ct);
        var (now, nowTree) = (snapshot.Commit, snapshot.Tree);
        var baseTree = await RepoSnapshot.TreeOfAsync(repo, bundle.BaseRef, ct);
        var threeWay = nowTree != baseTree;
        var patch = string.Concat(bundle.Patches.Select(p => p.Diff));

        var index = Path.Combine(Path.GetTempPath(), $"smooth-apply-{Guid.NewGuid():N}.index");
        try
        {
            await GitCli.RunCheckedAsync(repo, ["read-tree", now], ct, index);
            var apply = await GitCli.RunAsync(repo, threeWay
                ? ["apply", "--cached", "--binary", "--3way", "--whitespace=nowarn", "-"]
                : ["apply", "--cached", "--binary", "--whitespace=nowarn", "-"], ct, index, patch);
            if (!apply.Succeeded)
            {
                var conflicts = await UnmergedAsync(repo, index, ct);
                if (conflicts.Count == 0) conflicts = FailedPaths(apply.StandardError);
                return new ApplyOutcome(false, threeWay, conflicts, [],
                    $"the diff no longer applies{(threeWay ? " (your tree moved since the run started and a three-way merge conflicted)" : "")}: " +
                    $"{(conflicts.Count > 0 ? string.Join(", ", conflicts) : apply.StandardError.Trim())}. Your working tree was not changed.");
            }
            var target = (await GitCli.RunCheckedAsync(repo, ["write-tree"], ct, index)).Trim();
            var changed = await ChangedAsync(repo, nowTree, target, ct);
            await WriteAllOrNothingAsync(repo, target, changed, ct);
            return new ApplyOutcome(true, threeWay, [], changed.Select(c => c.Path).ToList(),
                $"applied {changed.Count} file(s){(threeWay ? " with a three-way merge" : "")}; the changes are in your working tree, unstaged");
        }
        finally
        {
            File.Delete(index);
        }
    }

    private static void Validate(DiffBundle bundle, string repo)
    {
        foreach (var p in bundle.Patches)
        {
            PathGuard.Check(p.Path, "diff bundle path", repo);
            if (p.OldPath is not null) PathGuard.Check(p.OldPath, "diff bundle rename source", repo);
            if (SymlinkOrGitlink().IsMatch(p.Diff))
            {
                throw new SmoothException($"the diff for '{p.Path}' creates a symlink or submodule entry, which is never applied automatically",
                    "look at it with 'th review show' and make that change by hand if you want it", ExitCodes.Denied);
            }
        }
        if (!Regex.IsMatch(bundle.BaseRef, "^[0-9a-f]{40}([0-9a-f]{24})?$"))
        {
            throw new SmoothException($"the diff bundle's base '{bundle.BaseRef}' is not a commit id", null, ExitCodes.BadInput);
        }
    }

    private static async Task WriteAllOrNothingAsync(string repo, string target, IReadOnlyList<(char Status, string Path)> changed, CancellationToken ct)
    {
        // Keep the exact bytes (and absence) of every path we are about to touch, for rollback.
        var backup = new Dictionary<string, (byte[]? Content, UnixFileMode Mode)>();
        foreach (var (_, path) in changed)
        {
            var full = Path.Combine(repo, path);
            backup[path] = File.Exists(full) ? (await File.ReadAllBytesAsync(full, ct), File.GetUnixFileMode(full)) : (null, default);
        }
        var index = Path.Combine(Path.GetTempPath(), $"smooth-write-{Guid.NewGuid():N}.index");
        try
        {
            foreach (var (status, path) in changed.Where(c => c.Status == 'D'))
            {
                File.Delete(Path.Combine(repo, path));
            }
            var writes = changed.Where(c => c.Status != 'D').Select(c => c.Path).ToList();
            if (writes.Count > 0)
            {
                await GitCli.RunCheckedAsync(repo, ["read-tree", target], ct, index);
                await GitCli.RunCheckedAsync(repo, ["checkout-index", "-f", "-q", "--stdin", "-z"], ct, index, string.Join('\0', writes) + "\0");
            }
        }
        catch
        {
            foreach (var (path, (content, mode)) in backup)
            {
                var full = Path.Combine(repo, path);
                if (content is null) File.Delete(full);
                else
                {
                    Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                    await File.WriteAllBytesAsync(full, content, CancellationToken.None);
                    File.SetUnixFileMode(full, mode);
                }
            }
            throw;
        }
        finally
        {
            File.Delete(index);
        }
    }

    private static async Task<IReadOnlyList<(char Status, string Path)>> ChangedAsync(string repo, string fromTree, string toTree, CancellationToken ct)
    {
        var z = await GitCli.RunCheckedAsync(repo, ["diff-tree", "-r", "--no-renames", "--name-status", "-z", fromTree, toTree], ct);
        var parts = z.Split('\0');
        var list = new List<(char, string)>();
        for (var i = 0; i + 1 < parts.Length; i += 2)
        {
            if (parts[i].Length > 0) list.Add((parts[i][0], parts[i + 1]));
        }
        return list;
    }

    private static async Task<List<string>> UnmergedAsync(string repo, string index, CancellationToken ct)
    {
        var r = await GitCli.RunAsync(repo, ["ls-files", "-u", "-z"], ct, index);
        return r.StandardOutput.Split('\0', StringSplitOptions.RemoveEmptyEntries)
            .Select(l => l[(l.IndexOf('\t') + 1)..]).Distinct().Order(StringComparer.Ordinal).ToList();
    }

    private static List<string> FailedPaths(string stderr) =>
        PatchFailed().Matches(stderr).Select(m => m.Groups["path"].Value).Distinct().ToList();

    [GeneratedRegex(@"^(?:new file mode|new mode|deleted file mode|old mode|index [0-9a-f]+\.\.[0-9a-f]+) (?:120000|160000)\b", RegexOptions.Multiline)]
    private static partial Regex SymlinkOrGitlink();

    [GeneratedRegex(@"(?:patch failed|does not exist in index|already exists in (?:index|working directory)|does not match index): (?<path>[^:\n]+)")]
    private static partial Regex PatchFailed();
}
