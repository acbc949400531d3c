using System.Diagnostics;
using System.Runtime.InteropServices;
using Smooth.Core;
using Smooth.Core.Processes;

namespace Smooth.Egress;

/// <summary>
/// Runs a command inside the sandbox behind the egress bridge: the bridge listens first (so the command's first request
/// cannot race it), then the command starts with the proxy variables set, and its exit code is the result. Shared by
/// <c>th egress bridge</c> and the natively compiled <c>smooth-bridge</c>, which starts in a few milliseconds.
/// </summary>
public static class BridgeLauncher
{
    /// <summary>Runs <paramref name="launch"/>; returns the command's exit code.</summary>
    public static async Task<int> RunAsync(BridgeLaunch launch, CancellationToken ct)
    {
        // The bridge's environment holds the run's tokens on their way to the operator: no process it starts may read them.
        ProcessHardening.MakeUndumpable();
        var tuned = SocketTuning.EnableInlineCompletions();
        await using var bridge = new EgressBridge(launch.SocketPath, launch.Http, launch.Socks, launch.HandoverPath);
        bridge.Start(); // listening before the child exists: its first request cannot race the bridge
        var proxyUrl = $"http://{bridge.HttpEndPoint}";
        var psi = new ProcessStartInfo(launch.Command[0]) { UseShellExecute = false };
        foreach (var a in launch.Command.Skip(1)) psi.ArgumentList.Add(a);
        foreach (var name in new[] { "http_proxy", "HTTP_PROXY", "https_proxy", "HTTPS_PROXY" }) psi.Environment[name] = proxyUrl;
        if (bridge.SocksEndPoint is { } s)
        {
            psi.Environment["all_proxy"] = psi.Environment["ALL_PROXY"] = $"socks5h://{s}";
        }
        psi.Environment["SMOOTH_EGRESS_PROXY"] = proxyUrl;
        if (tuned) psi.Environment.Remove(SocketTuning.InlineCompletionsVariable); // the bridge's own tuning, not the child's

        // The child inherits stdin/stdout/stderr, so ProcessRunner (which captures output) does not fit here.
        using var child = new Process { StartInfo = psi };
        try
        {
            child.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            // Spelled out here: the runtime's own text is a resource key in trimmed builds (th, smooth-bridge).
            var reason = e.NativeErrorCode switch
            {
                2 => "no such file or directory",
                13 => "permission denied",
                8 => "not an executable this system can run",
                _ => $"error {e.NativeErrorCode}",
            };
            throw new SmoothException($"could not start '{launch.Command[0]}': {reason}",
                "check the command after --: is it installed in the sandbox's system (the host's /usr, read-only) or the workspace, and on PATH?", ExitCodes.Environment, e);
        }
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx =>
        {
            ctx.Cancel = true;
            Kill(child);
        });
        try
        {
            await child.WaitForExitAsync(ct);
        }
        catch (OperationCanceledException)
        {
            Kill(child);
            throw;
        }
        return child.ExitCode;
    }

    private static void Kill(Process child)
    {
        try { child.Kill(entireProcessTree: true); } catch (InvalidOperationException) { }
    }
}
