using System.Diagnostics;
using Smooth.Operator.Events;

namespace Smooth.Operator.Hooks;

/// <summary>Records every call that runs: started, then completed with duration and error flag.</summary>
public sealed class AuditHook(IToolInvoker inner, EventStamper events) : DelegatingToolInvoker(inner)
{
    /// <inheritdoc />
    public override async Task<ToolOutcome> InvokeAsync(ToolInvocation call, CancellationToken ct)
    {
        events.Emit(new OperatorEvent
        {
            Type = OperatorEventTypes.ToolCallStarted, Tool = call.Name, CallId = call.CallId, Iteration = call.Iteration,
            Summary = ArgumentSummary.Of(call),
        });
        var watch = Stopwatch.StartNew();
        var outcome = await Inner.InvokeAsync(call, ct);
        events.Emit(new OperatorEvent
        {
            Type = OperatorEventTypes.ToolCallCompleted, Tool = call.Name, CallId = call.CallId, Iteration = call.Iteration,
            DurationMs = watch.ElapsedMilliseconds, IsError = outcome.IsError, Count = outcome.Text.Length,
            Summary = FirstLine(outcome.Text),
        });
        return outcome;
    }

    private static string FirstLine(string text)
    {
        var line = text.AsSpan();
        var nl = line.IndexOf('\n');
        if (nl >= 0) line = line[..nl];
        return line.Length > 160 ? string.Concat(line[..160], "…") : line.ToString();
    }
}
