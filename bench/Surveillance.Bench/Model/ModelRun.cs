using System.Globalization;
using Smooth.Surveillance.Bench.Corpus;
using Smooth.Surveillance.Scanning;

namespace Smooth.Surveillance.Bench.Model;

/// <summary>
/// The offline side of the learned injection scorer: <c>--train-model</c> trains it on the labelled corpus (never on a
/// set left out with <c>--blind</c> or <c>--exclude</c>) and writes the weights the scanner embeds; <c>--model-cv</c>
/// trains once per held-out version without that version and scores it, which is how well the model does on text it
/// has not seen.
/// </summary>
internal static class ModelRun
{
    /// <summary>Where the scanner's embedded weights live, from the repository root.</summary>
    public const string ResourcePath = "src/Surveillance/Scanning/injection-model.bin";

    // The held-out versions, each with the names of its injection and benign documents.
    private static readonly string[] Folds = ["heldout-v1", "heldout-v2", "heldout-v3", "heldout-v4", "heldout-v5", "heldout-v6"];

    private static readonly double[] Thresholds = [-2, -1, 0, 1, 2, 3, 4, 5, 6];

    /// <summary>Trains on every document not excluded and writes the resource.</summary>
    public static void Train(IReadOnlyList<CorpusDocument> docs, IReadOnlyList<string> exclude, ModelTrainer trainer)
    {
        var examples = Examples(docs).Where(e => !exclude.Any(x => e.Name.Contains(x, StringComparison.Ordinal))).ToList();
        var model = trainer.Train(examples);
        File.WriteAllBytes(ResourcePath, model.Write());
        Console.WriteLine($"trained on {examples.Count(e => e.Injection)} injections and {examples.Count(e => !e.Injection)} benign texts; wrote {ResourcePath}");
        Report("training fit", model, docs.Where(d => !exclude.Any(x => d.Name.Contains(x, StringComparison.Ordinal))).ToList(), engine: null);
    }

    /// <summary>For each held-out version: trains without it and scores it (and, for reference, the benign files).</summary>
    public static void CrossValidate(IReadOnlyList<CorpusDocument> docs, SurveillanceEngine engine, ModelTrainer trainer, IReadOnlyList<string> folds)
    {
        var examples = Examples(docs);
        foreach (var fold in folds.Count > 0 ? folds : Folds)
        {
            var train = examples.Where(e => !e.Name.Contains(fold, StringComparison.Ordinal)).ToList();
            var model = trainer.Train(train);
            Report($"without {fold}", model, [.. docs.Where(d => d.Name.Contains(fold, StringComparison.Ordinal))], engine);
        }
    }

    private static void Report(string title, InjectionModel model, IReadOnlyList<CorpusDocument> docs, SurveillanceEngine? engine)
    {
        var scored = docs
            .Where(d => d.Label is CorpusLabel.Injection or CorpusLabel.InjectionHeldOut or CorpusLabel.Benign or CorpusLabel.BenignHeldOut)
            .Select(d => (Doc: d, Positive: d.Label is CorpusLabel.Injection or CorpusLabel.InjectionHeldOut, Score: model.Best(d.Text).Score,
                Rules: engine?.ScanToolResult(d.Label is CorpusLabel.Injection or CorpusLabel.InjectionHeldOut ? "web_fetch" : "read_file", d.Text).Findings.Any(f => f.Category == RuleCategory.Injection)))
            .ToList();
        var pos = scored.Where(s => s.Positive).ToList();
        var neg = scored.Where(s => !s.Positive).ToList();
        // The chance that an injection outscores a benign text: the ranking quality, free of any threshold.
        var auc = pos.Count == 0 || neg.Count == 0 ? 0 : pos.Sum(p => neg.Sum(n => p.Score > n.Score ? 1.0 : p.Score == n.Score ? 0.5 : 0)) / (pos.Count * (double)neg.Count);
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"## {title}: {pos.Count} injections, {neg.Count} benign, AUC {auc:0.000}"));
        Console.WriteLine("| threshold | model recall | model FP | rules+model recall | rules+model FP |");
        foreach (var t in Thresholds)
        {
            var r = pos.Count(s => s.Score >= t);
            var f = neg.Count(s => s.Score >= t);
            var rc = pos.Count(s => s.Score >= t || s.Rules == true);
            var fc = neg.Count(s => s.Score >= t || s.Rules == true);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {t} | {r}/{pos.Count} | {f}/{neg.Count} | {rc}/{pos.Count} | {fc}/{neg.Count} |"));
        }
        foreach (var s in neg.OrderByDescending(s => s.Score).Take(5))
        {
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  top benign {s.Score:0.00} {s.Doc.Name}"));
        }
    }

    /// <summary>Training examples: the corpus's injections and benign texts, and the repository's own docs and code as more benign text.</summary>
    public static List<ModelTrainer.Example> Examples(IReadOnlyList<CorpusDocument> docs)
    {
        var list = docs
            .Where(d => d.Label is CorpusLabel.Injection or CorpusLabel.InjectionHeldOut or CorpusLabel.Benign or CorpusLabel.BenignHeldOut)
            .Select(d => new ModelTrainer.Example(d.Name, ModelTrainer.Featurize(d.Text), d.Label is CorpusLabel.Injection or CorpusLabel.InjectionHeldOut))
            .ToList();
        list.AddRange(RepositoryText().Select(t => new ModelTrainer.Example(t.Name, ModelTrainer.Featurize(t.Text), false)));
        return list;
    }

    // The repository's docs and source outside the surveillance component (which quotes attacks on purpose), in
    // chunks of the corpus's size: plenty of ordinary text about models, agents, tokens and credentials.
    private static IEnumerable<(string Name, string Text)> RepositoryText()
    {
        var files = Directory.EnumerateFiles("docs", "*.md")
            .Where(f => !Path.GetFileName(f).StartsWith("surveillance", StringComparison.Ordinal) && !Path.GetFileName(f).StartsWith("benchmarks", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles("src", "*.cs", SearchOption.AllDirectories)
                .Where(f => !f.Replace('\\', '/').Contains("/Surveillance/", StringComparison.Ordinal) && !f.Contains("/obj/", StringComparison.Ordinal) && !f.Contains("/bin/", StringComparison.Ordinal)))
            .Order(StringComparer.Ordinal);
        foreach (var file in files)
        {
            var lines = File.ReadAllLines(file);
            for (var i = 0; i < lines.Length; i += QualityCorpus.ChunkLines)
            {
                yield return ($"repo:{file}@{i + 1}", string.Join('\n', lines.Skip(i).Take(QualityCorpus.ChunkLines)));
            }
        }
    }
}
