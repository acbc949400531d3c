using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Smooth.Core;
using Smooth.Orchestrator.Runs;
using Smooth.Pearls;
using Smooth.Pearls.Model;

namespace Smooth.Orchestrator.Api;

/// <summary>The pearls part of the API and dispatch: list, show, file pearls; queue runs for one pearl or the ready set.</summary>
internal static class DispatchEndpoints
{
    public static void Map(IEndpointRouteBuilder app, RunQueue queue, IPearlStore pearls)
    {
        app.MapGet("/v1/pearls", async (string? status, string? text, int? limit, CancellationToken ct) =>
        {
            PearlStatus? parsed = null;
            if (status is not null)
            {
                if (!Enum.TryParse<PearlStatus>(status.Replace("_", ""), ignoreCase: true, out var s))
                {
                    return ApiResults.Error(400, $"unknown status '{status}'", "use open, in_progress, review, blocked, deferred or closed");
                }
                parsed = s;
            }
            var list = await pearls.SearchAsync(new PearlFilter { Statuses = parsed is { } st ? [st] : [], Text = text, Limit = Math.Clamp(limit ?? 1000, 1, 100_000) }, ct);
            return Results.Json(list, PearlsJsonContext.Default.IReadOnlyListPearl);
        }).WithSummary("Pearls (filter with ?status=open, ?text=..., ?limit=N)");

        app.MapGet("/v1/pearls/ready", async (int? limit, CancellationToken ct) =>
            Results.Json(await pearls.ReadyAsync(limit, ct), PearlsJsonContext.Default.IReadOnlyListPearl))
            .WithSummary("The ready set: open pearls whose blockers are closed, by priority then age");

        app.MapGet("/v1/pearls/{id}", async (string id, CancellationToken ct) =>
        {
            try
            {
                return Results.Json(await pearls.ShowAsync(id, 2, ct), PearlsJsonContext.Default.PearlDetails);
            }
            catch (SmoothException e) when (e.ExitCode == ExitCodes.NotFound)
            {
                return ApiResults.Error(404, e.Message, e.Hint);
            }
        }).WithSummary("One pearl with comments, dependencies and its closure to depth 2");

        app.MapPost("/v1/runs", async (DispatchRequest request, CancellationToken ct) =>
        {
            if (request.Ready == (request.Pearl is not null))
            {
                return ApiResults.Error(400, "give either a pearl or ready: true", "e.g. {\"pearl\": \"th-1a2b3c\"} or {\"ready\": true, \"max\": 4}");
            }
            var targets = new List<string>();
            if (request.Pearl is not null)
            {
                try
                {
                    var p = await pearls.GetAsync(request.Pearl, ct);
                    if (p.Status is PearlStatus.Closed) return ApiResults.Error(409, $"pearl {p.Id} is closed", "reopen it first: th pearls reopen " + p.Id);
                    if (p.Status is PearlStatus.Review)
                    {
                        return ApiResults.Error(409, $"pearl {p.Id} waits for the review of its last run", "accept or reject it first (th review list), then dispatch again");
                    }
                    targets.Add(p.Id);
                }
                catch (SmoothException e) when (e.ExitCode == ExitCodes.NotFound)
                {
                    return ApiResults.Error(404, e.Message, e.Hint);
                }
            }
            else
            {
                var ready = await pearls.ReadyAsync(null, ct);
                var busy = (await queue.ListAsync([RunState.Queued, RunState.Running, RunState.Review], 100_000, ct)).Select(r => r.PearlId).ToHashSet(StringComparer.Ordinal);
                targets.AddRange(ready.Select(p => p.Id).Where(id => !busy.Contains(id)).Take(Math.Clamp(request.Max ?? int.MaxValue, 1, 100_000)));
            }
            var queued = new List<RunRecord>();
            foreach (var id in targets)
            {
                try
                {
                    queued.Add(await queue.EnqueueAsync(id, ct));
                }
                catch (SmoothException e) when (e.ExitCode == ExitCodes.Conflict && request.Ready)
                {
                    // Raced with another dispatch of the same pearl: it is queued either way.
                }
                catch (SmoothException e) when (e.ExitCode == ExitCodes.Conflict)
                {
                    return ApiResults.Error(409, e.Message, e.Hint);
                }
            }
            return Results.Json(queued, ApiJson.Default.IReadOnlyListRunRecord, statusCode: StatusCodes.Status202Accepted);
        }).WithSummary("Queue a run for one pearl, or for the ready set (ready: true, max: N)");
    }
}
