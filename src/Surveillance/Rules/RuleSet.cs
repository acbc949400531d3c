using System.Text.RegularExpressions;
using Smooth.Surveillance.Guards;
using Smooth.Surveillance.Scanning;

namespace Smooth.Surveillance.Rules;

/// <summary>
/// The active rules after merging the built-in, user and project files, with a scan plan per kind of scan (the keyword
/// automaton over the rules in scope, which decides where they run). Immutable: a reload builds a new set and swaps it in.
/// </summary>
public sealed class RuleSet
{
    internal RuleSet(IReadOnlyList<CompiledRule> rules, IReadOnlyList<Regex> allowValues, IReadOnlyList<PathGlob> allowPaths, IReadOnlyList<string> files)
    {
        Rules = rules;
        AllowValues = allowValues;
        AllowPaths = allowPaths;
        Files = files;
    }

    /// <summary>The enabled rules, built-in first, in file order.</summary>
    public IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>The files that were read, in order (<c>builtin</c> first).</summary>
    public IReadOnlyList<string> Files { get; }

    internal IReadOnlyList<Regex> AllowValues { get; }
    internal IReadOnlyList<PathGlob> AllowPaths { get; }
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ScanScope, ScanPlan> _plans = new();

    /// <summary>
    /// The scan plan for <paramref name="scope"/>, built on its first use (a few milliseconds, once per rule set and
    /// kind of scan) rather than at load, where every th process that reads the rules would pay for all of them.
    /// </summary>
    internal ScanPlan PlanFor(ScanScope scope) => _plans.GetOrAdd(scope, static (s, rules) => new ScanPlan(rules, s), Rules);

    /// <summary>The rule with <paramref name="id"/>, or null.</summary>
    public CompiledRule? Find(string id) => Rules.FirstOrDefault(r => r.Id == id);
}
