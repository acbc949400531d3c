using Smooth.Surveillance.Scoring;

namespace Smooth.Surveillance.Rules;

/// <summary>
/// Validates and compiles a rule that names a learned scorer (<c>scorer:</c>) instead of a regex. Such a rule reads
/// tool results and fetched content (category injection) and its hits are uncertain by nature, so it may only send
/// them to the judge or raise an alert. Its model is read and checked here: a rule set whose scorer has a broken model
/// does not load, so an engine never starts with a scorer that would silently find nothing.
/// </summary>
internal static class ScorerRules
{
    // Fields that belong to regex rules and mean nothing to a scorer.
    private static readonly (string Name, Func<RuleSpec, bool> IsSet)[] RegexFields =
    [
        ("regex", s => s.Regex is not null), ("keywords", s => s.Keywords is not null), ("heuristic", s => s.Heuristic is not null),
        ("decode", s => s.Decode is not null), ("trigger_chars", s => s.TriggerChars is not null), ("gate", s => s.Gate is not null),
        ("reach", s => s.Reach is not null), ("entropy", s => s.Entropy is not null), ("allowlist", s => s.Allowlist is not null),
        ("backtracking", s => s.Backtracking is not null),
    ];

    /// <summary>The compiled rule, or null with <c>file:line: ...</c> messages added to <paramref name="errors"/>.</summary>
    public static CompiledRule? Compile(RuleSpec spec, List<string> errors, Func<string, byte[]>? modelBytes)
    {
        var at = $"{spec.Source}:{spec.Line}: rule '{spec.Id}'";
        var before = errors.Count;
        if (spec.Category != RuleCategory.Injection) errors.Add($"{at}: a scorer rule must have category injection (it scores tool results and fetched content)");
        if (spec.Severity is null) errors.Add($"{at}: severity is missing (low, medium, high or critical)");
        if (spec.Action is not (RuleAction.Judge or RuleAction.Alert)) errors.Add($"{at}: action: a scorer's hits are uncertain, so its action must be judge or alert");
        if (string.IsNullOrWhiteSpace(spec.Description)) errors.Add($"{at}: description is missing");
        foreach (var (name, isSet) in RegexFields)
        {
            if (isSet(spec)) errors.Add($"{at}: '{name}' does not apply to a rule with a scorer");
        }
        LinearModel? model = null;
        try
        {
            model = ScorerCatalog.Load(spec.Scorer!, modelBytes);
        }
        catch (Exception e) when (e is InvalidDataException or ArgumentException)
        {
            errors.Add($"{at}: {e.Message}; the scorer cannot run (reinstall th, or retrain the model as docs/surveillance.md says)");
        }
        if (errors.Count > before || model is null) return null;
        var threshold = spec.Threshold ?? model.Threshold;
        // A corroborated threshold at or above the one in force would change nothing (say after a project lowered the threshold).
        var corroborated = spec.CorroboratedThreshold < threshold ? spec.CorroboratedThreshold : null;
        return new CompiledRule(spec, () => RuleRegexes.Never, new RuleScorer(spec.Scorer!, model, threshold, corroborated));
    }
}
