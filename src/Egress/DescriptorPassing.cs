using System.Net.Sockets;
using System.Runtime.InteropServices;

namespace Smooth.Egress;

/// <summary>
/// Passes one file descriptor over a connected Unix socket (SCM_RIGHTS) with a one-byte tag: how the in-sandbox bridge
/// hands its loopback listener to the proxy. Linux only; .NET has no managed API for ancillary data.
/// </summary>
internal static unsafe partial class DescriptorPassing
{
    private const int SolSocket = 1;
    private const int ScmRights = 1;
    private const int MsgCtrunc = 0x8;
    private const int MsgCmsgCloexec = 0x40000000;
    private const int HeaderSize = 16; // struct cmsghdr on 64-bit Linux: size_t len, int level, int type
    private const int ControlSize = 24; // CMSG_SPACE(sizeof(int))

    /// <summary>Sends <paramref name="descriptor"/> with <paramref name="tag"/> on <paramref name="unix"/>.</summary>
    public static void Send(Socket unix, SafeHandle descriptor, byte tag)
    {
        var added = false;
        descriptor.DangerousAddRef(ref added);
        try
        {
            var control = stackalloc byte[ControlSize];
            new Span<byte>(control, ControlSize).Clear();
            *(nuint*)control = HeaderSize + sizeof(int);
            *(int*)(control + 8) = SolSocket;
            *(int*)(control + 12) = ScmRights;
            *(int*)(control + HeaderSize) = (int)descriptor.DangerousGetHandle();
            var payload = tag;
            var iov = new IoVec { Base = &payload, Length = 1 };
            var message = new MessageHeader { Iov = &iov, IovLength = 1, Control = control, ControlLength = ControlSize };
            if (SendMsg((int)unix.SafeHandle.DangerousGetHandle(), &message, 0) != 1)
            {
                throw new SocketException(Marshal.GetLastPInvokeError());
            }
        }
        finally
        {
            if (added) descriptor.DangerousRelease();
        }
    }

    /// <summary>
    /// Receives one tag byte and exactly one descriptor (close-on-exec) from <paramref name="unix"/>, waiting at most
    /// <paramref name="timeout"/>; null when the peer sent anything else (the message is refused, not half-read).
    /// </summary>
    public static (byte Tag, SafeSocketHandle Descriptor)? Receive(Socket unix, TimeSpan timeout)
    {
        if (!unix.Poll(timeout, SelectMode.SelectRead)) return null;
        var control = stackalloc byte[ControlSize];
        new Span<byte>(control, ControlSize).Clear();
        byte payload = 0;
        var iov = new IoVec { Base = &payload, Length = 1 };
        var message = new MessageHeader { Iov = &iov, IovLength = 1, Control = control, ControlLength = ControlSize };
        var n = RecvMsg((int)unix.SafeHandle.DangerousGetHandle(), &message, MsgCmsgCloexec);
        var length = *(nuint*)control;
        var level = *(int*)(control + 8);
        var type = *(int*)(control + 12);
        var received = message.ControlLength >= HeaderSize + sizeof(int) && level == SolSocket && type == ScmRights ? *(int*)(control + HeaderSize) : -1;
        if (n == 1 && (message.Flags & MsgCtrunc) == 0 && length == HeaderSize + sizeof(int) && received >= 0)
        {
            return (payload, new SafeSocketHandle(received, ownsHandle: true));
        }
        if (received >= 0) Close(received); // a descriptor that came with a malformed message is not kept
        return null;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct IoVec
    {
        public void* Base;
        public nuint Length;
    }

    [StructLayout(LayoutKind.Sequential)]
    private struct MessageHeader
    {
        public void* Name;
        public uint NameLength;
        public IoVec* Iov;
        public nuint IovLength;
        public void* Control;
        public nuint ControlLength;
        public int Flags;
    }

    [LibraryImport("libc", EntryPoint = "sendmsg", SetLastError = true)]
    private static partial nint SendMsg(int socket, MessageHeader* message, int flags);

    [LibraryImport("libc", EntryPoint = "recvmsg", SetLastError = true)]
    private static partial nint RecvMsg(int socket, MessageHeader* message, int flags);

    [LibraryImport("libc", EntryPoint = "close")]
    private static partial int Close(int descriptor);
}
