using System.Collections.Concurrent;
using System.Net;
using System.Net.Sockets;
using Smooth.Core;
using Smooth.Core.Events;

namespace Smooth.Egress;

/// <summary>
/// Goalie, the egress gate: an HTTP/1.1 forward proxy (absolute-form plain HTTP with keep-alive, and CONNECT tunnels)
/// on a Unix socket and optionally loopback TCP. Each request is checked with an <see cref="IEgressGate"/>, names are
/// resolved here and internal addresses refused, and every decision becomes an <c>egress.decision</c> event.
/// </summary>
public sealed class EgressProxy : IAsyncDisposable
{
    private const int UnixSendBuffer = 1024 * 1024;

    private readonly IEgressGate _gate;
    private readonly IEventSink _events;
    private EgressProxyOptions _options;
    private readonly IHostResolver _resolver;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _listeners = [];
    private readonly List<Task> _acceptLoops = [];
    private readonly ConcurrentDictionary<ProxyConnection, Task> _connections = new();

    /// <summary>Creates a proxy; call <see cref="Start"/> to listen.</summary>
    public EgressProxy(IEgressGate gate, IEventSink events, EgressProxyOptions options)
    {
        if (options.SocketPath is null && options.TcpEndPoint is null)
        {
            throw new ArgumentException("the proxy needs a Unix socket path or a TCP endpoint", nameof(options));
        }
        if (options.ResolutionCacheTtl < TimeSpan.Zero || options.ResolutionCacheTtl > EgressProxyOptions.MaxResolutionCacheTtl)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ResolutionCacheTtl,
                $"{nameof(EgressProxyOptions.ResolutionCacheTtl)} must be between 0 (no cache) and {EgressProxyOptions.MaxResolutionCacheTtl}");
        }
        if (options.ResolutionCacheCapacity < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(options), options.ResolutionCacheCapacity,
                $"{nameof(EgressProxyOptions.ResolutionCacheCapacity)} must be at least 1");
        }
        _gate = gate;
        _events = events;
        _options = options;
        // One cache per proxy (one proxy per sandbox): answers are shared by the sandbox's connections, never across sandboxes.
        _resolver = options.ResolutionCacheTtl > TimeSpan.Zero
            ? new HostResolutionCache(options.Resolver, options.ResolutionCacheTtl, options.ResolutionCacheCapacity)
            : options.Resolver;
    }

    /// <summary>The resolver the proxy's connections use: <see cref="EgressProxyOptions.Resolver"/>, behind the cache when it is on.</summary>
    internal IHostResolver Resolver => _resolver;

    /// <summary>The bound TCP endpoint (with the real port), when listening on TCP.</summary>
    public IPEndPoint? TcpEndPoint { get; private set; }

    /// <summary>How many client connections are open now.</summary>
    public int OpenConnections => _connections.Count;

    /// <summary>The Unix socket path, when listening on one.</summary>
    public string? SocketPath => _options.SocketPath;

    /// <summary>Binds the listeners; when this returns, connections are accepted (no race with the first client).</summary>
    public void Start()
    {
        // Chosen (and io_uring set up) before the first connection: SMOOTH_EGRESS_IO=uring on a host without io_uring
        // is an error here, at start, not a failure of the first request.
        _options = _options with { Io = _options.Io ?? Polling.EgressIoSelection.Default };
        if (_options.SocketPath is { } path)
        {
            var socket = UnixSocketListener.Bind(path);
            _listeners.Add(socket);
        }
        if (_options.TcpEndPoint is { } endPoint)
        {
            var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp);
            try
            {
                socket.Bind(endPoint);
                socket.Listen(512);
            }
            catch (SocketException e)
            {
                socket.Dispose();
                throw new SmoothException($"could not listen on {endPoint}: {e.SocketErrorCode}", "pick another port or stop whatever holds it", ExitCodes.Environment, e);
            }
            TcpEndPoint = (IPEndPoint)socket.LocalEndPoint!;
            _listeners.Add(socket);
        }
        foreach (var listener in _listeners)
        {
            _acceptLoops.Add(AcceptLoopAsync(listener, _stop.Token));
        }
        if (_options.HandoverSocketPath is { } handover)
        {
            var socket = UnixSocketListener.Bind(handover);
            _acceptLoops.Add(ListenerHandover.TakeAsync(socket, handover, _events, _options.ClientLabel, AddHandedOver, _stop.Token));
        }
    }

    // A listener the bridge handed over: served exactly like the proxy's own.
    private void AddHandedOver(Socket listener)
    {
        lock (_listeners)
        {
            if (_stop.IsCancellationRequested)
            {
                listener.Dispose();
                return;
            }
            _listeners.Add(listener);
            _acceptLoops.Add(AcceptLoopAsync(listener, _stop.Token));
        }
    }

    private async Task AcceptLoopAsync(Socket listener, CancellationToken ct)
    {
        while (await SocketAccept.NextAsync(listener, ct) is { } client)
        {
            if (client.ProtocolType == ProtocolType.Tcp) client.NoDelay = true;
            // A Unix socket's send buffer (about 200 KiB by default, not autotuned like TCP's) is smaller than a relay
            // chunk: large downloads were written in pieces, one wakeup each. 1 MiB cut the proxy's syscalls for them
            // threefold; the kernel only commits it while a slow client leaves data unread.
            else client.SendBufferSize = UnixSendBuffer;
            if (_connections.Count >= _options.MaxConnections)
            {
                _ = RefuseBusyAsync(client);
                continue;
            }
            ProxyConnection connection;
            try
            {
                connection = new ProxyConnection(client, _gate, _events, _options, _resolver);
            }
            catch (IOException e)
            {
                // The poller could not take the connection (the kernel's epoll watch limit, say): refuse this one and
                // keep accepting, rather than let the accept loop end.
                _ = RefuseBusyAsync(client, $"the egress proxy could not watch the connection ({e.Message}); retry later");
                continue;
            }
            _connections[connection] = ServeAsync(connection, ct);
        }
    }

    private static async Task RefuseBusyAsync(Socket client, string message = "too many open connections through the egress proxy; close some and retry")
    {
        using (client)
        {
            try
            {
                await client.SendAsync(ProxyResponses.Error(503, message), SocketFlags.None);
                client.Shutdown(SocketShutdown.Both);
            }
            catch (SocketException) { }
        }
    }

    private async Task ServeAsync(ProxyConnection connection, CancellationToken ct)
    {
        await Task.Yield();
        try
        {
            await connection.RunAsync(ct);
        }
        finally
        {
            await connection.DisposeAsync();
            _connections.TryRemove(connection, out _);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        Task[] loops;
        lock (_listeners)
        {
            foreach (var listener in _listeners) listener.Dispose();
            loops = [.. _acceptLoops];
        }
        await Task.WhenAll(loops);
        foreach (var connection in _connections.Keys) await connection.DisposeAsync();
        try { await Task.WhenAll(_connections.Values); }
        catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException) { }
        if (_options.SocketPath is { } path) UnixSocketListener.Remove(path);
        _stop.Dispose();
    }
}
