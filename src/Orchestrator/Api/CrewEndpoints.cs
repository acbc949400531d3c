using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Smooth.Audit.Store;
using Smooth.Core.Events;
using Smooth.Orchestrator.Inbox;
using Smooth.Orchestrator.Runs;
using Smooth.Pearls;
using Smooth.Pearls.Model;

namespace Smooth.Orchestrator.Api;

/// <summary>
/// The rest of the crew's API: filing pearls and comments, the operators at work, the inbox, project memory and the
/// audit log as pages (the WebSocket and the Archivist's SSE stream it live).
/// </summary>
internal static class CrewEndpoints
{
    public static void Map(IEndpointRouteBuilder app, string projectRoot, RunQueue runs, IPearlStore pearls, AuditStore audit, IEventSink events)
    {
        app.MapPost("/v1/pearls", (NewPearlRequest r, CancellationToken ct) => ApiResults.Guarded(async () =>
        {
            if (string.IsNullOrWhiteSpace(r.Title)) return ApiResults.Error(400, "a pearl needs a title", "send {\"title\": \"...\", \"description\": \"...\", \"priority\": 2}");
            if (r.Priority is < 0 or > 4) return ApiResults.Error(400, "priority must be 0..4", null);
            var created = await pearls.CreateAsync(new NewPearl { Title = r.Title.Trim(), Description = r.Description ?? "", Priority = r.Priority ?? 2 }, ct);
            return Results.Json(created, PearlsJsonContext.Default.Pearl, statusCode: StatusCodes.Status201Created);
        })).WithSummary("File a pearl");
        app.MapPost("/v1/pearls/{id}/comments", (string id, CommentRequest r, CancellationToken ct) => ApiResults.Guarded(async () =>
        {
            if (string.IsNullOrWhiteSpace(r.Text)) return ApiResults.Error(400, "the comment is empty", "send {\"text\": \"...\"}");
            await pearls.AddCommentAsync(id, r.Text, ct);
            return Results.Json(await pearls.ShowAsync(id, 0, ct), PearlsJsonContext.Default.PearlDetails);
        })).WithSummary("Comment on a pearl");
        app.MapGet("/v1/operators", async (CancellationToken ct) =>
            Results.Json(await runs.ListAsync([RunState.Running], 1000, ct), ApiJson.Default.IReadOnlyListRunRecord))
            .WithSummary("Operators at work: their run, pearl, turn, cost and what they are doing now");
        app.MapGet("/v1/inbox", async (CancellationToken ct) =>
            Results.Json(await InboxReader.ReadAsync(projectRoot, events, ct), ApiJson.Default.IReadOnlyListInboxItem))
            .WithSummary("Everything waiting for a person: reviews, operators' questions, access requests");
        app.MapGet("/v1/memory", async (int? limit, CancellationToken ct) =>
            Results.Json(await pearls.RecallRecentAsync(Math.Clamp(limit ?? 20, 1, 1000), null, ct), PearlsJsonContext.Default.IReadOnlyListMemory))
            .WithSummary("Project memory, newest first");
        app.MapPost("/v1/memory", (CommentRequest r, CancellationToken ct) => ApiResults.Guarded(async () =>
        {
            if (string.IsNullOrWhiteSpace(r.Text)) return ApiResults.Error(400, "nothing to remember", "send {\"text\": \"...\"}");
            return Results.Json(await pearls.RememberAsync(r.Text, "person", ct), PearlsJsonContext.Default.Memory, statusCode: StatusCodes.Status201Created);
        })).WithSummary("Add to project memory");
        app.MapGet("/v1/events", async (long? after, string? type, int? limit, CancellationToken ct) =>
            Results.Json(await audit.QueryAsync(new AuditQuery(AfterSeq: after ?? 0, TypePrefix: type, Limit: Math.Clamp(limit ?? 100, 1, 10_000)), ct),
                ApiJson.Default.IReadOnlyListAuditRecord))
            .WithSummary("Audit records after a sequence number (?after=, ?type= prefix, ?limit=)");
    }
}

/// <summary>The body of <c>POST /v1/pearls</c>.</summary>
/// <param name="Title">What to do.</param>
/// <param name="Description">Details (a <c>test: ...</c> line sets the test command).</param>
/// <param name="Priority">0 (highest) to 4; default 2.</param>
public sealed record NewPearlRequest(string? Title, string? Description, int? Priority);

/// <summary>A body carrying one text (a comment, a memory).</summary>
/// <param name="Text">The text.</param>
public sealed record CommentRequest(string? Text);
