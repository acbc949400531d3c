using System.Diagnostics;
using Smooth.Operator.Checkpoints;
using Smooth.Operator.Hooks;

namespace Smooth.Operator.Bench;

/// <summary>
/// Passes checkpoint saves and guard checks through to the operator API client and records when each one ran, so the
/// overhead of a turn can be split into its round trips. With <paramref name="carry"/> false it drops the checkpoints a
/// call carries, so they go in round trips of their own: the baseline for what carrying saves.
/// </summary>
public sealed class TimedHostCalls(ICheckpointSink checkpoints, IToolGuard guard, bool carry = true) : ICheckpointSink, IToolGuard
{
    private readonly List<(string Kind, long Start, long End)> _spans = [];

    /// <summary>Milliseconds spent in calls of <paramref name="kind"/> (checkpoint, guard) that started in [from, to).</summary>
    public double Sum(string kind, long from, long to)
    {
        lock (_spans)
        {
            return _spans.Where(s => s.Kind == kind && s.Start >= from && s.Start < to)
                .Sum(s => Stopwatch.GetElapsedTime(s.Start, s.End).TotalMilliseconds);
        }
    }

    /// <summary>Forgets what was recorded.</summary>
    public void Clear()
    {
        lock (_spans) _spans.Clear();
    }

    /// <inheritdoc />
    public async Task SaveAsync(Checkpoint checkpoint, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        await checkpoints.SaveAsync(checkpoint, ct);
        Record("checkpoint", start);
    }

    /// <inheritdoc />
    public Task<Checkpoint?> LoadAsync(CancellationToken ct) => checkpoints.LoadAsync(ct);

    /// <inheritdoc />
    public Task<long> LastEventSeqAsync(CancellationToken ct) => checkpoints.LastEventSeqAsync(ct);

    /// <inheritdoc />
    public async Task<GuardDecision> CheckCallAsync(ToolInvocation call, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var decision = await guard.CheckCallAsync(Carried(call), ct);
        Record("guard", start);
        return decision;
    }

    /// <inheritdoc />
    public async Task<GuardedResult> ReviewResultAsync(ToolInvocation call, ToolOutcome outcome, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var result = await guard.ReviewResultAsync(Carried(call), outcome, ct);
        Record("guard", start);
        return result;
    }

    private ToolInvocation Carried(ToolInvocation call) => carry ? call : call with { CheckpointBefore = null, CheckpointWithResult = null };

    private void Record(string kind, long start)
    {
        var end = Stopwatch.GetTimestamp();
        lock (_spans) _spans.Add((kind, start, end));
    }
}
