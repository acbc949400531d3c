namespace Smooth.Core.Events;

/// <summary>
/// A bounded in-memory event sink keeping the most recent events, optionally forwarding each to another sink.
/// Used in-process by commands and tests that need to read back what was emitted.
/// </summary>
public sealed class EventRing(int capacity = 10_000, IEventSink? next = null) : IEventSink
{
    private readonly Queue<SmoothEvent> _events = new();
    private readonly Lock _gate = new();

    /// <inheritdoc />
    public void Emit(SmoothEvent e)
    {
        lock (_gate)
        {
            if (_events.Count == capacity)
            {
                _events.Dequeue();
            }
            _events.Enqueue(e);
        }
        next?.Emit(e);
    }

    /// <summary>A copy of the retained events, oldest first.</summary>
    public IReadOnlyList<SmoothEvent> Snapshot()
    {
        lock (_gate)
        {
            return _events.ToArray();
        }
    }
}
