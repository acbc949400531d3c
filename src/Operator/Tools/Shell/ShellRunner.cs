using System.Diagnostics;
using System.Text;
using Smooth.Core.Processes;

namespace Smooth.Operator.Tools.Shell;

/// <summary>
/// Runs a shell command in its own session (process group), so a timeout or the end of the command kills everything it
/// started, including background children that would otherwise hold the output pipes open.
/// </summary>
public static class ShellRunner
{
    /// <summary>How a command ended.</summary>
    /// <param name="ExitCode">Exit code; -1 on timeout.</param>
    /// <param name="Output">Interleaved stdout and stderr (bounded to 4 MiB, tail kept).</param>
    /// <param name="TimedOut">True when the timeout killed it.</param>
    /// <param name="Elapsed">Wall-clock time.</param>
    public sealed record Result(int ExitCode, string Output, bool TimedOut, TimeSpan Elapsed);

    /// <summary>Starts <c>bash -c command</c> in a new session with the given directory and environment.</summary>
    public static Process Start(string command, string directory, IReadOnlyDictionary<string, string> environment, bool redirect = true)
    {
        var psi = new ProcessStartInfo("setsid")
        {
            UseShellExecute = false,
            WorkingDirectory = directory,
            RedirectStandardOutput = redirect,
            RedirectStandardError = redirect,
            RedirectStandardInput = true,
        };
        psi.ArgumentList.Add("bash");
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add(command);
        psi.Environment.Clear();
        foreach (var (k, v) in environment) psi.Environment[k] = v;
        var p = Process.Start(psi) ?? throw new ToolException("could not start bash");
        p.StandardInput.Close();
        return p;
    }

    /// <summary>Runs the command to its end or <paramref name="timeout"/>, then kills whatever remains of its group.</summary>
    public static async Task<Result> RunAsync(string command, string directory, IReadOnlyDictionary<string, string> environment, TimeSpan timeout, CancellationToken ct)
    {
        var watch = Stopwatch.StartNew();
        using var p = Start(command, directory, environment);
        var output = new TailBuffer(4 << 20);
        var readers = Task.WhenAll(Pump(p.StandardOutput, output), Pump(p.StandardError, output));
        var timedOut = false;
        using var limit = CancellationTokenSource.CreateLinkedTokenSource(ct);
        limit.CancelAfter(timeout);
        try
        {
            await p.WaitForExitAsync(limit.Token);
        }
        catch (OperationCanceledException)
        {
            timedOut = !ct.IsCancellationRequested;
        }
        // Whatever the command left behind in its session goes too (bg_run is the tool for long-lived processes).
        ProcessHardening.SignalGroup(p.Id, ProcessHardening.KillSignal);
        await p.WaitForExitAsync(CancellationToken.None);
        await readers.WaitAsync(TimeSpan.FromSeconds(5), CancellationToken.None).ContinueWith(_ => { }, TaskScheduler.Default);
        ct.ThrowIfCancellationRequested();
        return new Result(timedOut ? -1 : p.ExitCode, output.ToString(), timedOut, watch.Elapsed);
    }

    private static async Task Pump(StreamReader reader, TailBuffer into)
    {
        var buffer = new char[8192];
        int n;
        while ((n = await reader.ReadAsync(buffer)) > 0) into.Append(buffer.AsSpan(0, n));
    }
}
