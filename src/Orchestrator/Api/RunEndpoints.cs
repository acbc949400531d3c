using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using Smooth.Orchestrator.Runs;

namespace Smooth.Orchestrator.Api;

/// <summary>The runs part of the API: list, show, and cancel a queued run.</summary>
internal static class RunEndpoints
{
    public static void Map(IEndpointRouteBuilder app, RunQueue queue)
    {
        app.MapGet("/v1/runs", async (string? state, string? pearl, int? limit, CancellationToken ct) =>
        {
            RunState[]? states = null;
            if (!string.IsNullOrEmpty(state))
            {
                if (!Enum.TryParse<RunState>(state, ignoreCase: true, out var parsed))
                {
                    return Results.Json(new ApiError($"unknown run state '{state}'", "use queued, running, review, finished, failed or cancelled"),
                        ApiJson.Default.ApiError, statusCode: StatusCodes.Status400BadRequest);
                }
                states = [parsed];
            }
            var n = Math.Clamp(limit ?? 100, 1, 10_000);
            return Results.Ok(await queue.ListAsync(states, n, ct, pearl));
        }).WithSummary("Runs, newest first (filter with ?state=running and ?pearl=ID)");

        app.MapGet("/v1/runs/{id}", async (string id, CancellationToken ct) =>
            await queue.GetAsync(id, ct) is { } run
                ? Results.Ok(run)
                : Results.Json(new ApiError($"no run '{id}'", "list runs with GET /v1/runs"), ApiJson.Default.ApiError, statusCode: StatusCodes.Status404NotFound))
            .WithSummary("One run");

        app.MapPost("/v1/runs/{id}/cancel-queued", async (string id, CancellationToken ct) =>
            await queue.CancelQueuedAsync(id, ct)
                ? Results.Ok(await queue.GetAsync(id, ct))
                : Results.Json(new ApiError($"run '{id}' is not queued", "a running run is cancelled through its control channel (POST /v1/runs/{id}/control)"),
                    ApiJson.Default.ApiError, statusCode: StatusCodes.Status409Conflict))
            .WithSummary("Cancel a run that has not started");
    }
}
