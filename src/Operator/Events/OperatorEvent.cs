namespace Smooth.Operator.Events;

/// <summary>
/// One operator event: a typed, versioned JSON line (see <c>docs/events.md</c>). Fields that do not apply to a type
/// are left out of the JSON. Never carries a secret: tool results are summarised, not copied.
/// </summary>
public sealed record OperatorEvent
{
    /// <summary>The schema version of the event line.</summary>
    public int V { get; init; } = 1;

    /// <summary>Position in the run's event stream, from 1.</summary>
    public long Seq { get; init; }

    /// <summary>When it happened (UTC).</summary>
    public DateTimeOffset Time { get; init; }

    /// <summary>The run.</summary>
    public string Run { get; init; } = "";

    /// <summary>The event type; one of <see cref="OperatorEventTypes"/>.</summary>
    public required string Type { get; init; }

    /// <summary>The model-call iteration it belongs to.</summary>
    public int? Iteration { get; init; }

    /// <summary>Free text: the model's words, steering text, a question, an answer, an error message.</summary>
    public string? Text { get; init; }

    /// <summary>The tool, for tool events.</summary>
    public string? Tool { get; init; }

    /// <summary>The tool call id, for tool events.</summary>
    public string? CallId { get; init; }

    /// <summary>A short, redacted summary of a tool call's arguments or result.</summary>
    public string? Summary { get; init; }

    /// <summary>Duration in milliseconds (tool calls, model calls).</summary>
    public long? DurationMs { get; init; }

    /// <summary>True when a tool call failed or was refused.</summary>
    public bool? IsError { get; init; }

    /// <summary>Prompt tokens of a model call.</summary>
    public long? InputTokens { get; init; }

    /// <summary>Completion tokens of a model call.</summary>
    public long? OutputTokens { get; init; }

    /// <summary>Cost of this model call in US dollars.</summary>
    public decimal? CostUsd { get; init; }

    /// <summary>The run's spend so far in US dollars.</summary>
    public decimal? TotalCostUsd { get; init; }

    /// <summary>The model (or slot) involved.</summary>
    public string? Model { get; init; }

    /// <summary>Why: a refusal's reason, a stop reason, a governor decision.</summary>
    public string? Reason { get; init; }

    /// <summary>Who or what decided (policy rule, surveillance rule), for refusals.</summary>
    public string? Rule { get; init; }

    /// <summary>A count (messages compressed, failing tests, files changed).</summary>
    public int? Count { get; init; }
}
