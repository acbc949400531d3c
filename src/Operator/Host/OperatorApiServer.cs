using System.Collections.Concurrent;
using System.Globalization;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Smooth.Core.Net;
using Smooth.Operator.Api;
using Smooth.Operator.Checkpoints;
using Smooth.Operator.Hooks;
using Smooth.Pearls;
using Smooth.Pearls.Model;

namespace Smooth.Operator.Host;

/// <summary>
/// The operator API: a Unix socket mounted into each sandbox, where an operator's token reaches exactly its own run:
/// its spec, checkpoints, controls, the guard, its pearl and that pearl's dependency closure, and the project memory.
/// There is no route that approves anything.
/// </summary>
public sealed class OperatorApiServer : IAsyncDisposable
{
    private UnixSocketServer? _server;
    private readonly ConcurrentDictionary<string, OperatorSession> _sessions = new(StringComparer.Ordinal);
    private readonly CheckpointStore _checkpoints;
    private readonly IPearlStore _pearls;

    private OperatorApiServer(CheckpointStore checkpoints, IPearlStore pearls)
    {
        _checkpoints = checkpoints;
        _pearls = pearls;
    }

    /// <summary>The socket path.</summary>
    public string SocketPath => _server?.SocketPath ?? throw new InvalidOperationException("the operator API is not started");

    /// <summary>Starts the API on <paramref name="socketPath"/> (created 0600); <paramref name="pearls"/> must be safe for concurrent use (see <see cref="SerializedPearlStore"/>).</summary>
    public static async Task<OperatorApiServer> StartAsync(string socketPath, CheckpointStore checkpoints, IPearlStore pearls, CancellationToken ct)
    {
        var server = new OperatorApiServer(checkpoints, pearls);
        server._server = await UnixSocketServer.StartAsync(socketPath, server.Map, ct,
            builder => builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, OperatorApiJson.Default)));
        return server;
    }

    /// <summary>Admits <paramref name="session"/>: its token now works.</summary>
    public void Add(OperatorSession session) => _sessions[Hash(session.Token)] = session;

    /// <summary>Revokes the session's token.</summary>
    public void Remove(OperatorSession session) => _sessions.TryRemove(Hash(session.Token), out _);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (_server is not null) await _server.DisposeAsync();
    }

    private void Map(WebApplication app)
    {
        app.Use(async (ctx, next) =>
        {
            var header = ctx.Request.Headers.Authorization.ToString();
            if (!header.StartsWith("Bearer ", StringComparison.Ordinal) || !_sessions.TryGetValue(Hash(header[7..].Trim()), out var session))
            {
                await Problem(ctx, 401, "missing or unknown operator token");
                return;
            }
            ctx.Items["session"] = session;
            await next(ctx);
        });

        app.MapGet("/v1/spec", (HttpContext ctx) => Results.Json(S(ctx).Spec, OperatorApiJson.Default.OperatorSpec));

        app.MapPost("/v1/events", async (HttpContext ctx, CancellationToken ct) =>
        {
            var batch = await ctx.Request.ReadFromJsonAsync(OperatorApiJson.Default.EventBatch, ct);
            if (batch is null) return Results.BadRequest();
            var session = S(ctx);
            var cleaned = new List<Events.OperatorEvent>(batch.Events.Count);
            foreach (var e in batch.Events) cleaned.Add(await ScrubAsync(session, e, ct));
            session.Receive(cleaned);
            if (cleaned.Count > 0) await _checkpoints.NoteEventSeqAsync(session.RunId, cleaned.Max(e => e.Seq), ct);
            return Results.NoContent();
        });

        app.MapGet("/v1/events/last", async (HttpContext ctx, CancellationToken ct) =>
            Results.Json(new TextBody((await _checkpoints.LastEventSeqAsync(S(ctx).RunId, ct)).ToString(CultureInfo.InvariantCulture)), OperatorApiJson.Default.TextBody));

        app.MapPut("/v1/checkpoint", async (HttpContext ctx, CancellationToken ct) =>
        {
            var session = S(ctx);
            var checkpoint = await ctx.Request.ReadFromJsonAsync(OperatorApiJson.Default.Checkpoint, ct);
            if (checkpoint is null || checkpoint.RunId != session.RunId) return Problem(400, "the checkpoint is not for this run");
            try
            {
                await _checkpoints.SaveAsync(session.Spec.PearlId, checkpoint, ct);
            }
            catch (InvalidDataException e)
            {
                return Problem(409, e.Message);
            }
            return Results.NoContent();
        });

        app.MapGet("/v1/checkpoint", async (HttpContext ctx, CancellationToken ct) =>
        {
            var checkpoint = await _checkpoints.LoadAsync(S(ctx).RunId, ct);
            return checkpoint is null ? Results.NoContent() : Results.Json(checkpoint, OperatorApiJson.Default.Checkpoint);
        });

        app.MapGet("/v1/control", async (HttpContext ctx, long? after, CancellationToken ct) =>
        {
            var messages = await S(ctx).NextControlsAsync(after ?? 0, TimeSpan.FromSeconds(20), ct);
            return Results.Json(new ControlBatch(messages), OperatorApiJson.Default.ControlBatch);
        });

        app.MapPost("/v1/guard/call", async (HttpContext ctx, CancellationToken ct) =>
        {
            var r = await ctx.Request.ReadFromJsonAsync(OperatorApiJson.Default.GuardCallRequest, ct);
            if (r is null) return Results.BadRequest();
            var session = S(ctx);
            // The model's answer is taken before its call is judged, and written while the call runs.
            var saved = r.Checkpoint is { } carried && TrySaveCarried(session, carried);
            var decision = await session.Guard.CheckCallAsync(session, new ToolInvocation(r.CallId, r.Tool, r.Arguments, r.Iteration), ct);
            return Results.Json(saved ? decision with { CheckpointSaved = true } : decision, OperatorApiJson.Default.GuardDecision);
        });

        app.MapPost("/v1/guard/result", async (HttpContext ctx, CancellationToken ct) =>
        {
            var r = await ctx.Request.ReadFromJsonAsync(OperatorApiJson.Default.GuardResultRequest, ct);
            if (r is null) return Results.BadRequest();
            var session = S(ctx);
            var reviewed = await session.Guard.FilterAsync(session, r.Tool, r.Text, ct);
            // What is stored is what the model reads: the reviewed text goes into the carried tool message.
            var saved = r.Checkpoint is { Messages: [.., { Role: "tool" } last] } carried && last.ToolCallId == r.CallId &&
                TrySaveCarried(session, carried with { Messages = [.. carried.Messages.Take(carried.Messages.Count - 1), last with { Content = reviewed.Text }] });
            return Results.Json(saved ? reviewed with { CheckpointSaved = true } : reviewed, OperatorApiJson.Default.GuardedResult);
        });

        app.MapGet("/v1/pearls", async (HttpContext ctx, CancellationToken ct) =>
        {
            var list = new List<Pearl>();
            foreach (var id in S(ctx).Scope)
            {
                try
                {
                    list.Add(await _pearls.GetAsync(id, ct));
                }
                catch (Core.SmoothException)
                {
                    // Deleted since the run started: leave it out.
                }
            }
            return Results.Json(list, PearlsJsonContext.Default.IReadOnlyListPearl);
        });

        app.MapGet("/v1/pearls/{id}", async (HttpContext ctx, string id, CancellationToken ct) =>
        {
            if (!S(ctx).MaySee(id)) return Problem(403, $"pearl {id} is outside this operator's scope (its pearl and that pearl's dependencies)");
            var details = await _pearls.ShowAsync(id, 0, ct);
            return Results.Json(details, PearlsJsonContext.Default.PearlDetails);
        });

        app.MapPost("/v1/pearls", async (HttpContext ctx, CancellationToken ct) =>
        {
            var session = S(ctx);
            var r = await ctx.Request.ReadFromJsonAsync(OperatorApiJson.Default.NewSubPearl, ct);
            if (r is null || string.IsNullOrWhiteSpace(r.Title)) return Problem(400, "a sub-pearl needs a title");
            if (session.Spec.PearlId is null) return Problem(403, "this run has no pearl, so it cannot file sub-pearls");
            if (session.PearlCreateRefusal is { } refusal) return Problem(403, refusal);
            if (r.Priority is < 0 or > 4) return Problem(400, "priority must be 0..4");
            var created = await _pearls.CreateAsync(new NewPearl
            {
                Title = r.Title, Description = r.Description, Priority = r.Priority, Parent = session.Spec.PearlId,
                Labels = ["from-operator"],
            }, ct);
            session.Widen(created.Id);
            return Results.Json(new TextBody(created.Id), OperatorApiJson.Default.TextBody);
        });

        app.MapPost("/v1/pearls/{id}/comments", async (HttpContext ctx, string id, CancellationToken ct) =>
        {
            var session = S(ctx);
            if (!session.MaySee(id)) return Problem(403, $"pearl {id} is outside this operator's scope");
            var r = await ctx.Request.ReadFromJsonAsync(OperatorApiJson.Default.TextBody, ct);
            if (r is null || string.IsNullOrWhiteSpace(r.Text)) return Problem(400, "the comment is empty");
            var clean = await session.Guard.FilterAsync(session, "pearls_comment", r.Text, ct);
            await _pearls.AddCommentAsync(id, clean.Text, ct);
            return Results.Json(new TextBody(id), OperatorApiJson.Default.TextBody);
        });

        app.MapPost("/v1/memory", async (HttpContext ctx, CancellationToken ct) =>
        {
            var session = S(ctx);
            var r = await ctx.Request.ReadFromJsonAsync(OperatorApiJson.Default.TextBody, ct);
            if (r is null || string.IsNullOrWhiteSpace(r.Text)) return Problem(400, "the memory is empty");
            var clean = await session.Guard.FilterAsync(session, "remember", r.Text, ct);
            var memory = await _pearls.RememberAsync(clean.Text, $"operator:{session.RunId}", ct);
            return Results.Json(new TextBody(memory.Id), OperatorApiJson.Default.TextBody);
        });

        app.MapGet("/v1/memory/recent", async (int? limit, CancellationToken ct) =>
        {
            var list = await _pearls.RecallRecentAsync(Math.Clamp(limit ?? 10, 1, 100), null, ct);
            return Results.Json(list, PearlsJsonContext.Default.IReadOnlyListMemory);
        });
    }

    // Event texts can quote tool output or model words: they pass the same filters before reaching the audit log.
    private static async Task<Events.OperatorEvent> ScrubAsync(OperatorSession session, Events.OperatorEvent e, CancellationToken ct)
    {
        if (session.Guard.Filters.Count == 0) return e;
        var text = e.Text is null ? null : (await session.Guard.FilterAsync(session, "event", e.Text, ct)).Text;
        var summary = e.Summary is null ? null : (await session.Guard.FilterAsync(session, "event", e.Summary, ct)).Text;
        return e with { Text = text, Summary = summary };
    }

    private static OperatorSession S(HttpContext ctx) => (OperatorSession)ctx.Items["session"]!;

    // A carried checkpoint is written behind, in order with the run's other saves; one that is not accepted is not an
    // error of the guard exchange: the operator is told and saves it on its own, where a real failure is reported.
    private bool TrySaveCarried(OperatorSession session, Checkpoint checkpoint) =>
        checkpoint.RunId == session.RunId && _checkpoints.SaveBehind(session.Spec.PearlId, checkpoint);

    private static IResult Problem(int status, string message) => Results.Json(new ApiError(message), OperatorApiJson.Default.ApiError, statusCode: status);

    private static Task Problem(HttpContext ctx, int status, string message)
    {
        ctx.Response.StatusCode = status;
        return ctx.Response.WriteAsJsonAsync(new ApiError(message), OperatorApiJson.Default.ApiError);
    }

    private static string Hash(string token) => Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(token)));
}
