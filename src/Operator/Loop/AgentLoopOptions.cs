namespace Smooth.Operator.Loop;

/// <summary>Bounds and settings of the agent loop (taken from the <see cref="OperatorSpec"/>).</summary>
public sealed record AgentLoopOptions
{
    /// <summary>The slot for coding calls.</summary>
    public string Slot { get; init; } = "smooth-coding";
    /// <summary>The slot used to compress context.</summary>
    public string SummarizeSlot { get; init; } = "smooth-summarize";
    /// <summary>Most model calls per coding turn.</summary>
    public int MaxIterations { get; init; } = 40;
    /// <summary>Spending cap in US dollars; null for none.</summary>
    public decimal? BudgetUsd { get; init; }
    /// <summary>Context window in tokens.</summary>
    public int ContextWindowTokens { get; init; } = 128_000;
    /// <summary>Compress when the conversation passes this share of the window.</summary>
    public double CompressAtRatio { get; init; } = 0.8;
    /// <summary>Newest messages always kept verbatim.</summary>
    public int KeepRecentMessages { get; init; } = 8;
    /// <summary>Stream model answers.</summary>
    public bool Stream { get; init; }

    /// <summary>The options for <paramref name="spec"/>.</summary>
    public static AgentLoopOptions From(OperatorSpec spec) => new()
    {
        Slot = spec.Slot, SummarizeSlot = spec.SummarizeSlot, MaxIterations = spec.MaxIterations, BudgetUsd = spec.BudgetUsd,
        ContextWindowTokens = spec.ContextWindowTokens, CompressAtRatio = spec.CompressAtRatio, KeepRecentMessages = spec.KeepRecentMessages,
        Stream = spec.Stream,
    };
}
