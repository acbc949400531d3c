using System.Diagnostics;
using System.Security.Cryptography;
using Smooth.Core;
using Smooth.Core.IO;
using Smooth.Orchestrator.Api;

namespace Smooth.Orchestrator.Daemon;

/// <summary>Starts the daemon in the background (<c>th up</c>) and stops it (<c>th down</c>).</summary>
public static class DaemonLauncher
{
    /// <summary>How long <c>th up</c> waits for the daemon to answer.</summary>
    public static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    /// <summary>
    /// Starts <paramref name="thPath"/> <c>daemon run</c> in a new session (it outlives the terminal), with a fresh
    /// token in <c>~/.smooth/daemon.token</c> (0600), and waits until it answers on its socket.
    /// </summary>
    public static async Task<StatusReport> StartAsync(string thPath, DaemonOptions options, CancellationToken ct)
    {
        options.Validate();
        var paths = options.Paths;
        using (var existing = DaemonClient.TryConnect(paths))
        {
            if (existing is not null && await existing.TryStatusAsync(ct) is { } running)
            {
                throw new SmoothException($"the daemon is already running (pid {running.Daemon.Pid}, project {running.Daemon.Project})",
                    "use 'th status' to see it, or 'th down' to stop it first", ExitCodes.Conflict);
            }
        }
        if (options.Provider == "bubblewrap" && FindOnPath("bwrap") is null)
        {
            throw new SmoothException("bubblewrap (bwrap) is not installed, so operators cannot be sandboxed",
                "install it (apt-get install bubblewrap, or ./install.sh as root), or run 'th up direct' on an already-isolated machine",
                ExitCodes.Environment);
        }

        Directory.CreateDirectory(paths.Dir);
        var token = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
        await AtomicFile.WriteAllTextAsync(paths.Token, token + "\n", ct, UnixFileMode.UserRead | UnixFileMode.UserWrite);

        var psi = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            RedirectStandardInput = false,
            RedirectStandardOutput = false,
            RedirectStandardError = false,
        };
        foreach (var arg in new[]
        {
            "-f", "sh", "-c", "exec \"$0\" \"$@\" </dev/null >>\"$SMOOTH_DAEMON_LOG\" 2>&1", thPath, "daemon", "run",
            "--project", options.ProjectRoot, "--port", options.ApiPort.ToString(), "--archivist-port", options.ArchivistPort.ToString(),
            "--provider", options.Provider, "--max-concurrent", options.MaxConcurrent.ToString(System.Globalization.CultureInfo.InvariantCulture),
        })
        {
            psi.ArgumentList.Add(arg);
        }
        psi.Environment["SMOOTH_DAEMON_LOG"] = paths.Log;
        using (var launcher = Process.Start(psi) ?? throw new SmoothException("could not start the daemon process"))
        {
            await launcher.WaitForExitAsync(ct);
        }

        var deadline = Stopwatch.StartNew();
        while (deadline.Elapsed < StartTimeout)
        {
            using var client = DaemonClient.TryConnect(paths);
            if (client is not null && await client.TryStatusAsync(ct) is { } status) return status;
            await Task.Delay(100, ct);
        }
        throw new SmoothException($"the daemon did not answer within {StartTimeout.TotalSeconds:0} s",
            $"see its log: {paths.Log}\n{Tail(paths.Log)}", ExitCodes.Failure);
    }

    /// <summary>Stops the running daemon and waits for its process to end. Returns false when none was running.</summary>
    public static async Task<bool> StopAsync(DaemonPaths paths, CancellationToken ct)
    {
        using var client = DaemonClient.TryConnect(paths);
        var status = client is null ? null : await client.TryStatusAsync(ct);
        if (client is null || status is null)
        {
            // A stale socket from a crash: clean it so the next 'th up' starts fresh.
            if (File.Exists(paths.Socket)) File.Delete(paths.Socket);
            if (File.Exists(paths.Info)) File.Delete(paths.Info);
            return false;
        }
        await client.ShutdownAsync(ct);
        var pid = status.Daemon.Pid;
        var deadline = Stopwatch.StartNew();
        while (IsAlive(pid) && deadline.Elapsed < TimeSpan.FromSeconds(30))
        {
            await Task.Delay(100, ct);
        }
        if (IsAlive(pid))
        {
            try { Process.GetProcessById(pid).Kill(entireProcessTree: true); } catch (ArgumentException) { }
        }
        if (File.Exists(paths.Socket)) File.Delete(paths.Socket);
        return true;
    }

    private static bool IsAlive(int pid)
    {
        try
        {
            using var p = Process.GetProcessById(pid);
            return !p.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    private static string? FindOnPath(string program) =>
        (Environment.GetEnvironmentVariable("PATH") ?? "").Split(':', StringSplitOptions.RemoveEmptyEntries)
            .Select(d => Path.Combine(d, program)).FirstOrDefault(File.Exists);

    private static string Tail(string path)
    {
        if (!File.Exists(path)) return "(no log written)";
        var lines = File.ReadAllLines(path);
        return string.Join('\n', lines.Skip(Math.Max(0, lines.Length - 20)));
    }
}
