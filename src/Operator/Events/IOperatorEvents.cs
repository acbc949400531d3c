namespace Smooth.Operator.Events;

/// <summary>Where an operator's events go (the host, through the operator API; a list in tests).</summary>
public interface IOperatorEvents
{
    /// <summary>Queues one event; sequence number and time are stamped by the caller.</summary>
    void Emit(OperatorEvent e);

    /// <summary>Waits until every queued event has been delivered.</summary>
    Task FlushAsync(CancellationToken ct);
}
