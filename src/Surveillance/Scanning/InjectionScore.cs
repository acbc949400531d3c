using System.Text.RegularExpressions;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// The second look of a rule with <c>heuristic: injection</c>: its regex finds an anchor (see
/// <see cref="InjectionAnchor"/>), and the passage around it — the anchor's line and the lines of the same paragraph
/// or list item — is scored over the families of <see cref="InjectionFamilies"/>. A passage counts as an injection
/// when it shows an anchor family (it steers an automated reader), an ask (it wants something done), a payload (what
/// it wants is harmful: data, a destination, a dangerous act, a bypass, an override or secrecy), at least
/// <see cref="MinFamilies"/> families, and a score of <see cref="Threshold"/>. Wording varies endlessly; this
/// structure does not, so the score generalises where a phrase list cannot.
/// </summary>
internal static class InjectionScore
{
    /// <summary>The score a passage needs.</summary>
    public const double Threshold = 4.0;

    /// <summary>How many different families must be present (one signal alone is ordinary prose).</summary>
    public const int MinFamilies = 2;

    /// <summary>Added when two different anchor families meet (say an authority claim and an override).</summary>
    public const double CompoundAnchorBonus = 0.5;

    /// <summary>The pattern that finds anchors; a rule with <c>heuristic: injection</c> and no regex uses it.</summary>
    public const string AnchorPattern = InjectionAnchor.Pattern;

    // How far a passage reaches either side of its anchor.
    private const int MaxReach = 220;
    private const RegexOptions Options = RegexOptions.CultureInvariant | RegexOptions.IgnoreCase | RegexOptions.NonBacktracking;

    private static readonly (InjectionFamilies.Family Family, FamilyRegexes Patterns)[] Families =
        [.. InjectionFamilies.All.Select(f => (f, new FamilyRegexes(f.Patterns, Options)))];

    // Which scripts a passage holds decides which cut of each family's patterns it is checked with (see FamilyRegexes).
    private static readonly ScriptSet Scripts = new(InjectionFamilies.All.SelectMany(f => f.Patterns), Options);

    /// <summary>
    /// The builds of the families for ASCII passages (what most scorings need), in the order passages are scored: the
    /// families that ask, those that carry a payload, then the anchors (<paramref name="anchorsFrom"/> is where they
    /// start). For a background warm-up: scoring builds them on first use all the same.
    /// </summary>
    internal static Action[] FamilyBuilds(out int anchorsFrom)
    {
        var variant = FamilyRegexes.VariantOf(Scripts.Of([]));
        anchorsFrom = StageEnds[1];
        return [.. Staged.Select(f => (Action)(() => f.Patterns.For(variant)))];
    }

    /// <summary>True when the passage around <paramref name="start"/> scores as an injection.</summary>
    internal static bool Passes(string text, int start, int length)
    {
        var (from, end) = InjectionPassage.Around(text, start, length, MaxReach);
        // Anchor words repeat within a passage, and the twin rules anchor in the same passages one rule after the
        // other: score each passage once per scanned text.
        if (!ReferenceEquals(_scored, text))
        {
            _scored = text;
            (_results ??= []).Clear();
        }
        var results = _results!;
        if (results.TryGetValue((from, end), out var known)) return known;
        var result = Evaluate(text.AsSpan(from, end - from)).Passes;
        results[(from, end)] = result;
        return result;
    }

    /// <summary>The full outcome for the passage around a span (every family checked): for tests and diagnostics.</summary>
    internal static Outcome Explain(string text, int start, int length)
    {
        var (from, end) = InjectionPassage.Around(text, start, length, MaxReach);
        return Evaluate(text.AsSpan(from, end - from), complete: true);
    }

    /// <summary>The weight a hidden carrier (an encoded payload) adds when it stands in for the anchor.</summary>
    public const double HiddenCarrierWeight = 1.5;

    /// <summary>
    /// True when text that was hidden (decoded from base64) asks for something harmful: the hiding is the anchor and
    /// adds <see cref="HiddenCarrierWeight"/>; the text itself must still ask and carry a payload.
    /// </summary>
    internal static bool PassesHidden(string decoded)
    {
        var o = Evaluate(decoded.AsSpan(0, Math.Min(decoded.Length, 2 * MaxReach)));
        return o.Asks && o.Harmful && o.Score + HiddenCarrierWeight >= Threshold;
    }

    [ThreadStatic]
    private static string? _scored;

    [ThreadStatic]
    private static Dictionary<(int From, int End), bool>? _results;

    /// <summary>The outcome for one passage: its score, the families present, and the verdict.</summary>
    internal readonly record struct Outcome(double Score, IReadOnlyList<string> Families, bool Anchored, bool Asks, bool Harmful)
    {
        /// <summary>True when the passage counts as an injection.</summary>
        public bool Passes => Anchored && Asks && Harmful && Families.Count >= MinFamilies && Score >= Threshold;
    }

    /// <summary>
    /// Scores <paramref name="passage"/>. Families are checked in stages — asks, then payloads, then anchors — and the
    /// scoring stops at the first stage that finds nothing (most passages an anchor word lands in ask for nothing
    /// harmful), or as soon as the verdict is known. With <paramref name="complete"/> every family is checked.
    /// </summary>
    internal static Outcome Evaluate(ReadOnlySpan<char> passage, bool complete = false) =>
        Evaluate(passage, complete ? Stop.Never : Stop.AtVerdict, Threshold);

    /// <summary>
    /// Scores <paramref name="passage"/> for a caller that needs an anchor, an ask, a payload and
    /// <paramref name="minScore"/> (the scorer's corroboration): the scoring stops as soon as the passage cannot have
    /// them all, and otherwise checks every family, so a passage that has them lists all its families.
    /// </summary>
    internal static Outcome EvaluateAtLeast(ReadOnlySpan<char> passage, double minScore) => Evaluate(passage, Stop.WhenHopeless, minScore);

    // When a scoring may stop early: never; when the passage cannot reach `threshold` with every role; or also as
    // soon as it has (the verdict of Passes known).
    private enum Stop
    {
        Never,
        WhenHopeless,
        AtVerdict,
    }

    private static Outcome Evaluate(ReadOnlySpan<char> passage, Stop stop, double threshold)
    {
        double score = 0;
        var names = new List<string>(4);
        var anchors = 0;
        var asks = false;
        var harmful = false;
        var remaining = TotalWeight;
        var variant = FamilyRegexes.VariantOf(Scripts.Of(passage));
        for (var k = 0; k < Staged.Length; k++)
        {
            var (family, patterns) = Staged[k];
            if (stop != Stop.Never)
            {
                if (k == StageEnds[0] && !asks) break;
                if (k == StageEnds[1] && !harmful) break;
                if (score + CompoundAnchorBonus + remaining < threshold) break;
                if (stop == Stop.AtVerdict && anchors > 0 && asks && harmful && names.Count >= MinFamilies && score + Bonus(anchors) >= threshold) break;
            }
            remaining -= family.Weight;
            if (!Matches(patterns.For(variant), passage)) continue;
            score += family.Weight;
            names.Add(family.Name);
            if (family.Role.HasFlag(FamilyRole.Anchor)) anchors++;
            asks |= family.Role.HasFlag(FamilyRole.Ask);
            harmful |= family.Role.HasFlag(FamilyRole.Payload);
        }
        return new Outcome(score + Bonus(anchors), names, anchors > 0, asks, harmful);
    }

    // The families in checking order: those that ask, then the remaining payloads, then the remaining anchors.
    private static readonly (InjectionFamilies.Family Family, FamilyRegexes Patterns)[] Staged =
    [
        .. Families.Where(f => f.Family.Role.HasFlag(FamilyRole.Ask)),
        .. Families.Where(f => !f.Family.Role.HasFlag(FamilyRole.Ask) && f.Family.Role.HasFlag(FamilyRole.Payload)),
        .. Families.Where(f => !f.Family.Role.HasFlag(FamilyRole.Ask) && !f.Family.Role.HasFlag(FamilyRole.Payload)),
    ];

    // Where each stage ends in Staged (asks, payloads, anchors).
    private static readonly int[] StageEnds =
    [
        Families.Count(f => f.Family.Role.HasFlag(FamilyRole.Ask)),
        Families.Count(f => f.Family.Role.HasFlag(FamilyRole.Ask) || f.Family.Role.HasFlag(FamilyRole.Payload)),
        Families.Length,
    ];

    private static bool Matches(Regex[] patterns, ReadOnlySpan<char> passage)
    {
        foreach (var p in patterns)
        {
            if (p.IsMatch(passage)) return true;
        }
        return false;
    }

    private static double Bonus(int anchors) => anchors >= 2 ? CompoundAnchorBonus : 0;

    private static readonly double TotalWeight = InjectionFamilies.All.Sum(f => f.Weight);
}
