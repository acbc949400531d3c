using Smooth.Core.Events;
using Smooth.TestSupport;

namespace Smooth.Egress.Tests;

/// <summary>A real proxy on a Unix socket in a temp directory, with its events captured.</summary>
public sealed class ProxyHarness : IAsyncDisposable
{
    private readonly TempDir _dir = new("smooth-egress");

    /// <summary>
    /// The I/O backend for harnesses created in this async flow (null: the process's choice, SMOOTH_EGRESS_IO or the
    /// default); <see cref="BackendTests"/> sets it to run existing proxy tests on each backend explicitly.
    /// </summary>
    internal static readonly AsyncLocal<Polling.EgressIo?> Backend = new();

    public ProxyHarness(IEgressGate gate, IHostResolver? resolver = null, int maxConnections = 1024, TimeSpan? idleTimeout = null,
        TimeSpan? resolutionCacheTtl = null, int resolutionCacheCapacity = 1024, TimeSpan? connectTimeout = null)
    {
        SocketPath = _dir.Combine("egress.sock");
        Proxy = new EgressProxy(gate, Events, new EgressProxyOptions
        {
            SocketPath = SocketPath,
            Resolver = resolver ?? SystemHostResolver.Instance,
            ClientLabel = "test",
            MaxConnections = maxConnections,
            IdleTimeout = idleTimeout ?? TimeSpan.FromMinutes(2),
            ResolutionCacheTtl = resolutionCacheTtl ?? TimeSpan.FromSeconds(5),
            ResolutionCacheCapacity = resolutionCacheCapacity,
            ConnectTimeout = connectTimeout ?? TimeSpan.FromSeconds(10),
            Io = Backend.Value,
        });
        Proxy.Start();
    }

    public static ProxyHarness Allow(params string[] rules) => new(AllowListGate.Parse(rules));

    public static ProxyHarness Allow(IHostResolver resolver, params string[] rules) => new(AllowListGate.Parse(rules), resolver);

    public EventRing Events { get; } = new();

    public EgressProxy Proxy { get; }

    public string SocketPath { get; }

    public Task<System.Net.Sockets.NetworkStream> ConnectAsync() => RawHttp.ConnectUnixAsync(SocketPath);

    /// <summary>Sends one plain HTTP GET for <paramref name="url"/> through the proxy on a fresh connection.</summary>
    public async Task<RawHttp.Response> GetAsync(string url, string? hostHeader = null)
    {
        await using var stream = await ConnectAsync();
        var host = hostHeader ?? new Uri(url).Authority;
        return await RawHttp.SendAsync(stream, $"GET {url} HTTP/1.1\r\nHost: {host}\r\nConnection: close\r\n\r\n");
    }

    /// <summary>Sends CONNECT for <paramref name="authority"/> and returns the proxy's answer (the stream stays open for tunnelling).</summary>
    public async Task<(RawHttp.Response Response, System.Net.Sockets.NetworkStream Stream)> ConnectTunnelAsync(string authority)
    {
        var stream = await ConnectAsync();
        var response = await RawHttp.SendAsync(stream, $"CONNECT {authority} HTTP/1.1\r\nHost: {authority}\r\n\r\n", headOnly: true);
        return (response, stream);
    }

    public IReadOnlyList<SmoothEvent> Decisions() => Events.Snapshot().Where(e => e.Type == EgressEvents.DecisionType).ToList();

    public async ValueTask DisposeAsync()
    {
        await Proxy.DisposeAsync();
        _dir.Dispose();
    }
}
