using System.Net;

namespace Smooth.Egress;

/// <summary>
/// A lookup of one name in flight in <see cref="HostResolutionCache"/>: every request for the name that arrives while it
/// runs waits for this one answer instead of asking the resolver again. The lookup runs under its own cancellation, which
/// is cancelled when the last request waiting for it gives up (so one client's cancellation never fails another's request,
/// and an abandoned lookup does not run on for nobody).
/// </summary>
internal sealed class PendingLookup(string name, long startedAt)
{
    /// <summary>The normalised name being resolved.</summary>
    public string Name { get; } = name;

    /// <summary>When the lookup started: a successful answer expires one time to live after this.</summary>
    public long StartedAt { get; } = startedAt;

    /// <summary>The answer (a copy of the addresses) or the resolver's exception, for every waiter.</summary>
    public TaskCompletionSource<IPAddress[]> Completion { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Cancels the resolver call once nobody waits for it any more.</summary>
    public CancellationTokenSource Abandon { get; } = new();

    /// <summary>How many requests wait for the answer (guarded by the cache's lock).</summary>
    public int Waiters { get; set; }
}
