namespace Smooth.Surveillance.Judge;

/// <summary>A gray-area case for the judge. The excerpt is already redacted: the judge never sees a secret.</summary>
public sealed record JudgeRequest
{
    /// <summary>The rule that was unsure.</summary>
    public required string RuleId { get; init; }
    /// <summary>The rule's category.</summary>
    public required RuleCategory Category { get; init; }
    /// <summary>What the rule detects.</summary>
    public required string Description { get; init; }
    /// <summary><c>tool_call</c> or <c>tool_result</c>.</summary>
    public required string Subject { get; init; }
    /// <summary>The tool involved.</summary>
    public required string ToolName { get; init; }
    /// <summary>The redacted text around the match (bounded in size).</summary>
    public required string Excerpt { get; init; }
}
