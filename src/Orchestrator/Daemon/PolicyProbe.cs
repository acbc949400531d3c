using Smooth.Orchestrator.Api;
using Smooth.Policy;

namespace Smooth.Orchestrator.Daemon;

/// <summary>Checks Wonk: the policy in force, a refused reload (the last good policy stays), and the decision socket.</summary>
internal sealed class PolicyProbe(PolicyLayers layers, string socket) : IStatusProbe
{
    public Task<PartStatus> ProbeAsync(CancellationToken ct)
    {
        var policy = layers.Current;
        var detail = $"{policy.Rules.Count} rules, pearl scope depth {policy.PearlDepth}; decision API on {socket}";
        var part = !File.Exists(socket) ? new PartStatus("policy", "Wonk", "down", $"the decision socket {socket} is gone")
            : layers.LastRejection is { } error ? new PartStatus("policy", "Wonk", "warn", $"{error}; the last good policy stays in force ({detail})")
            : new PartStatus("policy", "Wonk", "ok", detail);
        return Task.FromResult(part);
    }
}
