using Smooth.Operator.Host;

namespace Smooth.Orchestrator.Operators;

/// <summary>How the daemon runs operators: provider, bounds, and the per-run egress gate and guard.</summary>
public sealed record OperatorRunDefaults
{
    /// <summary>The sandbox provider.</summary>
    public string ProviderId { get; init; } = "bubblewrap";

    /// <summary>Spending cap per run (USD).</summary>
    public decimal? BudgetUsd { get; init; }

    /// <summary>Most model calls per coding turn.</summary>
    public int MaxIterations { get; init; } = 40;

    /// <summary>Most governor turns.</summary>
    public int GovernorIterations { get; init; } = 5;

    /// <summary>Wall-clock limit of one run's sandbox.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromHours(2);

    /// <summary>Makes the tool-call guard of a run.</summary>
    public required Func<HostToolGuard> Guard { get; init; }
}
