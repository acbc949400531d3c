namespace Smooth.Governor;

/// <summary>One coding turn of the operator, given the previous test run's output.</summary>
public interface ICodingTurn
{
    /// <summary>Runs a turn; returns what it cost.</summary>
    Task<TurnResult> RunAsync(GovernorFeedback feedback, CancellationToken ct);
}

/// <summary>Runs the project's tests in the run's workspace (inside the sandbox).</summary>
public interface ITestCommand
{
    /// <summary>Runs the tests once.</summary>
    Task<TestRun> RunAsync(CancellationToken ct);
}

/// <summary>Cheap snapshots of the run's workspace.</summary>
public interface IWorkspaceSnapshots
{
    /// <summary>Records the workspace as it is now; returns an id to restore.</summary>
    Task<string> SnapshotAsync(string label, CancellationToken ct);

    /// <summary>Puts the workspace back exactly as it was at <paramref name="snapshot"/>.</summary>
    Task RestoreAsync(string snapshot, CancellationToken ct);
}

/// <summary>The cost of a coding turn.</summary>
/// <param name="CostUsd">Model spend of the turn.</param>
public sealed record TurnResult(decimal CostUsd);

/// <summary>Raw outcome of running the test command.</summary>
/// <param name="ExitCode">The test command's exit code.</param>
/// <param name="Output">Its combined output.</param>
public sealed record TestRun(int ExitCode, string Output);

/// <summary>What the next coding turn is told.</summary>
/// <param name="Iteration">1-based number of the turn about to run.</param>
/// <param name="Failing">Failures in the last test run (null when unknown).</param>
/// <param name="TestOutputTail">The tail of the last test output.</param>
public sealed record GovernorFeedback(int Iteration, int? Failing, string TestOutputTail);
