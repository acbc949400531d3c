namespace Smooth.Surveillance.Bench.Corpus;

/// <summary>Injection findings per corpus file: recall of each injection set, false positives of each benign group.</summary>
public static class SourceScore
{
    /// <summary>One row: the source, its documents, how many were flagged by an injection rule, whether it holds positives, and how many the regex rules and the learned scorer each flagged.</summary>
    public readonly record struct Row(string Source, int Documents, int Flagged, bool Positive, int ByRules, int ByScorer)
    {
        /// <summary>Flagged / documents.</summary>
        public double Rate => Documents == 0 ? 0 : (double)Flagged / Documents;
    }

    /// <summary>Scans every injection and benign document and groups the outcome by source file (benign files by their folder, hard negatives by file).</summary>
    public static List<Row> Injection(SurveillanceEngine engine, IReadOnlyList<CorpusDocument> docs)
    {
        var rows = new Dictionary<string, (int Docs, int Flagged, bool Positive, int ByRules, int ByScorer)>(StringComparer.Ordinal);
        foreach (var doc in docs)
        {
            if (doc.Label is not (CorpusLabel.Injection or CorpusLabel.InjectionHeldOut or CorpusLabel.Benign or CorpusLabel.BenignHeldOut)) continue;
            var positive = doc.Label is CorpusLabel.Injection or CorpusLabel.InjectionHeldOut;
            var findings = engine.ScanToolResult(positive ? "web_fetch" : "read_file", doc.Text).Findings.Where(f => f.Category == RuleCategory.Injection).ToList();
            var byScorer = findings.Any(f => f.Score is not null);
            var byRules = findings.Any(f => f.Score is null);
            var source = Source(doc.Name, positive);
            var (n, f, _, r, s) = rows.GetValueOrDefault(source);
            rows[source] = (n + 1, f + (findings.Count > 0 ? 1 : 0), positive, r + (byRules ? 1 : 0), s + (byScorer ? 1 : 0));
        }
        return [.. rows.Select(r => new Row(r.Key, r.Value.Docs, r.Value.Flagged, r.Value.Positive, r.Value.ByRules, r.Value.ByScorer)).OrderBy(r => !r.Positive).ThenBy(r => r.Source, StringComparer.Ordinal)];
    }

    // "injection-heldout-v3.txt#4" -> the file; "benign/code/x.cs.txt@41" -> "benign/code"; hard negatives keep their file.
    private static string Source(string name, bool positive)
    {
        var cut = name.IndexOfAny(['#', '@']);
        var file = (cut < 0 ? name : name[..cut]).Replace('\\', '/');
        if (positive || file.StartsWith(QualityCorpus.HardNegativesDir, StringComparison.Ordinal)) return file;
        var slash = file.LastIndexOf('/');
        return slash < 0 ? file : file[..slash];
    }
}
