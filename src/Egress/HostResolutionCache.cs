using System.Net;

namespace Smooth.Egress;

/// <summary>
/// A short-lived cache of name resolutions in front of another <see cref="IHostResolver"/> (the system resolver in
/// production), so that a client sending request after request to the same name does not cost a resolver call each time.
/// <list type="bullet">
/// <item>A successful answer is used for at most the time to live, counted from when its lookup started; after that the
/// name is resolved again (never "stale while revalidating").</item>
/// <item>Failures (an exception, an empty answer) are not cached: the next request asks again. Requests that arrive while
/// a lookup runs share its outcome, failure included, and nothing more.</item>
/// <item>Concurrent lookups of one name are coalesced into one resolver call; one waiter's cancellation does not fail the
/// others, and the call is cancelled when the last waiter gives up.</item>
/// <item>At most <c>capacity</c> answers are kept, the least recently used going first; lookups in flight are bounded
/// by the requests waiting for them.</item>
/// <item>Keys are names lower-cased without a trailing dot (as the proxy normalises request hosts), and that form is
/// what the resolver is asked.</item>
/// </list>
/// The cache holds addresses, never verdicts: the proxy classifies the addresses against the policy in force on every
/// request and connects to exactly the addresses it classified.
/// </summary>
internal sealed class HostResolutionCache : IHostResolver
{
    private readonly IHostResolver _inner;
    private readonly TimeProvider _time;
    private readonly long _ttl;
    private readonly int _capacity;
    private readonly Lock _lock = new();
    private readonly Dictionary<string, LinkedListNode<ResolvedName>> _answers = new(StringComparer.OrdinalIgnoreCase);
    // Most recently used first.
    private readonly LinkedList<ResolvedName> _recency = new();
    private readonly Dictionary<string, PendingLookup> _pending = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Creates a cache in front of <paramref name="inner"/>.</summary>
    /// <param name="inner">The resolver that answers misses.</param>
    /// <param name="ttl">How long an answer is used; must be positive.</param>
    /// <param name="capacity">How many names' answers are kept at most; must be positive.</param>
    /// <param name="time">The clock (the system's unless a test supplies one).</param>
    public HostResolutionCache(IHostResolver inner, TimeSpan ttl, int capacity, TimeProvider? time = null)
    {
        ArgumentOutOfRangeException.ThrowIfLessThanOrEqual(ttl, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfLessThan(capacity, 1);
        _inner = inner;
        _time = time ?? TimeProvider.System;
        _ttl = (long)Math.Ceiling(ttl.TotalSeconds * _time.TimestampFrequency);
        _capacity = capacity;
    }

    /// <summary>How many answers are held now (expired ones included until they are evicted or asked for).</summary>
    public int Count
    {
        get
        {
            lock (_lock) return _answers.Count;
        }
    }

    /// <summary>How many lookups are in flight now.</summary>
    public int InFlight
    {
        get
        {
            lock (_lock) return _pending.Count;
        }
    }

    /// <inheritdoc />
    public ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken ct)
    {
        var name = host.EndsWith('.') ? host[..^1] : host;
        PendingLookup lookup;
        var start = false;
        lock (_lock)
        {
            var now = _time.GetTimestamp();
            if (_answers.TryGetValue(name, out var node))
            {
                if (now < node.Value.ExpiresAt)
                {
                    _recency.Remove(node);
                    _recency.AddFirst(node);
                    return ValueTask.FromResult<IReadOnlyList<IPAddress>>(node.Value.Addresses);
                }
                _answers.Remove(name);
                _recency.Remove(node);
            }
            if (!_pending.TryGetValue(name, out lookup!))
            {
                lookup = new PendingLookup(name.ToLowerInvariant(), now);
                _pending.Add(lookup.Name, lookup);
                start = true;
            }
            lookup.Waiters++;
        }
        if (start) _ = LookUpAsync(lookup);
        var answer = lookup.Completion.Task;
        if (answer.IsCompleted)
        {
            // The resolver answered at once (or this request joined a lookup that just ended).
            Leave(lookup);
            return answer.IsCompletedSuccessfully
                ? ValueTask.FromResult<IReadOnlyList<IPAddress>>(answer.Result)
                : ValueTask.FromException<IReadOnlyList<IPAddress>>(answer.Exception?.InnerException ?? new OperationCanceledException(ct));
        }
        return WaitAsync(lookup, ct);
    }

    private async ValueTask<IReadOnlyList<IPAddress>> WaitAsync(PendingLookup lookup, CancellationToken ct)
    {
        try
        {
            return await lookup.Completion.Task.WaitAsync(ct).ConfigureAwait(false);
        }
        finally
        {
            Leave(lookup);
        }
    }

    // A waiter is done with the lookup; the last one to leave a lookup still running cancels it.
    private void Leave(PendingLookup lookup)
    {
        bool abandon;
        lock (_lock)
        {
            abandon = --lookup.Waiters == 0 && !lookup.Completion.Task.IsCompleted;
            if (abandon && _pending.TryGetValue(lookup.Name, out var current) && current == lookup) _pending.Remove(lookup.Name);
        }
        if (abandon) lookup.Abandon.Cancel();
    }

    private async Task LookUpAsync(PendingLookup lookup)
    {
        IPAddress[]? addresses = null;
        Exception? failure = null;
        try
        {
            var answer = await _inner.ResolveAsync(lookup.Name, lookup.Abandon.Token).ConfigureAwait(false);
            addresses = [.. answer];
        }
        catch (Exception e)
        {
            failure = e;
        }
        lock (_lock)
        {
            if (_pending.TryGetValue(lookup.Name, out var current) && current == lookup) _pending.Remove(lookup.Name);
            // Only answers with addresses are kept, and only while somebody still wanted them.
            if (addresses is { Length: > 0 } && !lookup.Abandon.IsCancellationRequested) Store(new ResolvedName(lookup.Name, addresses, lookup.StartedAt + _ttl));
        }
        if (failure is not null) lookup.Completion.TrySetException(failure);
        else lookup.Completion.TrySetResult(addresses!);
    }

    // Under the lock.
    private void Store(ResolvedName answer)
    {
        if (_answers.Remove(answer.Name, out var old)) _recency.Remove(old);
        _answers.Add(answer.Name, _recency.AddFirst(answer));
        while (_answers.Count > _capacity)
        {
            var last = _recency.Last!;
            _recency.RemoveLast();
            _answers.Remove(last.Value.Name);
        }
    }
}
