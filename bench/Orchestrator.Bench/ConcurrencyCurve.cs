// The daemon under load: the same batch of pearls dispatched with th run --ready through th up at concurrency caps
// 1, 2, 4 and 8. Each run is one operator process in a sandbox answering one scripted model turn (the scripted model
// server answers at once, so what is measured is the crew: daemon, sandboxes, operators). Reports throughput, run
// latency and resident memory per operator and of the daemon, with cap 1 (one operator at a time) as the baseline.
using System.Diagnostics;
using System.Globalization;
using System.Text;
using System.Text.Json;
using Smooth.Bench;
using Smooth.Core.Processes;
using Smooth.Llm.Scripted;
using Smooth.Orchestrator.Runs;
using Smooth.Pearls.Model;
using Smooth.Pearls.Storage;

internal static class ConcurrencyCurve
{
    private const int Pearls = 24;

    public static async Task RunAsync(string th, string provider)
    {
        Console.WriteLine($"{Pearls} pearls per cap, provider {provider}, one scripted model turn per run");
        Console.WriteLine("| cap | wall (s) | runs/min | speed-up vs cap 1 | run latency median (s) | p99 | operators seen at once | operator RSS median (MiB) | max | daemon RSS peak (MiB) | all operators at peak (MiB) |");
        Console.WriteLine("|---|---|---|---|---|---|---|---|---|---|---|");
        double? baseline = null;
        foreach (var cap in new[] { 1, 2, 4, 8 })
        {
            var r = await OneAsync(th, provider, cap);
            baseline ??= r.RunsPerMinute;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {cap} | {r.Wall:0.0} | {r.RunsPerMinute:0.0} | {r.RunsPerMinute / baseline:0.00}x | {r.LatencyMedian:0.00} | {r.LatencyP99:0.00} | {r.MaxConcurrent} | {r.OperatorRssMedian:0.0} | {r.OperatorRssMax:0.0} | {r.DaemonRssPeak:0.0} | {r.OperatorsAtPeak:0.0} |"));
        }
    }

    private sealed record Result(double Wall, double RunsPerMinute, double LatencyMedian, double LatencyP99, int MaxConcurrent,
        double OperatorRssMedian, double OperatorRssMax, double DaemonRssPeak, double OperatorsAtPeak);

    private static async Task<Result> OneAsync(string th, string provider, int cap)
    {
        var root = Path.Combine(Path.GetTempPath(), $"smooth-curve-{Guid.NewGuid():N}"[..26]);
        var repo = Path.Combine(root, "repo");
        var home = Path.Combine(root, "home");
        Directory.CreateDirectory(repo);
        Directory.CreateDirectory(Path.Combine(home, ".smooth"));
        var env = new Dictionary<string, string?> { ["HOME"] = home, ["NO_COLOR"] = "1" };
        async Task<string> Th(params string[] a) => (await ProcessRunner.RunCheckedAsync(th, a, new ProcessOptions { WorkingDirectory = repo, Environment = env, Timeout = TimeSpan.FromMinutes(5) }, CancellationToken.None)).StandardOutput;
        var script = new StringBuilder("turns:\n");
        for (var i = 0; i < Pearls; i++) script.Append("  - respond: {content: \"done\"}\n");
        await using var model = await ScriptedModelServer.StartAsync(ScriptLoader.Parse(script.ToString(), "curve"), ListenAddress.Loopback);
        await ScriptedRouting.WriteAsync(Path.Combine(home, ".smooth", "providers.json"), model.BaseUrl, CancellationToken.None, apiKey: "sk-bench-000000000000");
        try
        {
            await ProcessRunner.RunCheckedAsync("git", ["init", "-q"], new ProcessOptions { WorkingDirectory = repo }, CancellationToken.None);
            await File.WriteAllTextAsync(Path.Combine(repo, "README.md"), "bench\n");
            await ProcessRunner.RunCheckedAsync("git", ["-c", "user.name=b", "-c", "user.email=b@b", "commit", "-q", "-am", "init", "--allow-empty"], new ProcessOptions { WorkingDirectory = repo }, CancellationToken.None);
            await Th("init");
            var state = Path.Combine(repo, ".smooth");
            await using (var store = await SqlitePearlStore.OpenAsync(Path.Combine(state, "pearls.db"), "bench"))
            {
                // "test:" with nothing after it: no governor, one model answer per run.
                for (var i = 0; i < Pearls; i++) await store.CreateAsync(new NewPearl { Title = $"chore {i}", Description = "test: " }, CancellationToken.None);
            }
            var upArgs = provider == "direct" ? new[] { "up", "direct" } : ["up"];
            var up = JsonDocument.Parse(await Th([.. upArgs, "--port", "0", "--archivist-port", "0", "--max-concurrent", cap.ToString(CultureInfo.InvariantCulture), "--json"])).RootElement;
            var daemonPid = up.GetProperty("daemon").GetProperty("pid").GetInt32();
            try
            {
                var sampler = new MemorySampler(daemonPid);
                using var stop = new CancellationTokenSource();
                var sampling = Task.Run(() => sampler.RunAsync(stop.Token));
                var watch = Stopwatch.StartNew();
                await Th("run", "--ready", "--json");
                IReadOnlyList<RunRecord> runs;
                while (true)
                {
                    await using (var queue = await RunQueue.OpenAsync(state, CancellationToken.None))
                    {
                        runs = await queue.ListAsync(null, 10_000, CancellationToken.None);
                    }
                    if (runs.Count == Pearls && runs.All(r => r.State is not (RunState.Queued or RunState.Running))) break;
                    if (watch.Elapsed > TimeSpan.FromMinutes(10)) throw new TimeoutException("the runs did not finish in 10 minutes");
                    await Task.Delay(100);
                }
                var wall = watch.Elapsed.TotalSeconds;
                await stop.CancelAsync();
                await sampling;
                var failed = runs.Count(r => r.State != RunState.Finished);
                if (failed > 0) Console.Error.WriteLine($"cap {cap}: {failed} run(s) did not finish: {string.Join("; ", runs.Where(r => r.State != RunState.Finished).Select(r => r.Result).Distinct())}");
                var latency = runs.Where(r => r.EndedAt is not null).Select(r => (r.EndedAt!.Value - r.CreatedAt).TotalSeconds).ToArray();
                var rss = sampler.OperatorPeaks.Values.Select(k => k / 1024.0).ToArray();
                return new Result(wall, Pearls / wall * 60, Stats.Median(latency), Stats.Percentile(latency, 99), sampler.MaxConcurrent,
                    rss.Length == 0 ? 0 : Stats.Median(rss), rss.Length == 0 ? 0 : rss.Max(), sampler.DaemonPeak / 1024.0, sampler.OperatorsAtPeak / 1024.0);
            }
            finally
            {
                try { await Th("down"); } catch (Exception) { }
            }
        }
        finally
        {
            try { Directory.Delete(root, recursive: true); } catch (Exception) { }
        }
    }

    /// <summary>Samples /proc every 50 ms: each operator process's peak RSS, the daemon's, and the most operators alive at once.</summary>
    private sealed class MemorySampler(int daemonPid)
    {
        public Dictionary<int, long> OperatorPeaks { get; } = [];
        public long DaemonPeak { get; private set; }
        public int MaxConcurrent { get; private set; }
        public long OperatorsAtPeak { get; private set; }

        public async Task RunAsync(CancellationToken ct)
        {
            while (!ct.IsCancellationRequested)
            {
                var alive = 0;
                long total = 0;
                foreach (var dir in Directory.EnumerateDirectories("/proc"))
                {
                    if (!int.TryParse(Path.GetFileName(dir), out var pid)) continue;
                    string cmdline;
                    try { cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")); } catch (IOException) { continue; } catch (UnauthorizedAccessException) { continue; }
                    if (pid == daemonPid)
                    {
                        DaemonPeak = Math.Max(DaemonPeak, Rss(dir));
                        continue;
                    }
                    // The operator is 'th operator run' (the bridge and bwrap wrap it; only the operator itself counts).
                    var parts = cmdline.Split('\0');
                    if (parts.Length < 3 || !parts[0].EndsWith("/th", StringComparison.Ordinal) || parts[1] != "operator" || parts[2] != "run") continue;
                    var kib = Rss(dir);
                    if (kib == 0) continue;
                    alive++;
                    total += kib;
                    OperatorPeaks[pid] = Math.Max(OperatorPeaks.GetValueOrDefault(pid), kib);
                }
                if (alive > MaxConcurrent) MaxConcurrent = alive;
                if (total > OperatorsAtPeak) OperatorsAtPeak = total;
                try { await Task.Delay(50, ct); } catch (OperationCanceledException) { return; }
            }
        }

        private static long Rss(string dir)
        {
            try
            {
                foreach (var line in File.ReadLines(Path.Combine(dir, "status")))
                {
                    if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) return long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture);
                }
            }
            catch (IOException) { }
            return 0;
        }
    }
}
