using System.Text.Json.Serialization;

namespace Smooth.Surveillance.Reports;

/// <summary>One finding as <c>th narc scan --json</c> prints it (docs/surveillance.md).</summary>
public sealed record FindingReport
{
    /// <summary>Rule id.</summary>
    public required string Rule { get; init; }
    /// <summary>secret, injection, command or write.</summary>
    public required string Category { get; init; }
    /// <summary>low, medium, high or critical.</summary>
    public required string Severity { get; init; }
    /// <summary>block, redact, alert or judge.</summary>
    public required string Action { get; init; }
    /// <summary>What the rule detects.</summary>
    public required string Description { get; init; }
    /// <summary>1-based line.</summary>
    public required int Line { get; init; }
    /// <summary>1-based column.</summary>
    public required int Column { get; init; }
    /// <summary>0-based offset (UTF-16 code units).</summary>
    public required int Start { get; init; }
    /// <summary>Length of the match.</summary>
    public required int Length { get; init; }
    /// <summary>Redacted excerpt.</summary>
    public required string Preview { get; init; }
    /// <summary>For a scorer rule: the window's score (the window is start/length); absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Score { get; init; }
    /// <summary>For a scorer rule: the threshold the score reached; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Threshold { get; init; }
    /// <summary>For a scorer window counted at the corroborated threshold: the heuristic's families that corroborate it; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public IReadOnlyList<string>? Corroboration { get; init; }

    /// <summary>Converts a finding.</summary>
    public static FindingReport From(Finding f) => new()
    {
        Rule = f.RuleId,
        Category = f.Category.ToString().ToLowerInvariant(),
        Severity = f.Severity.ToString().ToLowerInvariant(),
        Action = f.Action.ToString().ToLowerInvariant(),
        Description = f.Description,
        Line = f.Span.Line,
        Column = f.Span.Column,
        Start = f.Span.Start,
        Length = f.Span.Length,
        Preview = f.Preview,
        Score = f.Score is { } s ? Math.Round(s, 4) : null,
        Threshold = f.Threshold is { } t ? Math.Round(t, 4) : null,
        Corroboration = f.Corroboration,
    };
}
