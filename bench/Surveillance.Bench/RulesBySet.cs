using Smooth.Surveillance.Bench.Corpus;
using Smooth.Surveillance.Rules;

namespace Smooth.Surveillance.Bench;

/// <summary>
/// <c>--rules-by-set</c>: what the rules alone (every injection rule but the learned scorer) catch in each set: the
/// injections of each held-out set from v6 on and of each synthetic set, the hard negatives of the same sets, and the
/// benign chunks under <c>benign/</c>. A sample counts as non-English when it holds at least three letters outside
/// ASCII (a proxy: Indonesian, Swahili or Tagalog text without accents counts as English here).
/// </summary>
public static class RulesBySet
{
    /// <summary>Prints the table (with <paramref name="show"/>, also each negative flagged and by which rules); returns 0.</summary>
    public static int Run(bool show = false)
    {
        var rules = RuleSetLoader.LoadBuiltin();
        var engine = new SurveillanceEngine(rules);
        var dir = QualityCorpus.Locate();
        var sets = new List<(string Name, List<CorpusDocument> Docs, bool Positive)>();
        for (var v = TrainingCorpus.FirstIndependent; v <= QualityCorpus.LastMeasured; v++)
        {
            sets.Add(($"injection-heldout-v{v}", [.. QualityCorpus.Blocks(Path.Combine(dir, $"injection-heldout-v{v}.txt"), CorpusLabel.Injection)], true));
            sets.Add(($"benign-heldout-v{v}", [.. QualityCorpus.Blocks(Path.Combine(dir, $"benign-heldout-v{v}.txt"), CorpusLabel.Benign)], false));
        }
        foreach (var file in Directory.EnumerateFiles(Path.Combine(dir, TrainingCorpus.SyntheticDir), "*.txt").Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileNameWithoutExtension(file);
            sets.Add(($"synthetic/{name}", [.. QualityCorpus.Blocks(file, CorpusLabel.Injection)], name.StartsWith("injection-", StringComparison.Ordinal)));
        }
        var hard = new List<CorpusDocument>();
        var chunks = new List<CorpusDocument>();
        foreach (var file in Directory.EnumerateFiles(Path.Combine(dir, "benign"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            if (QualityCorpus.IsHardNegative(file, dir)) hard.AddRange(QualityCorpus.Blocks(file, CorpusLabel.Benign));
            else chunks.AddRange(QualityCorpus.Chunks(file, dir));
        }
        sets.Add(("benign/hard-negatives", hard, false));
        sets.Add(("benign chunks (benign/ without hard negatives)", chunks, false));

        Console.WriteLine("| set | kind | documents | flagged by rules | non-English docs | of which flagged by rules |");
        Console.WriteLine("|---|---|---|---|---|---|");
        int[] totals = new int[8];
        foreach (var (name, docs, positive) in sets)
        {
            int flagged = 0, foreign = 0, foreignFlagged = 0;
            foreach (var doc in docs)
            {
                var found = engine.ScanToolResult(positive ? "web_fetch" : "read_file", doc.Text).Findings
                    .Where(f => f.Category == RuleCategory.Injection && f.Score is null).ToList();
                var ruleIds = found.Select(f => f.RuleId).Distinct().ToList();
                var byRules = ruleIds.Count > 0;
                var nonEnglish = doc.Text.Count(c => c > 127 && char.IsLetter(c)) >= 3;
                if (show && !byRules && positive && nonEnglish)
                {
                    Console.WriteLine($"  missed: {name} {doc.Name} {doc.Text[..Math.Min(doc.Text.Length, 70)].ReplaceLineEndings(" ")}");
                    ExplainBestPassage(doc.Text);
                }
                if (show && byRules && !positive)
                {
                    Console.WriteLine($"  flagged: {name} {doc.Name} [{string.Join(", ", ruleIds)}]");
                    foreach (var f in found.Where(f => f.RuleId.StartsWith("injection-heuristic", StringComparison.Ordinal)))
                    {
                        var why = Scanning.InjectionScore.Explain(doc.Text, f.Span.Start, f.Span.Length);
                        Console.WriteLine($"    {f.RuleId} at {f.Span.Line}:{f.Span.Column} score {why.Score}: {string.Join(" ", why.Families)} | {doc.Text.Substring(f.Span.Start, Math.Min(f.Span.Length, 60)).ReplaceLineEndings(" ")}");
                    }
                }
                if (byRules) flagged++;
                if (nonEnglish) foreign++;
                if (byRules && nonEnglish) foreignFlagged++;
            }
            var o = positive ? 0 : 4;
            totals[o] += docs.Count; totals[o + 1] += flagged; totals[o + 2] += foreign; totals[o + 3] += foreignFlagged;
            Console.WriteLine($"| {name} | {(positive ? "injections caught" : "negatives flagged")} | {docs.Count} | {flagged} | {foreign} | {foreignFlagged} |");
        }
        Console.WriteLine($"| all injection sets | injections caught | {totals[0]} | {totals[1]} | {totals[2]} | {totals[3]} |");
        Console.WriteLine($"| all negative sets | negatives flagged | {totals[4]} | {totals[5]} | {totals[6]} | {totals[7]} |");
        return 0;
    }

    // For a missed injection: the passage (around each line start) the heuristic scores highest, with its families,
    // so a tuning round sees which signal was absent.
    private static void ExplainBestPassage(string text)
    {
        if (text.Length == 0) return;
        // The first passage with the highest score: MaxBy keeps the first of equals.
        var (at, best) = ExplainText.Passages(text).MaxBy(p => p.Outcome.Score);
        var end = text.IndexOf('\n', at);
        var line = text[at..(end < 0 ? text.Length : end)];
        Console.WriteLine($"    best passage score {best.Score}: {string.Join(" ", best.Families)} | at {line[..Math.Min(line.Length, 90)]}");
    }
}
