using System.Collections.Concurrent;
using System.Diagnostics;
using Smooth.Core.Events;
using Smooth.Core.Processes;
using Smooth.Orchestrator.Runs;
using Smooth.TestSupport;

namespace Smooth.Orchestrator.Tests;

public sealed class SchedulerTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly EventRing _events = new();

    private string State => _dir.Combine(".smooth");

    public SchedulerTests() => Directory.CreateDirectory(State);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task Works_every_run_once_under_the_cap()
    {
        await using var queue = await RunQueue.OpenAsync(State, default);
        for (var i = 0; i < 40; i++) await queue.EnqueueAsync($"th-{i:x6}", default);
        var executor = new ProcessExecutor();
        var scheduler = new Scheduler(queue, executor, new RunControlHub(_events), _events, new SchedulerOptions { MaxConcurrent = 3, PollInterval = TimeSpan.FromMilliseconds(20) });

        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(2));
        var loop = scheduler.RunAsync(cts.Token);
        while ((await queue.ListAsync([RunState.Finished], 100, default)).Count < 40) await Task.Delay(50, cts.Token);
        await cts.CancelAsync();
        await loop;

        Assert.Equal(40, executor.Runs.Count);
        Assert.All(executor.Runs.Values, count => Assert.Equal(1, count));
        Assert.InRange(executor.MaxParallel, 1, 3);
        Assert.Equal(40, _events.Snapshot().Count(e => e.Type == "run.completed"));
    }

    [Fact]
    public async Task A_run_orphaned_by_a_dead_daemon_resumes_from_its_checkpoint()
    {
        await using var queue = await RunQueue.OpenAsync(State, default);
        var run = await queue.EnqueueAsync("th-dead00", default);
        using (var dead = Process.Start(new ProcessStartInfo("sleep", "600"))!)
        {
            var stat = File.ReadAllText($"/proc/{dead.Id}/stat");
            var owner = $"{dead.Id}:{stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19]}";
            await queue.ClaimAsync(owner, 1, 4, TimeSpan.FromHours(1), default);
            await queue.SaveCheckpointAsync(run.Id, owner, "checkpoint-after-tool-3", default);
            dead.Kill();
            await dead.WaitForExitAsync();
        }

        var executor = new ProcessExecutor();
        var scheduler = new Scheduler(queue, executor, new RunControlHub(_events), _events, new SchedulerOptions { PollInterval = TimeSpan.FromMilliseconds(20) });
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var loop = scheduler.RunAsync(cts.Token);
        while ((await queue.GetAsync(run.Id, default))!.State != RunState.Finished) await Task.Delay(50, cts.Token);
        await cts.CancelAsync();
        await loop;

        var seen = Assert.Single(executor.Seen);
        Assert.Equal(2, seen.Attempt);
        Assert.Equal("checkpoint-after-tool-3", seen.Checkpoint);
        Assert.Contains(_events.Snapshot(), e => e.Type == "run.recovered" && e.Attributes["run"] == run.Id);
    }

    [Fact]
    public async Task An_executor_error_fails_the_run_with_its_message()
    {
        await using var queue = await RunQueue.OpenAsync(State, default);
        var run = await queue.EnqueueAsync("th-err000", default);
        var scheduler = new Scheduler(queue, new ProcessExecutor(command: "exit 3"), new RunControlHub(_events), _events, new SchedulerOptions { PollInterval = TimeSpan.FromMilliseconds(20) });
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(1));
        var loop = scheduler.RunAsync(cts.Token);
        while ((await queue.GetAsync(run.Id, default))!.State == RunState.Queued || (await queue.GetAsync(run.Id, default))!.State == RunState.Running) await Task.Delay(50, cts.Token);
        await cts.CancelAsync();
        await loop;
        var done = (await queue.GetAsync(run.Id, default))!;
        Assert.Equal(RunState.Failed, done.State);
        Assert.Contains("exited with 3", done.Result);
    }

    /// <summary>Works each run by running a real shell command (standing in for the operator process).</summary>
    private sealed class ProcessExecutor(string command = "sleep 0.05") : IRunExecutor
    {
        private int _running;
        public ConcurrentDictionary<string, int> Runs { get; } = new();
        public ConcurrentBag<RunRecord> Seen { get; } = [];
        public int MaxParallel;

        public async Task<RunOutcome> ExecuteAsync(RunRecord run, RunContext context, CancellationToken ct)
        {
            Seen.Add(run);
            Runs.AddOrUpdate(run.Id, 1, (_, n) => n + 1);
            var now = Interlocked.Increment(ref _running);
            InterlockedMax(ref MaxParallel, now);
            try
            {
                await ProcessRunner.RunCheckedAsync("sh", ["-c", command], null, ct);
                return new RunOutcome(RunState.Finished, "done");
            }
            finally
            {
                Interlocked.Decrement(ref _running);
            }
        }

        private static void InterlockedMax(ref int target, int value)
        {
            int current;
            while ((current = Volatile.Read(ref target)) < value && Interlocked.CompareExchange(ref target, value, current) != current) { }
        }
    }
}
