// Policy decision latency, in process (the daemon and th exec decide in process; there is no decision socket yet).
// Each figure is per decision, timed in batches of 1,000 so the timer's resolution does not dominate, alternating
// with the baseline (a HashSet lookup of the same key) in the same run.
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
