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
        _anyAllowValue = new Lazy<Regex?>(() => Union(allowValues));
    }

    /// <summary>The enabled rules, built-in first, in file order.</summary>
    public IReadOnlyList<CompiledRule> Rules { get; }

    /// <summary>The files that were read, in order (<c>builtin</c> first).</summary>
    public IReadOnlyList<string> Files { get; }

    internal IReadOnlyList<Regex> AllowValues { get; }
    internal IReadOnlyList<PathGlob> AllowPaths { get; }

    /// <summary>True when one of the allowlisted value patterns matches <paramref name="value"/> (a secret's value).</summary>
    internal bool IsAllowedValue(ReadOnlySpan<char> value)
    {
        if (_anyAllowValue.Value is { } union) return union.IsMatch(value);
        foreach (var a in AllowValues)
        {
            if (a.IsMatch(value)) return true;
        }
        return false;
    }

    /// <summary>The joined patterns of the rules that name <paramref name="gate"/>, built on first use; null when they do not fit the linear engine together.</summary>
    internal Regex? GateFor(string gate) => _gates.GetOrAdd(gate, static (g, rules) => new Lazy<Regex?>(() => JoinGate(g, rules)), Rules).Value;

    private static Regex? JoinGate(string g, IReadOnlyList<CompiledRule> rules)
    {
        var members = rules.Where(r => r.Spec.Gate == g).ToList();
        if (members.Count < 2 || members.Any(r => r.UsesBacktracking)) return null;
        try
        {
            // Only asked whether it matches in a window: see AnywhereRegex. Joined from the specs, so that the members'
            // own patterns are built only once the gate opens.
            return AnywhereRegex.Build(string.Join("|", members.Select(r => "(?:" + r.Spec.Regex + ")")), RuleCompiler.LinearOptions, Regex.InfiniteMatchTimeout);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }

    // Lazy values: the background warm-up and a scan may ask at once, and each is built once.
    private readonly System.Collections.Concurrent.ConcurrentDictionary<string, Lazy<Regex?>> _gates = new();

    // Every found secret is checked against every allowlisted value: one pass of a joined pattern instead of one per
    // pattern. Null when there are none or they do not fit the linear engine together (then each is asked).
    private readonly Lazy<Regex?> _anyAllowValue;

    private static Regex? Union(IReadOnlyList<Regex> patterns)
    {
        if (patterns.Count < 2 || patterns.Any(p => (p.Options & RegexOptions.NonBacktracking) == 0)) return null;
        try
        {
            return new Regex(string.Join("|", patterns.Select(p => "(?:" + p + ")")), RegexOptions.CultureInvariant | RegexOptions.NonBacktracking);
        }
        catch (NotSupportedException)
        {
            return null;
        }
    }
    private readonly System.Collections.Concurrent.ConcurrentDictionary<ScanScope, Lazy<ScanPlan>> _plans = new();

    /// <summary>
    /// The scan plan for <paramref name="scope"/>, built on its first use (a few milliseconds, once per rule set and
    /// kind of scan) rather than at load, where every th process that reads the rules would pay for all of them.
    /// </summary>
    internal ScanPlan PlanFor(ScanScope scope) => _plans.GetOrAdd(scope, static (s, rules) => new Lazy<ScanPlan>(() => new ScanPlan(rules, s)), Rules).Value;

    /// <summary>
    /// Starts building in the background what the first scans need (see <see cref="RuleSetWarmup"/>), once per rule set;
    /// the task completes when that is done.
    /// </summary>
    internal Task WarmUp()
    {
        if (_warmup is { } started) return started;
        lock (_warmupLock)
        {
            return _warmup ??= RuleSetWarmup.Start(this);
        }
    }

    private volatile Task? _warmup;
    private readonly Lock _warmupLock = new();

    /// <summary>The rule with <paramref name="id"/>, or null.</summary>
    public CompiledRule? Find(string id) => Rules.FirstOrDefault(r => r.Id == id);
}
