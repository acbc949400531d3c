using System.Diagnostics;
using System.Text;
using Smooth.Sandbox.Contract;

namespace Smooth.Sandbox.Providers.Common;

/// <summary>
/// Starts a process with an explicit environment (nothing inherited from the host), streams and captures its output
/// with a byte cap, and stops it on the wall-clock timeout, the output cap, a watched limit or cancellation.
/// Output is read in chunks, never whole lines, so a command printing one endless line cannot exhaust the host.
/// </summary>
internal static class BoundedProcess
{
    private static readonly TimeSpan WatchInterval = TimeSpan.FromMilliseconds(100);

    /// <summary>Serialises starts that hand inheritable descriptors to a child, so no other start inherits them.</summary>
    internal static readonly Lock StartLock = new();

    /// <summary>Runs the process to its end and says how it ended.</summary>
    internal static Task<BoundedOutcome> RunAsync(BoundedStart start, CancellationToken ct) => RunAsync(() => start, ct);

    /// <summary>Builds the start under the start lock, runs the process to its end and says how it ended.</summary>
    /// <remarks><paramref name="prepare"/> runs under <see cref="StartLock"/> right before the start, so descriptors it opens
    /// for the child are inherited by that child only.</remarks>
    internal static async Task<BoundedOutcome> RunAsync(Func<BoundedStart> prepare, CancellationToken ct)
    {
        var stopwatch = Stopwatch.StartNew();
        using var process = new Process();
        Exception? afterStartError = null;
        var start = SpawnThread.Run(() =>
        {
            BoundedStart started;
            lock (StartLock)
            {
                Libc.MarkAllCloseOnExec();
                var prepared = prepare();
                var running = false;
                try
                {
                    process.StartInfo = CreateStartInfo(prepared);
                    process.Start();
                    running = true;
                }
                catch (System.ComponentModel.Win32Exception e)
                {
                    throw new Core.SmoothException($"could not start '{prepared.FileName}': {e.Message}",
                        $"check that '{prepared.FileName}' is installed and on PATH", Core.ExitCodes.Environment, e);
                }
                finally
                {
                    // Straight after the start, whether it worked or not; failing it stops a process that did start.
                    try
                    {
                        prepared.StartScope?.Dispose();
                    }
                    catch (Exception e) when (running)
                    {
                        afterStartError = e;
                    }
                }
                started = prepared;
            }
            // On the same thread, straight away: bwrap may be blocked waiting for this (cgroup attach, block fd).
            try
            {
                started.AfterStart?.Invoke(process);
            }
            catch (Exception e)
            {
                afterStartError ??= e;
            }
            return started;
        });
        return await WatchAsync(process, start, afterStartError, stopwatch, ct);
    }

    private static ProcessStartInfo CreateStartInfo(BoundedStart start)
    {
        var psi = new ProcessStartInfo(start.FileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = start.WorkingDirectory ?? string.Empty,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in start.Arguments)
        {
            psi.ArgumentList.Add(arg);
        }
        psi.Environment.Clear();
        foreach (var (key, value) in start.Environment)
        {
            psi.Environment[key] = value;
        }
        return psi;
    }

    private static async Task<BoundedOutcome> WatchAsync(Process process, BoundedStart start, Exception? afterStartError, Stopwatch stopwatch, CancellationToken ct)
    {
        var killAll = start.KillAll ?? KillTree;
        LimitHit? limit = null;
        var limitLock = new Lock();
        void Stop(LimitHit hit)
        {
            lock (limitLock)
            {
                limit ??= hit;
            }
            killAll(process);
        }

        if (afterStartError is not null)
        {
            killAll(process);
            await process.WaitForExitAsync(CancellationToken.None);
            System.Runtime.ExceptionServices.ExceptionDispatchInfo.Throw(afterStartError);
        }
        process.StandardInput.Close();

        var budget = new OutputBudget(start.Limits.MaxOutputBytes, () => Stop(LimitHit.Output));
        var stdout = new StringBuilder();
        var stderr = new StringBuilder();
        var readOut = PumpAsync(process.StandardOutput, stdout, budget, start.OnStandardOutput);
        var readErr = PumpAsync(process.StandardError, stderr, budget, start.OnStandardError);

        var cancelled = false;
        using var timeout = new CancellationTokenSource(start.Limits.Timeout);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeout.Token);
        var exited = process.WaitForExitAsync(linked.Token);
        while (true)
        {
            try
            {
                await exited.WaitAsync(WatchInterval, CancellationToken.None);
                break;
            }
            catch (TimeoutException)
            {
                if (start.Watch?.Invoke() is { } hit)
                {
                    Stop(hit);
                }
            }
            catch (OperationCanceledException)
            {
                if (ct.IsCancellationRequested)
                {
                    cancelled = true;
                    killAll(process);
                }
                else
                {
                    Stop(LimitHit.Timeout);
                }
                await process.WaitForExitAsync(CancellationToken.None);
                break;
            }
        }

        // Descendants holding the pipes open are killed with the sandbox; reading ends when the last one is gone.
        await Task.WhenAll(readOut, readErr);
        LimitHit? final;
        lock (limitLock)
        {
            final = limit;
        }
        return new BoundedOutcome(process.ExitCode, final, cancelled, stdout.ToString(), stderr.ToString(), stopwatch.Elapsed);
    }

    private static void KillTree(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
    }

    private static async Task PumpAsync(StreamReader reader, StringBuilder captured, OutputBudget budget, Action<string>? onLine)
    {
        var chunk = new char[8192];
        var pending = new StringBuilder();
        int n;
        while ((n = await reader.ReadAsync(chunk.AsMemory(), CancellationToken.None)) > 0)
        {
            var text = chunk.AsSpan(0, n);
            var allowed = budget.Take(text);
            if (allowed.Length > 0)
            {
                lock (captured)
                {
                    captured.Append(allowed);
                }
                if (onLine is not null)
                {
                    EmitLines(pending, allowed, onLine);
                }
            }
        }
        if (onLine is not null && pending.Length > 0)
        {
            onLine(pending.ToString());
        }
    }

    private static void EmitLines(StringBuilder pending, ReadOnlySpan<char> text, Action<string> onLine)
    {
        int newline;
        while ((newline = text.IndexOf('\n')) >= 0)
        {
            pending.Append(text[..newline]);
            onLine(pending.ToString());
            pending.Clear();
            text = text[(newline + 1)..];
        }
        pending.Append(text);
    }

    /// <summary>The byte budget shared by stdout and stderr; crossing it stops the process once.</summary>
    private sealed class OutputBudget(long maxBytes, Action onExceeded)
    {
        private readonly Lock _lock = new();
        private long _used;
        private bool _exceeded;

        public ReadOnlySpan<char> Take(ReadOnlySpan<char> text)
        {
            lock (_lock)
            {
                if (_exceeded)
                {
                    return [];
                }
                var bytes = Encoding.UTF8.GetByteCount(text);
                if (_used + bytes <= maxBytes)
                {
                    _used += bytes;
                    return text;
                }
                // Keep the part that fits (counting chars as a lower bound of bytes keeps this simple and safe).
                var room = (int)Math.Max(0, maxBytes - _used);
                _exceeded = true;
                _used = maxBytes;
                var keep = text[..Math.Min(room, text.Length)];
                while (Encoding.UTF8.GetByteCount(keep) > room)
                {
                    keep = keep[..^1];
                }
                onExceeded();
                return keep;
            }
        }
    }
}
