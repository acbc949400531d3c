using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Smooth.Egress.Polling;

namespace Smooth.Egress.Tests;

/// <summary>
/// The proxy's own socket pollers over real loopback sockets: data integrity, waits, cancellation, close, refusal. Each
/// test runs on both backends, epoll and io_uring.
/// </summary>
public sealed class PolledSocketTests
{
    // Long enough that a lost wake-up fails the test instead of hanging the run.
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    // Starts a read before anything was sent and gives it time to park on the poller.
    private static async Task<Task<int>> ParkedReadAsync(PolledSocket socket, byte[] buffer, CancellationToken ct = default)
    {
        var read = socket.ReceiveAsync(buffer, ct).AsTask();
        await Task.Delay(50);
        return read;
    }

    internal static EgressIo Io(string io) => io == "uring" ? EgressIo.Uring : EgressIo.Epoll;

    private static async Task<(PolledSocket Server, PolledSocket Client, Socket Listener)> PairAsync(string io)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(16);
        var accept = listener.AcceptAsync();
        var client = await PolledSocket.ConnectAsync((IPEndPoint)listener.LocalEndPoint!, CancellationToken.None, Io(io));
        var server = new PolledSocket(await accept, Io(io));
        return (server, client, listener);
    }

    [Theory]
    [MemberData(nameof(TestBackends.Names), MemberType = typeof(TestBackends))]
    public async Task Megabytes_both_ways_arrive_intact_when_the_reader_is_slower_than_the_writer(string io)
    {
        var (server, client, listener) = await PairAsync(io);
        using var _ = listener;
        using var a = server;
        using var b = client;
        // Larger than both kernel buffers together, so writes must park on the poller and resume.
        var payload = RandomNumberGenerator.GetBytes(8 * 1024 * 1024);
        var send = Task.Run(async () =>
        {
            await b.SendAsync(payload, CancellationToken.None);
            b.Socket.Shutdown(SocketShutdown.Send);
        });
        var received = new MemoryStream();
        var buffer = new byte[7919];
        int n;
        while ((n = await a.ReceiveAsync(buffer, CancellationToken.None).AsTask().WaitAsync(Bound)) > 0)
        {
            received.Write(buffer, 0, n);
            if (received.Length % 5 == 0) await Task.Delay(1);
        }
        await send;
        Assert.Equal(SHA256.HashData(payload), SHA256.HashData(received.ToArray()));
    }

    [Theory]
    [MemberData(nameof(TestBackends.Names), MemberType = typeof(TestBackends))]
    public async Task The_end_of_the_stream_is_read_after_data_that_arrived_with_it(string io)
    {
        // The last read gets less than it asked for and the peer's FIN is already in: the next read must still ask
        // the kernel (and get the end) rather than wait for an edge that was reported before it.
        var (server, client, listener) = await PairAsync(io);
        using var _ = listener;
        using var a = server;
        await client.SendAsync("last words"u8.ToArray(), CancellationToken.None);
        client.Socket.Shutdown(SocketShutdown.Send);
        await Task.Delay(100);
        var buffer = new byte[64];
        Assert.Equal(10, await a.ReceiveAsync(buffer, CancellationToken.None));
        Assert.Equal(0, await a.ReceiveAsync(buffer, CancellationToken.None).AsTask().WaitAsync(Bound));
        client.Dispose();
    }

    [Theory]
    [MemberData(nameof(TestBackends.Names), MemberType = typeof(TestBackends))]
    public async Task A_cancelled_read_throws_and_the_next_read_still_gets_the_data(string io)
    {
        var (server, client, listener) = await PairAsync(io);
        using var _ = listener;
        using var a = server;
        using var b = client;
        using var cts = new CancellationTokenSource();
        var read = await ParkedReadAsync(a, new byte[16], cts.Token);
        Assert.False(read.IsCompleted);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read);

        await b.SendAsync("after"u8.ToArray(), CancellationToken.None);
        var buffer = new byte[16];
        var n = await a.ReceiveAsync(buffer, CancellationToken.None).AsTask().WaitAsync(Bound);
        Assert.Equal("after", System.Text.Encoding.ASCII.GetString(buffer, 0, n));
    }

    [Theory]
    [MemberData(nameof(TestBackends.Names), MemberType = typeof(TestBackends))]
    public async Task Closing_a_socket_fails_its_waiting_read_instead_of_leaving_it_hanging(string io)
    {
        var (server, client, listener) = await PairAsync(io);
        using var _ = listener;
        using var b = client;
        var read = await ParkedReadAsync(server, new byte[16]);
        server.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => read.WaitAsync(Bound));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => server.ReceiveAsync(new byte[16], CancellationToken.None).AsTask());
    }

    [Theory]
    [MemberData(nameof(TestBackends.Names), MemberType = typeof(TestBackends))]
    public async Task The_peer_closing_ends_a_waiting_read_with_zero(string io)
    {
        var (server, client, listener) = await PairAsync(io);
        using var _ = listener;
        using var a = server;
        var read = await ParkedReadAsync(a, new byte[16]);
        client.Dispose();
        Assert.Equal(0, await read.WaitAsync(Bound));
    }

    [Theory]
    [MemberData(nameof(TestBackends.Names), MemberType = typeof(TestBackends))]
    public async Task A_socket_disposed_behind_the_poller_s_back_does_not_take_a_newer_socket_s_registration_with_it(string io)
    {
        var (server, client, listener) = await PairAsync(io);
        using var _ = listener;
        using var c = client;
        // Someone disposes the Socket directly; its descriptor number must not go to the next socket while the
        // poller still holds it, or removing the old registration would remove the new socket's.
        server.Socket.Dispose();
        var accept = listener.AcceptAsync();
        using var client2 = await PolledSocket.ConnectAsync((IPEndPoint)listener.LocalEndPoint!, CancellationToken.None, Io(io));
        using var server2 = new PolledSocket(await accept, Io(io));
        server.Dispose();

        var buffer = new byte[16];
        var read = await ParkedReadAsync(client2, buffer);
        await server2.SendAsync("ping"u8.ToArray(), CancellationToken.None);
        var n = await read.WaitAsync(Bound);
        Assert.Equal("ping", System.Text.Encoding.ASCII.GetString(buffer, 0, n));
    }

    [Theory]
    [MemberData(nameof(TestBackends.Names), MemberType = typeof(TestBackends))]
    public async Task A_continuation_that_throws_on_the_poller_thread_ends_its_own_connection_and_no_other(string io)
    {
        var (server, client, listener) = await PairAsync(io);
        using var _ = listener;
        using var c = client;
        // Registered off the test's synchronisation context, so the continuation runs inline on the poller thread.
        await Task.Run(() => server.ReceiveAsync(new byte[16], CancellationToken.None).GetAwaiter()
            .UnsafeOnCompleted(() => throw new InvalidOperationException("a bug in code resumed by the poller")));
        await client.SendAsync("x"u8.ToArray(), CancellationToken.None);
        await Eventually.GetAsync(() => server.Socket.SafeHandle.IsClosed ? "closed" : null);

        // The poller thread is still there for everyone else.
        var (server2, client2, listener2) = await PairAsync(io);
        using var __ = listener2;
        using var a = server2;
        using var b = client2;
        var buffer = new byte[16];
        var read = await ParkedReadAsync(a, buffer);
        await b.SendAsync("still here"u8.ToArray(), CancellationToken.None);
        Assert.Equal(10, await read.WaitAsync(Bound));
    }

    [Theory]
    [MemberData(nameof(TestBackends.Names), MemberType = typeof(TestBackends))]
    public async Task Connecting_to_a_port_nobody_listens_on_is_refused(string io)
    {
        using var probe = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        probe.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        var port = ((IPEndPoint)probe.LocalEndPoint!).Port; // bound, never listening
        var e = await Assert.ThrowsAsync<SocketException>(() => PolledSocket.ConnectAsync(new IPEndPoint(IPAddress.Loopback, port), CancellationToken.None, Io(io)));
        Assert.Equal(SocketError.ConnectionRefused, e.SocketErrorCode);
    }

    [Theory]
    [MemberData(nameof(TestBackends.Names), MemberType = typeof(TestBackends))]
    public async Task Hundreds_of_connections_opened_and_closed_in_waves_each_get_their_own_bytes(string io)
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        using var _ = listener;
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(512);
        var endPoint = (IPEndPoint)listener.LocalEndPoint!;
        // Slots of closed sockets are reused by later ones: an event meant for a closed socket must not reach its successor.
        for (var wave = 0; wave < 3; wave++)
        {
            var pairs = await Task.WhenAll(Enumerable.Range(0, 150).Select(async i =>
            {
                var accept = listener.AcceptAsync();
                var c = await PolledSocket.ConnectAsync(endPoint, CancellationToken.None, Io(io));
                return (Server: new PolledSocket(await accept, Io(io)), Client: c);
            }));
            await Task.WhenAll(pairs.Select(async (p, i) =>
            {
                var message = System.Text.Encoding.ASCII.GetBytes($"wave {wave} socket {i}");
                await p.Client.SendAsync(message, CancellationToken.None);
                var buffer = new byte[64];
                var got = 0;
                while (got < message.Length) got += await p.Server.ReceiveAsync(buffer.AsMemory(got), CancellationToken.None);
                Assert.Equal(message, buffer[..got]);
            }));
            foreach (var (s, c) in pairs)
            {
                s.Dispose();
                c.Dispose();
            }
        }
    }

    [Fact]
    public async Task A_peer_reading_what_was_written_does_not_wake_the_poller()
    {
        // Over a Unix socket every read by the peer frees send-buffer room and raises a writable edge. With writable
        // edges watched all the time, each response a client reads would wake the proxy's poller for nothing.
        var poller = new SocketPoller();
        var dir = Directory.CreateTempSubdirectory("smooth-poller-");
        try
        {
            var path = Path.Combine(dir.FullName, "s");
            using var listener = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            listener.Bind(new UnixDomainSocketEndPoint(path));
            listener.Listen(1);
            using var reader = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await reader.ConnectAsync(new UnixDomainSocketEndPoint(path));
            using var writer = new PolledSocket(await listener.AcceptAsync(), poller);
            var message = new byte[512];
            var buffer = new byte[512];
            for (var i = 0; i < 50; i++)
            {
                await writer.SendAsync(message, CancellationToken.None);
                var got = 0;
                while (got < message.Length) got += await reader.ReceiveAsync(buffer.AsMemory(got));
                // Time for the poller to take each edge on its own (edges it has not taken yet merge into one).
                await Task.Delay(5);
            }
            Assert.True(poller.EventsDelivered < 5, $"{poller.EventsDelivered} events for 50 messages the peer read");

            // Writes that find no room still wait for it and resume.
            var big = RandomNumberGenerator.GetBytes(4 * 1024 * 1024);
            var send = writer.SendAsync(big, CancellationToken.None).AsTask();
            var received = new MemoryStream();
            while (received.Length < big.Length)
            {
                var n = await reader.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(Bound);
                Assert.True(n > 0);
                received.Write(buffer, 0, n);
            }
            await send.WaitAsync(Bound);
            Assert.Equal(SHA256.HashData(big), SHA256.HashData(received.ToArray()));
        }
        finally
        {
            dir.Delete(recursive: true);
        }
    }
}
