using System.Collections.Concurrent;
using System.Diagnostics;
using Smooth.Core;
using Smooth.Orchestrator.Runs;
using Smooth.TestSupport;

namespace Smooth.Orchestrator.Tests;

public sealed class RunQueueTests : IDisposable
{
    private static readonly TimeSpan Lease = TimeSpan.FromMinutes(1);
    private readonly TempDir _dir = new();

    private string State => _dir.Combine(".smooth");

    public RunQueueTests() => Directory.CreateDirectory(State);

    public void Dispose() => _dir.Dispose();

    [Fact]
    public async Task One_active_run_per_pearl()
    {
        await using var q = await RunQueue.OpenAsync(State, default);
        var first = await q.EnqueueAsync("th-aaaaaa", default);
        var e = await Assert.ThrowsAsync<SmoothException>(() => q.EnqueueAsync("th-aaaaaa", default));
        Assert.Equal(ExitCodes.Conflict, e.ExitCode);

        var claimed = await q.ClaimAsync("d1", 10, 10, Lease, default);
        Assert.True(await q.CompleteAsync(first.Id, "d1", RunState.Finished, "done", default));
        var second = await q.EnqueueAsync("th-aaaaaa", default);
        Assert.NotEqual(first.Id, second.Id);
    }

    [Fact]
    public async Task Claims_respect_the_cap_across_daemons_and_only_the_owner_completes()
    {
        await using var a = await RunQueue.OpenAsync(State, default);
        await using var b = await RunQueue.OpenAsync(State, default);
        for (var i = 0; i < 5; i++) await a.EnqueueAsync($"th-00000{i}", default);

        var byA = await a.ClaimAsync("daemon-a", 10, 3, Lease, default);
        var byB = await b.ClaimAsync("daemon-b", 10, 3, Lease, default);
        Assert.Equal(3, byA.Count);
        Assert.Empty(byB);
        Assert.Equal(["th-000000", "th-000001", "th-000002"], byA.Select(r => r.PearlId));

        Assert.False(await b.CompleteAsync(byA[0].Id, "daemon-b", RunState.Finished, "stolen", default));
        Assert.True(await a.CompleteAsync(byA[0].Id, "daemon-a", RunState.Review, "diff waiting", default));
        Assert.False(await a.CompleteAsync(byA[0].Id, "daemon-a", RunState.Finished, "twice", default));
        Assert.Equal(RunState.Review, (await b.GetAsync(byA[0].Id, default))!.State);

        Assert.Single(await b.ClaimAsync("daemon-b", 10, 3, Lease, default));
    }

    [Fact]
    public async Task A_lapsed_lease_is_requeued_with_its_checkpoint_and_the_old_owner_is_locked_out()
    {
        var clock = new ManualClock(DateTimeOffset.Parse("2026-01-01T00:00:00Z"));
        await using var q = await RunQueue.OpenAsync(State, default, clock);
        var run = await q.EnqueueAsync("th-bbbbbb", default);
        await q.ClaimAsync("old", 1, 8, Lease, default);
        Assert.True(await q.SaveCheckpointAsync(run.Id, "old", "checkpoint-7", default));

        Assert.Empty(await q.RecoverAsync(_ => true, default));
        clock.Advance(TimeSpan.FromMinutes(2));
        var recovered = await q.RecoverAsync(_ => true, default);
        Assert.Equal(run.Id, Assert.Single(recovered).Id);

        var again = Assert.Single(await q.ClaimAsync("new", 1, 8, Lease, default));
        Assert.Equal(2, again.Attempt);
        Assert.Equal("checkpoint-7", again.Checkpoint);
        Assert.False(await q.RenewAsync(run.Id, "old", Lease, default));
        Assert.False(await q.CompleteAsync(run.Id, "old", RunState.Finished, "late", default));
        Assert.True(await q.CompleteAsync(run.Id, "new", RunState.Finished, "ok", default));
    }

    [Fact]
    public async Task A_killed_owner_is_detected_at_once_by_pid_and_start_time()
    {
        await using var q = await RunQueue.OpenAsync(State, default);
        var run = await q.EnqueueAsync("th-cccccc", default);
        using var victim = Process.Start(new ProcessStartInfo("sleep", "600"))!;
        Assert.True(DaemonInstance.IsAlive(DaemonInstance.Current));
        var owner = $"{victim.Id}:{OwnerStartTime(victim.Id)}";
        Assert.True(DaemonInstance.IsAlive(owner));
        Assert.False(DaemonInstance.IsAlive($"{victim.Id}:1"), "a recycled pid with another start time is not the owner");
        await q.ClaimAsync(owner, 1, 8, Lease, default);

        Assert.Empty(await q.RecoverAsync(DaemonInstance.IsAlive, default));
        victim.Kill();
        await victim.WaitForExitAsync();
        Assert.False(DaemonInstance.IsAlive(owner));
        Assert.Equal(run.Id, Assert.Single(await q.RecoverAsync(DaemonInstance.IsAlive, default)).Id);
    }

    [Fact]
    public async Task Many_daemons_working_one_queue_finish_every_run_exactly_once()
    {
        const int runs = 200;
        await using (var seed = await RunQueue.OpenAsync(State, default))
        {
            for (var i = 0; i < runs; i++) await seed.EnqueueAsync($"th-{i:x6}", default);
        }
        var finishedBy = new ConcurrentDictionary<string, string>();
        var duplicates = 0;
        var workers = Enumerable.Range(0, 4).Select(w => Task.Run(async () =>
        {
            await using var q = await RunQueue.OpenAsync(State, default);
            var owner = $"daemon-{w}";
            while (true)
            {
                var claimed = await q.ClaimAsync(owner, 3, 8, Lease, default);
                if (claimed.Count == 0)
                {
                    if ((await q.ListAsync([RunState.Queued, RunState.Running], 1, default)).Count == 0) break;
                    await Task.Delay(5);
                    continue;
                }
                foreach (var run in claimed)
                {
                    if (!finishedBy.TryAdd(run.Id, owner)) Interlocked.Increment(ref duplicates);
                    Assert.True(await q.CompleteAsync(run.Id, owner, RunState.Finished, "ok", default));
                }
            }
        })).ToArray();
        await Task.WhenAll(workers);
        Assert.Equal(0, duplicates);
        Assert.Equal(runs, finishedBy.Count);
        await using var check = await RunQueue.OpenAsync(State, default);
        Assert.Equal(runs, (await check.ListAsync([RunState.Finished], 1000, default)).Count);
    }

    private static string OwnerStartTime(int pid)
    {
        var stat = File.ReadAllText($"/proc/{pid}/stat");
        return stat[(stat.LastIndexOf(')') + 2)..].Split(' ')[19];
    }

    private sealed class ManualClock(DateTimeOffset now) : TimeProvider
    {
        private DateTimeOffset _now = now;
        public void Advance(TimeSpan by) => _now += by;
        public override DateTimeOffset GetUtcNow() => _now;
    }
}
