using System.Buffers;
using Smooth.Surveillance.Rules;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// What a scan of one <see cref="ScanScope"/> needs from a rule set: a keyword automaton over the keywords of only the
/// rules in scope (a tool result is not searched for <c>nc</c> or <c>dd</c>, which only command rules want), which rules
/// each keyword opens, and the keyword-less rules with their trigger characters. Built once per scope and rule set.
/// </summary>
internal sealed class ScanPlan
{
    public ScanPlan(IReadOnlyList<CompiledRule> rules, ScanScope scope)
    {
        Include = rules.Select(r => InScope(r, scope)).ToArray();
        var keywords = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var keywordRules = new List<List<int>>();
        var conditionalRules = new List<List<KeywordCondition>>();
        var always = new List<int>();
        var scorers = new List<int>();
        for (var r = 0; r < rules.Count; r++)
        {
            if (!Include[r]) continue;
            if (rules[r].Scorer is not null)
            {
                scorers.Add(r);
                continue;
            }
            if (rules[r].Keywords.Count == 0)
            {
                always.Add(r);
                continue;
            }
            foreach (var k in rules[r].Keywords)
            {
                if (!index.TryGetValue(k, out var ki))
                {
                    ki = keywords.Count;
                    index[k] = ki;
                    keywords.Add(k);
                    keywordRules.Add([]);
                    conditionalRules.Add([]);
                }
                var atWordStart = rules[r].Spec.KeywordsAtWordStart == true && char.IsAsciiLetter(k[0]);
                var exact = rules[r].Spec.KeywordsCaseSensitive == true ? k : null;
                if (!atWordStart && exact is null)
                {
                    if (!keywordRules[ki].Contains(r)) keywordRules[ki].Add(r);
                }
                else if (!conditionalRules[ki].Contains(new KeywordCondition(r, atWordStart, exact)))
                {
                    conditionalRules[ki].Add(new KeywordCondition(r, atWordStart, exact));
                }
            }
        }
        Matcher = new KeywordMatcher(keywords);
        KeywordRules = [.. keywordRules.Select(l => l.ToArray())];
        ConditionalRules = [.. conditionalRules.Select(l => l.ToArray())];
        AlwaysRun = [.. always];
        Scorers = [.. scorers];
        var triggers = string.Concat(always.Select(r => rules[r].Spec.TriggerChars ?? ""));
        AnyTrigger = triggers.Length > 0 ? SearchValues.Create(triggers) : null;
        TriggersAreNonAscii = triggers.All(c => c > '\x7f');
        Empty = !Include.Any(i => i);
    }

    /// <summary>Per rule index: whether the rule is in scope.</summary>
    public bool[] Include { get; }

    /// <summary>True when no rule is in scope.</summary>
    public bool Empty { get; }

    /// <summary>The automaton over the in-scope rules' keywords.</summary>
    public KeywordMatcher Matcher { get; }

    /// <summary>Per keyword: the rule indexes it opens a window for.</summary>
    public int[][] KeywordRules { get; }

    /// <summary>
    /// Per keyword: the rules it opens a window for only under a condition (at the start of a word,
    /// <see cref="RuleSpec.KeywordsAtWordStart"/>; or spelt exactly, <see cref="RuleSpec.KeywordsCaseSensitive"/>).
    /// </summary>
    public KeywordCondition[][] ConditionalRules { get; }

    /// <summary>When a keyword hit opens a window for <paramref name="Rule"/>: only at the start of a word, and/or only spelt as <paramref name="Exact"/>.</summary>
    internal readonly record struct KeywordCondition(int Rule, bool AtWordStart, string? Exact)
    {
        /// <summary>True when the hit at <paramref name="first"/> of <paramref name="text"/> meets the condition.</summary>
        public bool Holds(string text, int first, int length) =>
            (!AtWordStart || first == 0 || !char.IsLetter(text[first - 1])) &&
            (Exact is null || text.AsSpan(first, length).SequenceEqual(Exact));
    }

    /// <summary>In-scope rules without keywords (run over the whole text, or gated by trigger characters or base64 runs).</summary>
    public int[] AlwaysRun { get; }

    /// <summary>In-scope rules that run a learned scorer over the whole text instead of a regex.</summary>
    public int[] Scorers { get; }

    /// <summary>Every trigger character of <see cref="AlwaysRun"/>'s rules: one search rules them all out on most texts.</summary>
    public SearchValues<char>? AnyTrigger { get; }

    /// <summary>True when no trigger character is ASCII, so a search for them may skip ASCII text.</summary>
    public bool TriggersAreNonAscii { get; }

    private static bool InScope(CompiledRule rule, ScanScope scope)
    {
        if (scope.HasFlag(ScanScope.NoDecoding) && rule.Spec.Decode is not null) return false;
        // The second looks (a decoded payload, a clean copy of disguised lines) are for the rules: a scorer's hit there
        // would turn a payload rule's judge-only path into its block, and the scorer has read the original already.
        if (scope.HasFlag(ScanScope.NoDecoding) && rule.Scorer is not null) return false;
        return rule.Category switch
        {
            RuleCategory.Secret => scope.HasFlag(ScanScope.Secrets),
            RuleCategory.Injection => scope.HasFlag(ScanScope.Injection),
            RuleCategory.Command => scope.HasFlag(ScanScope.Commands),
            _ => false,
        };
    }
}
