using Smooth.Surveillance.Bench.Corpus;
using Smooth.Surveillance.Scoring;

namespace Smooth.Surveillance.Bench.Training;

/// <summary>
/// Trains the injection model: windows of every document (<see cref="WindowFeatures"/>), a class-balanced logistic
/// regression, and a threshold fixed by cross-validation before the final fit: the score at which the out-of-fold
/// models, quantised and run through the product's scorer, flag <see cref="TrainingOptions.TargetFalsePositives"/> of
/// the negative documents. Single-threaded, fixed order, fixed seed: the same corpus gives the same bytes.
/// </summary>
public static class ModelTrainer
{
    /// <summary>Trains on <paramref name="docs"/> (<see cref="CorpusLabel.Injection"/> positive, anything else negative).</summary>
    public static TrainingReport Train(IReadOnlyList<CorpusDocument> docs, TrainingOptions options)
    {
        var labels = docs.Select(d => d.Label == CorpusLabel.Injection ? 1 : 0).ToArray();
        var windows = docs.Select(d => WindowFeatures.Of(d.Text, options.BucketBits, options.ChunkChars, options.WindowChunks, options.NormFloor)).ToArray();
        var folds = Folds(labels, options);

        // Out-of-fold: each document scored by a model that never saw it, through the product's scorer.
        var best = new double[docs.Count];
        var embedded = new double[docs.Count];
        var afterCode = new double[docs.Count];
        var shortPieces = new List<double>();
        for (var f = 0; f < options.Folds; f++)
        {
            var train = Enumerable.Range(0, docs.Count).Where(i => folds[i] != f).ToList();
            var (w, b) = LogisticTrainer.Fit(Examples(docs, labels, windows, train, options), options);
            var model = Quantizer.Quantise(w, b, 0.5, options);
            for (var i = 0; i < docs.Count; i++)
            {
                if (folds[i] != f) continue;
                best[i] = WindowScorer.LogitsOf(model, docs[i].Text).DefaultIfEmpty(model.Bias).Max();
                if (labels[i] == 0)
                {
                    // Short benign results: pieces other than the ones trained on (k from 100 on).
                    for (var k = 100; k < 102; k++)
                    {
                        if (ShortPiece(docs[i].Text, i, k, options) is { } piece) shortPieces.Add(WindowScorer.LogitsOf(model, piece).Max());
                    }
                }
                if (labels[i] == 1)
                {
                    // The same injection at the end of 4 KiB of benign text the model did not see either: what windows are for.
                    var heldNegatives = Enumerable.Range(0, docs.Count).Where(k => folds[k] == f && labels[k] == 0).ToList();
                    var text = Filler(docs, heldNegatives, i, 4096) + "\n" + docs[i].Text;
                    embedded[i] = WindowScorer.LogitsOf(model, text).Max();
                    var heldCode = heldNegatives.Where(k => docs[k].Name.Contains("/code/", StringComparison.Ordinal)).ToList();
                    afterCode[i] = WindowScorer.LogitsOf(model, Filler(docs, heldCode, i, 4096) + "\n" + docs[i].Text).Max();
                }
            }
        }
        var negatives = Enumerable.Range(0, docs.Count).Where(i => labels[i] == 0).Select(i => best[i]).OrderDescending().ToArray();
        var allowed = (int)Math.Floor(options.TargetFalsePositives * negatives.Length);
        // Flagged means logit ≥ cut: just above the first negative that must stay unflagged.
        var cut = Math.BitIncrement(negatives[Math.Min(allowed, negatives.Length - 1)]);
        var threshold = StableMath.Sigmoid(cut);

        var all = Enumerable.Range(0, docs.Count).ToList();
        var examples = Examples(docs, labels, windows, all, options);
        var (weights, bias) = LogisticTrainer.Fit(examples, options);
        return new TrainingReport
        {
            Model = LinearModelFile.Write(Quantizer.Quantise(weights, bias, threshold, options)),
            Positives = labels.Count(l => l == 1),
            Negatives = labels.Count(l => l == 0),
            Examples = examples.Sum(e => e.Windows.Length),
            Threshold = threshold,
            CvPositivesFlagged = all.Count(i => labels[i] == 1 && best[i] >= cut),
            CvNegativesFlagged = all.Count(i => labels[i] == 0 && best[i] >= cut),
            CvAuc = Auc(labels, best),
            CvEmbeddedFlagged = all.Count(i => labels[i] == 1 && embedded[i] >= cut),
            CvAfterCodeFlagged = all.Count(i => labels[i] == 1 && afterCode[i] >= cut),
            CvShortPieces = shortPieces.Count,
            CvShortPiecesFlagged = shortPieces.Count(s => s >= cut),
            CvBySource = [.. all.GroupBy(i => Source(docs[i].Name), StringComparer.Ordinal)
                .Select(g => (g.Key, g.Count(), g.Count(i => best[i] >= cut)))
                .OrderBy(r => r.Key, StringComparer.Ordinal)],
        };
    }

    // Stratified folds: each label's documents shuffled with the seed, then dealt round-robin.
    private static int[] Folds(int[] labels, TrainingOptions options)
    {
        var folds = new int[labels.Length];
        var random = new SplitMix(options.Seed ^ 0xF01D);
        foreach (var label in new[] { 0, 1 })
        {
            var members = Enumerable.Range(0, labels.Length).Where(i => labels[i] == label).ToList();
            random.Shuffle(members);
            for (var k = 0; k < members.Count; k++) folds[members[k]] = k % options.Folds;
        }
        return folds;
    }

    private static List<Example> Examples(IReadOnlyList<CorpusDocument> docs, int[] labels, List<SparseWindow>[] windows, List<int> members, TrainingOptions options)
    {
        var examples = new List<Example>();
        var fillers = members.Where(i => labels[i] == 0).ToList();
        var code = fillers.Where(i => docs[i].Name.Contains("/code/", StringComparison.Ordinal)).ToList();
        var windowChars = options.ChunkChars * options.WindowChunks;
        foreach (var i in members)
        {
            if (labels[i] == 1)
            {
                // A positive longer than a window (most of v6 on) is one bag of windows that counts once in total.
                examples.Add(new Example(Bag(docs[i].Text, windows[i], options), 1, 1.0));
                if (options.PadPositives && docs[i].Text.Length < windowChars - 1 && fillers.Count > 0)
                {
                    var padded = Filler(docs, fillers, i, windowChars - docs[i].Text.Length - 1) + "\n" + docs[i].Text;
                    examples.Add(new Example(Bag(padded, null, options), 1, options.PadWeight));
                }
                for (var k = 0; k < options.CodeCopies && code.Count > 0; k++)
                {
                    // The injection inside source code: 1 to 3 KiB before it, a few hundred characters after.
                    var random = new SplitMix(options.Seed ^ ((ulong)i * 0x9E37 + (ulong)k * 0x51ED));
                    var before = 1024 + random.Below(2048);
                    var after = 128 + random.Below(512);
                    var text = Filler(docs, code, i * 17 + k, before) + "\n" + docs[i].Text + "\n" + Lead(docs, code, i * 17 + k + 1, after);
                    examples.Add(new Example(Bag(text, null, options), 1, options.CodeWeight));
                }
                continue;
            }
            foreach (var w in windows[i]) examples.Add(new Example(w, 0, 1.0));
            if (options.NegativeSmallWindows && options.SmallWindowChunks > 0 && docs[i].Text.Length > options.SmallWindowChunks * options.ChunkChars)
            {
                foreach (var w in WindowFeatures.Of(docs[i].Text, options.BucketBits, options.ChunkChars, options.SmallWindowChunks, options.NormFloor)) examples.Add(new Example(w, 0, options.NegativeSmallWeight));
            }
            for (var k = 0; k < options.ShortNegatives; k++)
            {
                if (ShortPiece(docs[i].Text, i, k, options) is { } piece)
                {
                    foreach (var w in WindowFeatures.Of(piece, options.BucketBits, options.ChunkChars, options.WindowChunks, options.NormFloor)) examples.Add(new Example(w, 0, 1.0));
                }
            }
        }
        return examples;
    }

    /// <summary>The windows an injection is trained on: the large ones, and (BagSmallWindows) the small ones the product also scores.</summary>
    public static SparseWindow[] Bag(string text, List<SparseWindow>? large, TrainingOptions options)
    {
        var bag = large ?? WindowFeatures.Of(text, options.BucketBits, options.ChunkChars, options.WindowChunks, options.NormFloor);
        if (!options.BagSmallWindows || options.SmallWindowChunks == 0 || text.Length <= options.SmallWindowChunks * options.ChunkChars) return [.. bag];
        return [.. bag, .. WindowFeatures.Of(text, options.BucketBits, options.ChunkChars, options.SmallWindowChunks, options.NormFloor)];
    }

    // Whole lines from a seeded place in a negative, until 40 to 240 characters are reached; null for a text too short to cut.
    private static string? ShortPiece(string text, int doc, int k, TrainingOptions options)
    {
        var lines = text.Split('\n');
        if (text.Length < 80) return null;
        var random = new SplitMix(options.Seed + (ulong)doc * 131 + (ulong)k);
        var target = 40 + random.Below(200);
        var start = random.Below(lines.Length);
        var piece = lines[start];
        for (var l = start + 1; l < lines.Length && piece.Length < target; l++) piece += "\n" + lines[l];
        piece = piece.Trim();
        return piece.Length >= 20 ? piece[..Math.Min(piece.Length, 384)] : null;
    }

    // Benign text of exactly `length` characters: the start of negatives taken in turn from one chosen by `seed`.
    private static string Lead(IReadOnlyList<CorpusDocument> docs, List<int> fillers, int seed, int length)
    {
        var text = "";
        for (var k = 0; text.Length < length && k < fillers.Count; k++)
        {
            text += docs[fillers[(seed * 7919 + k) % fillers.Count]].Text + "\n";
        }
        return text.Length <= length ? text : text[..length];
    }

    // Benign text of exactly `length` characters: the end of negatives taken in turn from one chosen by the positive's index.
    private static string Filler(IReadOnlyList<CorpusDocument> docs, List<int> fillers, int positive, int length)
    {
        var text = "";
        for (var k = 0; text.Length < length && k < fillers.Count; k++)
        {
            text = docs[fillers[(positive * 7919 + k) % fillers.Count]].Text + "\n" + text;
        }
        return text.Length <= length ? text : text[^length..];
    }

    private static double Auc(int[] labels, double[] scores)
    {
        double wins = 0;
        long pairs = 0;
        for (var p = 0; p < labels.Length; p++)
        {
            if (labels[p] != 1) continue;
            for (var n = 0; n < labels.Length; n++)
            {
                if (labels[n] != 0) continue;
                pairs++;
                wins += scores[p] > scores[n] ? 1 : scores[p] == scores[n] ? 0.5 : 0;
            }
        }
        return pairs == 0 ? 0 : wins / pairs;
    }

    // "injection-heldout-v3.txt#4" -> the file; "code/x.cs.txt@41" -> "code"; hard negatives keep their file.
    private static string Source(string name)
    {
        var cut = name.IndexOfAny(['#', '@']);
        var file = (cut < 0 ? name : name[..cut]).Replace('\\', '/');
        if (file.StartsWith(QualityCorpus.HardNegativesDir, StringComparison.Ordinal) || !file.Contains('/')) return file;
        return file[..file.LastIndexOf('/')];
    }
}
