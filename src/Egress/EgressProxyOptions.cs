using System.Net;

namespace Smooth.Egress;

/// <summary>Where the proxy listens and how it reaches upstreams.</summary>
public sealed record EgressProxyOptions
{
    /// <summary>The Unix socket to listen on (created with mode 0600; a stale socket file is replaced).</summary>
    public string? SocketPath { get; init; }

    /// <summary>An optional loopback TCP endpoint (port 0 picks a free port; see <see cref="EgressProxy.TcpEndPoint"/>).</summary>
    public IPEndPoint? TcpEndPoint { get; init; }

    /// <summary>How names are resolved; the proxy connects to exactly the address it checked.</summary>
    public IHostResolver Resolver { get; init; } = SystemHostResolver.Instance;

    /// <summary>The longest time to live <see cref="ResolutionCacheTtl"/> accepts.</summary>
    public static readonly TimeSpan MaxResolutionCacheTtl = TimeSpan.FromMinutes(1);

    /// <summary>
    /// How long the proxy reuses a name's successful answer from <see cref="Resolver"/> (counted from when the lookup
    /// started) before resolving it again; <see cref="TimeSpan.Zero"/> resolves on every request. At most
    /// <see cref="MaxResolutionCacheTtl"/>. Failures are never cached. Only addresses are reused: every request's
    /// addresses are still classified against the policy in force, and the connection goes to exactly those addresses.
    /// </summary>
    public TimeSpan ResolutionCacheTtl { get; init; } = TimeSpan.FromSeconds(5);

    /// <summary>How many names' answers the resolution cache keeps at most (the least recently used go first).</summary>
    public int ResolutionCacheCapacity { get; init; } = 1024;

    /// <summary>How long to wait for an upstream TCP connection.</summary>
    public TimeSpan ConnectTimeout { get; init; } = TimeSpan.FromSeconds(10);

    /// <summary>How long a client connection may stay idle between requests before it is closed.</summary>
    public TimeSpan IdleTimeout { get; init; } = TimeSpan.FromMinutes(2);

    /// <summary>How many client connections may be open at once; more are answered 503 and closed (protects the host's descriptors).</summary>
    public int MaxConnections { get; init; } = 1024;

    /// <summary>
    /// A Unix socket (0600) where the in-sandbox bridge hands over its loopback listener (SCM_RIGHTS), so the proxy accepts
    /// the sandbox's connections itself and nothing relays them inside; one hand-over is taken, then the socket closes.
    /// </summary>
    public string? HandoverSocketPath { get; init; }

    /// <summary>
    /// The I/O backend for this proxy's sockets; null takes the process's choice (<see cref="Polling.EgressIoSelection"/>:
    /// <c>SMOOTH_EGRESS_IO</c>, else io_uring where available). Tests set it to run the proxy on each backend.
    /// </summary>
    internal Polling.EgressIo? Io { get; init; }

    /// <summary>A label for the client side (sandbox or operator id), copied into every event as <c>client</c>.</summary>
    public string? ClientLabel { get; init; }
}
