using System.Collections.Concurrent;
using System.Globalization;
using Smooth.Core.Processes;
using Smooth.Operator.Tools.Shell;

namespace Smooth.Operator.Tools.Background;

/// <summary>The run's background jobs: dev servers and watchers that outlive one command. All are killed at the end.</summary>
public sealed class BackgroundJobs : IAsyncDisposable
{
    private const int MaxJobs = 16;
    private readonly ConcurrentDictionary<string, BackgroundJob> _jobs = new(StringComparer.Ordinal);
    private int _next;

    /// <summary>Starts <paramref name="command"/> in its own session.</summary>
    public BackgroundJob Start(string command, string directory, IReadOnlyDictionary<string, string> environment)
    {
        if (_jobs.Values.Count(j => !j.Process.HasExited) >= MaxJobs)
        {
            throw new ToolException($"{MaxJobs} background jobs are already running; stop one with bg_kill first");
        }
        var process = ShellRunner.Start(command, directory, environment);
        var id = "bg-" + Interlocked.Increment(ref _next).ToString(CultureInfo.InvariantCulture);
        var job = new BackgroundJob(id, command, process);
        _ = Pump(process.StandardOutput, job.Output);
        _ = Pump(process.StandardError, job.Output);
        _jobs[id] = job;
        return job;
    }

    /// <summary>The job <paramref name="id"/>, or a tool error naming the known ones.</summary>
    public BackgroundJob Get(string id) => _jobs.TryGetValue(id, out var j) ? j
        : throw new ToolException($"no background job '{id}'; known: {(_jobs.IsEmpty ? "none" : string.Join(", ", _jobs.Keys.Order(StringComparer.Ordinal)))}");

    /// <summary>All jobs, oldest first.</summary>
    public IReadOnlyList<BackgroundJob> All => _jobs.Values.OrderBy(j => j.Started).ToList();

    /// <summary>Stops a job's whole process group: SIGTERM, then SIGKILL after a grace period.</summary>
    public static async Task StopAsync(BackgroundJob job, TimeSpan grace)
    {
        if (job.Process.HasExited)
        {
            ProcessHardening.SignalGroup(job.Process.Id, ProcessHardening.KillSignal);
            return;
        }
        ProcessHardening.SignalGroup(job.Process.Id, ProcessHardening.Term);
        using var cts = new CancellationTokenSource(grace);
        try
        {
            await job.Process.WaitForExitAsync(cts.Token);
        }
        catch (OperationCanceledException)
        {
        }
        ProcessHardening.SignalGroup(job.Process.Id, ProcessHardening.KillSignal);
        await job.Process.WaitForExitAsync(CancellationToken.None);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var job in _jobs.Values) await StopAsync(job, TimeSpan.FromSeconds(2));
        foreach (var job in _jobs.Values) job.Process.Dispose();
        _jobs.Clear();
    }

    private static async Task Pump(StreamReader reader, TailBuffer into)
    {
        var buffer = new char[8192];
        try
        {
            int n;
            while ((n = await reader.ReadAsync(buffer)) > 0) into.Append(buffer.AsSpan(0, n));
        }
        catch (ObjectDisposedException)
        {
        }
    }
}
