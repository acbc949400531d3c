using System.Globalization;
using Smooth.Core.Events;

namespace Smooth.Governor;

/// <summary>
/// The outer loop around one operator: test, code, test again, feeding the runner's real output back in. It snapshots
/// the workspace whenever the failing count drops, stops on the first convincing signal (green, close-to-green
/// plateau, budget, iteration cap), restores the best snapshot when the end state is worse, and emits every decision
/// as a <c>governor.*</c> event with its reason.
/// </summary>
public sealed class GovernorLoop(ICodingTurn turn, ITestCommand tests, IWorkspaceSnapshots snapshots, IEventSink events, GovernorOptions options)
{
    /// <summary>Runs the loop to a stop.</summary>
    public async Task<GovernorOutcome> RunAsync(string runId, CancellationToken ct)
    {
        options.Validate();
        var baseline = await MeasureAsync(ct);
        Emit(runId, "governor.baseline", 0, baseline, "tests measured before the first turn");
        var bestFailing = baseline.Failing;
        var bestSnapshot = await snapshots.SnapshotAsync("baseline", ct);
        var current = baseline;
        decimal spent = 0;
        var turnCosts = new List<decimal>();

        if (baseline.Green)
        {
            Emit(runId, "governor.stop", 0, baseline, "tests already pass; nothing to do", StopReason.Green);
            return new GovernorOutcome(StopReason.Green, 0, baseline.Failing, bestFailing, false, 0);
        }

        for (var iteration = 1; ; iteration++)
        {
            var result = await turn.RunAsync(new GovernorFeedback(iteration, current.Failing, Tail(current.Output)), ct);
            spent += result.CostUsd;
            turnCosts.Add(result.CostUsd);
            current = await MeasureAsync(ct);

            var improved = Rank(current.Failing) < Rank(bestFailing);
            if (improved)
            {
                bestFailing = current.Failing;
                bestSnapshot = await snapshots.SnapshotAsync($"iteration-{iteration}", ct);
                Emit(runId, "governor.snapshot", iteration, current, $"failing dropped to {current.Failing}; workspace snapshotted");
            }

            var stop = Decide(iteration, current, improved, spent, turnCosts, out var reason);
            if (stop is null)
            {
                Emit(runId, "governor.continue", iteration, current, reason);
                continue;
            }

            var restored = false;
            if (Rank(current.Failing) > Rank(bestFailing))
            {
                await snapshots.RestoreAsync(bestSnapshot, ct);
                restored = true;
                reason += $"; the final state ({Describe(current.Failing)}) was worse than the best seen ({Describe(bestFailing)}), so the best was restored";
                current = current with { Failing = bestFailing };
            }
            Emit(runId, "governor.stop", iteration, current, reason, stop);
            return new GovernorOutcome(stop.Value, iteration, current.Failing, bestFailing, restored, spent);
        }
    }

    private StopReason? Decide(int iteration, Measurement current, bool improved, decimal spent, List<decimal> costs, out string reason)
    {
        if (current.Green)
        {
            reason = $"all {current.Summary!.Total} tests pass";
            return StopReason.Green;
        }
        if (iteration >= options.MaxIterations)
        {
            reason = $"iteration cap of {options.MaxIterations} reached with {Describe(current.Failing)}";
            return StopReason.IterationCap;
        }
        if (current.Failing is { } f && f <= options.PlateauFailures && !improved)
        {
            reason = $"close to green ({f} failing) and this turn did not improve";
            return StopReason.Plateau;
        }
        if (options.BudgetUsd is { } budget)
        {
            // Expect the next turn to cost what turns have cost on average so far.
            var expected = costs.Count == 0 ? 0 : costs.Average();
            if (spent + expected > budget)
            {
                reason = $"the next turn's expected cost ({expected.ToString("0.####", CultureInfo.InvariantCulture)} USD) would exceed the budget " +
                         $"({spent.ToString("0.####", CultureInfo.InvariantCulture)} of {budget.ToString("0.####", CultureInfo.InvariantCulture)} USD spent)";
                return StopReason.Budget;
            }
        }
        reason = improved ? $"improved to {Describe(current.Failing)}; continuing" : $"{Describe(current.Failing)}; continuing";
        return null;
    }

    private async Task<Measurement> MeasureAsync(CancellationToken ct)
    {
        var run = await tests.RunAsync(ct);
        var summary = TestOutputReader.Read(run.Output);
        int? failing = summary is null ? null : run.ExitCode != 0 && summary.Failed == 0 ? 1 : summary.Failed;
        var green = run.ExitCode == 0 && summary is { Failed: 0, Total: > 0 };
        return new Measurement(summary, failing, green, run.Output);
    }

    // Unknown (no summary: build error, crash) ranks worse than any count.
    private static int Rank(int? failing) => failing ?? int.MaxValue;

    private static string Describe(int? failing) => failing is null ? "no readable test result" : $"{failing} failing";

    private string Tail(string output) => output.Length <= options.FeedbackChars ? output : output[^options.FeedbackChars..];

    private void Emit(string runId, string type, int iteration, Measurement m, string reason, StopReason? stop = null)
    {
        var attributes = new Dictionary<string, string>
        {
            ["run"] = runId,
            ["iteration"] = iteration.ToString(CultureInfo.InvariantCulture),
            ["failing"] = m.Failing?.ToString(CultureInfo.InvariantCulture) ?? "unknown",
            ["passed"] = m.Summary?.Passed.ToString(CultureInfo.InvariantCulture) ?? "unknown",
            ["runner"] = m.Summary?.Runner ?? "unknown",
            ["reason"] = reason,
        };
        if (stop is { } s) attributes["stop"] = s.ToString();
        events.Emit(SmoothEvent.Create(type, "governor", attributes));
    }

    private sealed record Measurement(TestSummary? Summary, int? Failing, bool Green, string Output);
}
