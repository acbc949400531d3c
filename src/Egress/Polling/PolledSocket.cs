using System.Net;
using System.Net.Sockets;

namespace Smooth.Egress.Polling;

/// <summary>
/// A connected socket served by the <see cref="SocketPoller"/> instead of the runtime's socket engine: reads and writes
/// are tried at once on the non-blocking socket and wait for the poller's edge only when the kernel has nothing (or no
/// room). After a read found nothing, or less than it asked for, the next one waits for an edge without trying first
/// (edge-triggered epoll reports every arrival after that point), which saves a failing system call per message.
/// Writable edges are watched only while a write waits for room, so a response the peer reads does not wake the poller.
/// The socket's own methods do the system calls, so a socket closed under a running call is caught by its handle's
/// reference count rather than reusing a closed descriptor.
/// On io_uring (<see cref="UringPoller"/>, chosen by <see cref="EgressIoSelection"/>) the same calls are completion-based
/// instead; see <c>PolledSocket.Ring.cs</c>.
/// </summary>
internal sealed partial class PolledSocket : IDisposable
{
    private const uint ReadEvents = EpollNative.In | EpollNative.RdHup | EpollNative.Hup | EpollNative.Err;
    private const uint WriteEvents = EpollNative.Out | EpollNative.Hup | EpollNative.Err;

    private readonly SocketPoller? _poller;
    private readonly object _lock = new();
    private readonly PendingIo _read;
    private readonly PendingIo _write;
    // Edges seen by the poller; a waiting call compares them with what it saw before its last try.
    private int _readEdges;
    private int _writeEdges;
    private int _readDryAt = -1;
    // The peer shut its side or the connection broke: a read must always ask the kernel (it has an end or an error to
    // report even when the last read got less than it asked for).
    private volatile bool _readShut;
    private bool _closed;
    // Whether the registration includes writable edges now (under the lock).
    private bool _watchingWrites;

    /// <summary>Takes <paramref name="socket"/> over on the process's I/O backend (<see cref="EgressIoSelection.Default"/>).</summary>
    public PolledSocket(Socket socket)
        : this(socket, EgressIoSelection.Default)
    {
    }

    /// <summary>Takes <paramref name="socket"/> over on the shared poller of <paramref name="io"/>.</summary>
    public PolledSocket(Socket socket, EgressIo io)
        : this(socket, io == EgressIo.Uring ? null : SocketPoller.Shared, io == EgressIo.Uring ? UringPoller.Shared : null)
    {
    }

    /// <summary>Takes <paramref name="socket"/> (connected or connecting) over: non-blocking, watched by <paramref name="poller"/>.</summary>
    public PolledSocket(Socket socket, SocketPoller poller)
        : this(socket, poller, null)
    {
    }

    /// <summary>Takes <paramref name="socket"/> (connected or connecting) over: non-blocking, served by <paramref name="ring"/>.</summary>
    public PolledSocket(Socket socket, UringPoller ring)
        : this(socket, null, ring)
    {
    }

    private PolledSocket(Socket socket, SocketPoller? poller, UringPoller? ring)
    {
        Socket = socket;
        _read = new PendingIo(this);
        _write = new PendingIo(this);
        // Non-blocking on io_uring too: its receives and sends arm their own poll either way, and a connect must not block.
        socket.Blocking = false;
        if (ring is not null)
        {
            _ring = ring;
            Key = ring.Register(this);
            return;
        }
        _poller = poller!;
        _poller.Register(this, (int)socket.SafeHandle.DangerousGetHandle());
    }

    /// <summary>Which backend serves this socket.</summary>
    public EgressIo Io => _ring is null ? EgressIo.Epoll : EgressIo.Uring;

    /// <summary>The socket (for shutdown and addresses; its reads and writes go through this object).</summary>
    public Socket Socket { get; }

    /// <summary>The poller's key for this socket, set before it is watched.</summary>
    internal ulong Key { get; set; }

    /// <summary>Connects a new TCP socket to <paramref name="endPoint"/> without the runtime's socket engine.</summary>
    public static async Task<PolledSocket> ConnectAsync(IPEndPoint endPoint, CancellationToken ct, EgressIo? io = null)
    {
        var socket = new Socket(endPoint.AddressFamily, SocketType.Stream, ProtocolType.Tcp) { NoDelay = true, Blocking = false };
        PolledSocket? polled = null;
        try
        {
            var pending = false;
            try
            {
                socket.Connect(endPoint);
            }
            catch (SocketException e) when (e.SocketErrorCode is SocketError.WouldBlock or SocketError.InProgress)
            {
                pending = true;
            }
            // Watched only after connect() started: an edge from here on means connected or failed.
            polled = new PolledSocket(socket, io ?? EgressIoSelection.Default);
            if (pending)
            {
                await polled.WaitWritableAsync(ct);
                polled.StopWatchingWrites();
            }
            var error = (SocketError)(int)socket.GetSocketOption(SocketOptionLevel.Socket, SocketOptionName.Error)!;
            if (error != SocketError.Success) throw new SocketException((int)error);
            return polled;
        }
        catch
        {
            if (polled is not null) polled.Dispose();
            else socket.Dispose();
            throw;
        }
    }

    /// <summary>Reads what has arrived (at least one byte), or 0 at the end of the stream.</summary>
    public ValueTask<int> ReceiveAsync(Memory<byte> buffer, CancellationToken ct)
    {
        if (ct.IsCancellationRequested) return ValueTask.FromCanceled<int>(ct);
        if (_ring is not null) return RingReceiveAsync(buffer, ct);
        while (true)
        {
            var seen = Volatile.Read(ref _readEdges);
            if (seen != _readDryAt || _readShut)
            {
                int n;
                SocketError error;
                try
                {
                    n = Socket.Receive(buffer.Span, SocketFlags.None, out error);
                }
                catch (ObjectDisposedException e)
                {
                    return ValueTask.FromException<int>(e);
                }
                if (error == SocketError.Success)
                {
                    // Less than asked for: the kernel's queue was empty at that instant, and whatever came after
                    // raises a new edge, so the next read may wait for that edge without trying first.
                    if (n < buffer.Length) _readDryAt = seen;
                    return new ValueTask<int>(n);
                }
                if (error != SocketError.WouldBlock) return ValueTask.FromException<int>(Failure(error));
                _readDryAt = seen;
            }
            lock (_lock)
            {
                if (_closed) return ValueTask.FromException<int>(new ObjectDisposedException(nameof(PolledSocket)));
                if (_readEdges != seen) continue;
                _read.ReadBuffer = buffer;
                return new ValueTask<int>(_read, Park(_read, ct));
            }
        }
    }

    /// <summary>Sends all of <paramref name="data"/>.</summary>
    public ValueTask SendAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        if (ct.IsCancellationRequested) return ValueTask.FromCanceled(ct);
        if (_ring is not null) return RingSendAsync(data, ct);
        while (!data.IsEmpty)
        {
            var seen = Volatile.Read(ref _writeEdges);
            int n;
            SocketError error;
            try
            {
                n = Socket.Send(data.Span, SocketFlags.None, out error);
            }
            catch (ObjectDisposedException e)
            {
                return ValueTask.FromException(e);
            }
            if (error == SocketError.Success)
            {
                data = data[n..];
                continue;
            }
            if (error != SocketError.WouldBlock) return ValueTask.FromException(Failure(error));
            lock (_lock)
            {
                if (_closed) return ValueTask.FromException(new ObjectDisposedException(nameof(PolledSocket)));
                if (_writeEdges != seen) continue;
                if (WatchWrites() is { } failure) return ValueTask.FromException(failure);
                _write.WriteLeft = data;
                return new ValueTask(_write, Park(_write, ct));
            }
        }
        return ValueTask.CompletedTask;
    }

    /// <summary>Waits for the first writable (or error) edge since the socket was watched: a connect's end.</summary>
    private ValueTask WaitWritableAsync(CancellationToken ct)
    {
        if (_ring is not null) return RingWaitWritableAsync(ct);
        lock (_lock)
        {
            if (WatchWrites() is { } failure) return ValueTask.FromException(failure);
            if (_writeEdges != 0) return ValueTask.CompletedTask;
            return new ValueTask(_write, Park(_write, ct));
        }
    }

    // Under the lock, before a write parks: adds writable edges to the registration (room that came since the write
    // found none is reported at once). Null on success; a write that cannot be woken must not wait.
    private IOException? WatchWrites()
    {
        if (_watchingWrites) return null;
        var errno = _poller!.WatchWrites(Socket.SafeHandle, Key, watch: true);
        if (errno != 0) return new IOException($"could not watch the socket for room to write (epoll_ctl errno {errno})");
        _watchingWrites = true;
        return null;
    }

    /// <summary>Takes writable edges out of the registration again once no write waits (see <see cref="SocketPoller.WatchWrites"/>).</summary>
    internal void StopWatchingWrites()
    {
        lock (_lock)
        {
            if (_poller is null || !_watchingWrites || _closed || _write.State != PendingState.Idle) return;
            // A failure leaves writes watched: spurious edges, not lost ones.
            if (_poller.WatchWrites(Socket.SafeHandle, Key, watch: false) == 0) _watchingWrites = false;
        }
    }

    // Under the lock: starts a wait for the poller's next edge, cancelled by the token; returns the wait's version.
    // A token that has already fired runs the callback here, on this thread (the lock is re-entrant).
    private short Park(PendingIo op, CancellationToken ct)
    {
        var version = op.Begin();
        if (!ct.CanBeCanceled) return version;
        var registration = ct.UnsafeRegister(static (state, token) =>
        {
            var pending = (PendingIo)state!;
            pending.Owner.Cancel(pending, token);
        }, op);
        if (op.State != PendingState.Idle) op.Cancellation = registration;
        return version;
    }

    private void Cancel(PendingIo op, CancellationToken token)
    {
        if (_ring is not null)
        {
            RingCancel(op, token);
            return;
        }
        lock (_lock)
        {
            if (op.State == PendingState.Running)
            {
                op.CancelRequested = true;
                return;
            }
            if (op.State != PendingState.Waiting) return;
            op.End();
        }
        op.Fail(new OperationCanceledException(token));
    }

    /// <summary>The poller's report of an edge: carries on a waiting read or write.</summary>
    internal void OnEvents(uint events)
    {
        bool read = false, write = false;
        lock (_lock)
        {
            if (_closed) return;
            if ((events & ReadEvents) != 0)
            {
                // Before the count: a reader that sees the new count also sees the flag.
                if ((events & (EpollNative.RdHup | EpollNative.Hup | EpollNative.Err)) != 0) _readShut = true;
                Volatile.Write(ref _readEdges, _readEdges + 1);
                if (_read.State == PendingState.Waiting)
                {
                    _read.State = PendingState.Running;
                    read = true;
                }
            }
            if ((events & WriteEvents) != 0)
            {
                Volatile.Write(ref _writeEdges, _writeEdges + 1);
                if (_write.State == PendingState.Waiting)
                {
                    _write.State = PendingState.Running;
                    write = true;
                }
            }
        }
        if (read) ContinueRead();
        if (write) ContinueWrite();
    }

    // On the poller thread, with _read Running.
    private void ContinueRead()
    {
        while (true)
        {
            var seen = Volatile.Read(ref _readEdges);
            int n;
            SocketError error;
            try
            {
                n = Socket.Receive(_read.ReadBuffer.Span, SocketFlags.None, out error);
            }
            catch (ObjectDisposedException e)
            {
                Finish(_read, 0, e);
                return;
            }
            if (error == SocketError.WouldBlock)
            {
                // A spurious edge (the data went to a read tried at once).
                _readDryAt = seen;
                if (ParkAgain(_read, ref _readEdges, seen)) return;
                continue;
            }
            if (error == SocketError.Success && n < _read.ReadBuffer.Length) _readDryAt = seen;
            Finish(_read, n, error == SocketError.Success ? null : Failure(error));
            return;
        }
    }

    // On the poller thread, with _write Running.
    private void ContinueWrite()
    {
        while (true)
        {
            var seen = Volatile.Read(ref _writeEdges);
            var error = SocketError.Success;
            try
            {
                while (!_write.WriteLeft.IsEmpty)
                {
                    var n = Socket.Send(_write.WriteLeft.Span, SocketFlags.None, out error);
                    if (error != SocketError.Success) break;
                    _write.WriteLeft = _write.WriteLeft[n..];
                }
            }
            catch (ObjectDisposedException e)
            {
                Finish(_write, 0, e);
                return;
            }
            if (error == SocketError.WouldBlock)
            {
                if (ParkAgain(_write, ref _writeEdges, seen)) return;
                continue;
            }
            Finish(_write, 0, error == SocketError.Success ? null : Failure(error));
            return;
        }
    }

    // On the poller thread, after a running call found the kernel empty (or full): waits for the next edge again, or
    // ends the call when it was cancelled or the socket closed meanwhile. False when an edge came since `seen`: try again.
    private bool ParkAgain(PendingIo op, ref int edges, int seen)
    {
        lock (_lock)
        {
            if (!op.CancelRequested && !_closed)
            {
                if (edges != seen) return false;
                op.State = PendingState.Waiting;
                return true;
            }
        }
        Finish(op, 0, _closed ? new ObjectDisposedException(nameof(PolledSocket)) : new OperationCanceledException());
        return true;
    }

    private void Finish(PendingIo op, int result, Exception? failure)
    {
        CancellationTokenRegistration registration;
        lock (_lock) registration = op.End();
        // Disposed outside the lock: it waits for a callback running now, which takes the lock and finds nothing.
        registration.Dispose();
        if (op == _write) StopWatchingWrites();
        if (failure is null) op.Succeed(result);
        else op.Fail(failure);
    }

    private static IOException Failure(SocketError error) =>
        new($"the connection failed: {error}", new SocketException((int)error));

    /// <summary>Stops watching and closes the socket; a waiting read or write fails.</summary>
    public void Dispose()
    {
        if (_ring is not null)
        {
            RingDispose();
            return;
        }
        bool readWaited, writeWaited;
        CancellationTokenRegistration readRegistration = default, writeRegistration = default;
        lock (_lock)
        {
            if (_closed) return;
            _closed = true;
            // Ended here, under the lock, so that neither the poller nor a token can complete them a second time.
            readWaited = _read.State == PendingState.Waiting;
            if (readWaited) readRegistration = _read.End();
            writeWaited = _write.State == PendingState.Waiting;
            if (writeWaited) writeRegistration = _write.End();
        }
        // Closing the descriptor takes it out of the epoll set; removing it by number first would be wrong when the
        // Socket was disposed elsewhere and the number already belongs to a newer socket. An event already fetched
        // for this one carries a key whose slot no longer matches, and is dropped.
        Socket.Dispose();
        _poller!.Release(Key);
        readRegistration.Dispose();
        writeRegistration.Dispose();
        if (readWaited) _read.Fail(new ObjectDisposedException(nameof(PolledSocket)));
        if (writeWaited) _write.Fail(new ObjectDisposedException(nameof(PolledSocket)));
    }
}
