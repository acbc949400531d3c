namespace Smooth.Surveillance.Bench.Corpus;

/// <summary>Injection findings per corpus file: recall of each injection set, false positives of each benign group.</summary>
public static class SourceScore
{
    /// <summary>One row: the source, its documents, how many were flagged by an injection rule, and whether it holds positives.</summary>
    public readonly record struct Row(string Source, int Documents, int Flagged, bool Positive)
    {
        /// <summary>Flagged / documents.</summary>
        public double Rate => Documents == 0 ? 0 : (double)Flagged / Documents;
    }

    /// <summary>Scans every injection and benign document and groups the outcome by source file (benign files by their folder, hard negatives by file).</summary>
    public static List<Row> Injection(SurveillanceEngine engine, IReadOnlyList<CorpusDocument> docs)
    {
        var rows = new Dictionary<string, (int Docs, int Flagged, bool Positive)>(StringComparer.Ordinal);
        foreach (var doc in docs)
        {
            if (doc.Label is not (CorpusLabel.Injection or CorpusLabel.InjectionHeldOut or CorpusLabel.Benign or CorpusLabel.BenignHeldOut)) continue;
            var positive = doc.Label is CorpusLabel.Injection or CorpusLabel.InjectionHeldOut;
            var flagged = engine.ScanToolResult(positive ? "web_fetch" : "read_file", doc.Text).Findings.Any(f => f.Category == RuleCategory.Injection);
            var source = Source(doc.Name, positive);
            var (n, f, _) = rows.GetValueOrDefault(source);
            rows[source] = (n + 1, f + (flagged ? 1 : 0), positive);
        }
        return [.. rows.Select(r => new Row(r.Key, r.Value.Docs, r.Value.Flagged, r.Value.Positive)).OrderBy(r => !r.Positive).ThenBy(r => r.Source, StringComparer.Ordinal)];
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
