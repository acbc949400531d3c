namespace Smooth.Surveillance.Bench.Training;

/// <summary>
/// Class-balanced logistic regression by stochastic gradient descent: the same order (a seeded shuffle per epoch), the
/// same arithmetic and <see cref="StableMath"/> instead of the platform's exp, so a run is reproducible to the bit.
/// </summary>
public static class LogisticTrainer
{
    /// <summary>Fits weights (one per bucket) and a bias to <paramref name="examples"/>.</summary>
    public static (double[] Weights, double Bias) Fit(IReadOnlyList<Example> examples, TrainingOptions options)
    {
        var weights = new double[1 << options.BucketBits];
        double bias = 0;
        // Both classes weigh the same in total, however many windows each has.
        var positive = examples.Where(e => e.Label == 1).Sum(e => e.Weight);
        var negative = examples.Where(e => e.Label == 0).Sum(e => e.Weight);
        var total = positive + negative;
        var classWeight = new[] { total / (2 * negative), total / (2 * positive) };
        var order = Enumerable.Range(0, examples.Count).ToArray();
        var random = new SplitMix(options.Seed);
        for (var epoch = 0; epoch < options.Epochs; epoch++)
        {
            random.Shuffle(order);
            var rate = options.LearningRate / (1 + epoch);
            foreach (var i in order)
            {
                var (window, label, weight) = examples[i];
                var z = bias;
                for (var j = 0; j < window.Buckets.Length; j++) z += weights[window.Buckets[j]] * window.Values[j];
                var g = (StableMath.Sigmoid(z) - label) * weight * classWeight[label];
                for (var j = 0; j < window.Buckets.Length; j++)
                {
                    var b = window.Buckets[j];
                    weights[b] -= rate * (g * window.Values[j] + options.L2 * weights[b]);
                }
                bias -= rate * g;
            }
        }
        return (weights, bias);
    }
}
