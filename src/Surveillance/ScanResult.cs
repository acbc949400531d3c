namespace Smooth.Surveillance;

/// <summary>The outcome of scanning a tool result or any text.</summary>
public sealed record ScanResult
{
    /// <summary>Every match, in text order.</summary>
    public required IReadOnlyList<Finding> Findings { get; init; }
    /// <summary>The text with every redacting match replaced by <c>[REDACTED:&lt;rule-id&gt;]</c>: what the model may see.</summary>
    public required string RedactedText { get; init; }
    /// <summary>Allow (possibly redacted), block (withhold the text), needs the judge, or escalate.</summary>
    public required SurveillanceVerdict Verdict { get; init; }

    /// <summary>How many spans were replaced in <see cref="RedactedText"/>.</summary>
    public int RedactionCount { get; init; }
}
