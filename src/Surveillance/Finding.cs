namespace Smooth.Surveillance;

/// <summary>
/// One rule match. It never holds the matched secret: <see cref="Preview"/> is the surrounding text with every
/// secret replaced by <c>[REDACTED:&lt;rule-id&gt;]</c>, so a finding is safe to log, emit or print.
/// </summary>
public sealed record Finding
{
    /// <summary>The rule that matched.</summary>
    public required string RuleId { get; init; }
    /// <summary>The rule's category.</summary>
    public required RuleCategory Category { get; init; }
    /// <summary>The rule's severity.</summary>
    public required Severity Severity { get; init; }
    /// <summary>The action for this match (a low-certainty match of a blocking or redacting rule becomes <see cref="RuleAction.Judge"/>).</summary>
    public required RuleAction Action { get; init; }
    /// <summary>What the rule detects, for people.</summary>
    public required string Description { get; init; }
    /// <summary>The matched (for secrets: the secret's) span.</summary>
    public required FindingSpan Span { get; init; }
    /// <summary>A short redacted excerpt around the match.</summary>
    public required string Preview { get; init; }
    /// <summary>For a scorer rule: the window's score, a probability (<see cref="Span"/> is the window); null otherwise.</summary>
    public double? Score { get; init; }
    /// <summary>For a scorer rule: the threshold the score reached (the corroborated one when <see cref="Corroboration"/> is set); null otherwise.</summary>
    public double? Threshold { get; init; }
    /// <summary>
    /// For a scorer window below the rule's threshold that counts at its corroborated threshold: the families of
    /// signals the injection heuristic found in the same span (an addressed reader and more); null otherwise.
    /// </summary>
    public IReadOnlyList<string>? Corroboration { get; init; }

    /// <inheritdoc />
    public override string ToString() => Score is { } score
        ? $"{RuleId} ({Category}, {Severity}, {Action}) at {Span}, window of {Span.Length} characters scoring {score:0.000} (threshold {Threshold:0.000}{(Corroboration is { } c ? ", corroborated by " + string.Join(", ", c) : "")}): {Preview}"
        : $"{RuleId} ({Category}, {Severity}, {Action}) at {Span}: {Preview}";
}
