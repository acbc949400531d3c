// Workspace prepare (snapshot of the user's tree + the run's own checkout) and diff + apply for a repository of
// 10,000 files with 100 changed (plus one added and one deleted), against the git CLI doing the nearest equivalent
// in the same run: `git clone --depth 1` for prepare, `git diff` + `git apply` for diff + apply.
using System.Diagnostics;
using System.Globalization;
using Smooth.Bench;
using Smooth.Core.Processes;
using Smooth.Sandbox.Diffs;
using Smooth.Sandbox.Runs;
using Smooth.Sandbox.Workspaces;

var rounds = args.Contains("--quick") ? 3 : 6;
var root = Path.Combine(Path.GetTempPath(), $"smooth-ws-bench-{Guid.NewGuid():N}"[..28]);
var repo = Path.Combine(root, "repo");
async Task Git(string dir, params string[] a) => await ProcessRunner.RunCheckedAsync("git", a, new ProcessOptions { WorkingDirectory = dir }, CancellationToken.None);
try
{
    Directory.CreateDirectory(repo);
    for (var i = 0; i < 10_000; i++)
    {
        var dir = Path.Combine(repo, $"d{i / 500:00}", $"s{i / 50 % 10}");
        Directory.CreateDirectory(dir);
        await File.WriteAllTextAsync(Path.Combine(dir, $"f{i:00000}.txt"), $"file {i}\n" + string.Join('\n', Enumerable.Range(0, 20).Select(l => $"line {l} of file {i}")) + "\n");
    }
    await Git(repo, "init", "-q", "-b", "main");
    await Git(repo, "add", "-A");
    await Git(repo, "-c", "user.name=b", "-c", "user.email=b@b", "commit", "-q", "-m", "10k files");
    Directory.CreateDirectory(Path.Combine(repo, ".smooth"));
    await File.WriteAllTextAsync(Path.Combine(repo, ".smooth", ".gitignore"), "*\n");

    var s = new Dictionary<string, List<double>> { ["prepare: snapshot + checkout"] = [], ["baseline: git clone --depth 1"] = [], ["diff: DiffCollector"] = [], ["apply: DiffApplier (base unchanged)"] = [], ["baseline: git diff + git apply"] = [] };
    for (var round = 0; round < rounds + 1; round++)
    {
        var runId = $"run-{round:000000000000}";
        var dirs = SandboxDirs.For(Path.Combine(repo, ".smooth"), runId, "sb-1");
        var sw = Stopwatch.StartNew();
        var snapshotRef = $"refs/smooth/snapshots/{runId}";
        var checkout = await RunCheckout.CreateAsync(repo, snapshotRef, "bench snapshot", dirs.Workspace, dirs.HostGit, CancellationToken.None);
        var prepare = sw.Elapsed.TotalMilliseconds;

        var clone = Path.Combine(root, $"clone{round}");
        sw.Restart();
        await Git(root, "clone", "-q", "--depth", "1", new Uri(repo).AbsoluteUri, clone);
        var cloneMs = sw.Elapsed.TotalMilliseconds;

        foreach (var w in new[] { checkout.Workspace, clone })
        {
            for (var i = 0; i < 100; i++)
            {
                var f = Path.Combine(w, $"d{i * 97 % 10_000 / 500:00}", $"s{i * 97 % 10_000 / 50 % 10}", $"f{i * 97 % 10_000:00000}.txt");
                await File.AppendAllTextAsync(f, $"changed in round {round}\n");
            }
            await File.WriteAllTextAsync(Path.Combine(w, "added.txt"), "new\n");
            File.Delete(Path.Combine(w, "d19", "s9", "f09999.txt"));
        }

        sw.Restart();
        var bundle = await DiffCollector.CollectAsync(checkout, 1, CancellationToken.None);
        var diffMs = sw.Elapsed.TotalMilliseconds;
        sw.Restart();
        var outcome = await DiffApplier.ApplyAsync(repo, bundle, CancellationToken.None);
        var applyMs = sw.Elapsed.TotalMilliseconds;
        if (!outcome.Applied || bundle.Patches.Count != 102) throw new InvalidOperationException($"round {round}: {bundle.Patches.Count} patches, {outcome.Message}");
        // Put the user's tree back for the next round.
        await Git(repo, "checkout", "-q", "--", ".");
        await Git(repo, "clean", "-q", "-f", "--", "added.txt");

        sw.Restart();
        await Git(clone, "add", "-A");
        var patch = (await ProcessRunner.RunCheckedAsync("git", ["diff", "--cached", "--binary"], new ProcessOptions { WorkingDirectory = clone }, CancellationToken.None)).StandardOutput;
        await ProcessRunner.RunCheckedAsync("git", ["apply", "--index", "-"], new ProcessOptions { WorkingDirectory = repo, StandardInput = patch }, CancellationToken.None);
        var gitMs = sw.Elapsed.TotalMilliseconds;
        await Git(repo, "reset", "-q", "--hard", "HEAD");
        await Git(repo, "clean", "-q", "-f", "--", "added.txt");
        Directory.Delete(clone, recursive: true);
        Directory.Delete(dirs.Root, recursive: true);

        if (round == 0) continue; // warm-up
        s["prepare: snapshot + checkout"].Add(prepare);
        s["baseline: git clone --depth 1"].Add(cloneMs);
        s["diff: DiffCollector"].Add(diffMs);
        s["apply: DiffApplier (base unchanged)"].Add(applyMs);
        s["baseline: git diff + git apply"].Add(gitMs);
    }
    Console.WriteLine($"10,000 files, 100 modified + 1 added + 1 deleted; {rounds} rounds after 1 warm-up");
    Console.WriteLine("| ms | median | p99 |");
    Console.WriteLine("|---|---|---|");
    foreach (var (name, v) in s) Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"| {name} | {Stats.Median([.. v]):0} | {Stats.Percentile([.. v], 99):0} |"));
    var prep = Stats.Median([.. s["prepare: snapshot + checkout"]]) / Stats.Median([.. s["baseline: git clone --depth 1"]]);
    var da = (Stats.Median([.. s["diff: DiffCollector"]]) + Stats.Median([.. s["apply: DiffApplier (base unchanged)"]])) / Stats.Median([.. s["baseline: git diff + git apply"]]);
    Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ratios (medians): prepare / clone {prep:0.00}x; diff+apply / git diff+apply {da:0.00}x"));
}
finally
{
    try { Directory.Delete(root, recursive: true); } catch (Exception) { }
}
