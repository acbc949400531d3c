using System.Diagnostics;
using Smooth.Core.Processes;

namespace Smooth.TestSupport;

/// <summary>Stops test child processes the way a user or a service manager does.</summary>
public static class Signals
{
    /// <summary>
    /// Sends SIGTERM and waits for the process to exit (a graceful stop flushes buffered audit events,
    /// which a SIGKILL would lose); kills the tree if it has not exited within <paramref name="grace"/>.
    /// </summary>
    public static async Task<int> TerminateAsync(Process process, TimeSpan? grace = null)
    {
        if (!process.HasExited)
        {
            await ProcessRunner.RunAsync("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)], new ProcessOptions(), CancellationToken.None);
        }
        using var timeout = new CancellationTokenSource(grace ?? TimeSpan.FromSeconds(30));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            await process.WaitForExitAsync();
            throw new TimeoutException($"process {process.Id} ignored SIGTERM for {grace ?? TimeSpan.FromSeconds(30)}");
        }
        return process.ExitCode;
    }
}
