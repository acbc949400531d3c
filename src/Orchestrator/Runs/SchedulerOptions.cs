namespace Smooth.Orchestrator.Runs;

/// <summary>How many operators run at once and how leases are kept.</summary>
public sealed record SchedulerOptions
{
    /// <summary>Most runs in flight across every daemon on the project.</summary>
    public int MaxConcurrent { get; init; } = 4;

    /// <summary>Lease length; renewed every third of it while the run works.</summary>
    public TimeSpan Lease { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>How often the queue is polled when idle.</summary>
    public TimeSpan PollInterval { get; init; } = TimeSpan.FromMilliseconds(200);
}
