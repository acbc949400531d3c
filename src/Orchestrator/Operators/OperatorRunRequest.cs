using Smooth.Operator.Events;
using Smooth.Operator.Host;
using Smooth.Sandbox.Contract;

namespace Smooth.Orchestrator.Operators;

/// <summary>One operator run to start: which pearl, where, with which bounds, and who watches.</summary>
public sealed record OperatorRunRequest
{
    /// <summary>The pearl to work.</summary>
    public required string PearlId { get; init; }

    /// <summary>The sandbox provider id.</summary>
    public string ProviderId { get; init; } = "bubblewrap";

    /// <summary>The run id; null for a new one.</summary>
    public string? RunId { get; init; }

    /// <summary>Continue run <see cref="RunId"/> from its last checkpoint, in its own workspace.</summary>
    public bool Resume { get; init; }

    /// <summary>The routing slot for coding.</summary>
    public string Slot { get; init; } = "smooth-coding";

    /// <summary>Most model calls per coding turn.</summary>
    public int MaxIterations { get; init; } = 40;

    /// <summary>Spending cap in US dollars.</summary>
    public decimal? BudgetUsd { get; init; }

    /// <summary>The governor's test command; null to detect it from the pearl or the repository, empty to run without.</summary>
    public string? TestCommand { get; init; }

    /// <summary>Most governor turns.</summary>
    public int GovernorIterations { get; init; } = 5;

    /// <summary>Stream model answers (token events).</summary>
    public bool Stream { get; init; }

    /// <summary>Hosts this run may reach on top of the policy (<c>--allow-host</c>).</summary>
    public IReadOnlyList<string> AllowHosts { get; init; } = [];

    /// <summary>How long a request that needs a person's grant is held before it fails closed.</summary>
    public TimeSpan AccessHold { get; init; } = Guards.ProjectGuards.DefaultHold;

    /// <summary>The checks of this run's tool calls, given its spec and pearl scope.</summary>
    public required HostToolGuard Guard { get; init; }

    /// <summary>Apply the diff at once instead of waiting for review.</summary>
    public bool AutoAccept { get; init; }

    /// <summary>Sandbox limits.</summary>
    public SandboxLimits Limits { get; init; } = new() { Timeout = TimeSpan.FromHours(2) };

    /// <summary>Receives each operator event, in order.</summary>
    public Action<OperatorEvent>? OnEvent { get; init; }

    /// <summary>Called once the session exists (to register controls); the returned object is disposed at the end.</summary>
    public Func<OperatorSession, IDisposable?>? OnSession { get; init; }

    /// <summary>The lineage of the caller, when it runs inside a sandbox.</summary>
    public string? CallerLineage { get; init; }
}
