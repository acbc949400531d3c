using Smooth.Core;
using Smooth.Core.IO;
using Smooth.Core.Processes;

namespace Smooth.Pearls.Sync;

/// <summary>
/// Carries <c>pearls.jsonl</c> to and from a git remote through the dedicated ref <c>refs/smooth/pearls</c>, built with
/// plumbing (hash-object, mktree, commit-tree, update-ref), so the user's branches, index and working tree are never touched.
/// </summary>
public sealed class GitRefSync
{
    /// <summary>The ref holding the shared pearls file, locally and on the remote.</summary>
    public const string RefName = "refs/smooth/pearls";

    private const int PushAttempts = 3;
    private readonly string _root;

    /// <summary>Works on the git repository at <paramref name="projectRoot"/> (the directory holding <c>.smooth/</c>).</summary>
    public GitRefSync(string projectRoot)
    {
        _root = projectRoot;
    }

    /// <summary>
    /// Merges the remote's pearls into the store (when it has any), exports the store, commits the file on top of the
    /// remote's commit and pushes it. Retries when someone else pushed in between.
    /// </summary>
    public async Task<SyncResult> PushAsync(IPearlStore store, string remote, CancellationToken ct)
    {
        CheckRemote(remote);
        await RequireGitRepoAsync(ct);
        for (var attempt = 1; ; attempt++)
        {
            var (remoteTip, merged) = await FetchAndMergeAsync(store, remote, ct);
            var records = await store.ExportAsync(ct);
            var text = PearlsJsonl.Write(records);
            await AtomicFile.WriteAllTextAsync(PearlsJsonl.PathFor(_root), text, ct);

            var blob = (await GitAsync(["hash-object", "-w", "--stdin"], text, ct)).Trim();
            var tree = (await GitAsync(["mktree"], $"100644 blob {blob}\t{PearlsJsonl.FileName}\n", ct)).Trim();
            if (remoteTip is not null && (await GitAsync(["rev-parse", remoteTip + "^{tree}"], null, ct)).Trim() == tree)
            {
                await GitAsync(["update-ref", RefName, remoteTip], null, ct);
                return new SyncResult(remote, remoteTip, false, merged, records.Count);
            }

            List<string> commitArgs = ["commit-tree", tree, "-m", $"pearls: {records.Count} records from {Actor.Current}"];
            if (remoteTip is not null)
            {
                commitArgs.AddRange(["-p", remoteTip]);
            }
            var commit = (await GitAsync(commitArgs, null, ct, await IdentityAsync(ct))).Trim();
            await GitAsync(["update-ref", RefName, commit], null, ct);

            // Without --force the remote refuses anything but a fast-forward: a concurrent push makes us merge again.
            var push = await RunGitAsync(["push", "--quiet", "--no-verify", remote, $"{commit}:{RefName}"], null, ct);
            if (push.Succeeded)
            {
                return new SyncResult(remote, commit, true, merged, records.Count);
            }
            if (attempt >= PushAttempts || !IsRejection(push.StandardError))
            {
                throw new SmoothException($"git push to '{remote}' failed: {push.StandardError.Trim()}",
                    "check the remote's address and your access to it ('git push' of a branch should work), then retry", ExitCodes.Failure);
            }
        }
    }

    /// <summary>Fetches the remote's pearls, merges them into the store and rewrites the local file.</summary>
    public async Task<SyncResult> PullAsync(IPearlStore store, string remote, CancellationToken ct)
    {
        CheckRemote(remote);
        await RequireGitRepoAsync(ct);
        var (remoteTip, merged) = await FetchAndMergeAsync(store, remote, ct);
        if (remoteTip is null)
        {
            throw new SmoothException($"the remote '{remote}' has no pearls yet ({RefName} does not exist there)",
                "run 'th pearls push' on a machine that has pearls first", ExitCodes.NotFound);
        }
        await GitAsync(["update-ref", RefName, remoteTip], null, ct);
        var count = await PearlsJsonl.ExportAsync(store, PearlsJsonl.PathFor(_root), ct);
        var changed = merged!.Added + merged.Updated > 0 || merged.MemoriesAdded > 0 || merged.Conflicts.Count > 0;
        return new SyncResult(remote, remoteTip, changed, merged, count);
    }

    private async Task<(string? Tip, ImportReport? Merged)> FetchAndMergeAsync(IPearlStore store, string remote, CancellationToken ct)
    {
        var listed = await RunGitAsync(["ls-remote", "--refs", remote, RefName], null, ct);
        if (!listed.Succeeded)
        {
            throw new SmoothException($"cannot reach the git remote '{remote}': {listed.StandardError.Trim()}",
                "check the remote name ('git remote -v') or give a URL with --remote", ExitCodes.Environment);
        }
        if (listed.StandardOutput.Trim().Length == 0)
        {
            return (null, null);
        }
        var tracking = "refs/smooth/remotes/" + TrackingName(remote) + "/pearls";
        await GitAsync(["fetch", "--quiet", "--no-tags", "--no-write-fetch-head", remote, $"+{RefName}:{tracking}"], null, ct);
        var tip = (await GitAsync(["rev-parse", "--verify", tracking + "^{commit}"], null, ct)).Trim();
        var content = await RunGitAsync(["cat-file", "blob", $"{tip}:{PearlsJsonl.FileName}"], null, ct);
        if (!content.Succeeded)
        {
            throw new SmoothException($"the remote's {RefName} ({tip[..12]}) holds no {PearlsJsonl.FileName}",
                $"someone wrote that ref by hand; fix it on the remote or delete it there with 'git push {remote} :{RefName}'", ExitCodes.BadInput);
        }
        var merged = await store.ImportAsync(PearlsJsonl.Read(content.StandardOutput, $"{remote}:{RefName}"), ct);
        return (tip, merged);
    }

    private static string TrackingName(string remote)
    {
        var chars = remote.Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '_').ToArray();
        return new string(chars);
    }

    private static bool IsRejection(string stderr) =>
        stderr.Contains("rejected", StringComparison.OrdinalIgnoreCase) || stderr.Contains("non-fast-forward", StringComparison.OrdinalIgnoreCase) ||
        stderr.Contains("fetch first", StringComparison.OrdinalIgnoreCase) || stderr.Contains("cannot lock ref", StringComparison.OrdinalIgnoreCase);

    private static void CheckRemote(string remote)
    {
        // A remote starting with '-' would be read by git as an option.
        if (string.IsNullOrWhiteSpace(remote) || remote.StartsWith('-') || remote.Any(char.IsControl))
        {
            throw new SmoothException($"'{remote}' is not a usable git remote", "give a remote name such as origin, or a URL", ExitCodes.BadInput);
        }
    }

    private async Task RequireGitRepoAsync(CancellationToken ct)
    {
        var r = await RunGitAsync(["rev-parse", "--git-dir"], null, ct);
        if (!r.Succeeded)
        {
            throw new SmoothException($"'{_root}' is not a git repository", "push and pull need the project to be a git repository with a remote", ExitCodes.Environment);
        }
    }

    /// <summary>commit-tree needs an identity; fall back to the actor when git has none configured.</summary>
    private async Task<Dictionary<string, string?>?> IdentityAsync(CancellationToken ct)
    {
        var ident = await RunGitAsync(["var", "GIT_COMMITTER_IDENT"], null, ct);
        if (ident.Succeeded)
        {
            return null;
        }
        var name = Actor.Current;
        return new Dictionary<string, string?>
        {
            ["GIT_AUTHOR_NAME"] = name, ["GIT_AUTHOR_EMAIL"] = "smooth@localhost",
            ["GIT_COMMITTER_NAME"] = name, ["GIT_COMMITTER_EMAIL"] = "smooth@localhost",
        };
    }

    private async Task<string> GitAsync(IReadOnlyList<string> args, string? stdin, CancellationToken ct, IReadOnlyDictionary<string, string?>? env = null)
    {
        var r = await RunGitAsync(args, stdin, ct, env);
        if (!r.Succeeded)
        {
            throw new SmoothException($"git {args[0]} failed: {r.StandardError.Trim()}", "check the repository with 'git status' and 'git fsck'", ExitCodes.Failure);
        }
        return r.StandardOutput;
    }

    private Task<ProcessResult> RunGitAsync(IReadOnlyList<string> args, string? stdin, CancellationToken ct, IReadOnlyDictionary<string, string?>? env = null)
    {
        var environment = new Dictionary<string, string?> { ["GIT_TERMINAL_PROMPT"] = "0" };
        if (env is not null)
        {
            foreach (var (k, v) in env) environment[k] = v;
        }
        return ProcessRunner.RunAsync("git", args, new ProcessOptions
        {
            WorkingDirectory = _root,
            StandardInput = stdin,
            Environment = environment,
            Timeout = TimeSpan.FromMinutes(5),
        }, ct);
    }
}
