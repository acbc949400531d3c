using Smooth.Llm.Config;

namespace Smooth.Surveillance.Judge;

/// <summary>Settings of <see cref="LlmJudge"/>.</summary>
public sealed record LlmJudgeOptions
{
    /// <summary>The model or routing slot to ask (default <c>smooth-judge</c>).</summary>
    public string Model { get; init; } = ModelSlots.Judge;
    /// <summary>How long to wait for an answer before escalating.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromSeconds(20);
    /// <summary>Approvals and denials below this confidence become escalations.</summary>
    public double MinConfidence { get; init; } = 0.7;
    /// <summary>How long a verdict is reused for the same rule and content.</summary>
    public TimeSpan CacheTtl { get; init; } = TimeSpan.FromMinutes(10);
    /// <summary>The most verdicts kept; the cache is cleared of expired entries, then emptied, when full.</summary>
    public int MaxCacheEntries { get; init; } = 10_000;
}
