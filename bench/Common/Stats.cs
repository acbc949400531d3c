using System.Diagnostics;
using System.Globalization;

namespace Smooth.Bench;

/// <summary>Timing helpers shared by the benchmark programs: repeated samples, median, p99, ratio.</summary>
public static class Stats
{
    /// <summary>Runs <paramref name="action"/> <paramref name="warmup"/> times unmeasured, then <paramref name="samples"/> times measured.</summary>
    public static async Task<double[]> MeasureAsync(Func<Task> action, int samples, int warmup = 3)
    {
        for (var i = 0; i < warmup; i++) await action();
        var times = new double[samples];
        for (var i = 0; i < samples; i++)
        {
            var sw = Stopwatch.StartNew();
            await action();
            times[i] = sw.Elapsed.TotalMilliseconds;
        }
        return times;
    }

    /// <summary>The median.</summary>
    public static double Median(double[] values) => Percentile(values, 50);

    /// <summary>The p-th percentile (nearest rank).</summary>
    public static double Percentile(double[] values, double p)
    {
        var sorted = values.Order().ToArray();
        var rank = (int)Math.Ceiling(p / 100 * sorted.Length);
        return sorted[Math.Clamp(rank - 1, 0, sorted.Length - 1)];
    }

    /// <summary>"median X ms, p99 Y ms" for a sample set.</summary>
    public static string Describe(double[] ms) =>
        string.Create(CultureInfo.InvariantCulture, $"median {Median(ms):0.###} ms, p99 {Percentile(ms, 99):0.###} ms (n={ms.Length})");

    /// <summary>Formats a number with invariant culture.</summary>
    public static string F(double value, string format = "0.##") => value.ToString(format, CultureInfo.InvariantCulture);
}
