using System.Runtime.InteropServices;

namespace Smooth.Sandbox.Providers.Common;

/// <summary>The few libc calls the providers need to hand an inherited file descriptor to a child (bwrap --seccomp, --block-fd).</summary>
internal static partial class Libc
{
    internal const int ORdOnly = 0;
    internal const int FGetFd = 1;
    internal const int FSetFd = 2;
    internal const int FdCloexec = 1;
    internal const int SigKill = 9;

    /// <summary>open(2) without O_CLOEXEC, so the descriptor survives into the next exec.</summary>
    [LibraryImport("libc", EntryPoint = "open", SetLastError = true, StringMarshalling = StringMarshalling.Utf8)]
    internal static partial int Open(string path, int flags);

    [LibraryImport("libc", EntryPoint = "close", SetLastError = true)]
    internal static partial int Close(int fd);

    /// <summary>pipe(2): both ends inheritable until marked otherwise.</summary>
    [LibraryImport("libc", EntryPoint = "pipe", SetLastError = true)]
    internal static unsafe partial int Pipe(int* fds);

    [LibraryImport("libc", EntryPoint = "fcntl", SetLastError = true)]
    internal static partial int Fcntl(int fd, int cmd, int arg);

    [LibraryImport("libc", EntryPoint = "write", SetLastError = true)]
    internal static unsafe partial nint Write(int fd, byte* buffer, nint count);

    [LibraryImport("libc", EntryPoint = "kill", SetLastError = true)]
    internal static partial int Kill(int pid, int signal);

    [LibraryImport("libc", EntryPoint = "close_range", SetLastError = true)]
    private static partial int CloseRange(uint first, uint last, int flags);

    private const int CloseRangeCloexec = 4;

    /// <summary>
    /// Marks every descriptor above stderr close-on-exec, so nothing this process inherited from its own parent (a
    /// shell's open files, sockets) reaches a child. Descriptors meant for a child are opened after this call.
    /// </summary>
    internal static void MarkAllCloseOnExec()
    {
        try
        {
            if (CloseRange(3, uint.MaxValue, CloseRangeCloexec) == 0)
            {
                return;
            }
        }
        catch (EntryPointNotFoundException)
        {
            // Older libc: walk /proc/self/fd instead.
        }
        foreach (var entry in Directory.GetFiles("/proc/self/fd"))
        {
            if (int.TryParse(Path.GetFileName(entry), out var fd) && fd > 2)
            {
                var flags = Fcntl(fd, FGetFd, 0);
                if (flags >= 0)
                {
                    Fcntl(fd, FSetFd, flags | FdCloexec);
                }
            }
        }
    }

    /// <summary>Creates a pipe whose read end is inheritable and whose write end is close-on-exec.</summary>
    internal static unsafe (int Read, int Write) PipeForChildRead()
    {
        int* fds = stackalloc int[2];
        if (Pipe(fds) != 0)
        {
            throw new IOException($"pipe failed (errno {Marshal.GetLastPInvokeError()})");
        }
        Fcntl(fds[1], FSetFd, FdCloexec);
        return (fds[0], fds[1]);
    }

    /// <summary>Writes one byte to <paramref name="fd"/>.</summary>
    internal static unsafe bool WriteByte(int fd)
    {
        byte b = 1;
        return Write(fd, &b, 1) == 1;
    }
}
