using Smooth.Surveillance.Scanning;

namespace Smooth.Surveillance.Bench.Model;

/// <summary>
/// Trains <see cref="InjectionModel"/> offline: logistic regression over the hashed features of
/// <see cref="InjectionTokens"/>, by multiple-instance learning, since a document is labelled as a whole but its
/// injection is one passage in it. Each step takes the document's best-scoring window (after a first pass over whole
/// documents that gives the windows something to rank by) and moves it toward the document's label: for an injection
/// the window most like one, for a benign text the window most likely to be mistaken for one. Deterministic: a fixed
/// order, no randomness.
/// </summary>
internal sealed class ModelTrainer
{
    /// <summary>One training text: its token features (<see cref="InjectionTokens.PerToken"/> per token, -1 absent) and label.</summary>
    public sealed record Example(string Name, int[] Features, bool Injection);

    /// <summary>Tokens per window.</summary>
    public int Window { get; init; } = 48;
    /// <summary>Passes over the data.</summary>
    public int Epochs { get; init; } = 30;
    /// <summary>Passes over whole documents before windows are picked.</summary>
    public int WarmEpochs { get; init; } = 3;
    /// <summary>Step size at the start (it decays).</summary>
    public float Rate { get; init; } = 0.05f;
    /// <summary>L2 pull toward zero per step on touched weights.</summary>
    public float L2 { get; init; } = 0.002f;

    /// <summary>The features of a text.</summary>
    public static int[] Featurize(string text)
    {
        var list = new List<int>(text.Length / 2);
        InjectionTokens.Read(text.AsSpan(), ref list, static (ref List<int> l, int _, int _, int word, int pair, int prefix) =>
        {
            l.Add(word);
            l.Add(pair);
            l.Add(prefix);
        });
        return [.. list];
    }

    /// <summary>Trains on <paramref name="examples"/> and returns the quantised model.</summary>
    public InjectionModel Train(IReadOnlyList<Example> examples)
    {
        var w = new float[InjectionTokens.Buckets];
        float bias = 0;
        var positives = examples.Count(e => e.Injection);
        var negatives = examples.Count - positives;
        // Both classes weigh the same in total.
        var posWeight = examples.Count / (2f * Math.Max(1, positives));
        var negWeight = examples.Count / (2f * Math.Max(1, negatives));
        // A fixed interleaving: sorted by a hash of the name, so classes and sources mix.
        var order = examples.OrderBy(e => StableHash(e.Name)).ToArray();
        for (var epoch = 0; epoch < Epochs; epoch++)
        {
            var rate = Rate / (1 + epoch * 0.2f);
            foreach (var e in order)
            {
                var tokens = e.Features.Length / InjectionTokens.PerToken;
                if (tokens == 0) continue;
                int from, to;
                float scale;
                if (epoch < WarmEpochs)
                {
                    // The whole document, scaled to a window's worth of tokens.
                    (from, to, scale) = (0, tokens, Math.Min(1f, (float)Window / tokens));
                }
                else
                {
                    (from, to) = BestWindow(w, bias, e.Features, tokens);
                    scale = 1f;
                }
                var score = bias + scale * Sum(w, e.Features, from, to);
                var p = 1f / (1f + MathF.Exp(-score));
                var g = ((e.Injection ? 1f : 0f) - p) * (e.Injection ? posWeight : negWeight);
                bias += rate * g * 0.1f;
                for (var t = from * InjectionTokens.PerToken; t < to * InjectionTokens.PerToken; t++)
                {
                    var f = e.Features[t];
                    if (f < 0) continue;
                    w[f] += rate * (g * scale - L2 * w[f]);
                }
            }
        }
        return Quantise(w, bias);
    }

    private InjectionModel Quantise(float[] w, float bias)
    {
        var max = w.Max(MathF.Abs);
        var scale = max > 0 ? max / 127f : 1f;
        var q = new sbyte[w.Length];
        for (var i = 0; i < w.Length; i++) q[i] = (sbyte)Math.Clamp(MathF.Round(w[i] / scale), -127, 127);
        return new InjectionModel(q, scale, bias, Window);
    }

    private (int From, int To) BestWindow(float[] w, float bias, int[] features, int tokens)
    {
        if (tokens <= Window) return (0, tokens);
        var best = float.NegativeInfinity;
        var bestFrom = 0;
        var sum = Sum(w, features, 0, Window);
        for (var s = 0; ; s++)
        {
            if (sum > best) (best, bestFrom) = (sum, s);
            if (s + Window >= tokens) break;
            sum += Token(w, features, s + Window) - Token(w, features, s);
        }
        return (bestFrom, bestFrom + Window);
    }

    private static float Sum(float[] w, int[] features, int from, int to)
    {
        float s = 0;
        for (var t = from; t < to; t++) s += Token(w, features, t);
        return s;
    }

    private static float Token(float[] w, int[] features, int t)
    {
        var at = t * InjectionTokens.PerToken;
        float s = 0;
        for (var k = 0; k < InjectionTokens.PerToken; k++)
        {
            var f = features[at + k];
            if (f >= 0) s += w[f];
        }
        return s;
    }

    private static uint StableHash(string s)
    {
        var h = 2166136261u;
        foreach (var c in s) h = (h ^ c) * 16777619;
        return h;
    }
}
