using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;

namespace Smooth.Egress.Tests;

/// <summary>A resolver the test controls: maps names to addresses (an attacker's DNS, in effect) and records every lookup.</summary>
public sealed class TestResolver(IReadOnlyDictionary<string, IPAddress[]> map) : IHostResolver
{
    public ConcurrentQueue<string> Lookups { get; } = new();

    public ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken ct)
    {
        Lookups.Enqueue(host);
        return map.TryGetValue(host, out var addresses)
            ? ValueTask.FromResult<IReadOnlyList<IPAddress>>(addresses)
            : throw new SocketException((int)SocketError.HostNotFound);
    }
}
