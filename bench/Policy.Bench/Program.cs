// Policy decision latency. Part 1, in process (how the daemon's guards and egress gates decide): per decision, timed in
// batches of 1,000 so the timer's resolution does not dominate, alternating with the baseline (a HashSet lookup of the
// same key). Part 2, over the decision API's Unix socket (how other processes ask): one request at a time, alternating
// with the same questions answered by the DecisionService in process and with GET /v1/health (the transport floor).
using System.Diagnostics;
using System.Globalization;
using System.Net;
using Smooth.Bench;
using Smooth.Egress;
using Smooth.Policy;

var yaml = string.Join('\n', [
    "network:", "  allow:",
    .. Enumerable.Range(0, 40).Select(i => $"    - api{i}.example.com"),
    "    - \"*.pythonhosted.org\"", "    - {host: docs.internal:80, methods: [GET], path: /api}",
    "  deny:", "    - \"*.pastebin.com\"",
    "files:", "  protected: [\"deploy/**\", \"infra/*.tf\"]",
    "commands:", "  deny: [\"git push\", \"npm publish\"]", ""]);
var set = new PolicySet([.. PolicyDefaults.Rules, .. PolicyDocument.Parse(yaml, "project", "bench.yaml", false)]);
var connect = new EgressRequest("files.pythonhosted.org", 443, "connect", null, null, null);
var unknown = new EgressRequest("pypi.org", 443, "connect", null, null, null);
var http = new EgressRequest("docs.internal", 80, "http", "GET", "/api/v1/x", null);
var baseline = new HashSet<string>(Enumerable.Range(0, 60).Select(i => $"k{i}"), StringComparer.Ordinal) { "files.pythonhosted.org:443" };

const int Batch = 1000;
var cases = new (string Name, Func<bool> Act)[]
{
    ("baseline: HashSet lookup", () => baseline.Contains("files.pythonhosted.org:443")),
    ("network, allowed by a wildcard (43 allow rules)", () => set.Network(connect).Allowed),
    ("network, no rule allows it (ask)", () => set.Network(unknown).Allowed),
    ("network, plain HTTP with method and path", () => set.Network(http).Allowed),
    ("write path (13 protected globs)", () => set.Write("src/app/Program.cs").Allowed),
    ("command (2 deny fragments)", () => set.Command("dotnet test --no-build -c Release").Allowed),
    ("tool", () => set.Tool("bash").Allowed),
};
var results = cases.ToDictionary(c => c.Name, _ => new List<double>());
for (var round = 0; round < 400; round++)
{
    foreach (var (name, act) in cases)
    {
        var sw = Stopwatch.StartNew();
        for (var i = 0; i < Batch; i++) act();
        if (round >= 20) results[name].Add(sw.Elapsed.TotalMilliseconds * 1000 / Batch); // µs per decision
    }
}
var b = Stats.Median([.. results[cases[0].Name]]);
Console.WriteLine("| decision (µs each) | median | p99 | median vs baseline |");
Console.WriteLine("|---|---|---|---|");
foreach (var (name, _) in cases)
{
    var v = results[name].ToArray();
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Stats.Median(v):0.000} | {Stats.Percentile(v, 99):0.000} | {Stats.Median(v) / b:0.0}x |"));
}

// Part 2: the decision API over its Unix socket.
var root = Path.Combine(Path.GetTempPath(), $"smooth-policy-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(Path.Combine(root, ".smooth"));
File.WriteAllText(Path.Combine(root, ".smooth", "policy.yaml"), yaml);
try
{
    var service = new Smooth.Policy.Api.DecisionService(PolicyLayers.Load(root), new Smooth.Core.Events.EventRing(1000));
    await using var server = await Smooth.Policy.Api.DecisionServer.StartAsync(Path.Combine(root, "p.sock"), service, CancellationToken.None);
    using var client = new HttpClient(Smooth.Core.Net.UnixSocketHttp.CreateHandler(server.SocketPath)) { BaseAddress = new Uri("http://localhost") };
    var questions = new (string Name, Smooth.Policy.Api.DecisionRequest Request)[]
    {
        ("network, allowed by a wildcard", new() { Kind = "network", Host = "files.pythonhosted.org", Port = 443 }),
        ("network, no rule allows it (ask)", new() { Kind = "network", Host = "pypi.org", Port = 443 }),
        ("write path", new() { Kind = "write", Path = "src/app/Program.cs" }),
        ("command", new() { Kind = "command", Command = "dotnet test --no-build -c Release" }),
    };
    async Task<double> OverSocket(Smooth.Policy.Api.DecisionRequest r)
    {
        var sw = Stopwatch.StartNew();
        using var response = await client.PostAsync("/v1/decisions", System.Net.Http.Json.JsonContent.Create(r, Smooth.Policy.Api.PolicyApiJson.Default.DecisionRequest));
        var body = await response.Content.ReadAsStringAsync();
        if (!response.IsSuccessStatusCode || !body.Contains("verdict", StringComparison.Ordinal)) throw new InvalidOperationException(body);
        return sw.Elapsed.TotalMilliseconds * 1000;
    }
    async Task<double> InProcess(Smooth.Policy.Api.DecisionRequest r)
    {
        var sw = Stopwatch.StartNew();
        await service.DecideAsync(r, CancellationToken.None);
        return sw.Elapsed.TotalMilliseconds * 1000;
    }
    async Task<double> Health()
    {
        var sw = Stopwatch.StartNew();
        using var response = await client.GetAsync("/v1/health");
        await response.Content.ReadAsStringAsync();
        return sw.Elapsed.TotalMilliseconds * 1000;
    }
    var socketResults = new Dictionary<string, List<double>>();
    void Add(string name, double v) => (socketResults.TryGetValue(name, out var l) ? l : socketResults[name] = []).Add(v);
    for (var round = 0; round < 3200; round++)
    {
        var (name, request) = questions[round % questions.Length];
        var health = await Health();
        var inProcess = await InProcess(request);
        var socket = await OverSocket(request);
        if (round < 400) continue; // warm-up: JIT, connection pool, Kestrel
        Add("baseline: GET /v1/health over the socket", health);
        Add($"in process: {name}", inProcess);
        Add($"over the socket: {name}", socket);
        Add("over the socket: all four questions", socket);
    }
    var floor = Stats.Median([.. socketResults["baseline: GET /v1/health over the socket"]]);
    Console.WriteLine();
    Console.WriteLine("| decision API (µs per request) | median | p99 | median vs health |");
    Console.WriteLine("|---|---|---|---|");
    foreach (var (name, values) in socketResults.OrderBy(kv => kv.Key.StartsWith("baseline", StringComparison.Ordinal) ? 0 : kv.Key.StartsWith("in process", StringComparison.Ordinal) ? 1 : 2))
    {
        var v = values.ToArray();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Stats.Median(v):0.0} | {Stats.Percentile(v, 99):0.0} | {Stats.Median(v) / floor:0.00}x |"));
    }
}
finally
{
    Directory.Delete(root, recursive: true);
}
