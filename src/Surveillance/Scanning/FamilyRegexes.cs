using System.Collections.Concurrent;
using System.Numerics;
using System.Text.RegularExpressions;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// The regexes of one family of <see cref="InjectionFamilies"/>, built on first use for the scripts a passage holds:
/// cut down to them (<see cref="ScriptPruner"/>), or whole when two besides Latin and punctuation meet in one passage.
/// Text in one script never pays for the vocabulary of the others, and plain ASCII text (most tool results) only for
/// the patterns' ASCII alternatives.
/// </summary>
internal sealed class FamilyRegexes
{
    private readonly string[] _patterns;
    private readonly RegexOptions _options;
    private readonly ConcurrentDictionary<ulong, Lazy<Regex[]>> _variants = new();

    public FamilyRegexes(string[] patterns, RegexOptions options)
    {
        // The pruner reads white space and '#' as literals.
        if ((options & RegexOptions.IgnorePatternWhitespace) != 0) throw new ArgumentException("patterns that ignore white space cannot be cut", nameof(options));
        _patterns = patterns;
        _options = options;
    }

    /// <summary>
    /// The scripts a cut for a passage holding <paramref name="scripts"/> (see <see cref="ScriptSet.Of"/>) keeps: those
    /// scripts, or all of them when two besides Latin and punctuation meet in one passage. That bounds the cuts a
    /// family can have to 4 x (1 + the other scripts) + 1, each small but one.
    /// </summary>
    public static ulong VariantOf(ulong scripts) =>
        BitOperations.PopCount(scripts & ~(ScriptSet.Latin | ScriptSet.Punctuation)) > 1 ? ScriptSet.All : scripts;

    /// <summary>The regexes of the cut that keeps <paramref name="variant"/> (from <see cref="VariantOf"/>), built on first use.</summary>
    public Regex[] For(ulong variant) =>
        _variants.GetOrAdd(variant, static (v, self) => new Lazy<Regex[]>(() => self.Build(v)), this).Value;

    /// <summary>The cuts built so far (for tests).</summary>
    internal IEnumerable<ulong> Built => _variants.Where(v => v.Value.IsValueCreated).Select(v => v.Key);

    private Regex[] Build(ulong keep)
    {
        var patterns = keep == ScriptSet.All
            ? _patterns
            : [.. _patterns.Select(p => Cut(p, keep)).Where(p => p != ScriptPruner.Never)];
        return Merge(patterns);
    }

    // A pattern the pruner cannot read is kept whole: slower to build, never wrong.
    private static string Cut(string pattern, ulong keep)
    {
        try
        {
            return ScriptPruner.Prune(pattern, keep, ScriptSet.ScriptOf);
        }
        catch (FormatException)
        {
            return pattern;
        }
    }

    // Every pass of the linear engine over a passage costs about the same whatever the pattern's size, so a family's
    // patterns are joined into as few regexes as the engine's size limit allows (they are written apart for that limit).
    // A join that does not fit fails before the costly part of the build, one that fits costs as much as its parts:
    // each pattern is first tried with the next ones, and built alone only when even the pair does not fit.
    // The families are only asked IsMatch, so each regex is built as an AnywhereRegex.
    private Regex[] Merge(string[] patterns)
    {
        var merged = new List<Regex>();
        var i = 0;
        while (i < patterns.Length)
        {
            Regex? current = null;
            var joined = "(?:" + patterns[i] + ")";
            var j = i + 1;
            for (; j < patterns.Length; j++)
            {
                var candidate = joined + "|(?:" + patterns[j] + ")";
                try
                {
                    current = AnywhereRegex.BuildOrThrow(candidate, _options, TimeSpan.FromSeconds(1));
                    joined = candidate;
                }
                catch (NotSupportedException)
                {
                    break;
                }
            }
            merged.Add(current ?? AnywhereRegex.Build(patterns[i], _options, TimeSpan.FromSeconds(1)));
            i = j;
        }
        return [.. merged];
    }
}
