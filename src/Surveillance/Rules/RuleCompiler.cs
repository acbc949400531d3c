using System.Text.RegularExpressions;

namespace Smooth.Surveillance.Rules;

/// <summary>
/// Compiles rule regexes so that no input can stall a scan: the linear-time non-backtracking engine always, and the
/// backtracking engine (bounded by <see cref="BacktrackingTimeout"/>) only for a rule that asks for it.
/// </summary>
public static class RuleCompiler
{
    /// <summary>The longest pattern accepted.</summary>
    public const int MaxPatternLength = 4096;

    /// <summary>The match timeout of rules that run on the backtracking engine.</summary>
    public static TimeSpan BacktrackingTimeout { get; } = TimeSpan.FromMilliseconds(50);

    // A safety net only: the non-backtracking engine is linear in the input.
    private static readonly TimeSpan LinearTimeout = TimeSpan.FromSeconds(2);

    private const RegexOptions Common = RegexOptions.CultureInvariant;

    /// <summary>The options of a rule pattern on the linear engine.</summary>
    internal const RegexOptions LinearOptions = Common | RegexOptions.NonBacktracking;

    /// <summary>
    /// Compiles a complete spec; adds <c>file:line: ...</c> messages to <paramref name="errors"/> and returns null when it is
    /// invalid. With <paramref name="deferRegexes"/> the regexes are built on the rule's first scan instead: building
    /// the linear engine's automata costs milliseconds per rule, and the keyword pre-filter means most rules never run in
    /// a short session. Only for the shipped rules, whose regexes the test suite compiles; user and project rules are
    /// always compiled here, so a bad one is refused on load with its line.
    /// </summary>
    public static CompiledRule? Compile(RuleSpec spec, List<string> errors, bool deferRegexes = false) => Compile(spec, errors, deferRegexes, null);

    /// <summary>As <see cref="Compile(RuleSpec, List{string}, bool)"/>; <paramref name="modelBytes"/> replaces the shipped scorer models (tests of broken models).</summary>
    internal static CompiledRule? Compile(RuleSpec spec, List<string> errors, bool deferRegexes, Func<string, byte[]>? modelBytes)
    {
        if (spec.Scorer is not null) return ScorerRules.Compile(spec, errors, modelBytes);
        // A heuristic rule without a regex of its own finds its anchors with the heuristic's pattern.
        if (spec.Heuristic == "injection" && spec.Regex is null) spec = spec with { Regex = Scanning.InjectionScore.AnchorPattern };
        var at = $"{spec.Source}:{spec.Line}: rule '{spec.Id}'";
        var before = errors.Count;
        if (spec.Category is null) errors.Add($"{at}: category is missing (secret, injection, command or write)");
        if (spec.Severity is null) errors.Add($"{at}: severity is missing (low, medium, high or critical)");
        if (spec.Action is null) errors.Add($"{at}: action is missing (block, redact, alert or judge)");
        if (string.IsNullOrWhiteSpace(spec.Description)) errors.Add($"{at}: description is missing");
        if (string.IsNullOrEmpty(spec.Regex)) errors.Add($"{at}: regex is missing");
        if (spec.Keywords is { } words && words.Any(w => w.Any(c => c > 127)))
        {
            errors.Add($"{at}: keywords: only ASCII keywords are supported (leave keywords out to run the rule on all text)");
        }
        if (spec.Threshold is not null) errors.Add($"{at}: threshold: only a rule with a scorer has one");
        if (spec.CorroboratedThreshold is not null) errors.Add($"{at}: corroborated_threshold: only a rule with a scorer has one");
        if (spec.CertainEntropy is { } certain && (spec.Entropy ?? 0) > certain)
        {
            errors.Add($"{at}: certain_entropy must not be below entropy");
        }
        if (errors.Count > before || string.IsNullOrEmpty(spec.Regex)) return null;
        if (deferRegexes)
        {
            return new CompiledRule(spec, () => BuildAll(spec, at, new List<string>())
                ?? throw new InvalidOperationException($"{at}: the rule's regexes do not compile (the built-in rule tests should have caught this)"));
        }
        var built = BuildAll(spec, at, errors);
        return built is null ? null : new CompiledRule(spec, () => built);
    }

    private static RuleRegexes? BuildAll(RuleSpec spec, string at, List<string> errors)
    {
        var before = errors.Count;
        var pattern = Build(spec.Regex!, spec.Backtracking == true, $"{at}: regex", errors);
        var allow = new List<Regex>();
        foreach (var a in spec.Allowlist ?? [])
        {
            if (Build(a, false, $"{at}: allowlist '{Shorten(a)}'", errors) is { } r) allow.Add(r);
        }
        var decoded = spec.DecodedRegex is { } d ? Build(d, false, $"{at}: decoded_regex", errors) : null;
        return errors.Count > before || pattern is null ? null : RuleRegexes.For(spec, pattern, allow.ToArray(), decoded);
    }

    /// <summary>Compiles one pattern the way rule patterns are compiled; adds an error naming <paramref name="what"/> on failure.</summary>
    public static Regex? Build(string pattern, bool backtracking, string what, List<string> errors)
    {
        if (pattern.Length > MaxPatternLength)
        {
            errors.Add($"{what}: the pattern is longer than {MaxPatternLength} characters");
            return null;
        }
        try
        {
            return new Regex(pattern, LinearOptions, LinearTimeout);
        }
        catch (NotSupportedException e) when (backtracking)
        {
            _ = e; // falls through to the bounded backtracking engine below
        }
        catch (NotSupportedException e)
        {
            errors.Add($"{what}: needs backtracking ({e.Message}); rewrite it without backreferences or lookarounds, or set 'backtracking: true' to run it with a {BacktrackingTimeout.TotalMilliseconds} ms match timeout");
            return null;
        }
        catch (ArgumentException e)
        {
            errors.Add($"{what}: not a valid regex: {e.Message}");
            return null;
        }
        try
        {
            return new Regex(pattern, Common, BacktrackingTimeout);
        }
        catch (ArgumentException e)
        {
            errors.Add($"{what}: not a valid regex: {e.Message}");
            return null;
        }
    }

    private static string Shorten(string s) => s.Length <= 40 ? s : s[..40] + "...";
}
