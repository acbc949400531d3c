using Smooth.Core.Events;
using Smooth.Llm.Config;
using Smooth.Llm.Pricing;
using Smooth.Llm.Routing;

namespace Smooth.Llm.Gateway;

/// <summary>Starts a gateway from a providers.json configuration (router, clients, prices and secrets wired up).</summary>
public static class LlmGatewayFactory
{
    /// <summary>Starts the gateway on <paramref name="socketPath"/> for <paramref name="config"/>.</summary>
    public static async Task<LlmGateway> StartAsync(ProvidersFile config, string socketPath, RunRegistry runs, CancellationToken ct,
        IEventSink? events = null, TextWriter? log = null, RetrySettings? retry = null, Func<string, string?>? environment = null)
    {
        environment ??= Environment.GetEnvironmentVariable;
        var factory = new ChatModelFactory(environment);
        var prices = new PriceTable(config.Prices);
        var routed = new RoutedChatModel(new ModelRouter(config), factory, prices, retry);
        var secrets = config.Providers
            .Select(p => p.ApiKey ?? (p.ApiKeyEnv is { } env ? environment(env) : null))
            .Where(k => !string.IsNullOrEmpty(k))
            .Select(k => k!)
            .ToList();
        if (events is not null)
        {
            routed.RouteFailed += f => events.Emit(SmoothEvent.Create("llm.route_failed", "llm", new Dictionary<string, string>
            {
                ["route"] = f.Route,
                ["error"] = new SecretScrubber(secrets).Scrub(f.Error),
                ["next"] = f.NextRoute ?? "",
            }));
        }
        return await LlmGateway.StartAsync(new GatewayOptions
        {
            SocketPath = socketPath,
            Model = routed,
            Prices = prices,
            Runs = runs,
            Secrets = secrets,
            Events = events,
            Log = log,
        }, ct);
    }
}
