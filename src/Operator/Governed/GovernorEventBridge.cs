using System.Globalization;
using Smooth.Core.Events;
using Smooth.Operator.Events;

namespace Smooth.Operator.Governed;

/// <summary>Turns the governor's <c>governor.*</c> events into operator events, so they travel the same stream.</summary>
public sealed class GovernorEventBridge(EventStamper events) : IEventSink
{
    /// <inheritdoc />
    public void Emit(SmoothEvent e)
    {
        var failing = e.Attributes.TryGetValue("failing", out var f) && int.TryParse(f, NumberStyles.Integer, CultureInfo.InvariantCulture, out var n) ? n : (int?)null;
        int? iteration = e.Attributes.TryGetValue("iteration", out var i) && int.TryParse(i, NumberStyles.Integer, CultureInfo.InvariantCulture, out var it) ? it : null;
        events.Emit(new OperatorEvent
        {
            Type = OperatorEventTypes.GovernorDecision,
            Text = e.Type["governor.".Length..],
            Reason = e.Attributes.GetValueOrDefault("reason"),
            Count = failing,
            Iteration = iteration,
            Summary = e.Attributes.TryGetValue("stop", out var stop) ? stop : null,
        });
    }
}
