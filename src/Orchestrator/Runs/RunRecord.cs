namespace Smooth.Orchestrator.Runs;

/// <summary>One dispatch of a pearl to an operator.</summary>
/// <param name="Id">Run id (<c>run-</c> + 12 hex).</param>
/// <param name="PearlId">The pearl being worked.</param>
/// <param name="State">Current state.</param>
/// <param name="Attempt">1 for the first try; incremented each time a crashed run is taken up again.</param>
/// <param name="Owner">The daemon instance holding the lease while running.</param>
/// <param name="LeaseUntil">When the lease lapses unless renewed.</param>
/// <param name="Checkpoint">The operator's last checkpoint reference, so a retried run resumes instead of restarting.</param>
/// <param name="Result">Short outcome text (terminal states).</param>
/// <param name="CreatedAt">When it was queued.</param>
/// <param name="EndedAt">When it reached a terminal or review state.</param>
/// <param name="Turn">The operator's current agent turn.</param>
/// <param name="CostUsd">Model spend so far.</param>
/// <param name="Activity">What the operator is doing now (e.g. "tool bash", "waiting for the model", "paused").</param>
public sealed record RunRecord(
    string Id, string PearlId, RunState State, int Attempt, string? Owner, DateTimeOffset? LeaseUntil,
    string? Checkpoint, string? Result, DateTimeOffset CreatedAt, DateTimeOffset? EndedAt,
    int Turn = 0, decimal CostUsd = 0, string? Activity = null);
