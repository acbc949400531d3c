using Smooth.Operator.Events;
using Smooth.Orchestrator.Runs;
using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Registry;

namespace Smooth.Orchestrator.Operators;

/// <summary>
/// The daemon's executor: works a claimed run by running its operator on its pearl (resuming from the checkpoint after
/// a crash), keeps the queue informed of progress and checkpoints, and maps the end to a run state.
/// </summary>
public sealed class OperatorRunExecutor(OperatorHostServices host, SandboxProviderRegistry registry, string programDir, OperatorRunDefaults defaults) : IRunExecutor
{
    /// <inheritdoc />
    public async Task<RunOutcome> ExecuteAsync(RunRecord run, RunContext context, CancellationToken ct)
    {
        var resume = run.Checkpoint is not null;
        var turn = run.Turn;
        var cost = run.CostUsd;
        var report = await new OperatorRunner(host, registry, programDir).RunAsync(new OperatorRunRequest
        {
            PearlId = run.PearlId,
            RunId = run.Id,
            Resume = resume,
            ProviderId = defaults.ProviderId,
            BudgetUsd = defaults.BudgetUsd,
            MaxIterations = defaults.MaxIterations,
            GovernorIterations = defaults.GovernorIterations,
            Guard = defaults.Guard(),
            Limits = new SandboxLimits { Timeout = defaults.Timeout },
            OnSession = session => context.RegisterControl(new SessionControlTarget(session)),
            OnEvent = e =>
            {
                // Progress and checkpoints go to the queue in the background: the event stream must not wait on it.
                switch (e.Type)
                {
                    case OperatorEventTypes.CheckpointSaved:
                        _ = Quietly(context.SaveCheckpointAsync($"operator_checkpoints:{run.Id}", CancellationToken.None));
                        break;
                    case OperatorEventTypes.LlmResponse:
                        turn = e.Iteration ?? turn;
                        cost = e.TotalCostUsd ?? cost;
                        _ = Quietly(context.ReportProgressAsync(turn, cost, "thinking", CancellationToken.None));
                        break;
                    case OperatorEventTypes.ToolCallStarted:
                        _ = Quietly(context.ReportProgressAsync(turn, cost, $"tool {e.Tool}", CancellationToken.None));
                        break;
                    case OperatorEventTypes.Paused:
                        _ = Quietly(context.ReportProgressAsync(turn, cost, "paused", CancellationToken.None));
                        break;
                    case OperatorEventTypes.HumanInputRequired:
                        _ = Quietly(context.ReportProgressAsync(turn, cost, "waiting for an answer", CancellationToken.None));
                        break;
                }
            },
        }, ct);
        var state = report.Stop == "cancelled" ? RunState.Cancelled
            : report.Sandbox.ReviewState == "pending" ? RunState.Review
            : report.Succeeded && report.Sandbox.Status is "finished" or "review" ? RunState.Finished
            : RunState.Failed;
        return new RunOutcome(state, $"{report.Stop}: {(report.Summary.Length > 300 ? report.Summary[..300] + "…" : report.Summary)}");
    }

    private static async Task Quietly(Task work)
    {
        try
        {
            await work;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Progress reporting is best effort; the run's outcome is recorded by the scheduler itself.
        }
    }
}
