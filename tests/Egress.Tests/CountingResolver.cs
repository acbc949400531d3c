using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Smooth.Egress.Tests;

/// <summary>
/// A stand-in for the system resolver: answers from a map the test may change (a DNS server whose answer changes, as in
/// rebinding), fails like getaddrinfo (<see cref="SocketException"/> HostNotFound) for unknown names, completes
/// asynchronously as Dns.GetHostAddressesAsync does, counts every call per name and can hold lookups until released.
/// </summary>
public sealed class CountingResolver : IHostResolver
{
    private readonly ConcurrentDictionary<string, IPAddress[]> _map = new();
    private readonly ConcurrentDictionary<string, int> _calls = new();
    private volatile TaskCompletionSource? _hold;
    private int _total;

    public CountingResolver(params (string Name, string Address)[] answers)
    {
        foreach (var (name, address) in answers) Answer(name, address);
    }

    /// <summary>Every call in order (names as the resolver was asked).</summary>
    public ConcurrentQueue<string> Lookups { get; } = new();

    public int Total => Volatile.Read(ref _total);

    public int Calls(string name) => _calls.TryGetValue(name, out var n) ? n : 0;

    /// <summary>From now on <paramref name="name"/> resolves to <paramref name="addresses"/> (none: no such host).</summary>
    public void Answer(string name, params string[] addresses)
    {
        if (addresses.Length == 0) _map.TryRemove(name, out _);
        else _map[name] = addresses.Select(IPAddress.Parse).ToArray();
    }

    /// <summary>Lookups wait until <see cref="Release"/>.</summary>
    public void Hold() => _hold = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

    public void Release() => _hold?.TrySetResult();

    public async ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken ct)
    {
        Lookups.Enqueue(host);
        _calls.AddOrUpdate(host, 1, (_, n) => n + 1);
        Interlocked.Increment(ref _total);
        await Task.Yield();
        if (_hold is { } hold) await hold.Task.WaitAsync(ct);
        return _map.TryGetValue(host, out var addresses) ? addresses : throw new SocketException((int)SocketError.HostNotFound);
    }
}
