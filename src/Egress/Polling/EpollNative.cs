using System.Buffers.Binary;
using System.Runtime.InteropServices;

namespace Smooth.Egress.Polling;

/// <summary>The Linux epoll calls the poller needs, and the layout of <c>struct epoll_event</c>.</summary>
internal static partial class EpollNative
{
    public const uint In = 0x001;
    public const uint Out = 0x004;
    public const uint Err = 0x008;
    public const uint Hup = 0x010;
    public const uint RdHup = 0x2000;
    public const uint EdgeTriggered = 1u << 31;

    public const int CtlAdd = 1;
    public const int CtlModify = 3;

    private const int CloseOnExec = 0x80000; // EPOLL_CLOEXEC, the value of O_CLOEXEC
    private const int Interrupted = 4; // EINTR

    /// <summary>EBADF: the descriptor is closed.</summary>
    public const int BadDescriptor = 9;

    /// <summary>
    /// Bytes per event: the kernel packs the struct on x86-64 (4-byte events, 8-byte data, 12 bytes), elsewhere the
    /// data is 8-aligned (16 bytes).
    /// </summary>
    public static readonly int EventSize = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 12 : 16;
    private static readonly int DataOffset = RuntimeInformation.ProcessArchitecture == Architecture.X64 ? 4 : 8;

    public static int Create()
    {
        var fd = epoll_create1(CloseOnExec);
        if (fd < 0) throw new IOException($"epoll_create1 failed (errno {Marshal.GetLastPInvokeError()})");
        return fd;
    }

    /// <summary>Adds <paramref name="fd"/> (<see cref="CtlAdd"/>) or changes its events (<see cref="CtlModify"/>); returns errno, 0 on success.</summary>
    public static unsafe int Control(int epfd, int op, int fd, uint events, ulong data)
    {
        var ev = stackalloc byte[16];
        Write(new Span<byte>(ev, EventSize), events, data);
        return epoll_ctl(epfd, op, fd, ev) == 0 ? 0 : Marshal.GetLastPInvokeError();
    }

    /// <summary>Waits for events into <paramref name="buffer"/> (pinned); returns how many, retrying on EINTR.</summary>
    public static unsafe int Wait(int epfd, byte* buffer, int capacity)
    {
        while (true)
        {
            var n = epoll_wait(epfd, buffer, capacity, -1);
            if (n >= 0) return n;
            var errno = Marshal.GetLastPInvokeError();
            if (errno != Interrupted) throw new IOException($"epoll_wait failed (errno {errno})");
        }
    }

    public static (uint Events, ulong Data) Read(ReadOnlySpan<byte> ev) =>
        (BinaryPrimitives.ReadUInt32LittleEndian(ev), BinaryPrimitives.ReadUInt64LittleEndian(ev[DataOffset..]));

    private static void Write(Span<byte> ev, uint events, ulong data)
    {
        ev.Clear();
        BinaryPrimitives.WriteUInt32LittleEndian(ev, events);
        BinaryPrimitives.WriteUInt64LittleEndian(ev[DataOffset..], data);
    }

    [LibraryImport("libc", SetLastError = true)]
    private static partial int epoll_create1(int flags);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int epoll_ctl(int epfd, int op, int fd, byte* ev);

    [LibraryImport("libc", SetLastError = true)]
    private static unsafe partial int epoll_wait(int epfd, byte* events, int maxEvents, int timeout);
}
