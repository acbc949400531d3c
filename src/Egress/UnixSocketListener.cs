using System.Net.Sockets;
using Smooth.Core;

namespace Smooth.Egress;

/// <summary>Binds listening Unix sockets safely: refuses a live socket, replaces a stale one, and restricts access to the owner.</summary>
public static class UnixSocketListener
{
    /// <summary>Binds and listens on <paramref name="path"/> with mode 0600.</summary>
    public static Socket Bind(string path)
    {
        var full = Path.GetFullPath(path);
        var dir = Path.GetDirectoryName(full)!;
        if (!Directory.Exists(dir))
        {
            throw new SmoothException($"the directory for socket '{full}' does not exist", "create it first or choose another --socket path", ExitCodes.BadInput);
        }
        if (File.Exists(full) || Directory.Exists(full))
        {
            if (Directory.Exists(full) || !IsSocketType(full))
            {
                throw new SmoothException($"'{full}' exists and is not a socket", "choose another --socket path; nothing was changed", ExitCodes.BadInput);
            }
            if (IsLive(full))
            {
                throw new SmoothException($"something is already listening on '{full}'", "stop it or choose another --socket path", ExitCodes.Conflict);
            }
            File.Delete(full);
        }

        var socket = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            socket.Bind(new UnixDomainSocketEndPoint(full));
            if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            socket.Listen(512);
            return socket;
        }
        catch (SocketException e)
        {
            socket.Dispose();
            throw new SmoothException($"could not listen on '{full}': {e.SocketErrorCode}", "check the path and its permissions", ExitCodes.Environment, e);
        }
    }

    /// <summary>Deletes the socket file if it is still there.</summary>
    public static void Remove(string path)
    {
        try
        {
            if (IsSocket(path)) File.Delete(path);
        }
        catch (IOException) { }
        catch (UnauthorizedAccessException) { }
    }

    private static bool IsSocket(string path)
    {
        try
        {
            return File.Exists(path) && IsSocketType(path);
        }
        catch (IOException)
        {
            return false;
        }
    }

    private static bool IsSocketType(string path)
    {
        // .NET has no file-type query; a socket cannot be opened as a file (ENXIO), a regular file can.
        try
        {
            using var _ = File.OpenHandle(path, FileMode.Open, FileAccess.Read);
            return false;
        }
        catch (IOException)
        {
            return true;
        }
        catch (UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool IsLive(string path)
    {
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(path));
            return true;
        }
        catch (SocketException)
        {
            return false;
        }
    }
}
