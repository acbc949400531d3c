using System.Net.Sockets;

namespace Smooth.Core.Net;

/// <summary>Checks a path before a server listens on it as a Unix socket.</summary>
public static class UnixSocketPath
{
    /// <summary>
    /// Makes <paramref name="full"/> ready to listen on: its directory must exist; a stale socket left by a dead process
    /// is removed; a live socket, a directory or any other file there is an error that changes nothing.
    /// </summary>
    public static void Prepare(string full)
    {
        if (!Directory.Exists(Path.GetDirectoryName(full)))
        {
            throw new SmoothException($"the directory for socket '{full}' does not exist", "create it first or choose another --socket path", ExitCodes.BadInput);
        }
        if (Directory.Exists(full))
        {
            throw new SmoothException($"'{full}' is a directory", "choose another --socket path", ExitCodes.BadInput);
        }
        if (!File.Exists(full)) return;
        // connect() refuses a regular file just as it refuses a dead socket, so the file type is checked first.
        if (!IsSocket(full))
        {
            throw new SmoothException($"'{full}' exists and is not a socket", "choose another --socket path; nothing was changed", ExitCodes.BadInput);
        }
        using var probe = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
        try
        {
            probe.Connect(new UnixDomainSocketEndPoint(full));
            throw new SmoothException($"something is already listening on '{full}'", "stop it or choose another --socket path", ExitCodes.Conflict);
        }
        catch (SocketException e) when (e.SocketErrorCode == SocketError.ConnectionRefused)
        {
            File.Delete(full); // a stale socket left by a process that died
        }
        catch (SocketException)
        {
            throw new SmoothException($"'{full}' exists and is not a socket", "choose another --socket path; nothing was changed", ExitCodes.BadInput);
        }
    }

    private static bool IsSocket(string path)
    {
        // .NET reports no file type beyond file/directory/link; coreutils' test(1) reads it from stat.
        using var test = System.Diagnostics.Process.Start(new System.Diagnostics.ProcessStartInfo("test", ["-S", path]) { UseShellExecute = false })
            ?? throw new SmoothException("could not run test(1) to check the socket path", "install coreutils", ExitCodes.Environment);
        test.WaitForExit();
        return test.ExitCode == 0;
    }

    /// <summary>Restricts the socket to its owner (mode 0600).</summary>
    public static void RestrictToOwner(string full)
    {
        if (!OperatingSystem.IsWindows()) File.SetUnixFileMode(full, UnixFileMode.UserRead | UnixFileMode.UserWrite);
    }
}
