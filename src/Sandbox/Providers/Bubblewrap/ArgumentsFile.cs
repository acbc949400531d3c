using System.Text;

namespace Smooth.Sandbox.Providers.Bubblewrap;

/// <summary>
/// Hands bwrap its arguments through an inherited descriptor (<c>--args FD</c>): the file is written owner-only, opened
/// without close-on-exec, and unlinked at once, so the arguments exist only behind the descriptor.
/// </summary>
internal static class ArgumentsFile
{
    /// <summary>Writes <paramref name="arguments"/> NUL-separated to <paramref name="path"/>, opens it, unlinks it, returns the fd.</summary>
    internal static int OpenUnlinked(string path, IReadOnlyList<string> arguments)
    {
        var sb = new StringBuilder();
        foreach (var a in arguments)
        {
            if (a.Contains('\0')) throw new ArgumentException("a sandbox argument contains a NUL character", nameof(arguments));
            sb.Append(a).Append('\0');
        }
        File.WriteAllText(path, "", Encoding.UTF8);
        File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        File.WriteAllBytes(path, Encoding.UTF8.GetBytes(sb.ToString()));
        var fd = Common.Libc.Open(path, Common.Libc.ORdOnly);
        File.Delete(path);
        if (fd < 0) throw new IOException($"cannot open the bwrap arguments file (errno {System.Runtime.InteropServices.Marshal.GetLastPInvokeError()})");
        return fd;
    }
}
