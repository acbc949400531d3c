using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Smooth.Core.Events;
using Smooth.Orchestrator.Operators;
using Smooth.Sandbox.Bundles;
using Smooth.Sandbox.Review;

namespace Smooth.Orchestrator.Api;

/// <summary>Diff reviews: list, show, accept (applied all or nothing through the merge queue), reject.</summary>
internal static class ReviewEndpoints
{
    public static void Map(IEndpointRouteBuilder app, string projectRoot, IEventSink events)
    {
        var reviews = new ReviewService(projectRoot, events);
        app.MapGet("/v1/reviews", async (bool? all, CancellationToken ct) =>
            Results.Json(await reviews.ListAsync(all ?? false, ct), BundleJson.Default.IReadOnlyListReviewRecord))
            .WithSummary("Diffs waiting for review (?all=true includes decided ones)");
        app.MapGet("/v1/reviews/{id}", (string id, CancellationToken ct) => ApiResults.Guarded(async () =>
            Results.Json(await reviews.ShowAsync(id, ct), BundleJson.Default.ReviewDetails)))
            .WithSummary("One review with its patches");
        app.MapPost("/v1/reviews/{id}/accept", (string id, CancellationToken ct) => ApiResults.Guarded(async () =>
        {
            var outcome = await reviews.AcceptAsync(id, ct);
            if (!outcome.Applied) return Results.Json(outcome, BundleJson.Default.ApplyOutcome, statusCode: StatusCodes.Status409Conflict);
            await ReviewOutcomes.RecordAsync(projectRoot, id, accepted: true, ct);
            return Results.Json(outcome, BundleJson.Default.ApplyOutcome);
        })).WithSummary("Apply the diff to the working tree, all or nothing (409 with the conflicting files when it does not apply)");
        app.MapPost("/v1/reviews/{id}/reject", (string id, CancellationToken ct) => ApiResults.Guarded(async () =>
        {
            await reviews.RejectAsync(id, ct);
            await ReviewOutcomes.RecordAsync(projectRoot, id, accepted: false, ct);
            return Results.Ok();
        })).WithSummary("Discard the diff");
    }
}
