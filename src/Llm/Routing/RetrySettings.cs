namespace Smooth.Llm.Routing;

/// <summary>How hard to try one route before moving to its fallback.</summary>
public sealed record RetrySettings
{
    /// <summary>Retries after the first attempt (so attempts = 1 + this).</summary>
    public int MaxRetries { get; init; } = 3;
    /// <summary>The first backoff delay; it doubles, with jitter.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromSeconds(1);
    /// <summary>The timeout of one attempt (for streams: until the first update).</summary>
    public TimeSpan AttemptTimeout { get; init; } = TimeSpan.FromMinutes(5);
}
