using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Server.Kestrel.Core;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Smooth.Egress;

// Egress benchmark: the same loopback Kestrel server reached directly (baseline), through the proxy's Unix socket,
// and through the full in-sandbox path (the bridge's TCP listener, handed to the proxy as th sandbox run does; with
// --relay the bridge relays each connection to the proxy's Unix socket instead), all in one run. Plain HTTP (the proxy
// parses every request) and HTTPS (the proxy opens one CONNECT tunnel per connection and then only relays bytes;
// the path most real egress takes), each against its own direct baseline.
// The proxy and the bridge run as child processes with the socket settings `th egress serve` and `th egress bridge`
// give themselves (as deployed: neither shares a runtime with the client or the server). A last row puts a minimal C
// relay (floor-relay.c: no parsing, no policy) in the proxy's place: the cost of any relay hop on these cores; rows after
// the --compare row do the same on io_uring (floor-relay-uring.c, one row per --uring MODE, default single+defer). Two rows
// reach the server by name through the proxy (resolved by the system resolver, --name HOST, default localhost), with the
// proxy's resolution cache on and, in a second proxy process, off. The client and the server
// run in this process with default settings for every path. --in-process hosts both here instead.
//   dotnet run -c Release --project bench/Egress.Bench [-- --quick] [--in-process] [--relay] [--rounds N] [--requests N] [--compare EXE] [--debug] [--name HOST] [--uring MODE,...]
if (args.Length > 0 && args[0] is "--serve-proxy" or "--serve-bridge") return await ChildHost.RunAsync(args);
if (args.Length > 0 && args[0] is "--serve-blind")
{
    SocketTuning.EnableInlineCompletions();
    return await BlindRelay.RunAsync(args[1], int.Parse(args[2], CultureInfo.InvariantCulture));
}
var quick = args.Contains("--quick");
var inProcess = args.Contains("--in-process");
var latencyRequests = quick ? 1000 : 3000;
// --requests N: a longer throughput run per round (steadier CPU per request on a busy machine).
var throughputRequests = args.SkipWhile(a => a != "--requests").Skip(1).FirstOrDefault() is { } requestsArg
    ? int.Parse(requestsArg, CultureInfo.InvariantCulture) : quick ? 4000 : 10000;
var largeSize = 64 * 1024 * 1024;
// --no-large skips the 64 MiB downloads (for counting the proxy's work per small request).
var largeCount = args.Contains("--no-large") ? 0 : quick ? 3 : 5;
const int concurrency = 16;

var builder = WebApplication.CreateSlimBuilder();
builder.Logging.ClearProviders();
using var certificate = SelfSigned();
builder.WebHost.ConfigureKestrel(o =>
{
    o.Listen(IPAddress.Loopback, 0, l => l.Protocols = HttpProtocols.Http1);
    o.Listen(IPAddress.Loopback, 0, l =>
    {
        l.Protocols = HttpProtocols.Http1;
        l.UseHttps(certificate);
    });
});
var app = builder.Build();
var small = "hello, world\n"u8.ToArray();
var large = new byte[largeSize];
var connections = new System.Collections.Concurrent.ConcurrentDictionary<string, byte>();
app.Use(async (c, next) => { connections.TryAdd(c.Connection.Id, 0); await next(c); });
app.MapGet("/small", (HttpContext c) => c.Response.Body.WriteAsync(small).AsTask());
app.MapGet("/large", async (HttpContext c) =>
{
    c.Response.ContentLength = large.Length;
    await c.Response.Body.WriteAsync(large);
});
await app.StartAsync();
var addresses = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Select(a => new Uri(a)).ToList();
var port = addresses.First(a => a.Scheme == "http").Port;
var tlsPort = addresses.First(a => a.Scheme == "https").Port;
var plainUrl = $"http://127.0.0.1:{port}";
var tlsUrl = $"https://127.0.0.1:{tlsPort}";

var dir = Path.Combine(Path.GetTempPath(), "smooth-egress-bench-" + Environment.ProcessId);
Directory.CreateDirectory(dir);
var socketPath = Path.Combine(dir, "egress.sock");
// The name rows ask for the server by a name the system resolver answers from /etc/hosts (--name HOST, default
// localhost), allowed by a rule that names the address it resolves to.
var nameHost = args.SkipWhile(a => a != "--name").Skip(1).FirstOrDefault() ?? "localhost";
var nameUrl = $"http://{nameHost}:{port}";
string[] rules = [$"127.0.0.1:{port}", $"127.0.0.1:{tlsPort}", $"name={nameHost}:{port}"];
// As th sandbox run does it, the bridge hands its listener to the proxy (no relay on the path); --relay relays instead.
var handover = args.Contains("--relay") ? null : Path.Combine(dir, "handover.sock");
var cacheTtl = new EgressProxyOptions().ResolutionCacheTtl;
var cacheTtlMs = ((int)cacheTtl.TotalMilliseconds).ToString(CultureInfo.InvariantCulture);
await using var proxy = inProcess ? await ChildHost.InProcessProxyAsync(socketPath, handover, cacheTtl, rules) : await ChildHost.StartAsync(["--serve-proxy", socketPath, handover ?? "-", cacheTtlMs, .. rules]);
// The same proxy with the resolution cache off, for the name row that resolves on every request.
var uncachedSocket = Path.Combine(dir, "egress-uncached.sock");
await using var uncached = inProcess ? await ChildHost.InProcessProxyAsync(uncachedSocket, null, TimeSpan.Zero, rules) : await ChildHost.StartAsync(["--serve-proxy", uncachedSocket, "-", "0", .. rules]);
await using var bridge = inProcess ? await ChildHost.InProcessBridgeAsync(socketPath, handover) : await ChildHost.StartAsync(["--serve-bridge", socketPath, handover ?? "-"]);
var bridgeUrl = new Uri($"http://127.0.0.1:{bridge.Port}");
// The floor of a relay hop: a minimal C relay (no parsing, no policy) on its own Unix socket, piping to the server.
var floorSocket = Path.Combine(dir, "floor.sock");
await using var floor = await FloorRelayAsync(dir, "floor-relay", floorSocket, port, null) ?? throw new InvalidOperationException("gcc could not build floor-relay.c (install.sh installs gcc)");
// The same floor on io_uring, one relay per mode (floor-relay-uring.c's MODE with '+' for ','); a machine without gcc
// or io_uring runs the other rows without these.
var uringModes = (args.SkipWhile(a => a != "--uring").Skip(1).FirstOrDefault() ?? "single+defer").Split(',');
var uring = new List<(string Mode, string Socket, ChildHost Host)>();
foreach (var mode in uringModes)
{
    var uringSocket = Path.Combine(dir, $"floor-uring-{uring.Count}.sock");
    if (await FloorRelayAsync(dir, "floor-relay-uring", uringSocket, port, mode) is { } host) uring.Add((mode, uringSocket, host));
    else Console.WriteLine($"# io_uring floor ({mode}) skipped: floor-relay-uring.c did not build or start");
}
var blindSocket = Path.Combine(dir, "blind.sock");
await using var blind = await ChildHost.StartAsync(["--serve-blind", blindSocket, port.ToString(CultureInfo.InvariantCulture)]);
// --compare EXE: the proxy of another build (EXE is that build's Smooth.Egress.Bench) on its own Unix socket, as the
// last row: a change and the code before it measured in the same rounds, under the same load from other processes.
var compareExe = args.SkipWhile(a => a != "--compare").Skip(1).FirstOrDefault();
var compareSocket = Path.Combine(dir, "egress-compare.sock");
await using var compare = compareExe is null ? null : await ChildHost.StartAsync(compareExe, ["--serve-proxy", compareSocket, "-", cacheTtlMs, .. rules]);

(string Name, Func<HttpClient> Client, string Url, int Baseline)[] paths =
[
    ("direct", () => Client(null, null), plainUrl, 0),
    ("proxy (unix socket)", () => Client(new FixedProxy(), socketPath), plainUrl, 0),
    ("bridge + proxy", () => Client(new FixedProxy(bridgeUrl), null), plainUrl, 0),
    ("HTTPS direct", () => Client(null, null), tlsUrl, 3),
    ("HTTPS proxy tunnel (unix socket)", () => Client(new FixedProxy(), socketPath), tlsUrl, 3),
    ("HTTPS bridge + proxy tunnel", () => Client(new FixedProxy(bridgeUrl), null), tlsUrl, 3),
    ("floor: C relay, no parsing (unix socket)", () => Client(new FixedProxy(), floorSocket), plainUrl, 0),
    ("floor: .NET relay, no parsing (unix socket)", () => Client(new FixedProxy(), blindSocket), plainUrl, 0),
    ($"proxy, by name ({nameHost}), resolution cache on", () => Client(new FixedProxy(), socketPath), nameUrl, 0),
    ($"proxy, by name ({nameHost}), resolution cache off", () => Client(new FixedProxy(), uncachedSocket), nameUrl, 0),
    ("proxy (unix socket), --compare build", () => Client(new FixedProxy(), compareSocket), plainUrl, 0),
    .. uring.Select(u => ($"floor: C relay on io_uring, {u.Mode} (unix socket)", (Func<HttpClient>)(() => Client(new FixedProxy(), u.Socket)), plainUrl, 0)),
];
var firstUring = paths.Length - uring.Count;

Console.WriteLine($"# Egress benchmark ({(quick ? "quick" : "full")}, proxy and bridge {(inProcess ? "in this process" : "in child processes")}): {Environment.ProcessorCount} cores, .NET {Environment.Version}, load average {LoadAverage()}");
// Rounds alternate between the paths so that load from other processes hits all of them alike.
// --rounds N: more rounds for a steadier median on a busy machine; --debug prints each round's figures.
var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).FirstOrDefault() is { } roundsArg ? int.Parse(roundsArg, CultureInfo.InvariantCulture) : 3;
var perPath = paths.Select(_ => new List<Result>()).ToArray();
var clients = paths.Select(p => p.Client()).ToArray();
// --paths 0,1 runs only those rows (for profiling one path); a row's baseline must be among them for its ratio.
var only = args.SkipWhile(a => a != "--paths").Skip(1).FirstOrDefault()?.Split(',').Select(int.Parse).ToHashSet();
// Warm-up of every path before any measurement: the client, the server and the child processes start with
// unoptimised code, and tiered compilation needs many calls and some time to reach the optimised code.
for (var pi = 0; pi < paths.Length; pi++)
{
    if (only is not null && !only.Contains(pi) || Skipped(pi)) continue;
    await SmallRequestsAsync(clients[pi], paths[pi].Url, quick ? 2000 : 5000);
}
await Task.Delay(1000);
for (var round = 0; round < rounds; round++)
for (var pi = 0; pi < paths.Length; pi++)
{
    if (only is not null && !only.Contains(pi) || Skipped(pi)) continue;
    var name = paths[pi].Name;
    var client = clients[pi];
    var baseUrl = paths[pi].Url;
    for (var i = 0; i < (round == 0 ? 500 : 50); i++) await (await client.GetAsync(baseUrl + "/small")).Content.ReadAsByteArrayAsync(); // warm-up
    if (largeCount > 0) await (await client.GetAsync(baseUrl + "/large")).Content.ReadAsByteArrayAsync();

    var latencies = new double[latencyRequests];
    for (var i = 0; i < latencyRequests; i++)
    {
        var t = Stopwatch.GetTimestamp();
        using var r = await client.GetAsync(baseUrl + "/small");
        await r.Content.ReadAsByteArrayAsync();
        latencies[i] = Stopwatch.GetElapsedTime(t).TotalMicroseconds;
    }
    Array.Sort(latencies);

    // CPU time per small request of each process over the throughput run: the proxy's own cost, free of the noise
    // that other machine load puts into req/s.
    // The floor relay's CPU is reported in the proxy column: it stands in the proxy's place on its path.
    var hop = pi >= firstUring ? uring[pi - firstUring].Host : paths[pi].Name.StartsWith("floor: C", StringComparison.Ordinal) ? floor : paths[pi].Name.StartsWith("floor", StringComparison.Ordinal) ? blind
        : paths[pi].Name.EndsWith("cache off", StringComparison.Ordinal) ? uncached : paths[pi].Name.EndsWith("--compare build", StringComparison.Ordinal) ? compare : proxy;
    var cpu = (Self: Cpu(null), Proxy: Cpu(hop), Bridge: Cpu(bridge));
    var sw = Stopwatch.StartNew();
    await SmallRequestsAsync(client, baseUrl, throughputRequests);
    var rps = throughputRequests / sw.Elapsed.TotalSeconds;
    var perRequest = (Self: (Cpu(null) - cpu.Self) / throughputRequests, Proxy: (Cpu(hop) - cpu.Proxy) / throughputRequests, Bridge: (Cpu(bridge) - cpu.Bridge) / throughputRequests);

    var buffer = new byte[256 * 1024];
    var mbps = new List<double>();
    for (var i = 0; i < largeCount; i++)
    {
        var t = Stopwatch.GetTimestamp();
        using var r = await client.GetAsync(baseUrl + "/large", HttpCompletionOption.ResponseHeadersRead);
        await using var s = await r.Content.ReadAsStreamAsync();
        long total = 0;
        int n;
        while ((n = await s.ReadAsync(buffer)) > 0) total += n;
        if (total != largeSize) throw new InvalidOperationException($"short body: {total}");
        mbps.Add(largeSize / 1048576.0 / Stopwatch.GetElapsedTime(t).TotalSeconds);
    }
    if (mbps.Count == 0) mbps.Add(0);
    mbps.Sort();
    if (args.Contains("--debug")) Console.WriteLine($"round {round} {name}: {rps:0} req/s, p50 {latencies[latencies.Length / 2]:0} µs, cpu {perRequest.Self:0.0}+{perRequest.Proxy:0.0}, {connections.Count} upstream connections so far");
    perPath[pi].Add(new Result(name, latencies[latencies.Length / 2], latencies[(int)(latencies.Length * 0.99)], rps, mbps[mbps.Count / 2],
        perRequest.Self, perRequest.Proxy, perRequest.Bridge));
}
static double Median(IEnumerable<double> xs) { var a = xs.OrderBy(x => x).ToArray(); return a[a.Length / 2]; }
var results = perPath.Select(rs => rs.Count == 0 ? null : new Result(rs[0].Name, Median(rs.Select(r => r.P50)), Median(rs.Select(r => r.P99)), Median(rs.Select(r => r.Rps)), Median(rs.Select(r => r.MBps)),
    Median(rs.Select(r => r.SelfCpu)), Median(rs.Select(r => r.ProxyCpu)), Median(rs.Select(r => r.BridgeCpu)))).ToList();

Console.WriteLine();
Console.WriteLine("| path | p50 latency | p99 latency | added p50 | small req/s (16 conc.) | vs direct | large MB/s (median) | vs direct | CPU µs/req client+server, proxy, bridge |");
Console.WriteLine("|---|---|---|---|---|---|---|---|---|");
for (var i = 0; i < results.Count; i++)
{
    if (results[i] is not { } r) continue;
    var baseline = results[paths[i].Baseline] ?? r;
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
        $"| {r.Name} | {r.P50:0} µs | {r.P99:0} µs | {(r.P50 - baseline.P50):+0;-0;0} µs | {r.Rps:0} | {r.Rps / baseline.Rps:P0} | {r.MBps:0} | {r.MBps / baseline.MBps:P0} | {r.SelfCpu:0}, {r.ProxyCpu:0}, {r.BridgeCpu:0} |"));
}

Console.WriteLine($"load average after the run: {LoadAverage()}");
foreach (var u in uring) await u.Host.DisposeAsync();
await app.StopAsync();
Directory.Delete(dir, recursive: true);
return 0;

// The --compare row exists only with --compare.
bool Skipped(int pi) => compare is null && paths[pi].Name.EndsWith("--compare build", StringComparison.Ordinal);

// count small requests over `concurrency` kept-alive connections.
async Task SmallRequestsAsync(HttpClient client, string baseUrl, int count)
{
    var next = -1;
    await Task.WhenAll(Enumerable.Range(0, concurrency).Select(async _ =>
    {
        while (Interlocked.Increment(ref next) < count)
        {
            using var r = await client.GetAsync(baseUrl + "/small");
            await r.Content.ReadAsByteArrayAsync();
        }
    }));
}

// Compiles NAME.c (copied beside the program) with gcc from PATH, once per run, and starts it (with MODE, '+' read as
// ','); null if gcc is missing, the compile fails or the relay does not start (io_uring off, for one).
static async Task<ChildHost?> FloorRelayAsync(string dir, string name, string socketPath, int port, string? mode)
{
    var exe = Path.Combine(dir, name);
    try
    {
        if (!File.Exists(exe))
        {
            using var cc = Process.Start("gcc", ["-O2", "-Wall", "-o", exe, Path.Combine(AppContext.BaseDirectory, name + ".c")]);
            await cc.WaitForExitAsync();
            if (cc.ExitCode != 0) return null;
        }
        return await ChildHost.StartAsync(exe, [socketPath, port.ToString(CultureInfo.InvariantCulture), .. mode is null ? [] : new[] { mode.Replace('+', ',') }]);
    }
    catch (Exception e) when (e is System.ComponentModel.Win32Exception or InvalidOperationException)
    {
        return null;
    }
}

// CPU microseconds used so far by this process (null) or by a child host; 0 for a host inside this process.
static double Cpu(ChildHost? host) => host is null ? Process.GetCurrentProcess().TotalProcessorTime.TotalMicroseconds : host.CpuMicroseconds();

static string LoadAverage() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "n/a";

static HttpClient Client(IWebProxy? proxy, string? unixSocket)
{
    var handler = new SocketsHttpHandler { UseProxy = proxy is not null, Proxy = proxy, MaxConnectionsPerServer = 64 };
    // The bench server's certificate is self-signed for this run only.
    handler.SslOptions.RemoteCertificateValidationCallback = (_, _, _, _) => true;
    if (unixSocket is not null)
    {
        // The handler believes it talks to an HTTP proxy; the bytes go to the proxy's Unix socket.
        handler.ConnectCallback = async (_, ct) =>
        {
            var s = new Socket(AddressFamily.Unix, SocketType.Stream, ProtocolType.Unspecified);
            await s.ConnectAsync(new UnixDomainSocketEndPoint(unixSocket), ct);
            return new NetworkStream(s, ownsSocket: true);
        };
    }
    return new HttpClient(handler);
}

// A throwaway certificate for 127.0.0.1, made in memory for this run.
static System.Security.Cryptography.X509Certificates.X509Certificate2 SelfSigned()
{
    using var rsa = System.Security.Cryptography.RSA.Create(2048);
    var request = new System.Security.Cryptography.X509Certificates.CertificateRequest("CN=127.0.0.1", rsa,
        System.Security.Cryptography.HashAlgorithmName.SHA256, System.Security.Cryptography.RSASignaturePadding.Pkcs1);
    var san = new System.Security.Cryptography.X509Certificates.SubjectAlternativeNameBuilder();
    san.AddIpAddress(IPAddress.Loopback);
    request.CertificateExtensions.Add(san.Build());
    using var cert = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddDays(1));
    return System.Security.Cryptography.X509Certificates.X509CertificateLoader.LoadPkcs12(cert.Export(System.Security.Cryptography.X509Certificates.X509ContentType.Pfx), null);
}

sealed record Result(string Name, double P50, double P99, double Rps, double MBps, double SelfCpu, double ProxyCpu, double BridgeCpu);

/// <summary>A proxy setting that never bypasses loopback (WebProxy does).</summary>
sealed class FixedProxy(Uri? uri = null) : IWebProxy
{
    public ICredentials? Credentials { get; set; }
    public Uri GetProxy(Uri destination) => uri ?? new Uri("http://egress-proxy.invalid:3128");
    public bool IsBypassed(Uri host) => false;
}
