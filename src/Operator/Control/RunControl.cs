using System.Collections.Concurrent;
using System.Threading.Channels;

namespace Smooth.Operator.Control;

/// <summary>
/// The operator's side of the controls: applies control messages as they arrive and lets the loop ask, at its
/// boundaries, for steering to inject, whether to hold, and whether to stop.
/// </summary>
public sealed class RunControl : IDisposable
{
    private readonly ConcurrentQueue<string> _steering = new();
    private readonly Channel<string> _answers = Channel.CreateUnbounded<string>();
    private readonly CancellationTokenSource _cancel = new();
    private readonly object _gate = new();
    private TaskCompletionSource? _resumed;
    private long _lastSeq;

    /// <summary>Fires when a message changed state (paused, resumed, steering queued, answered).</summary>
    public event Action<ControlMessage>? Applied;

    /// <summary>Cancelled when a person cancels the run.</summary>
    public CancellationToken Cancelled => _cancel.Token;

    /// <summary>True while paused.</summary>
    public bool IsPaused
    {
        get { lock (_gate) return _resumed is not null; }
    }

    /// <summary>The last control sequence number applied.</summary>
    public long LastSeq => Interlocked.Read(ref _lastSeq);

    /// <summary>Applies one message; messages at or below <see cref="LastSeq"/> are ignored (redelivery is harmless).</summary>
    public void Apply(ControlMessage message)
    {
        if (message.Seq <= Interlocked.Read(ref _lastSeq)) return;
        Interlocked.Exchange(ref _lastSeq, message.Seq);
        switch (message.Kind)
        {
            case ControlKinds.Steer:
                _steering.Enqueue(message.Text);
                break;
            case ControlKinds.Pause:
                lock (_gate) _resumed ??= new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
                break;
            case ControlKinds.Resume:
                TaskCompletionSource? waiting;
                lock (_gate)
                {
                    waiting = _resumed;
                    _resumed = null;
                }
                waiting?.TrySetResult();
                break;
            case ControlKinds.Cancel:
                _cancel.Cancel();
                break;
            case ControlKinds.Answer:
                _answers.Writer.TryWrite(message.Text);
                break;
            default:
                return;
        }
        Applied?.Invoke(message);
    }

    /// <summary>Takes every steering text queued since the last call.</summary>
    public IReadOnlyList<string> TakeSteering()
    {
        var list = new List<string>();
        while (_steering.TryDequeue(out var s)) list.Add(s);
        return list;
    }

    /// <summary>Waits while paused; returns true when it actually held.</summary>
    public async Task<bool> HoldIfPausedAsync(CancellationToken ct)
    {
        Task? wait;
        lock (_gate) wait = _resumed?.Task;
        if (wait is null) return false;
        await wait.WaitAsync(ct);
        return true;
    }

    /// <summary>Waits for a person's answer.</summary>
    public ValueTask<string> WaitForAnswerAsync(CancellationToken ct) => _answers.Reader.ReadAsync(ct);

    /// <inheritdoc />
    public void Dispose() => _cancel.Dispose();
}
