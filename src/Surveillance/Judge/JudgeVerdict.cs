namespace Smooth.Surveillance.Judge;

/// <summary>The judge's answer.</summary>
public sealed record JudgeVerdict
{
    /// <summary>Approve, deny or escalate.</summary>
    public required JudgeDecision Decision { get; init; }
    /// <summary>The model's confidence, 0..1 (0 when the judge failed).</summary>
    public double Confidence { get; init; }
    /// <summary>A short reason.</summary>
    public required string Reason { get; init; }
    /// <summary>True when the answer came from the cache.</summary>
    public bool Cached { get; init; }
}
