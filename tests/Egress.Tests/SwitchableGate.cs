namespace Smooth.Egress.Tests;

/// <summary>
/// A gate whose policy the test changes while connections stay open (as hot reload and access approvals change the live
/// policy), counting every question; optionally answering only after a delay, as a gate that waits for a person does.
/// </summary>
public sealed class SwitchableGate(IEgressGate initial, TimeSpan? delay = null) : IEgressGate
{
    private volatile IEgressGate _current = initial;
    private int _questions;

    public int Questions => Volatile.Read(ref _questions);

    /// <summary>The trace (Activity.Current) each question was asked under.</summary>
    public System.Collections.Concurrent.ConcurrentQueue<string?> Traces { get; } = new();

    public void Switch(IEgressGate next) => _current = next;

    public async ValueTask<EgressDecision> CheckAsync(EgressRequest request, CancellationToken ct)
    {
        Interlocked.Increment(ref _questions);
        Traces.Enqueue(System.Diagnostics.Activity.Current?.Id);
        if (delay is { } d) await Task.Delay(d, ct);
        return await _current.CheckAsync(request, ct);
    }
}
