using System.Runtime.InteropServices;

namespace Smooth.Egress.Polling;

/// <summary>
/// The Linux io_uring calls the ring poller needs, made through libc's <c>syscall</c> (glibc has no wrappers), and the
/// layouts of the structures the kernel shares with us. Only what <see cref="UringPoller"/> uses is here.
/// </summary>
internal static unsafe partial class UringNative
{
    // Same numbers on x86-64 and arm64 (the io_uring calls came after the tables were unified).
    private const nint SysSetup = 425;
    private const nint SysEnter = 426;

    public const uint SetupCqSize = 1u << 3;
    public const uint SetupSubmitAll = 1u << 7;
    public const uint SetupSingleIssuer = 1u << 12;
    public const uint SetupDeferTaskrun = 1u << 13;

    public const uint FeatSingleMmap = 1u << 0;
    public const uint EnterGetEvents = 1u << 0;

    public const byte OpPollAdd = 6;
    public const byte OpAsyncCancel = 14;
    public const byte OpRead = 22;
    public const byte OpSend = 26;
    public const byte OpRecv = 27;

    /// <summary>IORING_RECVSEND_POLL_FIRST (in the SQE's ioprio): wait for readiness before the first try.</summary>
    public const ushort RecvSendPollFirst = 1;

    public const uint MsgWaitAll = 0x100;
    public const uint MsgNoSignal = 0x4000;
    public const uint PollOut = 0x004;
    public const uint PollErr = 0x008;
    public const uint PollHup = 0x010;

    private const long OffSqRing = 0;
    private const long OffCqRing = 0x8000000;
    private const long OffSqes = 0x10000000;

    public const int Interrupted = 4; // EINTR
    public const int Again = 11; // EAGAIN
    public const int Busy = 16; // EBUSY
    public const int Canceled = 125; // ECANCELED

    private const int ProtRead = 1;
    private const int ProtWrite = 2;
    private const int MapShared = 1;
    private const int MapPopulate = 0x8000;

    /// <summary>Creates a ring; returns its descriptor or -errno (so the caller can tell "not here" from a bug).</summary>
    public static int Setup(uint entries, ref Params p)
    {
        fixed (Params* pp = &p)
        {
            var fd = (int)syscall(SysSetup, (nint)entries, (nint)pp, 0, 0, 0, 0);
            return fd >= 0 ? fd : -Marshal.GetLastPInvokeError();
        }
    }

    /// <summary>Submits <paramref name="submit"/> SQEs and, with <see cref="EnterGetEvents"/>, waits for <paramref name="wait"/> CQEs; -errno on failure.</summary>
    public static int Enter(int ring, uint submit, uint wait, uint flags)
    {
        var n = (int)syscall(SysEnter, ring, (nint)submit, (nint)wait, (nint)flags, 0, 0);
        return n >= 0 ? n : -Marshal.GetLastPInvokeError();
    }

    /// <summary>Maps the rings: one region for both (single mmap, every kernel since 5.4) or separate SQ and CQ regions.</summary>
    public static byte* MapRing(int ring, nuint size, bool cq) =>
        Map(ring, size, cq ? OffCqRing : OffSqRing);

    /// <summary>Maps the SQE array.</summary>
    public static byte* MapSqes(int ring, nuint size) => Map(ring, size, OffSqes);

    private static byte* Map(int ring, nuint size, long offset)
    {
        var p = mmap(null, size, ProtRead | ProtWrite, MapShared | MapPopulate, ring, offset);
        if ((nint)p == -1) throw new IOException($"mmap of the io_uring failed (errno {Marshal.GetLastPInvokeError()})");
        return (byte*)p;
    }

    public static void Unmap(byte* p, nuint size)
    {
        if (p is not null) _ = munmap(p, size);
    }

    /// <summary>A non-blocking, close-on-exec eventfd: other threads write it to wake the ring's thread.</summary>
    public static int CreateEventFd()
    {
        var fd = eventfd(0, 0x80000 /* EFD_CLOEXEC */);
        if (fd < 0) throw new IOException($"eventfd failed (errno {Marshal.GetLastPInvokeError()})");
        return fd;
    }

    /// <summary>Adds one to the eventfd's counter (which wakes the read the ring keeps posted on it).</summary>
    public static void Signal(int eventFd)
    {
        ulong one = 1;
        // Fails only when the counter is about to overflow, that is never with a reader resetting it.
        _ = write(eventFd, &one, 8);
    }

    public static void Close(int fd) => _ = close(fd);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint syscall(nint number, nint a1, nint a2, nint a3, nint a4, nint a5, nint a6);

    [LibraryImport("libc", SetLastError = true)]
    private static partial void* mmap(void* addr, nuint length, int prot, int flags, int fd, long offset);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int munmap(void* addr, nuint length);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int eventfd(uint initval, int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static partial nint write(int fd, void* buf, nuint count);

    [LibraryImport("libc", SetLastError = true)]
    private static partial int close(int fd);

    /// <summary><c>struct io_sqring_offsets</c>: where the SQ ring's fields lie in its mapping.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct SqOffsets
    {
        public uint Head, Tail, RingMask, RingEntries, Flags, Dropped, Array, Resv1;
        public ulong UserAddr;
    }

    /// <summary><c>struct io_cqring_offsets</c>: where the CQ ring's fields lie in its mapping.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct CqOffsets
    {
        public uint Head, Tail, RingMask, RingEntries, Overflow, Cqes, Flags, Resv1;
        public ulong UserAddr;
    }

    /// <summary><c>struct io_uring_params</c> (120 bytes): what we ask of io_uring_setup and what it answers.</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Params
    {
        public uint SqEntries, CqEntries, Flags, SqThreadCpu, SqThreadIdle, Features, WqFd, Resv0, Resv1, Resv2;
        public SqOffsets SqOff;
        public CqOffsets CqOff;
    }

    /// <summary><c>struct io_uring_sqe</c> (64 bytes), with the union members the poller uses.</summary>
    [StructLayout(LayoutKind.Explicit, Size = 64)]
    public struct Sqe
    {
        [FieldOffset(0)] public byte Opcode;
        [FieldOffset(1)] public byte Flags;
        [FieldOffset(2)] public ushort IoPrio;
        [FieldOffset(4)] public int Fd;
        [FieldOffset(8)] public ulong Off;
        [FieldOffset(16)] public ulong Addr;
        [FieldOffset(24)] public uint Len;
        /// <summary>msg_flags, poll32_events or cancel_flags, by opcode.</summary>
        [FieldOffset(28)] public uint OpFlags;
        [FieldOffset(32)] public ulong UserData;
        [FieldOffset(40)] public ushort BufIndex;
        [FieldOffset(42)] public ushort Personality;
        [FieldOffset(44)] public int FileIndex;
        [FieldOffset(48)] public ulong Addr3;
        [FieldOffset(56)] public ulong Pad;
    }

    /// <summary><c>struct io_uring_cqe</c> (16 bytes, no CQE32).</summary>
    [StructLayout(LayoutKind.Sequential)]
    public struct Cqe
    {
        public ulong UserData;
        public int Res;
        public uint Flags;
    }
}
