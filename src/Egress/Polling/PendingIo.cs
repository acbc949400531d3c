using System.Threading.Tasks.Sources;

namespace Smooth.Egress.Polling;

/// <summary>
/// The one outstanding read or the one outstanding write of a <see cref="PolledSocket"/>: reused for every wait, so
/// waiting allocates nothing. Its continuation runs on the thread that completes it.
/// </summary>
internal sealed class PendingIo(PolledSocket owner) : IValueTaskSource<int>, IValueTaskSource
{
    private ManualResetValueTaskSourceCore<int> _core;

    /// <summary>The socket this operation belongs to (a token's callback finds it here without a closure).</summary>
    public PolledSocket Owner { get; } = owner;

    /// <summary>Where a read goes.</summary>
    public Memory<byte> ReadBuffer;
    /// <summary>What a write has left to send (empty when the write only waits for the socket to become writable).</summary>
    public ReadOnlyMemory<byte> WriteLeft;
    /// <summary>Whether an operation waits on this object, is being carried on by the poller, or neither.</summary>
    public PendingState State;
    /// <summary>The caller's token fired while the poller was carrying the operation on.</summary>
    public bool CancelRequested;
    /// <summary>The token that fired (io_uring: the operation ends with it when its CQE comes back).</summary>
    public CancellationToken CancelToken;
    /// <summary>Cancels the wait when the caller's token fires.</summary>
    public CancellationTokenRegistration Cancellation;

    /// <summary>Starts a new wait; returns its version for the awaiting ValueTask.</summary>
    public short Begin()
    {
        _core.Reset();
        State = PendingState.Waiting;
        CancelRequested = false;
        CancelToken = default;
        return _core.Version;
    }

    /// <summary>Ends the operation (under the socket's lock) and hands back its cancellation registration to dispose.</summary>
    public CancellationTokenRegistration End()
    {
        State = PendingState.Idle;
        var registration = Cancellation;
        Cancellation = default;
        ReadBuffer = default;
        WriteLeft = default;
        return registration;
    }

    public void Succeed(int result) => _core.SetResult(result);

    public void Fail(Exception e) => _core.SetException(e);

    public int GetResult(short token) => _core.GetResult(token);

    void IValueTaskSource.GetResult(short token) => _core.GetResult(token);

    public ValueTaskSourceStatus GetStatus(short token) => _core.GetStatus(token);

    public void OnCompleted(Action<object?> continuation, object? state, short token, ValueTaskSourceOnCompletedFlags flags) =>
        _core.OnCompleted(continuation, state, token, flags);
}

/// <summary>Where a <see cref="PendingIo"/> stands.</summary>
internal enum PendingState
{
    /// <summary>No operation.</summary>
    Idle,
    /// <summary>Waiting for the socket's next event.</summary>
    Waiting,
    /// <summary>The poller is reading or writing for it now.</summary>
    Running,
}
