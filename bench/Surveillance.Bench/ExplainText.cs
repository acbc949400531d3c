using Smooth.Surveillance.Scanning;
using Smooth.Surveillance.Scoring;

namespace Smooth.Surveillance.Bench;

/// <summary>
/// <c>--explain</c> (text on standard input): for a tuning round, the injection heuristic's outcome for the passage
/// around each line (score, families, verdict) and the learned scorer's best window, beyond what <c>th narc scan</c>
/// shows for findings only.
/// </summary>
public static class ExplainText
{
    /// <summary>Prints one row per distinct passage outcome and the scorer's best window; returns 0.</summary>
    public static int Run(string text)
    {
        var model = ScorerCatalog.Load(ScorerCatalog.InjectionLinearV1);
        var seen = new HashSet<string>();
        foreach (var (at, o) in Passages(text))
        {
            var row = $"score {o.Score} [{string.Join(", ", o.Families)}] anchored {o.Anchored}, asks {o.Asks}, harmful {o.Harmful}: {(o.Passes ? "passes" : "does not pass")}";
            if (o.Families.Count > 0 && seen.Add(row)) Console.WriteLine($"line at {at}: {row}");
        }
        var windows = WindowScorer.ScoreAll(model, text);
        if (windows.Length > 0)
        {
            var best = windows.MaxBy(w => w.Score);
            Console.WriteLine($"scorer: best window {best.Start}-{best.End} scores {best.Score:0.000} (threshold {model.Threshold:0.000})");
        }
        return 0;
    }

    /// <summary>The heuristic's full outcome for the passage around each line start of <paramref name="text"/>.</summary>
    internal static IEnumerable<(int At, InjectionScore.Outcome Outcome)> Passages(string text)
    {
        for (var at = 0; at < text.Length; at = text.IndexOf('\n', at) is var nl && nl < 0 ? text.Length : nl + 1)
        {
            yield return (at, InjectionScore.Explain(text, at, 1));
        }
    }
}
