namespace Smooth.Orchestrator.Runs;

/// <summary>Works one claimed run to an outcome: the operator in its sandbox, governed, in production.</summary>
public interface IRunExecutor
{
    /// <summary>
    /// Works <paramref name="run"/> (resuming from <see cref="RunRecord.Checkpoint"/> when set). Calls
    /// <see cref="RunContext.SaveCheckpointAsync"/> after each checkpoint so a crash resumes from there. Returns how it ended;
    /// cancellation of <paramref name="ct"/> means the daemon is stopping (the run stays resumable).
    /// </summary>
    Task<RunOutcome> ExecuteAsync(RunRecord run, RunContext context, CancellationToken ct);
}

/// <summary>What the scheduler gives an executor besides the run.</summary>
/// <param name="SaveCheckpointAsync">Records the latest checkpoint reference.</param>
/// <param name="RegisterControl">Makes the run controllable (steer, pause, ...) while it runs.</param>
/// <param name="ReportProgressAsync">Records the current turn, spend and activity (shown by <c>th operators</c>).</param>
public sealed record RunContext(
    Func<string, CancellationToken, Task> SaveCheckpointAsync,
    Func<IRunControlTarget, IDisposable> RegisterControl,
    Func<int, decimal, string, CancellationToken, Task> ReportProgressAsync);

/// <summary>How a run ended.</summary>
/// <param name="State">Review, Finished, Failed or Cancelled.</param>
/// <param name="Result">A short description.</param>
public sealed record RunOutcome(RunState State, string Result);
