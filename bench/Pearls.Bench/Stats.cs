namespace Smooth.Pearls.Bench;

/// <summary>Median and p99 of a set of timings in milliseconds.</summary>
internal sealed record Stats(double Median, double P99, int Runs)
{
    public static Stats Of(IReadOnlyList<double> samples)
    {
        var sorted = samples.Order().ToArray();
        return new Stats(Percentile(sorted, 0.50), Percentile(sorted, 0.99), sorted.Length);
    }

    private static double Percentile(double[] sorted, double p)
    {
        var rank = p * (sorted.Length - 1);
        var lo = (int)Math.Floor(rank);
        var hi = (int)Math.Ceiling(rank);
        return sorted[lo] + (sorted[hi] - sorted[lo]) * (rank - lo);
    }

    public override string ToString() => $"median {Median:F3} ms, p99 {P99:F3} ms ({Runs} runs)";
}
