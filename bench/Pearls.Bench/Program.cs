using System.Diagnostics;
using Dapper;
using Microsoft.Data.Sqlite;
using Smooth.Core.Processes;
using Smooth.Pearls.Bench;
using Smooth.Pearls.Storage;
using Smooth.Pearls.Sync;

// Pearl store benchmarks. Usage: dotnet run -c Release --project bench/Pearls.Bench [-- --th PATH]
// (1) ready set over 10k pearls / 20k deps, in-process, vs a trivial count(*) in the same run;
// (2) `th pearls list --all --json` on 10k pearls as a whole process vs `th --version`;
// (3) import of a 10k-record JSONL file, records/second, vs parsing the same file alone.
// --keep leaves the generated databases and file in the temp directory for inspection.
const int Pearls = 10_000;
const int Deps = 20_000;
var thPath = args.SkipWhile(a => a != "--th").Skip(1).FirstOrDefault()
             ?? Environment.GetEnvironmentVariable("TH_BIN")
             ?? Path.Combine("artifacts", "test-install", "bin", "th");
var work = Path.Combine(Path.GetTempPath(), $"pearls-bench-{Guid.NewGuid():N}");
Directory.CreateDirectory(work);
try
{
    var records = DataSet.Build(Pearls, Deps, seed: 42);
    var jsonlPath = Path.Combine(work, "pearls.jsonl");
    await File.WriteAllTextAsync(jsonlPath, PearlsJsonl.Write(records));
    Console.WriteLine($"data: {Pearls} pearls, {Deps} blocks deps, {new FileInfo(jsonlPath).Length / 1024} KiB of JSONL");

    // (3) import, on a fresh database each round.
    var importMs = new List<double>();
    var parseMs = new List<double>();
    for (var round = 0; round < 5; round++)
    {
        var text = await File.ReadAllTextAsync(jsonlPath);
        var sw = Stopwatch.StartNew();
        _ = PearlsJsonl.Read(text, "bench");
        parseMs.Add(sw.Elapsed.TotalMilliseconds);

        var db = Path.Combine(work, $"import-{round}.db");
        await using var fresh = await SqlitePearlStore.OpenAsync(db, "bench");
        sw.Restart();
        var report = await PearlsJsonl.ImportAsync(fresh, jsonlPath, CancellationToken.None);
        importMs.Add(sw.Elapsed.TotalMilliseconds);
        if (report.Added != Pearls) throw new InvalidOperationException($"import added {report.Added}");
    }
    var import = Stats.Of(importMs);
    var parse = Stats.Of(parseMs);

    // (1) ready set, in-process, on the first imported database.
    await using var store = await SqlitePearlStore.OpenAsync(Path.Combine(work, "import-0.db"), "bench");
    await using var raw = new SqliteConnection($"Data Source={Path.Combine(work, "import-0.db")}");
    await raw.OpenAsync();
    var readyCount = (await store.ReadyAsync(null, CancellationToken.None)).Count;
    for (var i = 0; i < 20; i++) // warm-up: JIT, page cache
    {
        await store.ReadyAsync(null, CancellationToken.None);
        await raw.ExecuteScalarAsync<long>("SELECT count(*) FROM pearls");
    }
    var readyMs = new List<double>();
    var ready10Ms = new List<double>();
    var countMs = new List<double>();
    for (var i = 0; i < 300; i++)
    {
        var sw = Stopwatch.StartNew();
        await store.ReadyAsync(null, CancellationToken.None);
        readyMs.Add(sw.Elapsed.TotalMilliseconds);
        sw.Restart();
        await store.ReadyAsync(10, CancellationToken.None);
        ready10Ms.Add(sw.Elapsed.TotalMilliseconds);
        sw.Restart();
        await raw.ExecuteScalarAsync<long>("SELECT count(*) FROM pearls");
        countMs.Add(sw.Elapsed.TotalMilliseconds);
    }
    var ready = Stats.Of(readyMs);
    var ready10 = Stats.Of(ready10Ms);
    var count = Stats.Of(countMs);

    Console.WriteLine();
    Console.WriteLine($"(1) ready set, all {readyCount} ready pearls: {ready}");
    Console.WriteLine($"    ready set, first 10:              {ready10}");
    Console.WriteLine($"    baseline SELECT count(*):         {count}");
    Console.WriteLine($"    ratio full ready / baseline (median): {ready.Median / count.Median:F1}x");

    // (2) whole process, if th is installed.
    if (File.Exists(thPath))
    {
        var th = Path.GetFullPath(thPath);
        var repo = Path.Combine(work, "repo");
        Directory.CreateDirectory(repo);
        await ProcessRunner.RunCheckedAsync("git", ["init", "-q"], new ProcessOptions { WorkingDirectory = repo }, CancellationToken.None);
        await ProcessRunner.RunCheckedAsync(th, ["init"], new ProcessOptions { WorkingDirectory = repo }, CancellationToken.None);
        await ProcessRunner.RunCheckedAsync(th, ["pearls", "import", "--file", jsonlPath], new ProcessOptions { WorkingDirectory = repo }, CancellationToken.None);
        var listMs = new List<double>();
        var versionMs = new List<double>();
        for (var i = 0; i < 23; i++)
        {
            var sw = Stopwatch.StartNew();
            var list = await ProcessRunner.RunCheckedAsync(th, ["pearls", "list", "--all", "--json"], new ProcessOptions { WorkingDirectory = repo }, CancellationToken.None);
            var elapsed = sw.Elapsed.TotalMilliseconds;
            sw.Restart();
            await ProcessRunner.RunCheckedAsync(th, ["--version"], new ProcessOptions { WorkingDirectory = repo }, CancellationToken.None);
            var v = sw.Elapsed.TotalMilliseconds;
            if (i >= 3) // first runs warm the page cache
            {
                listMs.Add(elapsed);
                versionMs.Add(v);
            }
            if (i == 0) Console.WriteLine($"\n    list output: {list.StandardOutput.Length / 1024} KiB");
        }
        var listStats = Stats.Of(listMs);
        var versionStats = Stats.Of(versionMs);
        Console.WriteLine($"(2) th pearls list --all --json (10k): {listStats}");
        Console.WriteLine($"    baseline th --version:             {versionStats}");
        Console.WriteLine($"    start-up share of list (median):   {100 * versionStats.Median / listStats.Median:F0}%  (ratio {listStats.Median / versionStats.Median:F1}x)");
    }
    else
    {
        Console.WriteLine($"(2) skipped: no th at '{thPath}' (install it or pass --th PATH)");
    }

    Console.WriteLine($"(3) import of {Pearls} records: {import} => {Pearls / (import.Median / 1000):F0} records/s (median)");
    Console.WriteLine($"    baseline parse only:         {parse} => {Pearls / (parse.Median / 1000):F0} records/s; import/parse {import.Median / parse.Median:F1}x");
}
finally
{
    if (args.Contains("--keep")) Console.WriteLine($"kept {work}");
    else try { Directory.Delete(work, recursive: true); } catch (IOException) { }
}
