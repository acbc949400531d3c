using System.Buffers;

namespace Smooth.Egress.Polling;

// The io_uring half of PolledSocket: completion-based. A receive or send is handed to the ring's thread, which writes
// its SQE (one receive into the caller's buffer, or one send of all of the caller's data); the operation ends on its
// CQE and never before, because the kernel may write into the buffer until then: buffers stay pinned and the socket's
// handle referenced (so its descriptor number cannot go to another socket) from the SQE to the CQE. Cancellation asks
// the kernel with IORING_OP_ASYNC_CANCEL and still waits for the CQE; Dispose cancels whatever is posted and closes
// the descriptor only after the last CQE. Every operation is one-shot and nothing is linked: what the proxy sends
// upstream is always a send its state machine queued after the request was admitted.
internal sealed partial class PolledSocket
{
    private readonly UringPoller? _ring;
    // Under the lock: operations started and not yet completed (queued for the ring's thread or posted to the kernel).
    private int _ringInFlight;
    // Under the lock: whether the read's or the write's SQE is in the kernel (set on the ring's thread).
    private bool _readPosted;
    private bool _writePosted;
    private bool _writeIsPoll;
    private int _writeOffset;
    // The last receive got less than it asked for: the kernel's queue was empty, so the next one polls first rather
    // than try a receive that would find nothing (what _readDryAt does on epoll).
    private bool _readDry;
    private bool _ringReleased;
    private MemoryHandle _readPin;
    private MemoryHandle _writePin;

    private ValueTask<int> RingReceiveAsync(Memory<byte> buffer, CancellationToken ct)
    {
        short version;
        lock (_lock)
        {
            if (_closed) return ValueTask.FromException<int>(new ObjectDisposedException(nameof(PolledSocket)));
            if (_read.State != PendingState.Idle) return ValueTask.FromException<int>(new InvalidOperationException("a read is already waiting on this socket"));
            _read.ReadBuffer = buffer;
            _readPin = buffer.Pin();
            _ringInFlight++;
            version = Park(_read, ct);
        }
        _ring!.Submit(this, RingWork.Read);
        return new ValueTask<int>(_read, version);
    }

    private ValueTask RingSendAsync(ReadOnlyMemory<byte> data, CancellationToken ct)
    {
        if (data.IsEmpty) return ValueTask.CompletedTask;
        short version;
        lock (_lock)
        {
            if (_closed) return ValueTask.FromException(new ObjectDisposedException(nameof(PolledSocket)));
            if (_write.State != PendingState.Idle) return ValueTask.FromException(new InvalidOperationException("a write is already waiting on this socket"));
            _write.WriteLeft = data;
            _writePin = data.Pin();
            _writeOffset = 0;
            _writeIsPoll = false;
            _ringInFlight++;
            version = Park(_write, ct);
        }
        _ring!.Submit(this, RingWork.Write);
        return new ValueTask(_write, version);
    }

    // A connect's end: a one-shot poll for writable (or error/hang-up) on the ring.
    private ValueTask RingWaitWritableAsync(CancellationToken ct)
    {
        short version;
        lock (_lock)
        {
            if (_closed) return ValueTask.FromException(new ObjectDisposedException(nameof(PolledSocket)));
            _writeIsPoll = true;
            _ringInFlight++;
            version = Park(_write, ct);
        }
        _ring!.Submit(this, RingWork.Write);
        return new ValueTask(_write, version);
    }

    /// <summary>On the ring's thread: writes the SQE for <paramref name="work"/>.</summary>
    internal unsafe void Issue(RingWork work)
    {
        switch (work)
        {
            case RingWork.Read:
                IssueOperation(write: false);
                return;
            case RingWork.Write:
                IssueOperation(write: true);
                return;
            case RingWork.CancelRead:
            case RingWork.CancelWrite:
                var write = work == RingWork.CancelWrite;
                lock (_lock)
                {
                    var op = write ? _write : _read;
                    // The operation this cancel was meant for may have completed meanwhile and a new one (not
                    // cancelled) taken its place: only a posted operation that still wants cancelling is cancelled.
                    if (!(write ? _writePosted : _readPosted) || !(op.CancelRequested || _closed)) return;
                }
                _ring!.PostCancel(Key | (write ? 1ul : 0ul));
                return;
        }
    }

    private unsafe void IssueOperation(bool write)
    {
        var op = write ? _write : _read;
        Exception? failure = null;
        lock (_lock)
        {
            if (_closed) failure = new ObjectDisposedException(nameof(PolledSocket));
            else if (op.CancelRequested) failure = new OperationCanceledException(op.CancelToken);
            else if (write) _writePosted = true;
            else _readPosted = true;
        }
        if (failure is not null)
        {
            Complete(op, 0, failure);
            return;
        }
        // Held until the CQE: a Socket disposed meanwhile keeps its descriptor (and number) until the kernel is done.
        var added = false;
        try
        {
            Socket.SafeHandle.DangerousAddRef(ref added);
        }
        catch (ObjectDisposedException e)
        {
            lock (_lock)
            {
                if (write) _writePosted = false;
                else _readPosted = false;
            }
            Complete(op, 0, e);
            return;
        }
        var sqe = _ring!.NextSqe();
        sqe->Fd = (int)Socket.SafeHandle.DangerousGetHandle();
        sqe->UserData = Key | (write ? 1ul : 0ul);
        if (!write)
        {
            sqe->Opcode = UringNative.OpRecv;
            sqe->Addr = (ulong)_readPin.Pointer;
            sqe->Len = (uint)_read.ReadBuffer.Length;
            if (_readDry) sqe->IoPrio = UringNative.RecvSendPollFirst;
        }
        else if (_writeIsPoll)
        {
            sqe->Opcode = UringNative.OpPollAdd;
            sqe->OpFlags = UringNative.PollOut | UringNative.PollErr | UringNative.PollHup;
        }
        else
        {
            // MSG_WAITALL: the kernel carries a short send on itself (a send larger than the socket's buffer waits for
            // room inside the ring) instead of completing early; a short result is still re-posted below.
            sqe->Opcode = UringNative.OpSend;
            sqe->Addr = (ulong)((byte*)_writePin.Pointer + _writeOffset);
            sqe->Len = (uint)_write.WriteLeft.Length;
            sqe->OpFlags = UringNative.MsgNoSignal | UringNative.MsgWaitAll;
        }
    }

    /// <summary>On the ring's thread: the CQE of this socket's read (<paramref name="write"/> false) or write.</summary>
    internal void OnCompletion(bool write, int res)
    {
        var op = write ? _write : _read;
        bool closed, cancelled;
        lock (_lock)
        {
            if (write) _writePosted = false;
            else _readPosted = false;
            closed = _closed;
            cancelled = op.CancelRequested;
        }
        Socket.SafeHandle.DangerousRelease();
        if (res == -UringNative.Interrupted || res == -UringNative.Again)
        {
            // Not an outcome: post it again (IssueOperation ends it instead if it was cancelled or closed meanwhile).
            IssueOperation(write);
            return;
        }
        if (closed)
        {
            Complete(op, 0, new ObjectDisposedException(nameof(PolledSocket)));
            return;
        }
        if (res < 0)
        {
            Complete(op, 0, res == -UringNative.Canceled
                ? new OperationCanceledException(op.CancelToken)
                : Failure(ErrnoToSocketError(-res)));
            return;
        }
        if (!write)
        {
            _readDry = res < _read.ReadBuffer.Length;
            Complete(op, res, null);
            return;
        }
        if (_writeIsPoll)
        {
            Complete(op, 0, null);
            return;
        }
        _writeOffset += res;
        _write.WriteLeft = _write.WriteLeft[res..];
        if (_write.WriteLeft.IsEmpty)
        {
            Complete(op, 0, null);
            return;
        }
        if (res == 0 || cancelled)
        {
            Complete(op, 0, cancelled ? new OperationCanceledException(op.CancelToken) : Failure(System.Net.Sockets.SocketError.Shutdown));
            return;
        }
        IssueOperation(write: true);
    }

    // Ends an operation: its buffer unpinned, its registration disposed, the socket closed if this was the last one
    // after Dispose; then the awaiting code continues (on this thread when it is the ring's).
    private void Complete(PendingIo op, int result, Exception? failure)
    {
        CancellationTokenRegistration registration;
        MemoryHandle pin;
        bool closeNow;
        lock (_lock)
        {
            registration = op.End();
            if (op == _read)
            {
                pin = _readPin;
                _readPin = default;
            }
            else
            {
                pin = _writePin;
                _writePin = default;
                _writeIsPoll = false;
            }
            _ringInFlight--;
            closeNow = _closed && _ringInFlight == 0;
        }
        pin.Dispose();
        // Disposed outside the lock: it waits for a callback running now, which takes the lock.
        registration.Dispose();
        if (closeNow) ReleaseRing();
        if (failure is null) op.Succeed(result);
        else op.Fail(failure);
    }

    private void RingCancel(PendingIo op, CancellationToken token)
    {
        bool posted;
        lock (_lock)
        {
            if (op.State != PendingState.Waiting || op.CancelRequested) return;
            op.CancelRequested = true;
            op.CancelToken = token;
            posted = op == _read ? _readPosted : _writePosted;
        }
        // Not posted yet: the ring's thread sees the request when it takes the operation and ends it there.
        if (posted) _ring!.Submit(this, op == _read ? RingWork.CancelRead : RingWork.CancelWrite);
    }

    private void RingDispose()
    {
        bool closeNow, cancelRead, cancelWrite;
        lock (_lock)
        {
            if (_closed) return;
            _closed = true;
            closeNow = _ringInFlight == 0;
            cancelRead = _readPosted;
            cancelWrite = _writePosted;
        }
        if (closeNow)
        {
            ReleaseRing();
            return;
        }
        // The operations end with ObjectDisposedException on their CQEs; the last one closes the socket.
        if (cancelRead) _ring!.Submit(this, RingWork.CancelRead);
        if (cancelWrite) _ring!.Submit(this, RingWork.CancelWrite);
    }

    // No operation of this socket can complete any more: close the descriptor and free the key.
    private void ReleaseRing()
    {
        lock (_lock)
        {
            if (_ringReleased) return;
            _ringReleased = true;
        }
        Socket.Dispose();
        _ring!.Release(Key);
    }

    // The errno values a socket operation reports, as the SocketError the epoll path's Socket calls would have given.
    private static System.Net.Sockets.SocketError ErrnoToSocketError(int errno) => errno switch
    {
        32 => System.Net.Sockets.SocketError.Shutdown, // EPIPE
        104 => System.Net.Sockets.SocketError.ConnectionReset,
        103 => System.Net.Sockets.SocketError.ConnectionAborted,
        107 => System.Net.Sockets.SocketError.NotConnected,
        110 => System.Net.Sockets.SocketError.TimedOut,
        111 => System.Net.Sockets.SocketError.ConnectionRefused,
        113 => System.Net.Sockets.SocketError.HostUnreachable,
        101 => System.Net.Sockets.SocketError.NetworkUnreachable,
        100 => System.Net.Sockets.SocketError.NetworkDown,
        9 => System.Net.Sockets.SocketError.OperationAborted, // EBADF
        _ => System.Net.Sockets.SocketError.SocketError,
    };
}
