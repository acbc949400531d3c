using System.Diagnostics;
using System.Text;

namespace Smooth.Core.Processes;

/// <summary>
/// Runs a program with an argument list (never through a shell), captures its output with a cap,
/// and kills the whole process tree on timeout or cancellation.
/// </summary>
public static class ProcessRunner
{
    /// <summary>Runs <paramref name="fileName"/> with <paramref name="arguments"/> and waits for it to exit.</summary>
    public static async Task<ProcessResult> RunAsync(string fileName, IEnumerable<string> arguments, ProcessOptions? options, CancellationToken ct)
    {
        options ??= new ProcessOptions();
        var psi = new ProcessStartInfo(fileName)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
            WorkingDirectory = options.WorkingDirectory ?? string.Empty,
            StandardOutputEncoding = Encoding.UTF8,
            StandardErrorEncoding = Encoding.UTF8,
        };
        foreach (var arg in arguments)
        {
            psi.ArgumentList.Add(arg);
        }
        if (options.ClearEnvironment)
        {
            psi.Environment.Clear();
        }
        if (options.Environment is not null)
        {
            foreach (var (key, value) in options.Environment)
            {
                if (value is null) psi.Environment.Remove(key);
                else psi.Environment[key] = value;
            }
        }

        var stopwatch = Stopwatch.StartNew();
        using var process = new Process { StartInfo = psi };
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception e)
        {
            throw new SmoothException($"could not start '{fileName}': {e.Message}", $"check that '{fileName}' is installed and on PATH", ExitCodes.Environment, e);
        }

        var stdout = new CappedBuffer(options.MaxOutputChars);
        var stderr = new CappedBuffer(options.MaxOutputChars);
        var readOut = PumpAsync(process.StandardOutput, stdout, options.OnStandardOutputLine);
        var readErr = PumpAsync(process.StandardError, stderr, options.OnStandardErrorLine);

        try
        {
            if (options.StandardInput is not null)
            {
                await process.StandardInput.WriteAsync(options.StandardInput.AsMemory(), ct);
            }
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // The child exited without reading its input; its exit code tells the story.
        }

        var timedOut = false;
        using (var timeoutCts = options.Timeout is { } t ? new CancellationTokenSource(t) : new CancellationTokenSource())
        using (var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, timeoutCts.Token))
        {
            try
            {
                await process.WaitForExitAsync(linked.Token);
            }
            catch (OperationCanceledException)
            {
                Kill(process);
                await process.WaitForExitAsync(CancellationToken.None);
                if (ct.IsCancellationRequested)
                {
                    throw;
                }
                timedOut = true;
            }
        }

        await Task.WhenAll(readOut, readErr);
        return new ProcessResult(timedOut ? -1 : process.ExitCode, stdout.ToString(), stderr.ToString(), timedOut,
            stdout.Truncated || stderr.Truncated, stopwatch.Elapsed);
    }

    /// <summary>Runs the program and throws a <see cref="SmoothException"/> with its stderr when it fails.</summary>
    public static async Task<ProcessResult> RunCheckedAsync(string fileName, IEnumerable<string> arguments, ProcessOptions? options, CancellationToken ct)
    {
        var args = arguments.ToList();
        var result = await RunAsync(fileName, args, options, ct);
        if (!result.Succeeded)
        {
            var what = result.TimedOut ? "timed out" : $"exited with {result.ExitCode}";
            var detail = result.StandardError.Trim();
            throw new SmoothException($"'{fileName} {string.Join(' ', args.Take(3))}' {what}{(detail.Length > 0 ? ": " + Truncate(detail, 2000) : string.Empty)}");
        }
        return result;
    }

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max] + "…";

    private static void Kill(Process process)
    {
        try { process.Kill(entireProcessTree: true); }
        catch (InvalidOperationException) { }
        catch (System.ComponentModel.Win32Exception) { }
    }

    private static async Task PumpAsync(StreamReader reader, CappedBuffer buffer, Action<string>? onLine)
    {
        if (onLine is null)
        {
            var chunk = new char[8192];
            int n;
            while ((n = await reader.ReadAsync(chunk.AsMemory(), CancellationToken.None)) > 0)
            {
                buffer.Append(chunk.AsSpan(0, n));
            }
            return;
        }
        string? line;
        while ((line = await reader.ReadLineAsync(CancellationToken.None)) is not null)
        {
            buffer.Append(line.AsSpan());
            buffer.Append("\n".AsSpan());
            onLine(line);
        }
    }

    private sealed class CappedBuffer(int cap)
    {
        private readonly StringBuilder _sb = new();
        public bool Truncated { get; private set; }

        public void Append(ReadOnlySpan<char> text)
        {
            var room = cap - _sb.Length;
            if (text.Length > room)
            {
                Truncated = true;
                text = text[..Math.Max(0, room)];
            }
            _sb.Append(text);
        }

        public override string ToString() => _sb.ToString();
    }
}
