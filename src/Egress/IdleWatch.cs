using System.Diagnostics;

namespace Smooth.Egress;

/// <summary>
/// Cancels a connection's token once it has waited longer than the idle timeout for its next request. One timer per
/// connection, re-armed only when it fires: marking the start and end of each wait is two field writes, where
/// re-arming a timer for every request took the runtime's timer lock twice per request.
/// </summary>
internal sealed class IdleWatch : IDisposable
{
    private readonly CancellationTokenSource _cts;
    private readonly TimeSpan _timeout;
    private readonly Timer _timer;
    // Stopwatch timestamp at which the current wait began; 0 while the connection is busy.
    private long _waitingSince;

    /// <summary>Watches a connection whose work runs under <paramref name="ct"/>.</summary>
    public IdleWatch(TimeSpan timeout, CancellationToken ct)
    {
        _timeout = timeout;
        _cts = CancellationTokenSource.CreateLinkedTokenSource(ct);
        _timer = new Timer(static s => ((IdleWatch)s!).Check(), this, timeout, Timeout.InfiniteTimeSpan);
    }

    /// <summary>Cancelled when the connection's work ends or a wait outlasts the timeout.</summary>
    public CancellationToken Token => _cts.Token;

    /// <summary>A wait for the next request begins.</summary>
    public void Waiting() => Volatile.Write(ref _waitingSince, Stopwatch.GetTimestamp());

    /// <summary>The wait ended (a request arrived or the client left).</summary>
    public void Busy() => Volatile.Write(ref _waitingSince, 0);

    private void Check()
    {
        var since = Volatile.Read(ref _waitingSince);
        var waited = since == 0 ? TimeSpan.Zero : Stopwatch.GetElapsedTime(since);
        if (waited >= _timeout)
        {
            _cts.Cancel();
            return;
        }
        try
        {
            _timer.Change(_timeout - waited, Timeout.InfiniteTimeSpan);
        }
        catch (ObjectDisposedException)
        {
            // The connection ended meanwhile.
        }
    }

    /// <inheritdoc />
    public void Dispose()
    {
        _timer.Dispose();
        _cts.Dispose();
    }
}
