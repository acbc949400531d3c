namespace Smooth.Operator;

/// <summary>
/// What one operator is asked to do and within which bounds. The host writes it; the operator fetches it over its
/// token-scoped API at start, so nothing but two environment variables crosses into the sandbox.
/// </summary>
public sealed record OperatorSpec
{
    /// <summary>The format version of this record.</summary>
    public int Version { get; init; } = 1;

    /// <summary>The run this operator works for.</summary>
    public required string RunId { get; init; }

    /// <summary>The pearl being worked, if any.</summary>
    public string? PearlId { get; init; }

    /// <summary>The task, as given to the model (the pearl's title and description, or the inline prompt).</summary>
    public required string Task { get; init; }

    /// <summary>The workspace root as the operator sees it (<c>/workspace</c> in a sandbox).</summary>
    public string Workspace { get; init; } = "/workspace";

    /// <summary>The routing slot used for coding turns.</summary>
    public string Slot { get; init; } = "smooth-coding";

    /// <summary>The routing slot used to compress old context.</summary>
    public string SummarizeSlot { get; init; } = "smooth-summarize";

    /// <summary>Most model calls in one coding turn.</summary>
    public int MaxIterations { get; init; } = 40;

    /// <summary>The run's spending cap in US dollars; null for none.</summary>
    public decimal? BudgetUsd { get; init; }

    /// <summary>The test command the governor runs after each coding turn; null for no governor.</summary>
    public string? TestCommand { get; init; }

    /// <summary>Most governor turns (coding turn + tests).</summary>
    public int GovernorIterations { get; init; } = 5;

    /// <summary>The governor's close-to-green threshold.</summary>
    public int PlateauFailures { get; init; } = 3;

    /// <summary>The model's context window in tokens (estimated at four characters a token).</summary>
    public int ContextWindowTokens { get; init; } = 128_000;

    /// <summary>Compress older turns once the conversation passes this share of the window.</summary>
    public double CompressAtRatio { get; init; } = 0.8;

    /// <summary>How many of the newest messages are always kept verbatim when compressing.</summary>
    public int KeepRecentMessages { get; init; } = 8;

    /// <summary>Default timeout of one <c>bash</c> call, in seconds.</summary>
    public int BashTimeoutSeconds { get; init; } = 120;

    /// <summary>Most characters of tool output given back to the model (head and tail kept).</summary>
    public int OutputCapChars { get; init; } = 30_000;

    /// <summary>True to stream model answers (token deltas become events).</summary>
    public bool Stream { get; init; }
}
