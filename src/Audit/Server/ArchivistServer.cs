using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Smooth.Audit.Store;
using Smooth.Core.Events;

namespace Smooth.Audit.Server;

/// <summary>
/// The Archivist's HTTP face: <c>GET /events</c> streams records as server-sent events (resumable with
/// <c>Last-Event-ID</c>, the record's sequence number), <c>POST /events</c> appends a batch from a Scribe in another
/// process, <c>GET /verify</c> checks the chain. Every request needs the bearer token; browsers from other origins
/// are refused so a web page cannot read the log.
/// </summary>
public sealed class ArchivistServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private ArchivistServer(WebApplication app) => _app = app;

    /// <summary>The base address of the TCP listener (e.g. <c>http://127.0.0.1:4401</c>), when TCP is on.</summary>
    public Uri? Address { get; private set; }

    /// <summary>Starts serving <paramref name="store"/>.</summary>
    public static async Task<ArchivistServer> StartAsync(AuditStore store, ArchivistOptions options, CancellationToken ct)
    {
        options.Validate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            if (options.Port is { } port) k.Listen(System.Net.IPAddress.Loopback, port);
            if (options.UnixSocket is { } socket)
            {
                if (File.Exists(socket)) File.Delete(socket);
                k.ListenUnixSocket(socket);
            }
        });
        builder.Services.ConfigureHttpJsonOptions(o => o.SerializerOptions.TypeInfoResolverChain.Insert(0, ServerJson.Default));
        var app = builder.Build();

        app.Use(async (context, next) =>
        {
            if (!BearerToken.IsValid(context.Request, options.Token))
            {
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                await context.Response.WriteAsync("missing or wrong bearer token\n", context.RequestAborted);
                return;
            }
            var origin = context.Request.Headers.Origin.ToString();
            if (origin.Length > 0 && !IsLoopbackOrigin(origin))
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                await context.Response.WriteAsync("cross-origin requests are refused\n", context.RequestAborted);
                return;
            }
            await next(context);
        });

        app.MapGet("/events", (HttpContext context) => StreamAsync(context, store, options.PollInterval));
        app.MapPost("/events", async (AppendBatch batch, CancellationToken token) =>
        {
            var events = batch.Events.Select(e => new SmoothEvent(e.Type, e.Source, e.Time, e.Attributes, e.TraceParent)).ToList();
            var stored = await store.AppendAsync(events, token);
            return Results.Ok(new AppendResult(stored.Count > 0 ? stored[^1].Seq : 0));
        });
        app.MapGet("/verify", async (CancellationToken token) => Results.Ok(await store.VerifyAsync(token)));

        await app.StartAsync(ct);
        var server = new ArchivistServer(app);
        var addresses = app.Urls.Select(u => new Uri(u)).Where(u => u.Scheme == "http").ToList();
        server.Address = addresses.FirstOrDefault();
        return server;
    }

    private static bool IsLoopbackOrigin(string origin) =>
        Uri.TryCreate(origin, UriKind.Absolute, out var uri) && (uri.IsLoopback || uri.Host == "localhost");

    private static async Task StreamAsync(HttpContext context, AuditStore store, TimeSpan poll)
    {
        var ct = context.RequestAborted;
        long after = 0;
        if (long.TryParse(context.Request.Headers["Last-Event-ID"].ToString(), out var lastId)) after = lastId;
        else if (long.TryParse(context.Request.Query["after"].ToString(), out var q)) after = q;
        var typePrefix = context.Request.Query["type"].ToString() is { Length: > 0 } t ? t : null;
        var follow = context.Request.Query["follow"].ToString() != "false";

        context.Response.Headers.ContentType = "text/event-stream";
        context.Response.Headers.CacheControl = "no-cache";
        await context.Response.Body.FlushAsync(ct);
        try
        {
            while (!ct.IsCancellationRequested)
            {
                var records = await store.QueryAsync(new AuditQuery(AfterSeq: after, TypePrefix: typePrefix, Limit: 1000), ct);
                foreach (var r in records)
                {
                    // SSE frame: the id lets a reconnecting client resume exactly after the last record it saw.
                    await context.Response.WriteAsync($"id: {r.Seq}\nevent: {r.Type}\ndata: {JsonSerializer.Serialize(r, ServerJson.Default.AuditRecord)}\n\n", ct);
                    after = r.Seq;
                }
                await context.Response.Body.FlushAsync(ct);
                if (records.Count == 0)
                {
                    if (!follow) break;
                    await Task.Delay(poll, ct);
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // The client went away.
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
