using Smooth.Core;
using Smooth.Core.Events;
using Smooth.Sandbox.Bundles;
using Smooth.Sandbox.Diffs;
using Smooth.Sandbox.Runs;

namespace Smooth.Sandbox.Review;

/// <summary>
/// Diff review: list what waits, show a diff, accept (apply all-or-nothing) or reject. Only the host side calls this;
/// the bundle is re-validated on every read, since it sits on disk between the run and the decision.
/// </summary>
public sealed class ReviewService(string projectRoot, IEventSink events, BundleLimits? limits = null)
{
    private readonly BundleLimits _limits = limits ?? new BundleLimits();
    private string StateDir => ProjectLocator.StateDir(projectRoot);

    /// <summary>Reviews, newest first (only pending ones unless <paramref name="all"/>).</summary>
    public async Task<IReadOnlyList<ReviewRecord>> ListAsync(bool all, CancellationToken ct)
    {
        await using var store = await SandboxStore.OpenAsync(StateDir, ct);
        var rows = await store.ListAsync(all ? null : "pending", 500, ct);
        return rows.Where(r => all ? r.ReviewState != "none" : true).Select(ToRecord).ToList();
    }

    /// <summary>One review with its validated diff.</summary>
    public async Task<ReviewDetails> ShowAsync(string id, CancellationToken ct)
    {
        var (row, diff) = await LoadAsync(id, ct);
        return new ReviewDetails(ToRecord(row), diff.BaseRef, diff.Patches);
    }

    /// <summary>Applies the diff to the project; a conflict leaves everything as it was and the review pending.</summary>
    public async Task<ApplyOutcome> AcceptAsync(string id, CancellationToken ct)
    {
        var (row, diff) = await LoadAsync(id, ct);
        RequirePending(row);
        var outcome = await DiffApplier.ApplyAsync(projectRoot, diff, ct);
        await using var store = await SandboxStore.OpenAsync(StateDir, ct);
        if (outcome.Applied)
        {
            await store.UpdateAsync(row.RunId, row.SandboxId, "finished", ct, reviewState: "accepted", reviewMessage: outcome.Message);
            events.Emit(SmoothEvent.Create("sandbox.accepted", "sandbox", new Dictionary<string, string> { ["run"] = row.RunId, ["files"] = outcome.ChangedPaths.Count.ToString() }));
            DeleteWorkspace(row);
        }
        else
        {
            await store.UpdateAsync(row.RunId, row.SandboxId, "review", ct, reviewMessage: outcome.Message);
            events.Emit(SmoothEvent.Create("sandbox.apply_conflict", "sandbox", new Dictionary<string, string> { ["run"] = row.RunId, ["conflicts"] = string.Join(",", outcome.Conflicts) }));
        }
        return outcome;
    }

    /// <summary>Rejects the diff; nothing is applied.</summary>
    public async Task RejectAsync(string id, CancellationToken ct)
    {
        var (row, _) = await LoadAsync(id, ct);
        RequirePending(row);
        await using var store = await SandboxStore.OpenAsync(StateDir, ct);
        await store.UpdateAsync(row.RunId, row.SandboxId, "finished", ct, reviewState: "rejected", reviewMessage: "rejected; nothing was applied");
        events.Emit(SmoothEvent.Create("sandbox.rejected", "sandbox", new Dictionary<string, string> { ["run"] = row.RunId }));
        DeleteWorkspace(row);
    }

    private async Task<(SandboxRow Row, DiffBundle Diff)> LoadAsync(string id, CancellationToken ct)
    {
        await using var store = await SandboxStore.OpenAsync(StateDir, ct);
        var row = await store.GetAsync(id, ct) ?? throw new SmoothException($"no review '{id}'", "list reviews with 'th review list --all'", ExitCodes.NotFound);
        if (row.ReviewState == "none") throw new SmoothException($"run '{id}' has no diff to review ({row.Status})", null, ExitCodes.NotFound);
        var dir = SandboxDirs.For(StateDir, row.RunId, row.SandboxId).Result;
        BundleValidator.CheckTree(dir, _limits);
        var path = Path.Combine(dir, "diff-bundle.json");
        var diff = BundleValidator.ReadJson(path, BundleJson.Default.DiffBundle, _limits, requireSchemaVersion: false);
        BundleValidator.CheckDiffBundle(diff, path);
        if (row.BaseRef is not null && diff.BaseRef != row.BaseRef)
        {
            throw new SmoothException($"the diff bundle of '{id}' names base {diff.BaseRef}, but the run started from {row.BaseRef}",
                "the bundle was changed on disk after the run; reject it", ExitCodes.BadInput);
        }
        return (row, diff);
    }

    private static void RequirePending(SandboxRow row)
    {
        if (row.ReviewState != "pending")
        {
            throw new SmoothException($"review '{row.RunId}' was already {row.ReviewState}", null, ExitCodes.Conflict);
        }
    }

    private void DeleteWorkspace(SandboxRow row)
    {
        var dirs = SandboxDirs.For(StateDir, row.RunId, row.SandboxId);
        foreach (var d in new[] { dirs.Workspace, dirs.HostGit, dirs.Scratch })
        {
            try { if (Directory.Exists(d)) Directory.Delete(d, recursive: true); }
            catch (IOException) { }
            catch (UnauthorizedAccessException) { }
        }
    }

    private static ReviewRecord ToRecord(SandboxRow r) => new(r.RunId, r.Provider, r.Status, r.ReviewState, (int)r.FilesChanged, r.Command, r.ReviewMessage ?? r.Message, r.CreatedAt);
}
