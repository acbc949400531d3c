using System.Diagnostics;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Smooth.Audit.Scribe;
using Smooth.Audit.Server;
using Smooth.Audit.Store;
using Smooth.Audit.Telemetry;
using Smooth.Core;
using Smooth.Core.Events;
using Smooth.Core.IO;
using Smooth.Orchestrator.Api;
using Smooth.Orchestrator.Guards;
using Smooth.Orchestrator.Runs;
using Smooth.Policy;
using Smooth.Policy.Api;

namespace Smooth.Orchestrator.Daemon;

/// <summary>
/// Big Smooth in one process: the API on 127.0.0.1 and a Unix socket (token, Host and Origin checked), the Archivist
/// (audit SSE), Wonk's decision API on its own Unix socket, and the Scribe every part writes its events through. Runs
/// until stopped.
/// </summary>
public sealed class DaemonHost : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ArchivistServer _archivist;
    private readonly ScribeSink _scribe;
    private readonly AuditStore _audit;
    private readonly OtlpExport? _otlp;
    private readonly DaemonOptions _options;
    private readonly CancellationTokenSource _shutdown = new();
    private DaemonCrew? _crew;
    private DecisionServer? _decisions;

    private DaemonHost(WebApplication app, ArchivistServer archivist, ScribeSink scribe, AuditStore audit, OtlpExport? otlp, RunControlHub controls, RunQueue runs, DaemonOptions options, DaemonInfo info)
    {
        Runs = runs;
        Controls = controls;
        _otlp = otlp;
        _app = app;
        _archivist = archivist;
        _scribe = scribe;
        _audit = audit;
        _options = options;
        Info = info;
    }

    /// <summary>What this daemon published about itself.</summary>
    public DaemonInfo Info { get; }

    /// <summary>The project's run queue.</summary>
    public RunQueue Runs { get; }

    /// <summary>Routes control messages to the operators running in this daemon.</summary>
    public RunControlHub Controls { get; }

    /// <summary>The event sink of every part running in the daemon.</summary>
    public IEventSink Events => _scribe;

    /// <summary>Starts every part and writes <c>daemon.json</c>. The token must already be in <c>daemon.token</c>.</summary>
    public static async Task<DaemonHost> StartAsync(DaemonOptions options, CancellationToken ct)
    {
        options.Validate();
        var token = (await File.ReadAllTextAsync(options.Paths.Token, ct)).Trim();
        var stateDir = Core.ProjectLocator.StateDir(options.ProjectRoot);
        var audit = await AuditStore.OpenAsync(stateDir, ct);
        var otlp = OtlpExport.TryStart(Environment.GetEnvironmentVariable("OTEL_EXPORTER_OTLP_ENDPOINT"));
        var forwarder = new StoreForwarder(audit);
        var scribe = new ScribeSink(otlp?.Wrap(forwarder) ?? forwarder);
        var archivist = await ArchivistServer.StartAsync(audit, new ArchivistOptions { Port = options.ArchivistPort, Token = token }, ct);

        if (File.Exists(options.Paths.Socket)) File.Delete(options.Paths.Socket);
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(k =>
        {
            k.Listen(System.Net.IPAddress.Loopback, options.ApiPort);
            k.ListenUnixSocket(options.Paths.Socket);
        });
        builder.Services.ConfigureHttpJsonOptions(o =>
        {
            o.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJson.Default);
            o.SerializerOptions.TypeInfoResolverChain.Insert(1, Smooth.Pearls.PearlsJsonContext.Default);
        });
        builder.Services.AddOpenApi();
        var app = builder.Build();

        var controls = new RunControlHub(scribe);
        var runs = await RunQueue.OpenAsync(stateDir, ct);
        var crew = await DaemonCrew.StartAsync(options, scribe, runs, controls, ct);
        // One policy for the whole daemon: the operators' guards and the decision API read the same hot-reloaded layers.
        var policy = crew.Operators?.Guards.Policy ?? PolicyLayers.Load(options.ProjectRoot);
        var decisions = await DecisionServer.StartAsync(options.Paths.PolicySocket, new DecisionService(policy, scribe, PearlDistance.From(crew.Pearls)), ct);
        var apiPort = 0;
        var guard = new ApiGuard(token, () => apiPort);
        app.Use(guard.InvokeAsync);

        var started = Stopwatch.StartNew();
        DaemonHost? host = null;
        IStatusProbe[] probes = [new AuditProbe(audit, archivist.Address), new PolicyProbe(policy, decisions.SocketPath)];
        app.MapGet("/v1/status", async (CancellationToken token) =>
        {
            var parts = new List<PartStatus> { new("api", "Big Smooth", "ok", $"listening on {host!.Info.ApiUrl} and {host.Info.Socket}") };
            foreach (var probe in probes) parts.Add(await probe.ProbeAsync(token));
            parts.AddRange(await crew.ProbeAsync(token));
            return Results.Ok(new StatusReport("running", host.Info, (long)started.Elapsed.TotalSeconds, parts));
        }).WithSummary("Health of every part the daemon runs");
        app.MapPost("/v1/shutdown", () =>
        {
            host!._shutdown.Cancel();
            return Results.Accepted();
        }).WithSummary("Stop the daemon cleanly");
        app.UseWebSockets();
        app.Map("/v1/ws", (HttpContext context) => RunSocket.HandleAsync(context, audit, controls)).ExcludeFromDescription();
        app.MapPost("/v1/runs/{run}/control", async (string run, RunControlMessage message, CancellationToken token) =>
        {
            var reply = await controls.SendAsync(message with { Run = run }, token);
            return reply.Ok ? Results.Ok(reply) : Results.Json(reply, ApiJson.Default.RunControlReply, statusCode: StatusCodes.Status409Conflict);
        }).WithSummary("Steer, pause, resume, cancel or answer a running operator");
        RunEndpoints.Map(app, runs);
        DispatchEndpoints.Map(app, runs, crew.Pearls);
        CrewEndpoints.Map(app, options.ProjectRoot, runs, crew.Pearls, audit, scribe);
        ReviewEndpoints.Map(app, options.ProjectRoot, scribe);
        AccessEndpoints.Map(app, options.ProjectRoot, scribe);
        app.MapOpenApi("/openapi.json");

        await app.StartAsync(ct);
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses
            .Select(a => new Uri(a)).First(u => u.Scheme == "http" && u.Port > 0);
        apiPort = address.Port;

        var info = new DaemonInfo(Environment.ProcessId, options.ProjectRoot, options.Provider,
            $"http://127.0.0.1:{apiPort}/", archivist.Address!.ToString(), options.Paths.Socket, DateTimeOffset.UtcNow);
        await AtomicFile.WriteAllTextAsync(options.Paths.Info, JsonSerializer.Serialize(info, ApiJson.Default.DaemonInfo), ct, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        host = new DaemonHost(app, archivist, scribe, audit, otlp, controls, runs, options, info) { _crew = crew, _decisions = decisions };
        scribe.Emit(SmoothEvent.Create("daemon.started", "orchestrator", new Dictionary<string, string>
        {
            ["pid"] = info.Pid.ToString(), ["provider"] = info.Provider, ["api"] = info.ApiUrl,
        }));
        return host;
    }

    /// <summary>Completes when <c>/v1/shutdown</c> is called or <paramref name="ct"/> is cancelled.</summary>
    public async Task WaitForShutdownAsync(CancellationToken ct)
    {
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, _shutdown.Token);
        try
        {
            await Task.Delay(Timeout.Infinite, linked.Token);
        }
        catch (OperationCanceledException)
        {
            // Either way we stop.
        }
    }

    /// <summary>Stops every part, flushes events, and removes the socket and info file.</summary>
    public async ValueTask DisposeAsync()
    {
        // Operators stop first (each keeps its last checkpoint; the next daemon resumes them), then the API.
        if (_crew is not null) await _crew.DisposeAsync();
        _scribe.Emit(SmoothEvent.Create("daemon.stopped", "orchestrator", new Dictionary<string, string> { ["pid"] = Info.Pid.ToString() }));
        await _app.StopAsync();
        await _app.DisposeAsync();
        if (_decisions is not null) await _decisions.DisposeAsync();
        await _archivist.DisposeAsync();
        await _scribe.DisposeAsync();
        if (_otlp is not null) await _otlp.DisposeAsync();
        await _audit.DisposeAsync();
        await Runs.DisposeAsync();
        TryDelete(_options.Paths.Socket);
        TryDelete(_options.Paths.Info);
        _shutdown.Dispose();
    }

    private static void TryDelete(string path)
    {
        try { File.Delete(path); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    }
}
