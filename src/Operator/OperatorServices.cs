using Smooth.Operator.Checkpoints;
using Smooth.Operator.Control;
using Smooth.Operator.Events;
using Smooth.Operator.Hooks;
using Smooth.Operator.Tools;

namespace Smooth.Operator;

/// <summary>What an operator needs from the host: one object per concern (all answered by the operator API in a sandbox).</summary>
public sealed record OperatorServices
{
    /// <summary>Where events go.</summary>
    public required IOperatorEvents Events { get; init; }
    /// <summary>Where checkpoints are kept.</summary>
    public required ICheckpointSink Checkpoints { get; init; }
    /// <summary>Where control messages come from.</summary>
    public required IControlSource Control { get; init; }
    /// <summary>The policy and surveillance checks.</summary>
    public required IToolGuard Guard { get; init; }
    /// <summary>Pearls and memory.</summary>
    public required ICrewServices Crew { get; init; }
    /// <summary>The run's spend as the gateway counts it; null to add up the model's own cost figures.</summary>
    public Func<CancellationToken, Task<decimal>>? Spent { get; init; }
    /// <summary>The egress proxy for <c>http_fetch</c>.</summary>
    public Uri? Proxy { get; init; }
    /// <summary>The environment of commands the tools start.</summary>
    public required IReadOnlyDictionary<string, string> CommandEnvironment { get; init; }
}
