namespace Smooth.Surveillance;

/// <summary>The answer to a tool call check (or the verdict part of a tool result scan).</summary>
public sealed record SurveillanceVerdict
{
    /// <summary>Go ahead, block, ask the judge, or a person must decide.</summary>
    public required VerdictDecision Decision { get; init; }
    /// <summary>Why, in words the model can act on (empty when allowed without findings).</summary>
    public string Reason { get; init; } = "";
    /// <summary>The findings behind the decision (redacted previews only).</summary>
    public IReadOnlyList<Finding> Findings { get; init; } = [];
    /// <summary>The judge's reason when the judge decided, else null.</summary>
    public string? JudgeReason { get; init; }

    /// <summary>True when the call may go ahead.</summary>
    public bool Allowed => Decision == VerdictDecision.Allow;

    /// <summary>An allow verdict with no findings.</summary>
    public static SurveillanceVerdict Allow { get; } = new() { Decision = VerdictDecision.Allow };
}
