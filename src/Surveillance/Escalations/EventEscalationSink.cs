using Smooth.Core.Events;

namespace Smooth.Surveillance.Escalations;

/// <summary>Files escalations as <c>surveillance.escalated</c> alert events.</summary>
public sealed class EventEscalationSink(IEventSink events) : IEscalationSink
{
    /// <inheritdoc />
    public Task EscalateAsync(Escalation escalation, CancellationToken ct)
    {
        events.Emit(SmoothEvent.Create(SurveillanceEvents.Escalated, SurveillanceEvents.Source, new Dictionary<string, string>
        {
            ["id"] = escalation.Id,
            ["tool"] = escalation.ToolName,
            ["subject"] = escalation.Subject,
            ["rules"] = string.Join(",", escalation.RuleIds),
            ["reason"] = escalation.Reason,
            ["preview"] = escalation.Preview,
        }));
        return Task.CompletedTask;
    }
}
