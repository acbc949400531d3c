namespace Smooth.Operator.Events;

/// <summary>Stamps events with the run id, a gapless sequence number and the time before handing them on.</summary>
public sealed class EventStamper(string runId, IOperatorEvents inner, long startAfter = 0)
{
    private long _seq = startAfter;

    /// <summary>The last sequence number used.</summary>
    public long LastSeq => Interlocked.Read(ref _seq);

    /// <summary>Stamps and emits <paramref name="e"/>.</summary>
    public void Emit(OperatorEvent e) =>
        inner.Emit(e with { Run = runId, Seq = Interlocked.Increment(ref _seq), Time = DateTimeOffset.UtcNow });

    /// <summary>Waits for delivery of everything emitted so far.</summary>
    public Task FlushAsync(CancellationToken ct) => inner.FlushAsync(ct);
}
