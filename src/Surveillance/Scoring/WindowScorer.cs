using System.Buffers;

namespace Smooth.Surveillance.Scoring;

/// <summary>
/// Scores the windows of a text (<see cref="WindowGrid"/>) with a <see cref="LinearModel"/> in one pass: each chunk's
/// features are read once, their weights summed and counted per chunk, and a window's score comes from its chunks'
/// sums: bias + scale × sum / √max(n, floor) for n features (<see cref="LinearModel.NormFloor"/>). With a small window
/// (<see cref="LinearModel.SmallWindowChunks"/>) both sizes are scored at every chunk and the higher score is kept.
/// </summary>
internal static class WindowScorer
{
    private const int StackChunks = 256;

    /// <summary>
    /// Adds to <paramref name="flagged"/> the best window of each run of consecutive windows that score at least
    /// <paramref name="threshold"/>. With <paramref name="low"/> (below the threshold), also adds to
    /// <paramref name="candidates"/> each run of windows at or above <paramref name="low"/> that holds none at the threshold.
    /// </summary>
    public static void Flag(LinearModel model, ReadOnlySpan<char> text, double threshold, List<ScoredWindow> flagged, double? low = null, List<WindowRun>? candidates = null)
    {
        var chunks = new WindowGrid(text.Length, model.ChunkChars, model.WindowChunks).Chunks;
        if (chunks == 0) return;
        var cut = Logit(threshold);
        var lowCut = low is { } l && l < threshold && candidates is not null ? Logit(l) : cut;
        double[]? rentedLogits = null;
        int[]? rentedWidths = null;
        var small = chunks <= StackChunks;
        Span<double> logits = small ? stackalloc double[chunks] : (rentedLogits = ArrayPool<double>.Shared.Rent(chunks)).AsSpan(0, chunks);
        Span<int> widths = small ? stackalloc int[chunks] : (rentedWidths = ArrayPool<int>.Shared.Rent(chunks)).AsSpan(0, chunks);
        try
        {
            var positions = Best(model, text, logits, widths);
            var grid = new WindowGrid(text.Length, model.ChunkChars, model.WindowChunks);
            int best = -1, runFirst = -1, runBest = -1;
            var runFlagged = false;
            for (var w = 0; w <= positions; w++)
            {
                if (w < positions && logits[w] >= cut)
                {
                    if (best < 0 || logits[w] > logits[best]) best = w;
                    runFlagged = true;
                }
                else if (best >= 0)
                {
                    var (s, e) = grid.Window(best, widths[best]);
                    flagged.Add(new ScoredWindow(s, e, Logistic(logits[best])));
                    best = -1;
                }
                if (lowCut >= cut) continue;
                if (w < positions && logits[w] >= lowCut)
                {
                    if (runFirst < 0) runFirst = w;
                    if (runBest < 0 || logits[w] > logits[runBest]) runBest = w;
                    continue;
                }
                if (runFirst < 0) continue;
                if (!runFlagged)
                {
                    var (s, e) = grid.Window(runBest, widths[runBest]);
                    candidates!.Add(new WindowRun(new ScoredWindow(s, e, Logistic(logits[runBest])), grid.Window(runFirst, widths[runFirst]).Start, grid.Window(w - 1, widths[w - 1]).End));
                }
                runFirst = runBest = -1;
                runFlagged = false;
            }
        }
        finally
        {
            if (rentedLogits is not null) ArrayPool<double>.Shared.Return(rentedLogits);
            if (rentedWidths is not null) ArrayPool<int>.Shared.Return(rentedWidths);
        }
    }

    /// <summary>The best window starting at each chunk, in order (for tests and diagnostics).</summary>
    public static ScoredWindow[] ScoreAll(LinearModel model, ReadOnlySpan<char> text)
    {
        var grid = new WindowGrid(text.Length, model.ChunkChars, model.WindowChunks);
        var logits = new double[grid.Chunks];
        var widths = new int[grid.Chunks];
        var result = new ScoredWindow[Best(model, text, logits, widths)];
        for (var w = 0; w < result.Length; w++)
        {
            var (s, e) = grid.Window(w, widths[w]);
            result[w] = new ScoredWindow(s, e, Logistic(logits[w]));
        }
        return result;
    }

    /// <summary>The logit of the best window starting at each chunk (the trainer calibrates its threshold on these).</summary>
    public static double[] LogitsOf(LinearModel model, ReadOnlySpan<char> text)
    {
        var chunks = new WindowGrid(text.Length, model.ChunkChars, model.WindowChunks).Chunks;
        var logits = new double[chunks];
        var positions = Best(model, text, logits, new int[chunks]);
        return logits[..positions];
    }

    /// <summary>The logistic function: a logit as a probability.</summary>
    public static double Logistic(double logit) => 1 / (1 + Math.Exp(-logit));

    /// <summary>A probability as a logit.</summary>
    public static double Logit(double p) => Math.Log(p / (1 - p));

    // Fills logits and widths (one slot per chunk) with the best window starting at each chunk and returns how many
    // chunks start one: chunk sums first, then a running sum per window size slides over them.
    private static int Best(LinearModel model, ReadOnlySpan<char> text, Span<double> logits, Span<int> widths)
    {
        var chunks = logits.Length;
        if (chunks == 0) return 0;
        int[]? rented = null;
        Span<int> sums = chunks <= StackChunks ? stackalloc int[chunks * 2] : (rented = ArrayPool<int>.Shared.Rent(chunks * 2)).AsSpan(0, chunks * 2);
        try
        {
            var counts = sums[chunks..];
            sums = sums[..chunks];
            var grid = new WindowGrid(text.Length, model.ChunkChars, model.WindowChunks);
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
            var positions = Slide(model, model.WindowChunks, sums, counts, logits, widths, 0);
            if (model.SmallWindowChunks > 0) positions = Math.Max(positions, Slide(model, model.SmallWindowChunks, sums, counts, logits, widths, positions));
            return positions;
        }
        finally
        {
            if (rented is not null) ArrayPool<int>.Shared.Return(rented);
        }
    }

    // Scores every window of `width` chunks (one window when the text has fewer chunks) and keeps, per start chunk,
    // the higher of it and what the first `filled` slots hold already. Returns the number of windows of this width.
    private static int Slide(LinearModel model, int width, ReadOnlySpan<int> sums, ReadOnlySpan<int> counts, Span<double> logits, Span<int> widths, int filled)
    {
        var chunks = sums.Length;
        width = Math.Min(width, chunks);
        var windows = chunks - width + 1;
        long sum = 0, count = 0;
        for (var k = 0; k < width; k++)
        {
            sum += sums[k];
            count += counts[k];
        }
        for (var w = 0; w < windows; w++)
        {
            if (w > 0)
            {
                sum += sums[w + width - 1] - sums[w - 1];
                count += counts[w + width - 1] - counts[w - 1];
            }
            var logit = model.Bias + model.Scale * sum / Math.Sqrt(Math.Max(count, model.NormFloor));
            if (w >= filled || logit > logits[w])
            {
                logits[w] = logit;
                widths[w] = width;
            }
        }
        return windows;
    }
}
