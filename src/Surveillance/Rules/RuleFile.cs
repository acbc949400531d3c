namespace Smooth.Surveillance.Rules;

/// <summary>One parsed rule file: rules, ids to disable, and allowlist additions.</summary>
public sealed record RuleFile
{
    /// <summary>Where it was read from.</summary>
    public required string Source { get; init; }
    /// <summary>Rules to add, replace or partially override.</summary>
    public IReadOnlyList<RuleSpec> Rules { get; init; } = [];
    /// <summary>Ids of rules to turn off.</summary>
    public IReadOnlyList<string> Disable { get; init; } = [];
    /// <summary>Patterns that drop a secret finding whose value they match (placeholders, documented examples).</summary>
    public IReadOnlyList<string> AllowValues { get; init; } = [];
    /// <summary>Path globs whose content is not checked for secrets (test fixtures).</summary>
    public IReadOnlyList<string> AllowPaths { get; init; } = [];
}
