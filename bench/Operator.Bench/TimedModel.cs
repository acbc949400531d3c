using System.Diagnostics;
using Smooth.Llm.Clients;

namespace Smooth.Operator.Bench;

/// <summary>One model call the operator made: the request, and when it started and ended (Stopwatch ticks).</summary>
public sealed record TimedCall(ChatRequest Request, long Start, long End);

/// <summary>Passes calls through to a real model client and records when each one started and ended.</summary>
public sealed class TimedModel(IChatModel inner) : IChatModel
{
    private readonly List<TimedCall> _calls = [];

    /// <summary>The calls so far, in order.</summary>
    public IReadOnlyList<TimedCall> Calls
    {
        get { lock (_calls) return _calls.ToList(); }
    }

    /// <summary>Forgets the calls recorded so far.</summary>
    public void Clear()
    {
        lock (_calls) _calls.Clear();
    }

    /// <inheritdoc />
    public async Task<ChatResponse> CompleteAsync(ChatRequest request, CancellationToken ct)
    {
        var start = Stopwatch.GetTimestamp();
        var response = await inner.CompleteAsync(request, ct);
        var end = Stopwatch.GetTimestamp();
        lock (_calls) _calls.Add(new TimedCall(request, start, end));
        return response;
    }

    /// <inheritdoc />
    public IAsyncEnumerable<ChatDelta> StreamAsync(ChatRequest request, CancellationToken ct) =>
        throw new NotSupportedException("the bench runs the operator without streaming");
}
