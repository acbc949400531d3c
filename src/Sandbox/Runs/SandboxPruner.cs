using System.Globalization;
using System.Text.RegularExpressions;
using Smooth.Core;
using Smooth.Core.Events;
using Smooth.Core.Git;
using Smooth.Sandbox.Workspaces;

namespace Smooth.Sandbox.Runs;

/// <summary>
/// Frees what settled sandboxes keep: the run's checkout, its host-private git directory, the provider's scratch space
/// and the snapshot ref in the project's repository. A sandbox is settled when it finished, failed or was cancelled and
/// no review waits on it; running sandboxes and pending reviews are never touched. The request and result bundles and
/// the table row stay, so <c>th review show</c> and the audit trail still work; a pruned run cannot be resumed.
/// </summary>
public sealed partial class SandboxPruner(string projectRoot, IEventSink events)
{
    /// <summary>Prunes every settled sandbox (with <paramref name="dryRun"/>, only reports what would go).</summary>
    public async Task<PruneReport> PruneAsync(bool dryRun, CancellationToken ct)
    {
        var stateDir = ProjectLocator.StateDir(projectRoot);
        var sandboxesRoot = Path.GetFullPath(Path.Combine(stateDir, "sandboxes"));
        await using var store = await SandboxStore.OpenAsync(stateDir, ct);
        var rows = await store.ListAsync(null, int.MaxValue, ct);
        var settled = rows.Where(IsSettled).ToList();
        var liveRuns = rows.Where(r => !IsSettled(r)).Select(r => r.RunId).ToHashSet(StringComparer.Ordinal);

        var pruned = new List<string>();
        long bytes = 0;
        foreach (var row in settled)
        {
            // Ids come from the project's own table; still, nothing outside .smooth/sandboxes is ever removed.
            if (!SafeId().IsMatch(row.RunId) || !SafeId().IsMatch(row.SandboxId)) continue;
            var dirs = SandboxDirs.For(stateDir, row.RunId, row.SandboxId);
            if (!Path.GetFullPath(dirs.Root).StartsWith(sandboxesRoot + Path.DirectorySeparatorChar, StringComparison.Ordinal)) continue;
            string[] heavy = [dirs.Workspace, dirs.HostGit, dirs.Scratch];
            if (!heavy.Any(Directory.Exists)) continue;
            // A dry run measures what it can read without touching anything (not inside directories the agent locked).
            bytes += dryRun ? heavy.Sum(OwnedTree.Size) : heavy.Sum(OwnedTree.Delete);
            pruned.Add($"{row.RunId}/{row.SandboxId}");
        }

        // A run's snapshot ref goes once none of its sandboxes runs or waits for review.
        var settledRuns = settled.Select(r => r.RunId).Where(id => !liveRuns.Contains(id)).ToHashSet(StringComparer.Ordinal);
        var refs = (await GitCli.RunCheckedAsync(projectRoot, ["for-each-ref", "--format=%(refname)", RepoSnapshot.RefPrefix], ct))
            .Split('\n', StringSplitOptions.RemoveEmptyEntries)
            .Where(r => settledRuns.Contains(r[RepoSnapshot.RefPrefix.Length..]))
            .ToList();
        if (!dryRun && refs.Count > 0)
        {
            await GitCli.RunCheckedAsync(projectRoot, ["update-ref", "--stdin"], ct, stdin: string.Concat(refs.Select(r => $"delete {r}\n")));
        }
        if (!dryRun && (pruned.Count > 0 || refs.Count > 0))
        {
            events.Emit(SmoothEvent.Create("sandbox.pruned", "sandbox", new Dictionary<string, string>
            {
                ["sandboxes"] = pruned.Count.ToString(CultureInfo.InvariantCulture),
                ["refs"] = refs.Count.ToString(CultureInfo.InvariantCulture),
                ["bytes"] = bytes.ToString(CultureInfo.InvariantCulture),
            }));
        }
        return new PruneReport(dryRun, pruned, refs, bytes, rows.Count - settled.Count);
    }

    private static bool IsSettled(SandboxRow row) =>
        row.Status is "finished" or "failed" or "cancelled" && row.ReviewState != "pending";

    [GeneratedRegex("^[A-Za-z0-9][A-Za-z0-9_.-]{0,127}$")]
    private static partial Regex SafeId();
}
