using System.Collections.Concurrent;
using Smooth.Core.Events;

namespace Smooth.Orchestrator.Runs;

/// <summary>
/// Big Smooth's dispatcher: takes runs from the <see cref="RunQueue"/> under the concurrency cap, works each through
/// the <see cref="IRunExecutor"/> while renewing its lease, and records the outcome exactly once. On start it takes
/// back runs orphaned by a crashed daemon, which then resume from their checkpoints. Stopping leaves in-flight runs
/// resumable (their leases lapse; the next daemon takes them up).
/// </summary>
public sealed class Scheduler(RunQueue queue, IRunExecutor executor, RunControlHub controls, IEventSink events, SchedulerOptions options)
{
    private readonly string _owner = DaemonInstance.Current;
    private readonly ConcurrentDictionary<string, Task> _inFlight = new();

    /// <summary>Runs currently being worked by this daemon.</summary>
    public IReadOnlyCollection<string> InFlight => _inFlight.Keys.ToList();

    /// <summary>Dispatches until <paramref name="ct"/> is cancelled, then waits for in-flight runs to stop.</summary>
    public async Task RunAsync(CancellationToken ct)
    {
        foreach (var run in await queue.RecoverAsync(DaemonInstance.IsAlive, ct))
        {
            Emit("run.recovered", run, $"taken back from a daemon that is gone (attempt {run.Attempt}); resumes from {run.Checkpoint ?? "the start"}");
        }
        using var wake = new PeriodicTimer(options.PollInterval);
        try
        {
            do
            {
                var free = options.MaxConcurrent - _inFlight.Count;
                if (free <= 0) continue;
                foreach (var run in await queue.ClaimAsync(_owner, free, options.MaxConcurrent, options.Lease, ct))
                {
                    Emit("run.dispatched", run, $"attempt {run.Attempt}");
                    _inFlight[run.Id] = Task.Run(() => WorkAsync(run, ct), CancellationToken.None);
                }
                foreach (var run in await queue.RecoverAsync(DaemonInstance.IsAlive, ct))
                {
                    Emit("run.recovered", run, "lease lapsed; requeued");
                }
            }
            while (await wake.WaitForNextTickAsync(ct));
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            // Stopping: fall through and let in-flight runs wind down.
        }
        await Task.WhenAll(_inFlight.Values);
    }

    private async Task WorkAsync(RunRecord run, CancellationToken stop)
    {
        using var renewStop = CancellationTokenSource.CreateLinkedTokenSource(stop);
        var lostLease = false;
        var renew = Task.Run(async () =>
        {
            using var timer = new PeriodicTimer(options.Lease / 3);
            try
            {
                while (await timer.WaitForNextTickAsync(renewStop.Token))
                {
                    if (!await queue.RenewAsync(run.Id, _owner, options.Lease, renewStop.Token))
                    {
                        // Someone else holds it now: stop working it at once.
                        lostLease = true;
                        await renewStop.CancelAsync();
                    }
                }
            }
            catch (OperationCanceledException) { }
        });

        var context = new RunContext(
            (checkpoint, ct) => queue.SaveCheckpointAsync(run.Id, _owner, checkpoint, ct),
            target => controls.Register(run.Id, target),
            (turn, cost, activity, ct) => queue.ReportProgressAsync(run.Id, _owner, turn, cost, activity, ct));
        try
        {
            var outcome = await executor.ExecuteAsync(run, context, renewStop.Token);
            if (await queue.CompleteAsync(run.Id, _owner, outcome.State, outcome.Result, CancellationToken.None))
            {
                Emit("run.completed", run, outcome.Result, outcome.State);
            }
        }
        catch (OperationCanceledException) when (renewStop.IsCancellationRequested)
        {
            Emit(lostLease ? "run.lease-lost" : "run.suspended", run,
                lostLease ? "another daemon holds this run now; stopped working it" : "daemon stopping; the run resumes from its checkpoint on the next start");
        }
        catch (Exception e)
        {
            if (await queue.CompleteAsync(run.Id, _owner, RunState.Failed, Core.SmoothExceptionText.Of(e), CancellationToken.None))
            {
                Emit("run.completed", run, Core.SmoothExceptionText.Of(e), RunState.Failed);
            }
        }
        finally
        {
            await renewStop.CancelAsync();
            await renew;
            _inFlight.TryRemove(run.Id, out _);
        }
    }

    private void Emit(string type, RunRecord run, string detail, RunState? state = null)
    {
        var attributes = new Dictionary<string, string> { ["run"] = run.Id, ["pearl"] = run.PearlId, ["attempt"] = run.Attempt.ToString(), ["detail"] = detail };
        if (state is { } s) attributes["state"] = s.ToString();
        events.Emit(SmoothEvent.Create(type, "scheduler", attributes));
    }
}
