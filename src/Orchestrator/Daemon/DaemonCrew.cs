using Smooth.Core;
using Smooth.Core.Events;
using Smooth.Egress;
using Smooth.Llm.Config;
using Smooth.Orchestrator.Api;
using Smooth.Orchestrator.Operators;
using Smooth.Orchestrator.Runs;
using Smooth.Pearls;
using Smooth.Pearls.Storage;
using Smooth.Sandbox.Registry;

namespace Smooth.Orchestrator.Daemon;

/// <summary>
/// The working half of the daemon: the pearl store behind the API, and (when a model provider is configured) the
/// operator host services and the scheduler that dispatches queued runs to operators in sandboxes.
/// </summary>
internal sealed class DaemonCrew : IAsyncDisposable
{
    private readonly CancellationTokenSource _stop = new();
    private Task? _scheduling;

    private DaemonCrew(IPearlStore pearls) => Pearls = pearls;

    public IPearlStore Pearls { get; }
    public OperatorHostServices? Operators { get; private set; }
    public Scheduler? Scheduler { get; private set; }
    public string? ModelsProblem { get; private set; }
    public ProvidersFile? Providers { get; private set; }
    public required string ProviderId { get; init; }
    public required int MaxConcurrent { get; init; }

    public static async Task<DaemonCrew> StartAsync(DaemonOptions options, IEventSink events, RunQueue runs, RunControlHub controls, CancellationToken ct)
    {
        var pearls = new SerializedPearlStore(await SqlitePearlStore.OpenAsync(SqlitePearlStore.DatabasePathFor(options.ProjectRoot), "daemon", ct: ct));
        var crew = new DaemonCrew(pearls) { ProviderId = options.Provider, MaxConcurrent = options.MaxConcurrent };
        try
        {
            crew.Providers = await ProvidersStore.ForCurrentUser().LoadAsync(ct);
            if (crew.Providers.Providers.Count == 0) crew.ModelsProblem = "no model provider configured: run th auth login <provider>; runs stay queued until then";
        }
        catch (SmoothException e)
        {
            crew.ModelsProblem = $"{e.Message} ({e.Hint})";
        }
        if (crew.ModelsProblem is null)
        {
            var root = options.ProjectRoot;
            crew.Operators = await OperatorHostServices.StartAsync(root, crew.Providers!, events, ct);
            var defaults = new OperatorRunDefaults
            {
                ProviderId = options.Provider,
                Guard = () => crew.Operators.Guards.ForRun(),
            };
            var executor = new OperatorRunExecutor(crew.Operators, SandboxProviderRegistry.CreateDefault(), AppContext.BaseDirectory.TrimEnd('/'), defaults);
            crew.Scheduler = new Scheduler(runs, executor, controls, events, new SchedulerOptions { MaxConcurrent = options.MaxConcurrent });
            crew._scheduling = Task.Run(() => crew.Scheduler.RunAsync(crew._stop.Token), CancellationToken.None);
        }
        return crew;
    }

    /// <summary>The status of the crew's parts.</summary>
    public async Task<IReadOnlyList<PartStatus>> ProbeAsync(CancellationToken ct)
    {
        var parts = new List<PartStatus>();
        parts.Add(ModelsProblem is null
            ? new PartStatus("models", "model providers", "ok", $"{Providers!.Providers.Count} provider(s): {string.Join(", ", Providers.Providers.Select(p => p.Id))}; default {Providers.DefaultProvider ?? Providers.Providers[0].Id}")
            : new PartStatus("models", "model providers", "warn", ModelsProblem));
        parts.Add(Operators is null
            ? new PartStatus("gateway", "LLM gateway", "off", "starts once a model provider is configured")
            : new PartStatus("gateway", "LLM gateway", File.Exists(Operators.Gateway.SocketPath) ? "ok" : "down", $"keys stay on the host; socket {Operators.Gateway.SocketPath}"));
        parts.Add(Operators is null
            ? new PartStatus("surveillance", "Narc", "off", "starts with the operators")
            : new PartStatus("surveillance", "Narc", "ok", $"{Operators.Guards.Surveillance.Rules.Rules.Count} rules from {string.Join(", ", Operators.Guards.Surveillance.Rules.Files)}; judge via smooth-judge"));
        parts.Add(new PartStatus("egress", "Goalie", "ok", "one proxy per run, started with its sandbox; nothing leaves a sandbox but through it"));
        parts.Add(Operators is null
            ? new PartStatus("credentials", "Bootstrap Bill", "off", "starts with the operators")
            : Operators.Credentials is { } creds
                ? new PartStatus("credentials", "Bootstrap Bill", File.Exists(creds.SocketPath) ? "ok" : "down",
                    $"{creds.Services.Count} service(s) from {creds.ConfigPath}: {string.Join(", ", creds.Services)}; mounted at {Safehouse.SandboxCredentials.SocketInside}")
                : new PartStatus("credentials", "Bootstrap Bill", "off", "no ~/.smooth/credentials.yaml: sandboxes get no credentials (see docs/credentials.md)"));
        parts.Add(Operators is null
            ? new PartStatus("operator-api", "operator API", "off", "starts once a model provider is configured")
            : new PartStatus("operator-api", "operator API", File.Exists(Operators.Api.SocketPath) ? "ok" : "down", $"token-scoped socket {Operators.Api.SocketPath}"));
        try
        {
            await SandboxProviderRegistry.CreateDefault().Resolve(ProviderId).EnsureAvailableAsync(ct);
            parts.Add(new PartStatus("sandbox", "Safehouse", "ok", $"provider {ProviderId} available"));
        }
        catch (SmoothException e)
        {
            parts.Add(new PartStatus("sandbox", "Safehouse", "down", $"{e.Message} ({e.Hint})"));
        }
        parts.Add(new PartStatus("scheduler", "Big Smooth scheduler", Scheduler is null ? "off" : "ok",
            Scheduler is null ? "not dispatching (no model provider)" : $"{Scheduler.InFlight.Count} operator(s) in flight, cap {MaxConcurrent}"));
        return parts;
    }

    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        if (_scheduling is not null)
        {
            try
            {
                await _scheduling;
            }
            catch (OperationCanceledException)
            {
            }
        }
        if (Operators is not null) await Operators.DisposeAsync();
        await Pearls.DisposeAsync();
        _stop.Dispose();
    }
}
