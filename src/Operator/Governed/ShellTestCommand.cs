using Smooth.Governor;
using Smooth.Operator.Events;
using Smooth.Operator.Tools.Shell;

namespace Smooth.Operator.Governed;

/// <summary>Runs the pearl's test command in the workspace, the same way the bash tool runs commands.</summary>
public sealed class ShellTestCommand(string command, string workspace, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, EventStamper events) : ITestCommand
{
    /// <inheritdoc />
    public async Task<TestRun> RunAsync(CancellationToken ct)
    {
        var result = await ShellRunner.RunAsync(command, workspace, environment, timeout, ct);
        var summary = TestOutputReader.Read(result.Output);
        events.Emit(new OperatorEvent
        {
            Type = OperatorEventTypes.TestsRun, Summary = command, DurationMs = (long)result.Elapsed.TotalMilliseconds,
            Count = summary?.Failed, IsError = result.ExitCode != 0,
            Reason = summary is null ? $"exit code {result.ExitCode}; no test summary found in the output" : $"{summary.Passed} passed, {summary.Failed} failed ({summary.Runner})",
        });
        return new TestRun(result.TimedOut ? 124 : result.ExitCode, result.Output);
    }
}
