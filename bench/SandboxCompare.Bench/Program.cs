// Whole-process `th sandbox run -- true` (bubblewrap, in a th-initialised repository) against `srt -c true` from
// @anthropic-ai/sandbox-runtime, alternating in the same run. Install srt first: bench/SandboxCompare.Bench/install-srt.sh
//   dotnet run -c Release --project bench/SandboxCompare.Bench [-- --rounds N] [--also PATH_TO_ANOTHER_TH]
// --also measures a second th build in the same rounds (e.g. the parent commit's, installed elsewhere), for a
// before/after that shares the machine's load.
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
var rounds = args.SkipWhile(a => a != "--rounds").Skip(1).Select(int.Parse).FirstOrDefault(15);
var also = args.SkipWhile(a => a != "--also").Skip(1).Select(Path.GetFullPath).FirstOrDefault();
var contenders = new List<(string Name, string File, string[] Args)> { ("th sandbox run -- true", th, ["sandbox", "run", "--", "true"]) };
if (also is not null) contenders.Add(($"th sandbox run -- true ({also})", also, ["sandbox", "run", "--", "true"]));
contenders.Add(("srt -c true", srt, ["-c", "true"]));
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
    var times = contenders.Select(_ => new List<double>()).ToArray();
    for (var round = 0; round < rounds + 2; round++)
    {
        for (var c = 0; c < contenders.Count; c++)
        {
            var sw = Stopwatch.StartNew();
            await ProcessRunner.RunCheckedAsync(contenders[c].File, contenders[c].Args, new ProcessOptions { WorkingDirectory = repo, Environment = env }, CancellationToken.None);
            if (round >= 2) times[c].Add(sw.Elapsed.TotalMilliseconds);
        }
    }
    Console.WriteLine($"| whole process (ms), {rounds} rounds after 2 warm-up, alternating | median | p99 |");
    Console.WriteLine("|---|---|---|");
    for (var c = 0; c < contenders.Count; c++)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {contenders[c].Name} | {Stats.Median([.. times[c]]):0} | {Stats.Percentile([.. times[c]], 99):0} |"));
    }
    var srtMedian = Stats.Median([.. times[^1]]);
    for (var c = 0; c < contenders.Count - 1; c++)
    {
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratio {contenders[c].Name} / srt (medians): {Stats.Median([.. times[c]]) / srtMedian:0.00}x (target ≤ 0.5x)"));
    }
}
finally
{
    try { Directory.Delete(root, recursive: true); } catch (Exception) { }
}
