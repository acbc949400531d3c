using Smooth.Core;
using Smooth.Operator.Host;
using Smooth.Orchestrator.Runs;
using Smooth.Pearls.Model;
using Smooth.Pearls.Storage;

namespace Smooth.Orchestrator.Operators;

/// <summary>
/// What a person's review decision means beyond the diff: the run leaves the review state, and the pearl it worked is
/// closed (accepted) or opened again (rejected), with a comment saying so.
/// </summary>
public static class ReviewOutcomes
{
    /// <summary>Records the decision on run <paramref name="runId"/> of <paramref name="projectRoot"/>.</summary>
    public static async Task RecordAsync(string projectRoot, string runId, bool accepted, CancellationToken ct)
    {
        var stateDir = ProjectLocator.StateDir(projectRoot);
        await using (var runs = await RunQueue.OpenAsync(stateDir, ct))
        {
            await runs.ResolveReviewAsync(runId, accepted ? RunState.Finished : RunState.Cancelled, accepted ? "diff accepted" : "diff rejected", ct);
        }
        string? pearlId;
        await using (var checkpoints = await CheckpointStore.OpenAsync(stateDir, ct))
        {
            pearlId = await checkpoints.PearlOfAsync(runId, ct);
        }
        if (pearlId is null) return; // a plain sandbox run, not an operator's
        await using var pearls = await SqlitePearlStore.OpenAsync(SqlitePearlStore.DatabasePathFor(projectRoot), ct: ct);
        var pearl = await pearls.GetAsync(pearlId, ct);
        if (pearl.Status != PearlStatus.Review) return;
        // The run's outputs said "review: pending"; they now say how the review ended.
        System.Text.Json.JsonElement? outputs = pearl.Outputs;
        if (pearl.Outputs is { ValueKind: System.Text.Json.JsonValueKind.Object } o)
        {
            var map = new Dictionary<string, string>(StringComparer.Ordinal);
            foreach (var prop in o.EnumerateObject()) map[prop.Name] = prop.Value.ToString();
            map["review"] = accepted ? "accepted" : "rejected";
            outputs = System.Text.Json.JsonSerializer.SerializeToElement(map, OrchestratorJson.Default.DictionaryStringString);
        }
        await pearls.UpdateAsync(pearlId, new PearlUpdate { Status = accepted ? PearlStatus.Closed : PearlStatus.Open, Outputs = outputs }, ct);
        await pearls.AddCommentAsync(pearlId, accepted ? $"The diff of {runId} was accepted and applied." : $"The diff of {runId} was rejected; the pearl is open again.", ct);
    }
}
