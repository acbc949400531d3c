using Smooth.Core.Processes;
using Smooth.TestSupport;

namespace Smooth.Egress.Tests;

/// <summary>
/// Runs a shell script inside a raw bubblewrap sandbox (all namespaces unshared: loopback only) under the installed
/// <c>th egress bridge</c>, with the proxy socket (and optionally the credential socket) bound in.
/// </summary>
public static class Sandbox
{
    public static string ProgramDir
    {
        get
        {
            var target = new FileInfo(Th.Binary).ResolveLinkTarget(returnFinalTarget: true)?.FullName ?? Th.Binary;
            return Path.GetDirectoryName(target)!;
        }
    }

    public static Task<ProcessResult> RunAsync(string proxySocket, string script, string? credsSocket = null, params string[] bridgeOptions)
    {
        var args = new List<string>
        {
            // No --die-with-parent here: the kernel ties that signal to the thread that forked bwrap, and ProcessRunner
            // forks from pool threads, which retire; a healthy sandbox was SIGKILLed (exit 137) that way. The product
            // forks from one long-lived thread (Sandbox/Providers/Common/SpawnThread); this harness relies on its timeout.
            "--unshare-all", "--new-session",
            "--ro-bind", "/usr", "/usr", "--symlink", "usr/lib", "/lib", "--symlink", "usr/lib64", "/lib64", "--symlink", "usr/bin", "/bin",
            "--ro-bind", "/etc", "/etc", "--proc", "/proc", "--dev", "/dev", "--tmpfs", "/tmp", "--dir", "/run/smooth",
            "--bind", proxySocket, "/run/smooth/egress.sock",
            "--ro-bind", ProgramDir, "/opt/smooth",
            "--clearenv", "--setenv", "PATH", "/usr/bin:/bin", "--setenv", "HOME", "/tmp",
        };
        if (credsSocket is not null)
        {
            args.AddRange(["--bind", credsSocket, "/run/smooth/creds.sock", "--setenv", "SMOOTH_CREDS_SOCKET", "/run/smooth/creds.sock"]);
        }
        args.AddRange(["/opt/smooth/th", "egress", "bridge", "--socket", "/run/smooth/egress.sock", .. bridgeOptions, "--", "/bin/sh", "-c", script]);
        return ProcessRunner.RunAsync("bwrap", args, new ProcessOptions { Timeout = TimeSpan.FromMinutes(2) }, CancellationToken.None);
    }
}
