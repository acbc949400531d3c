using System.Threading.Channels;
using Smooth.Core.Events;

namespace Smooth.Audit.Scribe;

/// <summary>
/// The Scribe: an <see cref="IEventSink"/> that never blocks the emitter. Events go into a bounded in-memory queue and
/// a background loop forwards them in batches (up to <see cref="MaxBatch"/> at a time) to an
/// <see cref="IAuditForwarder"/>, retrying a failed batch so nothing accepted is lost. If the queue is ever full the
/// emitter is told by a counted drop, and a <c>audit.dropped</c> event records how many.
/// </summary>
public sealed class ScribeSink : IEventSink, IAsyncDisposable
{
    /// <summary>Largest batch forwarded at once.</summary>
    public const int MaxBatch = 512;

    // Wakes the loop for FlushAsync; never stored.
    private static readonly SmoothEvent FlushEvent = new("audit.flush", "audit", DateTimeOffset.MinValue, new Dictionary<string, string>());

    private readonly System.Collections.Concurrent.ConcurrentQueue<TaskCompletionSource> _flushMarkers = new();
    private readonly Channel<SmoothEvent> _queue;
    private readonly IAuditForwarder _forwarder;
    private readonly Task _loop;
    private readonly CancellationTokenSource _stop = new();
    private long _dropped;
    private long _forwarded;

    /// <summary>Starts the forwarding loop.</summary>
    public ScribeSink(IAuditForwarder forwarder, int capacity = 100_000)
    {
        _forwarder = forwarder;
        _queue = Channel.CreateBounded<SmoothEvent>(new BoundedChannelOptions(capacity)
        {
            FullMode = BoundedChannelFullMode.Wait,
            SingleReader = true,
        });
        _loop = Task.Run(RunAsync);
    }

    /// <summary>Events refused because the queue was full.</summary>
    public long Dropped => Interlocked.Read(ref _dropped);

    /// <summary>Events stored by the forwarder so far.</summary>
    public long Forwarded => Interlocked.Read(ref _forwarded);

    /// <inheritdoc />
    public void Emit(SmoothEvent e)
    {
        if (!_queue.Writer.TryWrite(e))
        {
            Interlocked.Increment(ref _dropped);
        }
    }

    /// <summary>Waits until every event emitted before this call has been forwarded.</summary>
    public async Task FlushAsync(CancellationToken ct)
    {
        var marker = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        _flushMarkers.Enqueue(marker);
        if (!_queue.Writer.TryWrite(FlushEvent))
        {
            await _queue.Writer.WriteAsync(FlushEvent, ct);
        }
        await marker.Task.WaitAsync(ct);
    }

    private async Task RunAsync()
    {
        var batch = new List<SmoothEvent>(MaxBatch);
        var reader = _queue.Reader;
        long reportedDrops = 0;
        while (await reader.WaitToReadAsync(CancellationToken.None))
        {
            var flushes = 0;
            while (batch.Count < MaxBatch && reader.TryRead(out var e))
            {
                if (ReferenceEquals(e, FlushEvent)) flushes++;
                else batch.Add(e);
            }
            var drops = Dropped;
            if (drops > reportedDrops)
            {
                batch.Add(SmoothEvent.Create("audit.dropped", "audit", new Dictionary<string, string> { ["count"] = (drops - reportedDrops).ToString() }));
                reportedDrops = drops;
            }
            await ForwardWithRetryAsync(batch);
            Interlocked.Add(ref _forwarded, batch.Count);
            batch.Clear();
            for (var i = 0; i < flushes && _flushMarkers.TryDequeue(out var marker); i++)
            {
                marker.TrySetResult();
            }
        }
    }

    private async Task ForwardWithRetryAsync(List<SmoothEvent> batch)
    {
        if (batch.Count == 0) return;
        var delay = TimeSpan.FromMilliseconds(50);
        while (true)
        {
            try
            {
                await _forwarder.ForwardAsync(batch, CancellationToken.None);
                return;
            }
            catch (Exception) when (!_stop.IsCancellationRequested)
            {
                // Keep the batch: the Archivist may be restarting. Back off up to 5 s.
                await Task.Delay(delay);
                delay = TimeSpan.FromMilliseconds(Math.Min(delay.TotalMilliseconds * 2, 5000));
            }
        }
    }

    /// <summary>Stops accepting events, forwards what is queued, and ends the loop.</summary>
    public async ValueTask DisposeAsync()
    {
        _queue.Writer.TryComplete();
        await _loop;
        _stop.Cancel();
        _stop.Dispose();
    }
}
