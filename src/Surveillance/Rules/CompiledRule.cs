using System.Text.RegularExpressions;

namespace Smooth.Surveillance.Rules;

/// <summary>A validated rule with its regexes compiled, ready to scan with.</summary>
public sealed class CompiledRule
{
    internal CompiledRule(RuleSpec spec, Regex pattern, Regex[] allow, Regex? decoded)
    {
        Spec = spec;
        Pattern = pattern;
        Allow = allow;
        Decoded = decoded;
        SecretGroup = pattern.GroupNumberFromName("secret");
        SecretIsWholeMatch = pattern.GetGroupNumbers().Length == 1 || SecretGroupSpansMatch(spec.Regex!);
        if (!SecretIsWholeMatch && (pattern.Options & RegexOptions.NonBacktracking) != 0 && SecretGroup >= 0)
        {
            // Only ever run on a span the linear engine already matched (a few hundred characters at most), with a
            // short timeout: extracting the secret group this way is many times cheaper than the linear engine's
            // capture phase, and any failure falls back to that phase.
            CaptureOnly = new Regex(spec.Regex!, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(10));
        }
        Triggers = spec.TriggerChars is { Length: > 0 } t ? System.Buffers.SearchValues.Create(t) : null;
    }

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
    /// <summary>True when it runs on the backtracking engine with a timeout.</summary>
    public bool UsesBacktracking => (Pattern.Options & RegexOptions.NonBacktracking) == 0;

    internal Regex Pattern { get; }
    internal Regex[] Allow { get; }
    internal Regex? Decoded { get; }
    internal int SecretGroup { get; }
    internal System.Buffers.SearchValues<char>? Triggers { get; }
    /// <summary>True when the secret (if any) is the whole match, so matches can be found without the slower capture phase.</summary>
    internal bool SecretIsWholeMatch { get; }
    /// <summary>A backtracking twin used only to extract the secret group from an already matched span.</summary>
    internal Regex? CaptureOnly { get; }

    // True for patterns of the form  [\b](?<secret>...)[\b]  where the group closes at the end and nothing else
    // captures: the match and the secret are then the same span.
    private static bool SecretGroupSpansMatch(string pattern)
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
