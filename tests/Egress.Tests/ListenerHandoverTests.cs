using System.Net;
using System.Net.Sockets;
using Smooth.Core.Events;
using Smooth.TestSupport;

namespace Smooth.Egress.Tests;

/// <summary>
/// The bridge hands its loopback listener to the proxy over a Unix socket: a valid one is served by the proxy itself;
/// anything else that arrives on the hand-over socket (from inside a sandbox) is refused and closed.
/// </summary>
public sealed class ListenerHandoverTests
{
    private sealed class Harness : IAsyncDisposable
    {
        private readonly TempDir _dir = new("smooth-handover");

        public Harness(int upstreamPort)
        {
            HandoverPath = _dir.Combine("handover.sock");
            Proxy = new EgressProxy(AllowListGate.Parse([$"127.0.0.1:{upstreamPort}"]), Events,
                new EgressProxyOptions { SocketPath = _dir.Combine("egress.sock"), HandoverSocketPath = HandoverPath, ClientLabel = "test" });
            Proxy.Start();
        }

        public string HandoverPath { get; }
        public EventRing Events { get; } = new();
        public EgressProxy Proxy { get; }

        /// <summary>Sends <paramref name="descriptor"/> (or only a byte when null) and returns the proxy's one-byte answer.</summary>
        public byte HandOver(System.Runtime.InteropServices.SafeHandle? descriptor)
        {
            using var unix = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            unix.Connect(new UnixDomainSocketEndPoint(HandoverPath));
            if (descriptor is null) unix.Send([ListenerHandover.HttpListenerTag]);
            else DescriptorPassing.Send(unix, descriptor, ListenerHandover.HttpListenerTag);
            unix.ReceiveTimeout = 10_000;
            var answer = new byte[1];
            Assert.Equal(1, unix.Receive(answer));
            return answer[0];
        }

        public IReadOnlyList<SmoothEvent> Handovers() => Events.Snapshot().Where(e => e.Type == "egress.handover").ToList();

        public async ValueTask DisposeAsync()
        {
            await Proxy.DisposeAsync();
            _dir.Dispose();
        }
    }

    private static Socket LoopbackListener(IPAddress? address = null)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(address ?? IPAddress.Loopback, 0));
        listener.Listen(16);
        return listener;
    }

    [Fact]
    public async Task A_handed_over_listener_is_served_by_the_proxy_and_the_handover_socket_goes_away()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        await using var h = new Harness(upstream.Port);
        using var listener = LoopbackListener();
        var port = ((IPEndPoint)listener.LocalEndPoint!).Port;

        Assert.Equal(ListenerHandover.Taken, h.HandOver(listener.SafeHandle));

        // Nobody in this process accepts on the listener: the answer can only come from the proxy.
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, port);
        var response = await RawHttp.SendAsync(client.GetStream(),
            $"GET http://127.0.0.1:{upstream.Port}/hello HTTP/1.1\r\nHost: 127.0.0.1:{upstream.Port}\r\nConnection: close\r\n\r\n");
        Assert.Equal(200, response.Status);
        Assert.Equal(1, upstream.Requests);
        Assert.Equal("taken", Assert.Single(h.Handovers()).Attributes["outcome"]);
        await Eventually.GetAsync(() => File.Exists(h.HandoverPath) ? null : "gone");
    }

    [Fact]
    public async Task Anything_but_a_listening_loopback_socket_is_refused_and_a_valid_one_still_works_after()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        await using var h = new Harness(upstream.Port);

        Assert.Equal(ListenerHandover.Refused, h.HandOver(null)); // no descriptor at all
        using (var connected = new TcpClient())
        {
            using var peer = LoopbackListener();
            await connected.ConnectAsync((IPEndPoint)peer.LocalEndPoint!);
            Assert.Equal(ListenerHandover.Refused, h.HandOver(connected.Client.SafeHandle)); // a connection, not a listener
        }
        using (var file = File.OpenHandle("/etc/hostname"))
        {
            Assert.Equal(ListenerHandover.Refused, h.HandOver(file)); // not a socket
        }
        using (var wide = LoopbackListener(IPAddress.Any))
        {
            Assert.Equal(ListenerHandover.Refused, h.HandOver(wide.SafeHandle)); // listening, but not on loopback
        }
        Assert.All(h.Handovers(), e => Assert.Equal("refused", e.Attributes["outcome"]));

        using var listener = LoopbackListener();
        Assert.Equal(ListenerHandover.Taken, h.HandOver(listener.SafeHandle));
        Assert.Equal(5, h.Handovers().Count);
    }

    [Fact]
    public async Task The_handover_socket_closes_after_its_attempts_are_used_up()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        await using var h = new Harness(upstream.Port);
        for (var i = 0; i < ListenerHandover.MaxAttempts; i++) Assert.Equal(ListenerHandover.Refused, h.HandOver(null));
        await Eventually.GetAsync(() => File.Exists(h.HandoverPath) ? null : "gone");
        using var late = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        Assert.ThrowsAny<SocketException>(() => late.Connect(new UnixDomainSocketEndPoint(h.HandoverPath)));
        Assert.Equal(ListenerHandover.MaxAttempts, h.Handovers().Count);
    }
}
