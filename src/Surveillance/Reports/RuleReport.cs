using System.Text.Json.Serialization;
using Smooth.Surveillance.Rules;

namespace Smooth.Surveillance.Reports;

/// <summary>One active rule as <c>th narc rules --json</c> prints it.</summary>
public sealed record RuleReport
{
    /// <summary>Rule id.</summary>
    public required string Id { get; init; }
    /// <summary>secret, injection, command or write.</summary>
    public required string Category { get; init; }
    /// <summary>low, medium, high or critical.</summary>
    public required string Severity { get; init; }
    /// <summary>block, redact, alert or judge.</summary>
    public required string Action { get; init; }
    /// <summary>What it detects.</summary>
    public required string Description { get; init; }
    /// <summary>Pre-filter keywords (empty: runs on all text).</summary>
    public required IReadOnlyList<string> Keywords { get; init; }
    /// <summary><c>builtin</c> or the file (with overrides named).</summary>
    public required string Source { get; init; }
    /// <summary>The line in the defining file.</summary>
    public required int Line { get; init; }
    /// <summary><c>linear</c> (non-backtracking) or <c>backtracking</c> (with a match timeout); <c>glob</c> for the write guard; <c>scorer</c> for a learned scorer.</summary>
    public required string Engine { get; init; }
    /// <summary>For a scorer rule: the scorer's name; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public string? Scorer { get; init; }
    /// <summary>For a scorer rule: the threshold in force; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? Threshold { get; init; }
    /// <summary>For a scorer rule with one: the corroborated threshold in force; absent otherwise.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)]
    public double? CorroboratedThreshold { get; init; }

    /// <summary>Converts a compiled rule.</summary>
    public static RuleReport From(CompiledRule r) => new()
    {
        Id = r.Id,
        Category = r.Category.ToString().ToLowerInvariant(),
        Severity = r.Severity.ToString().ToLowerInvariant(),
        Action = r.Action.ToString().ToLowerInvariant(),
        Description = r.Description,
        Keywords = r.Keywords,
        Source = r.Source,
        Line = r.Spec.Line,
        Engine = r.Scorer is not null ? "scorer" : r.UsesBacktracking ? "backtracking" : "linear",
        Scorer = r.Scorer?.Name,
        Threshold = r.Threshold is { } t ? Math.Round(t, 4) : null,
        CorroboratedThreshold = r.CorroboratedThreshold is { } c ? Math.Round(c, 4) : null,
    };
}
