using System.Buffers;

namespace Smooth.Surveillance.Scoring;

/// <summary>
/// Scores every window of a text (<see cref="WindowGrid"/>) with a <see cref="LinearModel"/> in one pass: each chunk's
/// features are read once, their weights summed and counted per chunk, and a window's score comes from its chunks'
/// sums. A window's logit is bias + scale × sum / √max(n, floor) for n features (<see cref="LinearModel.NormFloor"/>).
/// </summary>
internal static class WindowScorer
{
    private const int StackChunks = 256;

    /// <summary>Adds to <paramref name="flagged"/> the best window of each run of consecutive windows that score at least <paramref name="threshold"/>.</summary>
    public static void Flag(LinearModel model, ReadOnlySpan<char> text, double threshold, List<ScoredWindow> flagged)
    {
        var grid = new WindowGrid(text.Length, model.ChunkChars, model.WindowChunks);
        if (grid.Windows == 0) return;
        var cut = Logit(threshold);
        var chunks = grid.Chunks;
        double[]? rented = null;
        Span<double> logits = chunks <= StackChunks ? stackalloc double[chunks] : (rented = ArrayPool<double>.Shared.Rent(chunks)).AsSpan(0, chunks);
        try
        {
            Logits(model, text, grid, logits);
            var best = -1;
            for (var w = 0; w <= grid.Windows; w++)
            {
                if (w < grid.Windows && logits[w] >= cut)
                {
                    if (best < 0 || logits[w] > logits[best]) best = w;
                    continue;
                }
                if (best < 0) continue;
                var (s, e) = grid.Window(best);
                flagged.Add(new ScoredWindow(s, e, Logistic(logits[best])));
                best = -1;
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<double>.Shared.Return(rented);
        }
    }

    /// <summary>The score of every window, in order (for the trainer, tests and diagnostics).</summary>
    public static ScoredWindow[] ScoreAll(LinearModel model, ReadOnlySpan<char> text)
    {
        var grid = new WindowGrid(text.Length, model.ChunkChars, model.WindowChunks);
        var result = new ScoredWindow[grid.Windows];
        if (result.Length == 0) return result;
        var logits = new double[grid.Chunks];
        Logits(model, text, grid, logits);
        for (var w = 0; w < result.Length; w++)
        {
            var (s, e) = grid.Window(w);
            result[w] = new ScoredWindow(s, e, Logistic(logits[w]));
        }
        return result;
    }

    /// <summary>The logit of every window, in order (the trainer calibrates its threshold on these).</summary>
    public static double[] LogitsOf(LinearModel model, ReadOnlySpan<char> text)
    {
        var grid = new WindowGrid(text.Length, model.ChunkChars, model.WindowChunks);
        if (grid.Windows == 0) return [];
        var logits = new double[grid.Chunks];
        Logits(model, text, grid, logits);
        return logits[..grid.Windows];
    }

    /// <summary>The logistic function: a logit as a probability.</summary>
    public static double Logistic(double logit) => 1 / (1 + Math.Exp(-logit));

    /// <summary>A probability as a logit.</summary>
    public static double Logit(double p) => Math.Log(p / (1 - p));

    // Fills logits[0..grid.Windows) (the span holds one slot per chunk, at least as many as windows): chunk sums first,
    // written into the same slots, then a running sum slides over them.
    private static void Logits(LinearModel model, ReadOnlySpan<char> text, WindowGrid grid, Span<double> logits)
    {
        var chunks = grid.Chunks;
        int[]? rented = null;
        Span<int> sums = chunks * 2 <= StackChunks * 2 ? stackalloc int[chunks * 2] : (rented = ArrayPool<int>.Shared.Rent(chunks * 2)).AsSpan(0, chunks * 2);
        try
        {
            var counts = sums[chunks..];
            var reader = new FeatureReader(model.BucketBits);
            var sink = new WeightSink(model.Weights);
            for (var k = 0; k < chunks; k++)
            {
                var (s, e) = grid.Chunk(k);
                sink.Sum = 0;
                sink.Count = 0;
                reader.Read(text[s..e], ref sink);
                if (k == chunks - 1) reader.Finish(ref sink);
                sums[k] = sink.Sum;
                counts[k] = sink.Count;
            }
            long sum = 0, count = 0;
            var width = Math.Min(model.WindowChunks, chunks);
            for (var k = 0; k < width; k++)
            {
                sum += sums[k];
                count += counts[k];
            }
            for (var w = 0; w < grid.Windows; w++)
            {
                if (w > 0)
                {
                    sum += sums[w + width - 1] - sums[w - 1];
                    count += counts[w + width - 1] - counts[w - 1];
                }
                logits[w] = model.Bias + model.Scale * sum / Math.Sqrt(Math.Max(count, model.NormFloor));
            }
        }
        finally
        {
            if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        }
    }
}
