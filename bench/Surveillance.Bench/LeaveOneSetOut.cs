using Smooth.Bench;
using Smooth.Surveillance.Bench.Corpus;
using Smooth.Surveillance.Bench.Training;
using Smooth.Surveillance.Rules;
using Smooth.Surveillance.Scoring;

namespace Smooth.Surveillance.Bench;

/// <summary>
/// <c>--leave-one-set-out [training overrides] [--sets 15,16] [--rules] [--show-misses]</c>: the model-selection yardstick. For each independent
/// held-out set from v6 to the last spent one (TrainingCorpus.LastVersion), trains exactly as <c>--train-injection-model</c> does (threshold by cross-validation on the
/// training part) on the training corpus without that set's injections and hard negatives, then scores the set it
/// left out: injections flagged (recall), hard negatives flagged, and, as out-of-fold false-positive figures, the
/// benign chunks of the training part under cross-validation and the repository's own source and docs of components
/// that are not in the corpus (never trained on in any fold). Pooled over the sets. Deterministic: the same
/// options give the same table. <c>--rules</c> adds what the built-in regex rules flag, for the figure
/// "rules + scorer" (the rules were tuned on some of these sets, so that column is not unseen for them).
/// <c>--show-misses</c> lists each injection missed (with its best window's distance below the cut) and each unseen
/// repository file flagged.
/// </summary>
internal static class LeaveOneSetOut
{
    public static int Run(string[] args)
    {
        var options = TrainInjectionModel.Options(args);
        var corpus = TrainingCorpus.Load(synthetic: !args.Contains("--no-synthetic"));
        var unseenPaths = UnseenRepositoryFiles.In(TrainInjectionModel.RepoRoot()).ToList();
        var unseen = unseenPaths.Select(File.ReadAllText).ToList();
        SurveillanceEngine? engine = args.Contains("--rules") ? new SurveillanceEngine(RuleSetLoader.LoadBuiltin()) : null;
        Console.WriteLine($"leave one set out: {corpus.Count} documents; {Describe(options)}");
        Console.WriteLine(engine is null
            ? "| left out | threshold | injections flagged | hard negatives flagged | CV benign chunks flagged | unseen repo files flagged |"
            : "| left out | threshold | injections flagged | hard negatives flagged | CV benign chunks flagged | unseen repo files flagged | rules + scorer: injections | rules + scorer: hard negatives |");
        Console.WriteLine(engine is null ? "|---|---|---|---|---|---|" : "|---|---|---|---|---|---|---|---|");
        int tp = 0, pos = 0, fp = 0, neg = 0, chunkFp = 0, chunks = 0, fileFp = 0, files = 0, rtp = 0, rfp = 0;
        foreach (var v in Sets(args))
        {
            var (train, heldPositives, heldNegatives) = TrainingCorpus.LeaveOut(corpus, v);
            var report = ModelTrainer.Train(train, options);
            var model = LinearModelFile.Read(report.Model, $"the model without v{v}");
            var p = heldPositives.Select(d => Flagged(model, d.Text)).ToList();
            var n = heldNegatives.Select(d => Flagged(model, d.Text)).ToList();
            if (args.Contains("--show-misses"))
            {
                var cut = WindowScorer.Logit(model.Threshold);
                for (var i = 0; i < heldPositives.Count; i++)
                {
                    if (p[i]) continue;
                    var best = WindowScorer.LogitsOf(model, heldPositives[i].Text).Max() - cut;
                    Console.WriteLine($"  miss {heldPositives[i].Name} ({heldPositives[i].Text.Length} chars) {Stats.F(best, "0.00")}: {heldPositives[i].Text[..Math.Min(90, heldPositives[i].Text.Length)].ReplaceLineEndings(" ")}");
                }
            }
            var benign = report.CvBySource.Where(s => s.Source.StartsWith("benign/", StringComparison.Ordinal) && !s.Source.StartsWith(QualityCorpus.HardNegativesDir, StringComparison.Ordinal)).ToList();
            var (cf, cn) = (benign.Sum(s => s.Flagged), benign.Sum(s => s.Documents));
            var ff = 0;
            for (var i = 0; i < unseen.Count; i++)
            {
                if (!Flagged(model, unseen[i])) continue;
                ff++;
                if (args.Contains("--show-misses")) Console.WriteLine($"  unseen file flagged: {Path.GetRelativePath(TrainInjectionModel.RepoRoot(), unseenPaths[i])}");
            }
            var row = $"| v{v} | {Stats.F(report.Threshold, "0.000")} | {p.Count(x => x)} / {p.Count} ({Pct(p.Count(x => x), p.Count)}) | {n.Count(x => x)} / {n.Count} ({Pct(n.Count(x => x), n.Count)}) | {cf} / {cn} | {ff} / {unseen.Count} |";
            if (engine is not null)
            {
                var rp = heldPositives.Select((d, i) => p[i] || ByRules(engine, "web_fetch", d.Text)).Count(x => x);
                var rn = heldNegatives.Select((d, i) => n[i] || ByRules(engine, "read_file", d.Text)).Count(x => x);
                row += $" {rp} / {p.Count} | {rn} / {n.Count} |";
                rtp += rp;
                rfp += rn;
            }
            Console.WriteLine(row);
            tp += p.Count(x => x);
            pos += p.Count;
            fp += n.Count(x => x);
            neg += n.Count;
            chunkFp += cf;
            chunks += cn;
            fileFp += ff;
            files += unseen.Count;
        }
        var pooled = $"| **pooled** | | **{tp} / {pos} ({Pct(tp, pos)})** | **{fp} / {neg} ({Pct(fp, neg)})** | {chunkFp} / {chunks} ({Pct(chunkFp, chunks)}) | {fileFp} / {files} |";
        if (engine is not null) pooled += $" {rtp} / {pos} ({Pct(rtp, pos)}) | {rfp} / {neg} ({Pct(rfp, neg)}) |";
        Console.WriteLine(pooled);
        return 0;
    }

    // Every independent set, or those named by --sets (comma-separated versions, e.g. 15,16,17,18).
    private static IEnumerable<int> Sets(string[] args)
    {
        var all = Enumerable.Range(TrainingCorpus.FirstIndependent, TrainingCorpus.LastVersion - TrainingCorpus.FirstIndependent + 1);
        var i = Array.IndexOf(args, "--sets");
        if (i < 0) return all;
        if (i + 1 >= args.Length) throw new ArgumentException("--sets needs a comma-separated list of held-out versions, e.g. --sets 15,16");
        var chosen = args[i + 1].Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).Select(v => int.Parse(v.TrimStart('v'), System.Globalization.CultureInfo.InvariantCulture)).ToList();
        var unknown = chosen.Where(v => !all.Contains(v)).ToList();
        if (unknown.Count > 0) throw new ArgumentException($"--sets: no independent held-out set v{string.Join(", v", unknown)}; the spent ones are v{TrainingCorpus.FirstIndependent} to v{TrainingCorpus.LastVersion}");
        return chosen;
    }

    /// <summary>Whether the product's scorer flags any window of <paramref name="text"/> at the model's threshold.</summary>
    internal static bool Flagged(LinearModel model, string text)
    {
        var flagged = new List<ScoredWindow>();
        WindowScorer.Flag(model, text, model.Threshold, flagged);
        return flagged.Count > 0;
    }

    private static bool ByRules(SurveillanceEngine engine, string tool, string text) =>
        engine.ScanToolResult(tool, text).Findings.Any(f => f.Category == RuleCategory.Injection && f.Score is null);

    private static string Pct(int k, int n) => n == 0 ? "-" : Stats.F(100.0 * k / n, "0.0") + " %";

    internal static string Describe(TrainingOptions o) => o.ToString();
}
