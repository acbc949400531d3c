namespace Smooth.Core.Events;

/// <summary>Where components send their events. The audit writer implements it; emitting must not block on I/O.</summary>
public interface IEventSink
{
    /// <summary>Records one event. Implementations must be thread-safe and must not throw for ordinary events.</summary>
    void Emit(SmoothEvent e);
}
