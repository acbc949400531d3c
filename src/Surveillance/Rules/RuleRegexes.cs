using System.Text.RegularExpressions;

namespace Smooth.Surveillance.Rules;

/// <summary>The built regexes of one rule and what is derived from them.</summary>
internal sealed record RuleRegexes(Regex Pattern, Regex[] Allow, Regex? Decoded, int SecretGroup, bool SecretIsWholeMatch, Regex? CaptureOnly)
{
    /// <summary>A pattern that matches nothing: the regexes of a rule that runs a scorer instead (never searched with).</summary>
    public static RuleRegexes Never { get; } = new(new Regex(@"[^\s\S]", RegexOptions.CultureInvariant | RegexOptions.NonBacktracking), [], null, -1, true, null);

    /// <summary>Derives the secret group facts from <paramref name="pattern"/>.</summary>
    public static RuleRegexes For(RuleSpec spec, Regex pattern, Regex[] allow, Regex? decoded)
    {
        var secretGroup = pattern.GroupNumberFromName("secret");
        var whole = pattern.GetGroupNumbers().Length == 1 || CompiledRule.SecretGroupSpansMatch(spec.Regex!);
        Regex? capture = null;
        if (!whole && (pattern.Options & RegexOptions.NonBacktracking) != 0 && secretGroup >= 0)
        {
            // Only ever run on a span the linear engine already matched (a few hundred characters at most), with a
            // short timeout: extracting the secret group this way is many times cheaper than the linear engine's
            // capture phase, and any failure falls back to that phase.
            capture = new Regex(spec.Regex!, RegexOptions.CultureInvariant, TimeSpan.FromMilliseconds(10));
        }
        return new RuleRegexes(pattern, allow, decoded, secretGroup, whole, capture);
    }
}
