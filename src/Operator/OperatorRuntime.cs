using Smooth.Governor;
using Smooth.Llm.Clients;
using Smooth.Operator.Control;
using Smooth.Operator.Events;
using Smooth.Operator.Governed;
using Smooth.Operator.Hooks;
using Smooth.Operator.Loop;
using Smooth.Operator.Tools;
using Smooth.Operator.Tools.Background;

namespace Smooth.Operator;

/// <summary>
/// One operator from start to end: resumes from the last checkpoint if there is one, runs the agent loop (under the
/// governor when the pearl has a test command), keeps the controls flowing, and reports how it ended.
/// </summary>
public static class OperatorRuntime
{
    /// <summary>Runs <paramref name="spec"/> with <paramref name="model"/> and the host's <paramref name="services"/>.</summary>
    public static async Task<OperatorOutcome> RunAsync(OperatorSpec spec, IChatModel model, OperatorServices services, CancellationToken ct)
    {
        var checkpoint = await services.Checkpoints.LoadAsync(ct);
        // A resumed run continues the event stream after the last event the host received, before or after the checkpoint.
        var lastSeq = checkpoint is null ? 0 : Math.Max(checkpoint.EventSeq - 1, await services.Checkpoints.LastEventSeqAsync(ct));
        var events = new EventStamper(spec.RunId, services.Events, lastSeq);
        using var control = new RunControl();
        if (checkpoint is not null) control.Apply(new ControlMessage(checkpoint.ControlSeq, "none"));
        using var pumpStop = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var pump = Task.Run(() => ControlPump.RunAsync(services.Control, control, pumpStop.Token), CancellationToken.None);
        await using var jobs = new BackgroundJobs();
        var context = new ToolContext
        {
            Workspace = new WorkspacePaths(spec.Workspace), RunId = spec.RunId, Jobs = jobs, Crew = services.Crew, Control = control,
            Events = events, BashTimeout = TimeSpan.FromSeconds(spec.BashTimeoutSeconds), OutputCapChars = spec.OutputCapChars,
            CommandEnvironment = services.CommandEnvironment,
        };
        if (checkpoint is not null) context.Todo.AddRange(checkpoint.Todo);
        var tools = ToolSet.Standard(services.Proxy);
        var pipeline = ToolPipeline.Build(tools, context, services.Guard, events);
        var loop = new AgentLoop(model, pipeline, context, events, control, services.Checkpoints, AgentLoopOptions.From(spec), services.Spent);
        loop.CheckpointSeq = checkpoint?.Seq ?? 0;
        loop.SavedMessages = checkpoint?.Messages.Count ?? 0;
        var state = checkpoint is null ? NewState(spec) : AgentState.From(checkpoint);
        events.Emit(new OperatorEvent
        {
            Type = OperatorEventTypes.Started, Text = checkpoint is null ? spec.Task : "resumed from the last checkpoint",
            Model = spec.Slot, Count = state.Messages.Count, Summary = spec.PearlId,
        });
        OperatorOutcome outcome;
        try
        {
            outcome = spec.TestCommand is null
                ? FromTurn(await loop.RunAsync(state, ct), state)
                : await GovernedAsync(spec, loop, state, events, services, checkpoint is not null, ct);
        }
        catch (AgentStoppedException stopped)
        {
            outcome = FromTurn(stopped.Result, state);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            events.Emit(new OperatorEvent { Type = OperatorEventTypes.Error, Text = e.Message });
            outcome = new OperatorOutcome("error", e.Message, state.CostUsd);
        }
        finally
        {
            await pumpStop.CancelAsync();
            await pump;
            foreach (var t in tools.OfType<IDisposable>()) t.Dispose();
        }
        events.Emit(new OperatorEvent
        {
            Type = OperatorEventTypes.Completed, Reason = outcome.Stop, Text = outcome.Summary, TotalCostUsd = outcome.CostUsd,
            InputTokens = state.InputTokens, OutputTokens = state.OutputTokens, Count = outcome.Failing, IsError = !outcome.Succeeded,
        });
        await events.FlushAsync(CancellationToken.None);
        return outcome;
    }

    private static async Task<OperatorOutcome> GovernedAsync(OperatorSpec spec, AgentLoop loop, AgentState state, EventStamper events,
        OperatorServices services, bool resumed, CancellationToken ct)
    {
        var done = 0;
        if (resumed && state.GovernorTurn > 0)
        {
            // Finish the coding turn the crash interrupted, then give the governor the turns that are left.
            var finished = await loop.RunAsync(state, ct);
            if (finished.Stop is AgentStop.Cancelled or AgentStop.ModelError or AgentStop.Budget) return FromTurn(finished, state);
            done = state.GovernorTurn;
        }
        var turn = new AgentCodingTurn(loop, state, done);
        var tests = new ShellTestCommand(spec.TestCommand!, spec.Workspace, services.CommandEnvironment, TimeSpan.FromSeconds(Math.Max(spec.BashTimeoutSeconds, 600)), events);
        var snapshots = new GitWorkspaceSnapshots(Path.Combine(Path.GetTempPath(), $"smooth-governor-{spec.RunId}.git"), spec.Workspace);
        var governor = new GovernorLoop(turn, tests, snapshots, new GovernorEventBridge(events), new GovernorOptions
        {
            MaxIterations = Math.Max(1, spec.GovernorIterations - done),
            PlateauFailures = spec.PlateauFailures,
            BudgetUsd = spec.BudgetUsd,
        });
        var result = await governor.RunAsync(spec.RunId, ct);
        var stop = result.Reason switch
        {
            StopReason.Green => "green",
            StopReason.Plateau => "plateau",
            StopReason.Budget => "budget",
            _ => "iteration_cap",
        };
        var summary = turn.Last?.FinalText is { Length: > 0 } words ? words : $"governor stopped: {stop}";
        return new OperatorOutcome(stop, summary, state.CostUsd, result.FinalFailing);
    }

    private static OperatorOutcome FromTurn(AgentTurnResult r, AgentState state) => new(r.Stop switch
    {
        AgentStop.Completed => "completed",
        AgentStop.MaxIterations => "max_iterations",
        AgentStop.Budget => "budget",
        AgentStop.Cancelled => "cancelled",
        _ => "model_error",
    }, r.Stop == AgentStop.Completed ? r.FinalText : r.Message ?? r.FinalText, state.CostUsd);

    private static AgentState NewState(OperatorSpec spec)
    {
        var state = new AgentState();
        state.Messages.Add(ChatMessage.System(SystemPrompt.For(spec)));
        state.Messages.Add(ChatMessage.User(spec.Task));
        return state;
    }
}
