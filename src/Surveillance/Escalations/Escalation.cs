namespace Smooth.Surveillance.Escalations;

/// <summary>A case a person must decide (the judge was unsure, failed, or is not configured). Holds no secret.</summary>
public sealed record Escalation
{
    /// <summary>A fresh id.</summary>
    public string Id { get; init; } = Guid.NewGuid().ToString("n");
    /// <summary>The tool involved.</summary>
    public required string ToolName { get; init; }
    /// <summary><c>tool_call</c> or <c>tool_result</c>.</summary>
    public required string Subject { get; init; }
    /// <summary>The rules behind it.</summary>
    public required IReadOnlyList<string> RuleIds { get; init; }
    /// <summary>Why it was escalated.</summary>
    public required string Reason { get; init; }
    /// <summary>A redacted preview of what matched.</summary>
    public required string Preview { get; init; }
    /// <summary>When.</summary>
    public DateTimeOffset Time { get; init; } = DateTimeOffset.UtcNow;
}
