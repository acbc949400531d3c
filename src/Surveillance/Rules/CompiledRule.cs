using System.Text.RegularExpressions;

namespace Smooth.Surveillance.Rules;

/// <summary>A validated rule, ready to scan with; its regexes are built at once or on its first scan.</summary>
public sealed class CompiledRule
{
    private readonly Lazy<RuleRegexes> _regexes;
    private readonly Lazy<Regex?> _firstLook;

    internal CompiledRule(RuleSpec spec, Func<RuleRegexes> regexes, Scoring.RuleScorer? scorer = null)
    {
        Spec = spec;
        Scorer = scorer;
        _regexes = new Lazy<RuleRegexes>(regexes, LazyThreadSafetyMode.ExecutionAndPublication);
        Triggers = spec.TriggerChars is { Length: > 0 } t ? System.Buffers.SearchValues.Create(t) : null;
        // Built from the spec, not from the pattern: a window the first look rules out never builds the pattern.
        _firstLook = new Lazy<Regex?>(() => spec.Category == RuleCategory.Injection && spec.Keywords is { Count: > 0 } && spec.Gate is null && !UsesBacktracking
            ? Scanning.AnywhereRegex.Build(spec.Regex!, RuleCompiler.LinearOptions, Regex.InfiniteMatchTimeout)
            : null, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>For a rule with <c>scorer:</c>, the learned scorer that runs in place of a regex; null otherwise.</summary>
    internal Scoring.RuleScorer? Scorer { get; }

    /// <summary>For a rule with <c>scorer:</c>, the threshold in force (the rule's own or the model's); null otherwise.</summary>
    public double? Threshold => Scorer?.Threshold;

    /// <summary>For a rule with <c>scorer:</c>, the corroborated threshold in force (below <see cref="Threshold"/>); null when there is none.</summary>
    public double? CorroboratedThreshold => Scorer?.CorroboratedThreshold;

    /// <summary>The effective spec (after overrides).</summary>
    public RuleSpec Spec { get; }
    /// <summary>The id.</summary>
    public string Id => Spec.Id;
    /// <summary>The category.</summary>
    public RuleCategory Category => Spec.Category!.Value;
    /// <summary>The severity.</summary>
    public Severity Severity => Spec.Severity!.Value;
    /// <summary>The action.</summary>
    public RuleAction Action => Spec.Action!.Value;
    /// <summary>What it detects.</summary>
    public string Description => Spec.Description ?? Spec.Id;
    /// <summary>The keywords (empty: always runs).</summary>
    public IReadOnlyList<string> Keywords => Spec.Keywords ?? [];
    /// <summary>Where the rule came from: <c>builtin</c> or a file path (with overrides named).</summary>
    public string Source => Spec.Source;
    /// <summary>
    /// True when it runs on the backtracking engine with a timeout. Only a rule that allows backtracking can (its
    /// pattern is built to find out); any other runs on the linear engine or does not load, so listing the rules
    /// builds none of theirs (building every pattern took about two seconds).
    /// </summary>
    public bool UsesBacktracking => Spec.Backtracking == true && (Pattern.Options & RegexOptions.NonBacktracking) == 0;

    /// <summary>True once the regexes are built.</summary>
    public bool IsBuilt => _regexes.IsValueCreated;

    /// <summary>Builds the regexes now, if they were deferred.</summary>
    public void Build() => _ = _regexes.Value;

    internal Regex Pattern => _regexes.Value.Pattern;

    /// <summary>
    /// For an injection rule with keywords, on the linear engine and without a shared gate: its pattern built to be asked
    /// only whether it matches in a window (see <see cref="Scanning.AnywhereRegex"/>). Injection keywords are common
    /// words, so most windows hold no match, and this first look rules them out faster than the search for matches;
    /// null otherwise.
    /// </summary>
    internal Regex? FirstLook => _firstLook.Value;

    /// <summary>True once <see cref="FirstLook"/> is built (or known to be none).</summary>
    internal bool IsFirstLookBuilt => _firstLook.IsValueCreated;
    internal Regex[] Allow => _regexes.Value.Allow;
    internal Regex? Decoded => _regexes.Value.Decoded;
    internal int SecretGroup => _regexes.Value.SecretGroup;
    internal System.Buffers.SearchValues<char>? Triggers { get; }
    /// <summary>True when the secret (if any) is the whole match, so matches can be found without the slower capture phase.</summary>
    internal bool SecretIsWholeMatch => _regexes.Value.SecretIsWholeMatch;
    /// <summary>A backtracking twin used only to extract the secret group from an already matched span.</summary>
    internal Regex? CaptureOnly => _regexes.Value.CaptureOnly;

    // True for patterns of the form  [\b](?<secret>...)[\b]  where the group closes at the end and nothing else
    // captures: the match and the secret are then the same span.
    internal static bool SecretGroupSpansMatch(string pattern)
    {
        var p = pattern;
        if (p.StartsWith(@"\b", StringComparison.Ordinal)) p = p[2..];
        if (p.EndsWith(@"\b", StringComparison.Ordinal) && !p.EndsWith(@"\\b", StringComparison.Ordinal)) p = p[..^2];
        if (!p.StartsWith("(?<secret>", StringComparison.Ordinal) || !p.EndsWith(')')) return false;
        var depth = 0;
        var inClass = false;
        for (var i = 0; i < p.Length; i++)
        {
            var c = p[i];
            if (c == '\\')
            {
                i++;
                continue;
            }
            if (inClass)
            {
                if (c == ']') inClass = false;
                continue;
            }
            if (c == '[') inClass = true;
            else if (c == '(')
            {
                // Any other capturing group would make the capture phase necessary.
                if (i > 0 && !(i + 1 < p.Length && p[i + 1] == '?' && i + 2 < p.Length && p[i + 2] == ':')) return false;
                depth++;
            }
            else if (c == ')')
            {
                depth--;
                if (depth == 0 && i != p.Length - 1) return false;
            }
        }
        return depth == 0;
    }
}
