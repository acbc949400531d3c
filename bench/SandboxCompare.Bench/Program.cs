// Whole-process `th sandbox run -- true` (bubblewrap, in a th-initialised repository) against `srt -c true` from
// @anthropic-ai/sandbox-runtime, alternating in the same run. Install srt first: bench/SandboxCompare.Bench/install-srt.sh
using System.Diagnostics;
using System.Globalization;
using Smooth.Bench;
using Smooth.Core.Processes;

var th = Path.GetFullPath(Path.Combine("artifacts", "test-install", "bin", "th"));
var srt = Path.GetFullPath(Path.Combine("artifacts", "srt", "node_modules", ".bin", "srt"));
foreach (var (name, path) in new[] { ("th", th), ("srt", srt) })
{
    if (!File.Exists(path)) throw new InvalidOperationException($"{name} not found at {path}: install th (./install.sh --prefix \"$PWD/artifacts/test-install/bin\" --skip-system-packages) and srt (bench/SandboxCompare.Bench/install-srt.sh)");
}
var root = Path.Combine(Path.GetTempPath(), $"smooth-cmp-{Guid.NewGuid():N}"[..24]);
var repo = Path.Combine(root, "repo");
var home = Path.Combine(root, "home");
Directory.CreateDirectory(repo);
Directory.CreateDirectory(home);
var env = new Dictionary<string, string?> { ["HOME"] = home, ["NO_COLOR"] = "1" };
try
{
    await ProcessRunner.RunCheckedAsync("git", ["init", "-q"], new ProcessOptions { WorkingDirectory = repo }, CancellationToken.None);
    await File.WriteAllTextAsync(Path.Combine(repo, "README.md"), "bench\n");
    await ProcessRunner.RunCheckedAsync("git", ["add", "-A"], new ProcessOptions { WorkingDirectory = repo }, CancellationToken.None);
    await ProcessRunner.RunCheckedAsync("git", ["-c", "user.name=b", "-c", "user.email=b@b", "commit", "-q", "-m", "init"], new ProcessOptions { WorkingDirectory = repo }, CancellationToken.None);
    await ProcessRunner.RunCheckedAsync(th, ["init"], new ProcessOptions { WorkingDirectory = repo, Environment = env }, CancellationToken.None);
    var thMs = new List<double>();
    var srtMs = new List<double>();
    for (var round = 0; round < 17; round++)
    {
        var sw = Stopwatch.StartNew();
        await ProcessRunner.RunCheckedAsync(th, ["sandbox", "run", "--", "true"], new ProcessOptions { WorkingDirectory = repo, Environment = env }, CancellationToken.None);
        var a = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        await ProcessRunner.RunCheckedAsync(srt, ["-c", "true"], new ProcessOptions { WorkingDirectory = repo, Environment = env }, CancellationToken.None);
        var b = sw.Elapsed.TotalMilliseconds;
        if (round < 2) continue;
        thMs.Add(a);
        srtMs.Add(b);
    }
    Console.WriteLine("| whole process (ms), 15 rounds after 2 warm-up | median | p99 |");
    Console.WriteLine("|---|---|---|");
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| th sandbox run -- true | {Stats.Median([.. thMs]):0} | {Stats.Percentile([.. thMs], 99):0} |"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| srt -c true | {Stats.Median([.. srtMs]):0} | {Stats.Percentile([.. srtMs], 99):0} |"));
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio th / srt (medians): {Stats.Median([.. thMs]) / Stats.Median([.. srtMs]):0.00}x (target ≤ 0.5x)"));
}
finally
{
    try { Directory.Delete(root, recursive: true); } catch (Exception) { }
}
