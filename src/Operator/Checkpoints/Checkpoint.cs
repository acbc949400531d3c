namespace Smooth.Operator.Checkpoints;

/// <summary>
/// Groove: everything needed to continue a run where it stopped: the conversation (including the results of tool
/// calls that completed, so they are never repeated), the iteration, the plan, the spend, the governor's progress.
/// </summary>
public sealed record Checkpoint
{
    /// <summary>The format version.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The run.</summary>
    public required string RunId { get; init; }

    /// <summary>Increases with every save.</summary>
    public long Seq { get; init; }

    /// <summary>The conversation so far. The last assistant message's calls without a tool message are still to run.</summary>
    public IReadOnlyList<SavedMessage> Messages { get; init; } = [];

    /// <summary>
    /// When set, this checkpoint is a delta: the host keeps the first <c>KeepMessages</c> messages it already has and
    /// appends <see cref="Messages"/> after them (a conversation mostly grows, so each save sends only what is new).
    /// Null for a complete checkpoint, which is what loading always returns.
    /// </summary>
    public int? KeepMessages { get; init; }

    /// <summary>Model calls made in the current coding turn.</summary>
    public int Iteration { get; init; }

    /// <summary>Governor turns started so far (1-based; 0 before the first).</summary>
    public int GovernorTurn { get; init; }

    /// <summary>The plan kept by the <c>todo</c> tool.</summary>
    public IReadOnlyList<TodoItem> Todo { get; init; } = [];

    /// <summary>Spend so far in US dollars.</summary>
    public decimal CostUsd { get; init; }

    /// <summary>Prompt tokens so far.</summary>
    public long InputTokens { get; init; }

    /// <summary>Completion tokens so far.</summary>
    public long OutputTokens { get; init; }

    /// <summary>The last event sequence number, so a resumed run continues the stream without gaps or repeats.</summary>
    public long EventSeq { get; init; }

    /// <summary>The last control message applied.</summary>
    public long ControlSeq { get; init; }
}
