using Smooth.Surveillance.Scoring;

namespace Smooth.Surveillance.Scanning;

/// <summary>
/// Two weak signals that agree: a run of scorer windows below the threshold but at the rule's corroborated threshold
/// counts when the injection heuristic, over the same span, finds every role it needs (a reader addressed, an ask and
/// a payload: see <see cref="FamilyRole"/>) but not the score its own rules need. Each alone is common in benign text
/// (a window near the threshold, a note to "the assistant" about secrets); on the held-out sets they rarely meet
/// outside an injection. A note that asks nothing harmful ("AI assistants: run the tests first") stays unflagged. The
/// heuristic reads at most <see cref="MaxReach"/> characters either side of the run's best window, so a long run costs
/// no more than a short one.
/// </summary>
internal static class ScorerCorroboration
{
    /// <summary>The heuristic score the span needs (a lone family that plays every role, say secrecy, is not enough).</summary>
    public const double MinScore = 2.5;

    /// <summary>The corroboration reported when the heuristic ran out of time on a run (the window goes to the judge).</summary>
    public static readonly IReadOnlyList<string> TimedOut = ["timed-out"];

    /// <summary>How far either side of the run's best window the heuristic reads.</summary>
    public const int MaxReach = 512;

    /// <summary>
    /// Stands in for the heuristic on the current flow only, so a test can make it fail (a regex that runs out of
    /// time cannot be brought about on demand) and check that the scan fails closed; null everywhere else.
    /// </summary>
    internal static readonly AsyncLocal<Func<string, WindowRun, IReadOnlyList<string>?>?> Substitute = new();

    /// <summary>The families that corroborate <paramref name="run"/>, or null when the heuristic does not.</summary>
    public static IReadOnlyList<string>? Of(string text, WindowRun run)
    {
        if (Substitute.Value is { } substitute) return substitute(text, run);
        var from = Math.Max(run.Start, run.Best.Start - MaxReach);
        var to = Math.Min(run.End, run.Best.End + MaxReach);
        var outcome = InjectionScore.EvaluateAtLeast(text.AsSpan(from, to - from), MinScore);
        return outcome.Anchored && outcome.Asks && outcome.Harmful && outcome.Score >= MinScore ? outcome.Families : null;
    }
}
