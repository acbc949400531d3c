using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Smooth.Core.Events;
using Smooth.Policy.Access;

namespace Smooth.Orchestrator.Api;

/// <summary>
/// Access requests, decided by a person through the daemon's token (operators reach only their own socket, which has
/// no such route). Approvals update the live policy as <c>th access approve</c> does.
/// </summary>
internal static class AccessEndpoints
{
    public static void Map(IEndpointRouteBuilder app, string projectRoot, IEventSink events)
    {
        app.MapGet("/v1/access", async (CancellationToken ct) =>
        {
            await using var store = await AccessRequestStore.OpenAsync(projectRoot, ct);
            return Results.Json(await store.ListPendingAsync(ct), ApiJson.Default.IReadOnlyListAccessRequest);
        }).WithSummary("Access requests waiting for a person");
        app.MapPost("/v1/access/{id}/approve", (string id, AccessDecision decision, CancellationToken ct) => ApiResults.Guarded(async () =>
        {
            await using var store = await AccessRequestStore.OpenAsync(projectRoot, ct);
            var approved = await store.ApproveAsync(id, decision.Scope ?? "once", ct);
            AccessEvents.Decided(events, approved, "api");
            return Results.Json(approved, ApiJson.Default.AccessRequest);
        })).WithSummary("Grant a pending request: scope once, run, project or user");
        app.MapPost("/v1/access/{id}/deny", (string id, CancellationToken ct) => ApiResults.Guarded(async () =>
        {
            await using var store = await AccessRequestStore.OpenAsync(projectRoot, ct);
            var denied = await store.DenyAsync(id, ct);
            AccessEvents.Decided(events, denied, "api");
            return Results.Json(denied, ApiJson.Default.AccessRequest);
        })).WithSummary("Refuse a pending request");
    }
}

/// <summary>The body of an approval.</summary>
/// <param name="Scope"><c>once</c> (the default), <c>run</c>, <c>project</c> or <c>user</c>.</param>
public sealed record AccessDecision(string? Scope);
