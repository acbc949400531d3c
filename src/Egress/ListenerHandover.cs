using System.Net;
using System.Net.Sockets;
using Smooth.Core.Events;

namespace Smooth.Egress;

/// <summary>
/// The proxy's end of the hand-over: takes one loopback TCP listener from the in-sandbox bridge over a Unix socket and
/// gives it to the proxy, which then accepts the sandbox's connections itself (one hop less than relaying them). The
/// descriptor comes from inside the sandbox, so it is checked before use: a listening IPv4/IPv6 TCP socket bound to a
/// loopback address, nothing else. One hand-over is taken; then the socket is closed and removed, as it is after
/// <see cref="MaxAttempts"/> refusals (so nothing inside can fill the audit log through it). Each attempt is an
/// <c>egress.handover</c> event.
/// </summary>
internal static class ListenerHandover
{
    /// <summary>The tag byte of an HTTP proxy listener.</summary>
    public const byte HttpListenerTag = (byte)'H';

    /// <summary>The answer to the bridge: taken (it must stop accepting) or refused (it relays as before).</summary>
    public const byte Taken = 1, Refused = 0;

    /// <summary>How many hand-overs are tried before the socket closes (the bridge needs one).</summary>
    public const int MaxAttempts = 8;

    private static readonly TimeSpan ReceiveTimeout = TimeSpan.FromSeconds(5);

    /// <summary>Accepts hand-over attempts on <paramref name="socket"/> until one succeeds, <see cref="MaxAttempts"/> are used, or <paramref name="ct"/> ends.</summary>
    public static async Task TakeAsync(Socket socket, string path, IEventSink events, string? client, Action<Socket> take, CancellationToken ct)
    {
        using (socket)
        {
            for (var attempt = 0; attempt < MaxAttempts; attempt++)
            {
                if (await SocketAccept.NextAsync(socket, ct) is not { } peer) break;
                using (peer)
                {
                    // recvmsg blocks for at most the timeout: off the pool's async path, on its own task.
                    var (listener, reason) = await Task.Run(() => Receive(peer), CancellationToken.None);
                    events.Emit(SmoothEvent.Create("egress.handover", "egress", new Dictionary<string, string>
                    {
                        ["outcome"] = listener is null ? "refused" : "taken", ["reason"] = reason, ["client"] = client ?? "",
                    }));
                    try
                    {
                        peer.Send([listener is null ? Refused : Taken]);
                    }
                    catch (SocketException)
                    {
                        // The bridge gave up waiting; a listener it handed over is still served.
                    }
                    if (listener is not null)
                    {
                        take(listener);
                        break;
                    }
                }
            }
        }
        try { File.Delete(path); } catch (IOException) { }
    }

    private static (Socket? Listener, string Reason) Receive(Socket peer)
    {
        var message = DescriptorPassing.Receive(peer, ReceiveTimeout);
        if (message is not { } m) return (null, "no well-formed message with exactly one descriptor");
        if (m.Tag != HttpListenerTag)
        {
            m.Descriptor.Dispose();
            return (null, "unknown tag");
        }
        Socket socket;
        try
        {
            socket = new Socket(m.Descriptor);
        }
        catch (SocketException)
        {
            m.Descriptor.Dispose();
            return (null, "the descriptor is not a socket");
        }
        var ok = socket is { AddressFamily: AddressFamily.InterNetwork or AddressFamily.InterNetworkV6, SocketType: SocketType.Stream, ProtocolType: ProtocolType.Tcp }
            && Listening(socket) && socket.LocalEndPoint is IPEndPoint local && IPAddress.IsLoopback(local.Address);
        if (!ok)
        {
            socket.Dispose();
            return (null, "the descriptor is not a listening loopback TCP socket");
        }
        return (socket, $"listener {socket.LocalEndPoint}");
    }

    private static bool Listening(Socket socket)
    {
        try
        {
            return socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.AcceptConnection) is int v && v != 0;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
