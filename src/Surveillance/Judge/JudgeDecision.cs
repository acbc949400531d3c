namespace Smooth.Surveillance.Judge;

/// <summary>What the judge decided.</summary>
public enum JudgeDecision
{
    /// <summary>Harmless: let it through.</summary>
    Approve,
    /// <summary>Harmful: block it.</summary>
    Deny,
    /// <summary>A person must decide (also the answer on timeout, error, malformed output or low confidence).</summary>
    Escalate,
}
