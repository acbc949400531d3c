using System.Diagnostics;
using System.Net.Http.Headers;
using Smooth.Audit.Scribe;
using Smooth.Audit.Server;
using Smooth.Audit.Store;
using Smooth.Bench;
using Smooth.Core.Events;

// Events per second through Scribe -> Archivist (hash-chained SQLite) -> SSE, with every event checked for arrival,
// against the baseline of appending the same events straight into the store in the same run.
const int Events = 50_000;
const int Rounds = 3;
const string Token = "bench-token-0123456789abcdef";

static SmoothEvent Make(int i) => SmoothEvent.Create("tool.call.completed", "operator",
    new Dictionary<string, string> { ["i"] = i.ToString(), ["tool"] = "bash", ["durationMs"] = "12" });

var baseline = new List<double>();
var pipeline = new List<double>();
for (var round = 0; round < Rounds; round++)
{
    var dir = Path.Combine(Path.GetTempPath(), $"audit-bench-{Guid.NewGuid():N}");
    try
    {
        await using (var direct = await AuditStore.OpenAsync(Path.Combine(dir, "direct"), default))
        {
            var sw = Stopwatch.StartNew();
            for (var i = 0; i < Events; i += ScribeSink.MaxBatch)
            {
                await direct.AppendAsync(Enumerable.Range(i, Math.Min(ScribeSink.MaxBatch, Events - i)).Select(Make).ToList(), default);
            }
            baseline.Add(Events / sw.Elapsed.TotalSeconds);
        }

        await using var store = await AuditStore.OpenAsync(Path.Combine(dir, "pipeline"), default);
        await using var server = await ArchivistServer.StartAsync(store, new ArchivistOptions { Port = 0, Token = Token, PollInterval = TimeSpan.FromMilliseconds(20) }, default);
        using var http = new HttpClient { BaseAddress = server.Address, Timeout = Timeout.InfiniteTimeSpan };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        using var response = await http.GetAsync("/events", HttpCompletionOption.ResponseHeadersRead);
        using var reader = new StreamReader(await response.Content.ReadAsStreamAsync());

        var received = new bool[Events];
        var timer = Stopwatch.StartNew();
        var consumer = Task.Run(async () =>
        {
            var count = 0;
            while (count < Events && await reader.ReadLineAsync() is { } line)
            {
                if (!line.StartsWith("data: ", StringComparison.Ordinal)) continue;
                var at = line.IndexOf("\"i\":\"", StringComparison.Ordinal) + 5;
                var i = int.Parse(line.AsSpan(at, line.IndexOf('"', at) - at));
                if (!received[i]) { received[i] = true; count++; }
            }
            return count;
        });
        await using (var scribe = new ScribeSink(new StoreForwarder(store)))
        {
            for (var i = 0; i < Events; i++) scribe.Emit(Make(i));
            await scribe.FlushAsync(default);
            if (scribe.Dropped != 0) throw new InvalidOperationException($"{scribe.Dropped} events dropped");
        }
        var got = await consumer;
        pipeline.Add(Events / timer.Elapsed.TotalSeconds);
        if (got != Events) throw new InvalidOperationException($"lost events: {Events - got}");
        if (!(await store.VerifyAsync(default)).Ok) throw new InvalidOperationException("chain broken");
    }
    finally
    {
        try { Directory.Delete(dir, true); } catch (IOException) { }
    }
}

var b = baseline.ToArray();
var p = pipeline.ToArray();
Console.WriteLine($"audit: {Events} events x {Rounds} rounds, zero loss verified, chain verified");
Console.WriteLine($"  baseline  direct batched append  : median {Stats.F(Stats.Median(b), "0")} events/s, worst {Stats.F(b.Min(), "0")}");
Console.WriteLine($"  pipeline  Scribe->Archivist->SSE : median {Stats.F(Stats.Median(p), "0")} events/s, worst {Stats.F(p.Min(), "0")}");
Console.WriteLine($"  ratio pipeline/baseline          : {Stats.F(Stats.Median(p) / Stats.Median(b))}");
