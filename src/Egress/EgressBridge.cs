using System.Net;
using System.Net.Sockets;
using Smooth.Core;

namespace Smooth.Egress;

/// <summary>
/// The in-sandbox end of the egress path: a TCP listener on the sandbox's own loopback (127.0.0.1:3128) that relays each
/// connection to the proxy's mounted Unix socket, and optionally a SOCKS5 listener that turns SOCKS CONNECTs into proxy
/// CONNECTs (names are resolved by the proxy, never inside the sandbox). With a hand-over socket, the HTTP listener is
/// handed to the proxy itself (SCM_RIGHTS), which then accepts the sandbox's connections with no relay in between;
/// when the proxy refuses or cannot be asked, the bridge relays as before.
/// </summary>
public sealed class EgressBridge : IAsyncDisposable
{
    private readonly string _socketPath;
    private readonly IPEndPoint _httpEndPoint;
    private readonly IPEndPoint? _socksEndPoint;
    private readonly string? _handoverPath;
    private static readonly TimeSpan HandOverAnswerTimeout = TimeSpan.FromSeconds(5);
    private volatile Socket? _handedOver;
    private readonly CancellationTokenSource _stop = new();
    private readonly List<Socket> _listeners = [];
    private readonly List<Task> _loops = [];

    /// <summary>Creates a bridge to the proxy at <paramref name="socketPath"/>; call <see cref="Start"/>.</summary>
    public EgressBridge(string socketPath, IPEndPoint httpEndPoint, IPEndPoint? socksEndPoint, string? handoverPath = null)
    {
        _socketPath = socketPath;
        _httpEndPoint = httpEndPoint;
        _socksEndPoint = socksEndPoint;
        _handoverPath = handoverPath;
    }

    /// <summary>True when the proxy took the HTTP listener and accepts its connections itself.</summary>
    public bool HandedOver => _handedOver is not null;

    /// <summary>The bound HTTP proxy endpoint.</summary>
    public IPEndPoint? HttpEndPoint { get; private set; }

    /// <summary>The bound SOCKS5 endpoint, when enabled.</summary>
    public IPEndPoint? SocksEndPoint { get; private set; }

    /// <summary>Checks the proxy socket and binds the listeners; when this returns, the bridge accepts connections.</summary>
    public void Start()
    {
        if (!File.Exists(_socketPath))
        {
            throw new SmoothException($"the egress proxy socket '{_socketPath}' does not exist",
                "mount the host's proxy socket into the sandbox (bwrap --bind HOST_SOCKET PATH) and pass that PATH to --socket", ExitCodes.Environment);
        }
        var http = Listen(_httpEndPoint);
        HttpEndPoint = (IPEndPoint)http.LocalEndPoint!;
        if (_handoverPath is not null && SendHandOver(http, _handoverPath) is { } handover)
        {
            // The command may start before the proxy answers: the listener is bound, so a first connection waits in its
            // backlog until the proxy's copy accepts it, or this bridge's own loop if the proxy declines.
            _loops.Add(FinishHandOverAsync(handover, http));
        }
        else
        {
            _loops.Add(AcceptLoopAsync(http, RelayToProxyAsync, _stop.Token));
        }
        if (_socksEndPoint is not null)
        {
            var socks = Listen(_socksEndPoint);
            SocksEndPoint = (IPEndPoint)socks.LocalEndPoint!;
            _loops.Add(AcceptLoopAsync(socks, (c, ct) => Socks5Session.RunAsync(c, ConnectProxyAsync, ct), _stop.Token));
        }
    }

    // Sends the listener to the proxy; the connection that waits for its answer, or null when it could not be sent.
    private static Socket? SendHandOver(Socket listener, string path)
    {
        if (!OperatingSystem.IsLinux() || !File.Exists(path)) return null;
        var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            unix.Connect(new UnixDomainSocketEndPoint(path));
            DescriptorPassing.Send(unix, listener.SafeHandle, ListenerHandover.HttpListenerTag);
            return unix;
        }
        catch (SocketException)
        {
            unix.Dispose();
            return null; // relaying works without it
        }
    }

    private async Task FinishHandOverAsync(Socket handover, Socket http)
    {
        var taken = false;
        using (handover)
        using (var wait = CancellationTokenSource.CreateLinkedTokenSource(_stop.Token))
        {
            wait.CancelAfter(HandOverAnswerTimeout);
            try
            {
                var answer = new byte[1];
                taken = await handover.ReceiveAsync(answer, SocketFlags.None, wait.Token) == 1 && answer[0] == ListenerHandover.Taken;
            }
            catch (Exception e) when (e is SocketException or OperationCanceledException)
            {
            }
        }
        if (taken)
        {
            // The proxy holds its own copy now. This one is kept open, never accepted on and never shut down (closing a
            // socket .NET has used may shut it down, which would stop the proxy's copy too); it goes with the process.
            lock (_listeners) _listeners.Remove(http);
            _handedOver = http;
            return;
        }
        await AcceptLoopAsync(http, RelayToProxyAsync, _stop.Token);
    }

    private Socket Listen(IPEndPoint endPoint)
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
            throw new SmoothException($"could not listen on {endPoint}: {e.SocketErrorCode}", "choose another address with --listen / --socks", ExitCodes.Environment, e);
        }
        lock (_listeners) _listeners.Add(socket);
        return socket;
    }

    private static async Task AcceptLoopAsync(Socket listener, Func<Socket, CancellationToken, Task> serve, CancellationToken ct)
    {
        while (await SocketAccept.NextAsync(listener, ct) is { } client)
        {
            client.NoDelay = true;
            _ = Task.Run(async () =>
            {
                using (client)
                {
                    try
                    {
                        await serve(client, ct);
                    }
                    catch (Exception e) when (e is IOException or SocketException or OperationCanceledException or ObjectDisposedException or HttpProtocolException)
                    {
                        // A broken connection only affects that connection.
                    }
                }
            }, CancellationToken.None);
        }
    }

    /// <summary>Opens a connection to the proxy's Unix socket.</summary>
    internal async Task<Socket> ConnectProxyAsync(CancellationToken ct)
    {
        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            await socket.ConnectAsync(new UnixDomainSocketEndPoint(_socketPath), ct);
            return socket;
        }
        catch
        {
            socket.Dispose();
            throw;
        }
    }

    private async Task RelayToProxyAsync(Socket client, CancellationToken ct)
    {
        using var proxy = await ConnectProxyAsync(ct);
        await using var clientStream = new NetworkStream(client, ownsSocket: false);
        await using var proxyStream = new NetworkStream(proxy, ownsSocket: false);
        await Relay.RunAsync(new BufferedReader(clientStream, 4096), clientStream, client,
            new BufferedReader(proxyStream, 4096), proxyStream, proxy, ct);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _stop.CancelAsync();
        lock (_listeners)
        {
            foreach (var listener in _listeners) listener.Dispose();
        }
        await Task.WhenAll(_loops);
        _stop.Dispose();
    }
}
