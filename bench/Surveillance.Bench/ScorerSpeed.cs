using System.Diagnostics;
using Smooth.Bench;
using Smooth.Surveillance.Bench.Corpus;
using Smooth.Surveillance.Rules;
using Smooth.Surveillance.Scoring;

namespace Smooth.Surveillance.Bench;

/// <summary><c>--scorer-speed [--model PATH]</c>: the learned scorer alone over the speed benchmark's 64 KiB benign text, beside the IndexOf baseline.</summary>
internal static class ScorerSpeed
{
    public static int Run(string[] args)
    {
        var scorer = RuleSetLoader.LoadBuiltin().Rules.First(r => r.Scorer is not null).Scorer!;
        // --model PATH: time another model file (e.g. one trained with other --bits) at its own threshold.
        if (Array.IndexOf(args, "--model") is var m and >= 0 && m + 1 < args.Length)
        {
            var model = LinearModelFile.Read(File.ReadAllBytes(args[m + 1]), args[m + 1]);
            scorer = new RuleScorer("file", model, model.Threshold);
        }
        var text = QualityCorpus.BenignText(64 * 1024);
        var flagged = new List<ScoredWindow>();
        var sink = 0;
        const int N = 3000;
        var scorerTimes = new double[N];
        var baseline = new double[N];
        var hashing = new double[N];
        for (var i = 0; i < N + 300; i++)
        {
            var t0 = Stopwatch.GetTimestamp();
            sink += text.AsSpan().IndexOf("-----BEGIN".AsSpan(), StringComparison.OrdinalIgnoreCase);
            var t1 = Stopwatch.GetTimestamp();
            flagged.Clear();
            WindowScorer.Flag(scorer.Model, text, scorer.Threshold, flagged);
            var t2 = Stopwatch.GetTimestamp();
            sink += flagged.Count;
            var counting = new CountingSink();
            var reader = new FeatureReader(scorer.Model.BucketBits);
            reader.Read(text, ref counting);
            reader.Finish(ref counting);
            sink += (int)counting.Sum;
            var t3 = Stopwatch.GetTimestamp();
            if (i < 300) continue;
            baseline[i - 300] = Stopwatch.GetElapsedTime(t0, t1).TotalMilliseconds;
            scorerTimes[i - 300] = Stopwatch.GetElapsedTime(t1, t2).TotalMilliseconds;
            hashing[i - 300] = Stopwatch.GetElapsedTime(t2, t3).TotalMilliseconds;
        }
        Console.WriteLine($"learned scorer over 64 KiB: median {Stats.F(Stats.Median(scorerTimes), "0.000")} ms, p99 {Stats.F(Stats.Percentile(scorerTimes, 99), "0.000")} ms; IndexOf baseline median {Stats.F(Stats.Median(baseline), "0.000")} ms; the feature pass alone (no weights, no windows) median {Stats.F(Stats.Median(hashing), "0.000")} ms (checksum {sink})");
        return 0;
    }
}
