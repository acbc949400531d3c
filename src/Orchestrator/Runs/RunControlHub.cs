using System.Collections.Concurrent;
using Smooth.Core.Events;
using Smooth.Orchestrator.Api;

namespace Smooth.Orchestrator.Runs;

/// <summary>
/// Routes control messages to the operators running in this daemon. The scheduler registers each run's channel while
/// it runs; a message for a run that is not running here is refused with the reason. Every delivery is an event.
/// </summary>
public sealed class RunControlHub(IEventSink events)
{
    private readonly ConcurrentDictionary<string, IRunControlTarget> _targets = new(StringComparer.Ordinal);

    /// <summary>Makes <paramref name="runId"/> controllable until the returned handle is disposed.</summary>
    public IDisposable Register(string runId, IRunControlTarget target)
    {
        if (!_targets.TryAdd(runId, target)) throw new InvalidOperationException($"run {runId} is already registered");
        return new Registration(() => _targets.TryRemove(runId, out _));
    }

    /// <summary>Validates and delivers a message.</summary>
    public async Task<RunControlReply> SendAsync(RunControlMessage message, CancellationToken ct)
    {
        if (message.Problem() is { } problem) return new RunControlReply(false, message.Run ?? "", problem);
        if (!_targets.TryGetValue(message.Run, out var target))
        {
            return new RunControlReply(false, message.Run, "that run is not running in this daemon (see 'th operators')");
        }
        var ack = await target.DeliverAsync(message, ct);
        events.Emit(SmoothEvent.Create($"run.control.{message.Type}", "orchestrator", new Dictionary<string, string>
        {
            ["run"] = message.Run,
            ["ack"] = ack,
        }));
        return new RunControlReply(true, message.Run, ack);
    }

    private sealed class Registration(Action remove) : IDisposable
    {
        private int _done;
        public void Dispose()
        {
            if (Interlocked.Exchange(ref _done, 1) == 0) remove();
        }
    }
}
