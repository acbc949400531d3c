using System.Collections.Concurrent;
using System.Runtime.InteropServices;

namespace Smooth.Egress.Polling;

/// <summary>
/// One io_uring and the one thread that owns it, serving the proxy's sockets by completion instead of readiness: a
/// receive or send is an SQE, and its CQE carries the result to the socket's waiting <see cref="PendingIo"/>. Each
/// loop turn submits everything queued and waits for the next completion in a single <c>io_uring_enter</c>, so the
/// sends and receives that continuations running here start cost no system call of their own (the io_uring floor relay
/// in docs/benchmarks.md: 4.6 system calls per request on epoll, 1.1 here). The ring is set up with
/// <c>SINGLE_ISSUER | DEFER_TASKRUN</c>, which lets only this thread submit; other threads hand their operations over
/// through a queue and wake the thread with an eventfd on which the ring keeps a read posted.
/// </summary>
internal sealed unsafe class UringPoller
{
    private const uint Entries = 1024;
    // Room for every operation that can be posted at once (two per socket, at most 1024 client connections and their
    // upstreams by default, and cancels): a full completion queue makes the kernel hold CQEs back on an overflow list.
    private const uint CompletionEntries = 16384;
    private const ulong EventFdData = ulong.MaxValue;
    private const ulong CancelData = ulong.MaxValue - 1;

    private static readonly Lazy<(UringPoller? Poller, string? Why)> SharedRing = new(() =>
    {
        try
        {
            return (new UringPoller(), null);
        }
        catch (UringUnavailableException e)
        {
            return (null, e.Message);
        }
    }, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly Thread _thread;
    private readonly ConcurrentQueue<(PolledSocket Socket, RingWork Work)> _incoming = new();
    private readonly SocketSlots _slots = new();
    private int _signalled;
    private int _eventFd = -1;
    private long _completions;

    // The ring (set up on its own thread; read only there afterwards).
    private int _ring = -1;
    private byte* _sqRing, _cqRing;
    private nuint _sqRingSize, _cqRingSize, _sqesSize;
    private UringNative.Sqe* _sqes;
    private uint* _sqHead, _sqTail, _cqHead, _cqTail;
    private uint _sqMask, _cqMask, _sqEntries;
    private UringNative.Cqe* _cqes;
    private uint _sqLocalTail;
    private ulong* _eventFdBuffer;

    /// <summary>Starts a ring and its thread; throws <see cref="UringUnavailableException"/> when io_uring cannot be used here.</summary>
    internal UringPoller()
    {
        string? failure = null;
        using var ready = new ManualResetEventSlim();
        // SINGLE_ISSUER makes the task that creates the ring its only submitter: created on the thread that runs it.
        _thread = new Thread(() =>
        {
            try
            {
                SetUp();
            }
            catch (Exception e) when (e is UringUnavailableException or IOException)
            {
                failure = e.Message;
                TearDown();
                ready.Set();
                return;
            }
            ready.Set();
            Run();
        }) { IsBackground = true, Name = "smooth egress ring" };
        _thread.UnsafeStart();
        ready.Wait();
        if (failure is not null) throw new UringUnavailableException(failure);
    }

    /// <summary>The process's ring, or null with the reason when io_uring is not available (probed once).</summary>
    public static UringPoller? TryShared(out string? why)
    {
        var (poller, reason) = SharedRing.Value;
        why = reason;
        return poller;
    }

    /// <summary>The process's ring; throws <see cref="UringUnavailableException"/> when io_uring is not available.</summary>
    public static UringPoller Shared => TryShared(out var why) ?? throw new UringUnavailableException(why!);

    /// <summary>How many CQEs have reached a socket so far (tests use it to see work happen on the ring).</summary>
    internal long Completions => Volatile.Read(ref _completions);

    /// <summary>Whether the caller runs on the ring's thread, the only one that may write SQEs.</summary>
    public bool OnRingThread => Thread.CurrentThread == _thread;

    private void SetUp()
    {
        var p = default(UringNative.Params);
        p.Flags = UringNative.SetupSingleIssuer | UringNative.SetupDeferTaskrun | UringNative.SetupSubmitAll | UringNative.SetupCqSize;
        p.CqEntries = CompletionEntries;
        var fd = UringNative.Setup(Entries, ref p);
        if (fd < 0) throw new UringUnavailableException(DescribeSetupFailure(-fd));
        _ring = fd;
        _sqEntries = p.SqEntries;
        _sqRingSize = p.SqOff.Array + (p.SqEntries * sizeof(uint));
        _cqRingSize = p.CqOff.Cqes + (p.CqEntries * (uint)sizeof(UringNative.Cqe));
        if ((p.Features & UringNative.FeatSingleMmap) != 0)
        {
            _sqRingSize = _cqRingSize = Math.Max(_sqRingSize, _cqRingSize);
            _sqRing = UringNative.MapRing(fd, _sqRingSize, cq: false);
            _cqRing = _sqRing;
        }
        else
        {
            _sqRing = UringNative.MapRing(fd, _sqRingSize, cq: false);
            _cqRing = UringNative.MapRing(fd, _cqRingSize, cq: true);
        }
        _sqesSize = p.SqEntries * (uint)sizeof(UringNative.Sqe);
        _sqes = (UringNative.Sqe*)UringNative.MapSqes(fd, _sqesSize);
        _sqHead = (uint*)(_sqRing + p.SqOff.Head);
        _sqTail = (uint*)(_sqRing + p.SqOff.Tail);
        _sqMask = *(uint*)(_sqRing + p.SqOff.RingMask);
        _cqHead = (uint*)(_cqRing + p.CqOff.Head);
        _cqTail = (uint*)(_cqRing + p.CqOff.Tail);
        _cqMask = *(uint*)(_cqRing + p.CqOff.RingMask);
        _cqes = (UringNative.Cqe*)(_cqRing + p.CqOff.Cqes);
        // The indirection array maps ring position to SQE index; identity, set once, so each position owns one SQE.
        var array = (uint*)(_sqRing + p.SqOff.Array);
        for (uint i = 0; i < p.SqEntries; i++) array[i] = i;
        _sqLocalTail = *_sqTail;

        _eventFd = UringNative.CreateEventFd();
        _eventFdBuffer = (ulong*)NativeMemory.Alloc(sizeof(ulong));
        PostEventFdRead();
        // Setting the ring up does not prove the kernel takes our first enter (a seccomp filter may allow setup and
        // deny enter): submit the eventfd read now so that such a ring fails here, where we can still fall back.
        var n = UringNative.Enter(_ring, Pending, 0, 0);
        if (n < 0) throw new UringUnavailableException($"io_uring_enter failed (errno {-n})");
    }

    private static string DescribeSetupFailure(int errno)
    {
        var disabled = "";
        try
        {
            var text = File.ReadAllText("/proc/sys/kernel/io_uring_disabled").Trim();
            if (text != "0") disabled = $", kernel.io_uring_disabled = {text}";
        }
        catch (IOException)
        {
        }
        catch (UnauthorizedAccessException)
        {
        }
        var what = errno switch
        {
            38 => "the kernel has no io_uring (ENOSYS), or a seccomp filter hides it",
            1 => "io_uring is not permitted here (EPERM: sysctl or seccomp)",
            22 => "the kernel lacks SINGLE_ISSUER | DEFER_TASKRUN (EINVAL; needs Linux 6.1)",
            12 => "no memory for the ring (ENOMEM: locked-memory limit)",
            _ => $"io_uring_setup failed (errno {errno})",
        };
        return what + disabled;
    }

    private void TearDown()
    {
        UringNative.Unmap((byte*)_sqes, _sqesSize);
        if (_cqRing != _sqRing) UringNative.Unmap(_cqRing, _cqRingSize);
        UringNative.Unmap(_sqRing, _sqRingSize);
        if (_ring >= 0) UringNative.Close(_ring);
        if (_eventFd >= 0) UringNative.Close(_eventFd);
        if (_eventFdBuffer is not null) NativeMemory.Free(_eventFdBuffer);
    }

    // SQEs written but not yet taken by the kernel.
    private uint Pending => _sqLocalTail - Volatile.Read(ref *_sqHead);

    /// <summary>Registers <paramref name="socket"/>; returns its key (slot and generation), part of every SQE's user_data.</summary>
    public ulong Register(PolledSocket socket)
    {
        var (slot, generation) = _slots.Add(socket);
        return ((ulong)generation << 32) | ((uint)slot << 1);
    }

    /// <summary>Frees a socket's key once none of its operations can complete any more.</summary>
    public void Release(ulong key)
    {
        var slot = (int)((uint)key >> 1);
        _slots.Remove(slot, (uint)(key >> 32));
    }

    /// <summary>
    /// Has <paramref name="socket"/> issue <paramref name="work"/> on the ring's thread: at once when called there (the
    /// SQE goes in with the loop's next enter), otherwise through the queue and a wake-up.
    /// </summary>
    public void Submit(PolledSocket socket, RingWork work)
    {
        if (OnRingThread)
        {
            socket.Issue(work);
            return;
        }
        _incoming.Enqueue((socket, work));
        // One write per sleep: the flag is cleared by the thread when the eventfd read completes, before it drains.
        if (Interlocked.Exchange(ref _signalled, 1) == 0) UringNative.Signal(_eventFd);
    }

    /// <summary>On the ring's thread: the next free SQE, cleared (submitting what is queued when the ring is full).</summary>
    public UringNative.Sqe* NextSqe()
    {
        while (Pending >= _sqEntries)
        {
            Volatile.Write(ref *_sqTail, _sqLocalTail);
            var n = UringNative.Enter(_ring, Pending, 0, 0);
            if (n < 0 && n != -UringNative.Interrupted && n != -UringNative.Again && n != -UringNative.Busy)
            {
                Environment.FailFast($"the egress proxy's io_uring refused submissions (errno {-n})");
            }
        }
        var sqe = &_sqes[_sqLocalTail & _sqMask];
        *sqe = default;
        _sqLocalTail++;
        return sqe;
    }

    /// <summary>On the ring's thread: asks the kernel to cancel the operation with <paramref name="userData"/>.</summary>
    public void PostCancel(ulong userData)
    {
        var sqe = NextSqe();
        sqe->Opcode = UringNative.OpAsyncCancel;
        sqe->Fd = -1;
        sqe->Addr = userData;
        sqe->UserData = CancelData;
    }

    private void PostEventFdRead()
    {
        var sqe = NextSqe();
        sqe->Opcode = UringNative.OpRead;
        sqe->Fd = _eventFd;
        sqe->Addr = (ulong)_eventFdBuffer;
        sqe->Len = sizeof(ulong);
        sqe->UserData = EventFdData;
    }

    private void Drain()
    {
        while (_incoming.TryDequeue(out var item))
        {
            try
            {
                item.Socket.Issue(item.Work);
            }
            catch (Exception)
            {
                item.Socket.Dispose();
            }
        }
    }

    private void Run()
    {
        while (true)
        {
            Drain();
            Volatile.Write(ref *_sqTail, _sqLocalTail);
            var n = UringNative.Enter(_ring, Pending, 1, UringNative.EnterGetEvents);
            if (n < 0 && n != -UringNative.Interrupted && n != -UringNative.Again && n != -UringNative.Busy)
            {
                // Without its ring the proxy cannot move a byte; failing loudly beats hanging every connection.
                Environment.FailFast($"the egress proxy's io_uring stopped (io_uring_enter errno {-n})");
            }
            Reap();
        }
    }

    private void Reap()
    {
        while (true)
        {
            var head = *_cqHead;
            if (head == Volatile.Read(ref *_cqTail)) return;
            var cqe = _cqes[head & _cqMask];
            // Handed back before the completion runs: its continuation may fill the SQ, which makes NextSqe enter.
            Volatile.Write(ref *_cqHead, head + 1);
            if (cqe.UserData == CancelData) continue;
            if (cqe.UserData == EventFdData)
            {
                // A full fence, not a plain store: the drain below must not read the queue before the flag is
                // cleared, or an item queued in between would find the flag still set and wait for the next wake-up.
                Interlocked.Exchange(ref _signalled, 0);
                PostEventFdRead();
                Drain();
                continue;
            }
            var slot = (int)((uint)cqe.UserData >> 1);
            // A slot is freed only after its socket's last CQE, so a mismatch here would be a bug; dropping beats misdelivering.
            if (_slots.Find(slot) is { } socket && socket.Key == (cqe.UserData & ~1ul))
            {
                Volatile.Write(ref _completions, _completions + 1);
                var write = (cqe.UserData & 1) != 0;
                try
                {
                    socket.OnCompletion(write, cqe.Res);
                }
                catch (Exception)
                {
                    // Code continuing on this thread threw past its own handlers: end that connection (its waiting
                    // calls fail) rather than the thread every other connection depends on.
                    socket.Dispose();
                }
            }
        }
    }
}

/// <summary>What a socket asks the ring's thread to do for it.</summary>
internal enum RingWork
{
    /// <summary>Post the waiting receive.</summary>
    Read,
    /// <summary>Post the waiting send (or the connect's writable poll).</summary>
    Write,
    /// <summary>Cancel the posted receive.</summary>
    CancelRead,
    /// <summary>Cancel the posted send or poll.</summary>
    CancelWrite,
}

/// <summary>io_uring cannot be used in this process (kernel, sysctl or seccomp); the message says which.</summary>
internal sealed class UringUnavailableException(string message) : Exception(message);
