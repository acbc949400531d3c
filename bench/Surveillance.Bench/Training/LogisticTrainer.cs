namespace Smooth.Surveillance.Bench.Training;

/// <summary>
/// Class-balanced logistic regression by stochastic gradient descent: the same order (a seeded shuffle per epoch), the
/// same arithmetic and <see cref="StableMath"/> instead of the platform's exp, so a run is reproducible to the bit.
/// An item with several windows (an injection longer than a window: a bag) is trained, in the first
/// <see cref="TrainingOptions.SpreadEpochs"/> epochs, as all its windows at an equal share of its weight, and after
/// that as the one window the current weights score highest (multiple-instance learning): the product flags a text by
/// its best window, and the windows of an injection's carrier that hold no injection (the code around a docstring,
/// the log lines before a fake system turn) must not be taught as injections.
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
                var (windows, label, weight) = examples[i];
                if (windows.Length == 1)
                {
                    Step(weights, ref bias, windows[0], label, weight * classWeight[label], rate, options.L2);
                }
                else if (epoch < options.SpreadEpochs)
                {
                    var share = weight * classWeight[label] / windows.Length;
                    foreach (var window in windows) Step(weights, ref bias, window, label, share, rate, options.L2);
                }
                else
                {
                    var best = windows[0];
                    var bestZ = double.NegativeInfinity;
                    foreach (var window in windows)
                    {
                        var z = Logit(weights, bias, window);
                        if (z > bestZ) (best, bestZ) = (window, z);
                    }
                    Step(weights, ref bias, best, label, weight * classWeight[label], rate, options.L2);
                }
            }
        }
        return (weights, bias);
    }

    private static double Logit(double[] weights, double bias, SparseWindow window)
    {
        var z = bias;
        for (var j = 0; j < window.Buckets.Length; j++) z += weights[window.Buckets[j]] * window.Values[j];
        return z;
    }

    private static void Step(double[] weights, ref double bias, SparseWindow window, int label, double weight, double rate, double l2)
    {
        var g = (StableMath.Sigmoid(Logit(weights, bias, window)) - label) * weight;
        for (var j = 0; j < window.Buckets.Length; j++)
        {
            var b = window.Buckets[j];
            weights[b] -= rate * (g * window.Values[j] + l2 * weights[b]);
        }
        bias -= rate * g;
    }
}
