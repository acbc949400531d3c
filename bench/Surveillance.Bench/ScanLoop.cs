using System.Diagnostics;
using Smooth.Bench;

namespace Smooth.Surveillance.Bench;

/// <summary>
/// <c>--scan-loop benign|secrets|injection [seconds]</c>: scans one of the speed benchmark's 64 KiB texts over and
/// over (20 s by default), for a profiler to attach to (<c>perf record -p</c>), then reports the scan times split by
/// whether a collection ran inside the scan. It prints "loop starts" on stderr when the steady state begins.
/// </summary>
internal static class ScanLoop
{
    public static int Run(SurveillanceEngine engine, string tool, string text, double seconds)
    {
        for (var i = 0; i < 300; i++) engine.ScanToolResult(tool, text);
        Console.Error.WriteLine("loop starts");
        var clean = new List<double>();
        var collected = new List<double>();
        var gen2 = GC.CollectionCount(2);
        var allocated = GC.GetAllocatedBytesForCurrentThread();
        engine.ScanToolResult(tool, text);
        allocated = GC.GetAllocatedBytesForCurrentThread() - allocated;
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed.TotalSeconds < seconds)
        {
            var before = GC.CollectionCount(0);
            var start = Stopwatch.GetTimestamp();
            engine.ScanToolResult(tool, text);
            var ms = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            (GC.CollectionCount(0) == before ? clean : collected).Add(ms);
        }
        var all = clean.Concat(collected).ToArray();
        Console.WriteLine($"{all.Length} scans: median {Stats.F(Stats.Median(all), "0.000")} ms, p99 {Stats.F(Stats.Percentile(all, 99), "0.000")} ms; " +
            $"{allocated / 1024} KiB allocated by the scan's thread per scan; {collected.Count} with a collection inside (median {Stats.F(collected.Count > 0 ? Stats.Median(collected.ToArray()) : 0, "0.000")} ms); gen2 collections {GC.CollectionCount(2) - gen2}");
        return 0;
    }
}
