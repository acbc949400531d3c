// Daemon API latency for listing 10,000 pearls (GET /v1/pearls?limit=10000) over loopback TCP and the Unix socket,
// against the same query on the store in process, measured alternately in the same run. Needs the installed th
// (./install.sh --prefix "$PWD/artifacts/test-install/bin" --skip-system-packages) or --th PATH.
// With --concurrency [--provider direct|bubblewrap]: the concurrency curve instead (ConcurrencyCurve.cs).
using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Headers;
using System.Text.Json;
using Smooth.Bench;
using Smooth.Core.Net;
using Smooth.Core.Processes;
using Smooth.Pearls.Model;
using Smooth.Pearls.Storage;

var th = Path.GetFullPath(args.SkipWhile(a => a != "--th").Skip(1).FirstOrDefault() ?? Path.Combine("artifacts", "test-install", "bin", "th"));
if (args.Contains("--concurrency"))
{
    await ConcurrencyCurve.RunAsync(th, args.SkipWhile(a => a != "--provider").Skip(1).FirstOrDefault() ?? "direct");
    return;
}
var root = Path.Combine(Path.GetTempPath(), $"smooth-orch-bench-{Guid.NewGuid():N}"[..30]);
var repo = Path.Combine(root, "repo");
var home = Path.Combine(root, "home");
Directory.CreateDirectory(repo);
Directory.CreateDirectory(home);
var env = new Dictionary<string, string?> { ["HOME"] = home, ["NO_COLOR"] = "1" };
async Task<string> Th(params string[] a) => (await ProcessRunner.RunCheckedAsync(th, a, new ProcessOptions { WorkingDirectory = repo, Environment = env }, CancellationToken.None)).StandardOutput;
try
{
    await ProcessRunner.RunCheckedAsync("git", ["init", "-q"], new ProcessOptions { WorkingDirectory = repo }, CancellationToken.None);
    await ProcessRunner.RunCheckedAsync("git", ["-c", "user.name=b", "-c", "user.email=b@b", "commit", "-q", "--allow-empty", "-m", "init"], new ProcessOptions { WorkingDirectory = repo }, CancellationToken.None);
    await Th("init");
    await using var store = await SqlitePearlStore.OpenAsync(Path.Combine(repo, ".smooth", "pearls.db"), "bench");
    for (var i = 0; i < 10_000; i++) await store.CreateAsync(new NewPearl { Title = $"pearl {i}", Description = "some text to list", Priority = i % 5 }, CancellationToken.None);
    var up = JsonDocument.Parse(await Th("up", "direct", "--port", "0", "--archivist-port", "0", "--json")).RootElement;
    var api = up.GetProperty("daemon").GetProperty("apiUrl").GetString()!;
    var token = (await File.ReadAllTextAsync(Path.Combine(home, ".smooth", "daemon.token"))).Trim();
    using var tcp = new HttpClient { BaseAddress = new Uri(api) };
    using var unix = UnixSocketHttp.CreateClient(Path.Combine(home, ".smooth", "daemon.sock"));
    unix.BaseAddress = new Uri("http://127.0.0.1/");
    foreach (var c in new[] { tcp, unix }) c.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
    unix.DefaultRequestHeaders.Host = "127.0.0.1";

    async Task<int> List(HttpClient c)
    {
        using var r = await c.GetAsync("/v1/pearls?limit=10000");
        r.EnsureSuccessStatusCode();
        var body = await r.Content.ReadAsByteArrayAsync();
        return body.Length;
    }
    var size = await List(tcp);
    var samples = new Dictionary<string, List<double>> { ["store in process"] = [], ["GET over TCP"] = [], ["GET over Unix socket"] = [], ["GET /v1/status (TCP)"] = [] };
    for (var round = 0; round < 60; round++)
    {
        var sw = Stopwatch.StartNew();
        var n = (await store.SearchAsync(new PearlFilter { Limit = 10_000 }, CancellationToken.None)).Count;
        if (round >= 5) samples["store in process"].Add(sw.Elapsed.TotalMilliseconds);
        sw.Restart();
        await List(tcp);
        if (round >= 5) samples["GET over TCP"].Add(sw.Elapsed.TotalMilliseconds);
        sw.Restart();
        await List(unix);
        if (round >= 5) samples["GET over Unix socket"].Add(sw.Elapsed.TotalMilliseconds);
        sw.Restart();
        (await tcp.GetAsync("/v1/status")).Dispose();
        if (round >= 5) samples["GET /v1/status (TCP)"].Add(sw.Elapsed.TotalMilliseconds);
        if (n != 10_000) throw new InvalidOperationException($"expected 10000 pearls, got {n}");
    }
    var baseline = Stats.Median([.. samples["store in process"]]);
    Console.WriteLine($"10,000 pearls, response {size / 1024} KiB; 55 rounds after 5 warm-up");
    Console.WriteLine("| list 10,000 pearls (ms) | median | p99 | median vs store in process |");
    Console.WriteLine("|---|---|---|---|");
    foreach (var (name, v) in samples)
    {
        var a = v.ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Stats.Median(a):0.0} | {Stats.Percentile(a, 99):0.0} | {Stats.Median(a) / baseline:0.00}x |"));
    }
}
finally
{
    try { await Th("down"); } catch (Exception) { }
    try { Directory.Delete(root, recursive: true); } catch (Exception) { }
}
