namespace Smooth.Surveillance.Escalations;

/// <summary>Where escalations go (an access-request store in the daemon; an alert event by default).</summary>
public interface IEscalationSink
{
    /// <summary>Files one escalation. Must be thread-safe.</summary>
    Task EscalateAsync(Escalation escalation, CancellationToken ct);
}
