using System.Text.RegularExpressions;
using Smooth.Surveillance.Guards;
using Smooth.Surveillance.Scanning;

namespace Smooth.Surveillance.Rules;

/// <summary>
/// The active rules after merging the built-in, user and project files, with the keyword automaton that decides
/// which rules run on a text. Immutable: a reload builds a new set and swaps it in.
/// </summary>
public sealed class RuleSet
{
    internal RuleSet(IReadOnlyList<CompiledRule> rules, IReadOnlyList<Regex> allowValues, IReadOnlyList<PathGlob> allowPaths, IReadOnlyList<string> files)
    {
        Rules = rules;
        AllowValues = allowValues;
        AllowPaths = allowPaths;
        Files = files;
        var keywords = new List<string>();
        var index = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        var keywordRules = new List<List<int>>();
        var always = new List<int>();
        for (var r = 0; r < rules.Count; r++)
        {
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
                    keywordRules.Add(new());
                }
                if (!keywordRules[ki].Contains(r)) keywordRules[ki].Add(r);
            }
        }
        Matcher = new KeywordMatcher(keywords);
        KeywordRules = keywordRules.Select(l => l.ToArray()).ToArray();
        AlwaysRun = always.ToArray();
        var triggers = string.Concat(always.Select(r => rules[r].Spec.TriggerChars ?? ""));
        AnyTrigger = triggers.Length > 0 ? System.Buffers.SearchValues.Create(triggers) : null;
        TriggersAreNonAscii = triggers.All(c => c > '\x7f');
    }

    /// <summary>The enabled rules, built-in first, in file order.</summary>
    public IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>The files that were read, in order (<c>builtin</c> first).</summary>
    public IReadOnlyList<string> Files { get; }

    internal IReadOnlyList<Regex> AllowValues { get; }
    internal IReadOnlyList<PathGlob> AllowPaths { get; }
    internal KeywordMatcher Matcher { get; }
    internal int[][] KeywordRules { get; }
    internal int[] AlwaysRun { get; }
    /// <summary>Every trigger character of <see cref="AlwaysRun"/>'s rules: one search rules them all out on most texts.</summary>
    internal System.Buffers.SearchValues<char>? AnyTrigger { get; }
    /// <summary>True when no trigger character is ASCII, so a search for them may skip ASCII text.</summary>
    internal bool TriggersAreNonAscii { get; }

    /// <summary>The rule with <paramref name="id"/>, or null.</summary>
    public CompiledRule? Find(string id) => Rules.FirstOrDefault(r => r.Id == id);
}
