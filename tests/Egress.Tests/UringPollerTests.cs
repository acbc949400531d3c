using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Smooth.Core;
using Smooth.Egress.Polling;

namespace Smooth.Egress.Tests;

/// <summary>
/// What only the io_uring backend has to get right, over real loopback sockets: sends the kernel carries on inside the
/// ring, cancellation of posted operations, closing a socket only after its last completion, operations handed over from
/// many threads at once, and how the backend is chosen. (The tests both backends share are in <see cref="PolledSocketTests"/>.)
/// </summary>
public sealed class UringPollerTests
{
    private static readonly TimeSpan Bound = TimeSpan.FromSeconds(30);

    private static async Task<(PolledSocket Polled, Socket Peer, Socket Listener)> PairAsync()
    {
        var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(16);
        var accept = listener.AcceptAsync();
        var polled = await PolledSocket.ConnectAsync((IPEndPoint)listener.LocalEndPoint!, CancellationToken.None, EgressIo.Uring);
        return (polled, await accept, listener);
    }

    [UringFact]
    public async Task The_ring_is_available_on_this_machine_and_serves_the_sockets_it_is_given()
    {
        // Every other test here would pass on epoll too if the ring were silently not used.
        var ring = UringPoller.TryShared(out var why);
        Assert.True(ring is not null, $"io_uring unavailable: {why}");
        var (polled, peer, listener) = await PairAsync();
        using var _ = listener;
        using var __ = peer;
        using var a = polled;
        Assert.Equal(EgressIo.Uring, a.Io);
        var before = ring.Completions;
        await a.SendAsync("ping"u8.ToArray(), CancellationToken.None);
        var buffer = new byte[4];
        Assert.Equal(4, await peer.ReceiveAsync(buffer));
        await peer.SendAsync("pong"u8.ToArray());
        Assert.Equal(4, await a.ReceiveAsync(buffer, CancellationToken.None).AsTask().WaitAsync(Bound));
        Assert.Equal("pong"u8.ToArray(), buffer);
        Assert.True(ring.Completions >= before + 2);
    }

    [UringFact]
    public async Task A_send_larger_than_the_socket_buffer_waits_in_the_ring_until_the_peer_reads_it_all()
    {
        var (polled, peer, listener) = await PairAsync();
        using var _ = listener;
        using var __ = peer;
        using var a = polled;
        a.Socket.SendBufferSize = 64 * 1024;
        peer.ReceiveBufferSize = 64 * 1024;
        var payload = RandomNumberGenerator.GetBytes(16 * 1024 * 1024);
        var send = a.SendAsync(payload, CancellationToken.None).AsTask();
        await Task.Delay(200);
        Assert.False(send.IsCompleted, "16 MiB fitted into the socket buffers");
        var received = new MemoryStream();
        var buffer = new byte[65536];
        while (received.Length < payload.Length)
        {
            var n = await peer.ReceiveAsync(buffer.AsMemory()).AsTask().WaitAsync(Bound);
            Assert.True(n > 0);
            received.Write(buffer, 0, n);
        }
        await send.WaitAsync(Bound);
        Assert.Equal(SHA256.HashData(payload), SHA256.HashData(received.ToArray()));
    }

    [UringFact]
    public async Task A_posted_send_the_peer_never_reads_is_cancelled_by_its_token()
    {
        var (polled, peer, listener) = await PairAsync();
        using var _ = listener;
        using var __ = peer;
        using var a = polled;
        using var cts = new CancellationTokenSource();
        var send = a.SendAsync(new byte[32 * 1024 * 1024], cts.Token).AsTask();
        await Task.Delay(100);
        Assert.False(send.IsCompleted);
        cts.Cancel();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => send.WaitAsync(Bound));
    }

    [UringFact]
    public async Task A_read_cancelled_before_the_ring_took_it_never_reaches_the_kernel_and_the_next_read_works()
    {
        var (polled, peer, listener) = await PairAsync();
        using var _ = listener;
        using var __ = peer;
        using var a = polled;
        // Cancelled from many threads right as the reads are handed over: each either never posts or is cancelled posted.
        for (var i = 0; i < 200; i++)
        {
            using var cts = new CancellationTokenSource();
            var read = a.ReceiveAsync(new byte[16], cts.Token).AsTask();
            cts.Cancel();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => read.WaitAsync(Bound));
        }
        await peer.SendAsync("after"u8.ToArray());
        var buffer = new byte[16];
        var n = await a.ReceiveAsync(buffer, CancellationToken.None).AsTask().WaitAsync(Bound);
        Assert.Equal("after", System.Text.Encoding.ASCII.GetString(buffer, 0, n));
    }

    [UringFact]
    public async Task Disposing_with_a_posted_read_and_send_fails_both_and_closes_the_descriptor_after_their_completions()
    {
        var (polled, peer, listener) = await PairAsync();
        using var _ = listener;
        using var __ = peer;
        var read = polled.ReceiveAsync(new byte[16], CancellationToken.None).AsTask();
        var send = polled.SendAsync(new byte[32 * 1024 * 1024], CancellationToken.None).AsTask();
        await Task.Delay(100);
        Assert.False(read.IsCompleted);
        Assert.False(send.IsCompleted);
        polled.Dispose();
        await Assert.ThrowsAsync<ObjectDisposedException>(() => read.WaitAsync(Bound));
        await Assert.ThrowsAsync<ObjectDisposedException>(() => send.WaitAsync(Bound));
        // Both CQEs are in (the tasks ended on them), so the descriptor is closed and the peer sees the end.
        Assert.True(polled.Socket.SafeHandle.IsClosed);
        peer.ReceiveTimeout = 30_000;
        var buffer = new byte[1 << 20];
        int n;
        do
        {
            try
            {
                n = peer.Receive(buffer);
            }
            catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionReset)
            {
                n = 0;
            }
        }
        while (n > 0);
    }

    [UringFact]
    public async Task A_peer_that_resets_the_connection_fails_a_posted_read_with_an_io_error()
    {
        var (polled, peer, listener) = await PairAsync();
        using var _ = listener;
        using var a = polled;
        var read = a.ReceiveAsync(new byte[16], CancellationToken.None).AsTask();
        await Task.Delay(50);
        peer.LingerState = new LingerOption(true, 0);
        peer.Dispose();
        var e = await Assert.ThrowsAsync<IOException>(() => read.WaitAsync(Bound));
        Assert.Equal(SocketError.ConnectionReset, Assert.IsType<SocketException>(e.InnerException).SocketErrorCode);
    }

    [UringFact]
    public async Task Hundreds_of_sockets_exchanging_messages_from_thread_pool_threads_each_get_their_own_bytes()
    {
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(512);
        var endPoint = (IPEndPoint)listener.LocalEndPoint!;
        var pairs = await Task.WhenAll(Enumerable.Range(0, 300).Select(async _ =>
        {
            var accept = listener.AcceptAsync();
            var c = await PolledSocket.ConnectAsync(endPoint, CancellationToken.None, EgressIo.Uring);
            return (Server: new PolledSocket(await accept, EgressIo.Uring), Client: c);
        }));
        try
        {
            await Task.WhenAll(pairs.Select((p, i) => Task.Run(async () =>
            {
                var buffer = new byte[64];
                for (var round = 0; round < 20; round++)
                {
                    var message = System.Text.Encoding.ASCII.GetBytes($"socket {i} round {round}");
                    await p.Client.SendAsync(message, CancellationToken.None);
                    var got = 0;
                    while (got < message.Length) got += await p.Server.ReceiveAsync(buffer.AsMemory(got), CancellationToken.None);
                    Assert.Equal(message, buffer[..got]);
                    await p.Server.SendAsync(message, CancellationToken.None);
                    got = 0;
                    while (got < message.Length) got += await p.Client.ReceiveAsync(buffer.AsMemory(got), CancellationToken.None);
                    Assert.Equal(message, buffer[..got]);
                }
            }))).WaitAsync(Bound);
        }
        finally
        {
            foreach (var (s, c) in pairs)
            {
                s.Dispose();
                c.Dispose();
            }
        }
    }

    [UringFact]
    public async Task A_connect_that_times_out_is_cancelled_on_the_ring()
    {
        // A listener with a full backlog leaves new connects pending (SYNs dropped) on Linux.
        using var listener = new Socket(AddressFamily.InterNetwork, SocketType.Stream, ProtocolType.Tcp);
        listener.Bind(new IPEndPoint(IPAddress.Loopback, 0));
        listener.Listen(0);
        var endPoint = (IPEndPoint)listener.LocalEndPoint!;
        var fillers = new List<Socket>();
        try
        {
            PolledSocket? connected = null;
            for (var i = 0; i < 8; i++)
            {
                using var cts = new CancellationTokenSource(TimeSpan.FromMilliseconds(300));
                try
                {
                    connected = await PolledSocket.ConnectAsync(endPoint, cts.Token, EgressIo.Uring).WaitAsync(Bound);
                    fillers.Add(connected.Socket);
                }
                catch (OperationCanceledException)
                {
                    return; // the pending connect was cancelled: what this test is for
                }
            }
            Assert.Fail("every connect completed; the backlog never filled");
        }
        finally
        {
            foreach (var s in fillers) s.Dispose();
        }
    }

    [Fact]
    public void The_backend_is_chosen_by_SMOOTH_EGRESS_IO_and_an_unknown_value_is_an_error()
    {
        Assert.Equal(EgressIo.Epoll, EgressIoSelection.Choose("epoll"));
        Assert.Equal(EgressIo.Epoll, EgressIoSelection.Choose(" EPOLL "));
        var available = UringPoller.TryShared(out _) is not null;
        if (available) Assert.Equal(EgressIo.Uring, EgressIoSelection.Choose("uring"));
        Assert.Equal(available && EgressIoSelection.PreferUring ? EgressIo.Uring : EgressIo.Epoll, EgressIoSelection.Choose(null));
        var e = Assert.Throws<SmoothException>(() => EgressIoSelection.Choose("kqueue"));
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
    }

    [Fact]
    public void Asking_for_io_uring_where_it_is_unavailable_is_an_error_at_start_and_the_default_falls_back_to_epoll()
    {
        const string why = "the kernel has no io_uring (ENOSYS)";
        var e = Assert.Throws<SmoothException>(() => EgressIoSelection.Choose("uring", () => why));
        Assert.Equal(ExitCodes.Environment, e.ExitCode);
        Assert.Contains(why, e.Message);
        Assert.Equal(EgressIo.Epoll, EgressIoSelection.Choose(null, () => why));
        Assert.Equal(EgressIo.Epoll, EgressIoSelection.Choose("epoll", () => why));
    }
}
