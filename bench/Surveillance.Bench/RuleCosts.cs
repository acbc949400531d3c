using System.Diagnostics;
using Smooth.Bench;
using Smooth.Surveillance.Rules;

namespace Smooth.Surveillance.Bench;

/// <summary>
/// <c>--rule-costs [rounds]</c>: what each rule adds to a 64 KiB benign scan, measured as the full rule set's time
/// minus the time of the set without that rule (alternating, median of the rounds). Unlike a rule measured alone, this
/// leaves the shared costs (the keyword pass, the disguise probes) where they are, so the figure is the rule's own.
/// </summary>
internal static class RuleCosts
{
    public static int Run(RuleSet rules, string text, int rounds)
    {
        var full = new SurveillanceEngine(rules);
        var candidates = rules.Rules.Where(r => r.Category is RuleCategory.Secret or RuleCategory.Injection).ToList();
        var without = candidates
            .Select(rule => (rule.Id, Engine: new SurveillanceEngine(RuleSetLoader.Build([new RuleFile { Source = "rule-costs", Rules = [.. rules.Rules.Where(r => r != rule).Select(r => r.Spec)] }]))))
            .ToList();
        for (var i = 0; i < 50; i++)
        {
            full.ScanToolResult("read_file", text);
            foreach (var (_, e) in without) e.ScanToolResult("read_file", text);
        }
        var fullTimes = new List<double>();
        var times = without.Select(_ => new List<double>()).ToArray();
        for (var round = 0; round < rounds; round++)
        {
            for (var k = 0; k < without.Count; k++)
            {
                fullTimes.Add(Time(full, text));
                times[k].Add(Time(without[k].Engine, text));
            }
        }
        var fullMedian = Stats.Median([.. fullTimes]);
        Console.WriteLine($"full set: median {Stats.F(fullMedian, "0.000")} ms over {fullTimes.Count} scans");
        foreach (var (id, ms) in without.Select((w, k) => (w.Id, fullMedian - Stats.Median([.. times[k]]))).OrderByDescending(c => c.Item2).Take(30))
        {
            Console.WriteLine($"  {id}: {Stats.F(ms, "0.000")} ms");
        }
        return 0;
    }

    private static double Time(SurveillanceEngine engine, string text)
    {
        var start = Stopwatch.GetTimestamp();
        engine.ScanToolResult("read_file", text);
        return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
    }
}
