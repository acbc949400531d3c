using System.Diagnostics;
using System.Globalization;
using Smooth.Bench;
using Smooth.Llm.Scripted;
using Smooth.Operator.Bench;

// Operator benchmarks, all against the scripted model server at zero delay:
//  (a) operator overhead per agent turn, tool time excluded, against direct model calls of the same requests;
//  (b) time from `th exec` start to the first model request (bubblewrap and direct), against `th --version`;
//  (c) resident memory of one `th operator run` process while it waits in a tool call.
// The gateway's added latency is bench/Llm.Bench's figure. Usage:
//   dotnet run -c Release --project bench/Operator.Bench [-- --th PATH] [--quick]
var quick = args.Contains("--quick");
var thPath = args.SkipWhile(a => a != "--th").Skip(1).FirstOrDefault() ?? Path.Combine("artifacts", "test-install", "bin", "th");
var ct = CancellationToken.None;
var work = Path.Combine(Path.GetTempPath(), $"op-bench-{Guid.NewGuid():N}"[..20]);
Directory.CreateDirectory(work);
string Ms(double v) => v.ToString("0.###", CultureInfo.InvariantCulture);
string Row(string label, double[] xs) => $"| {label} | {Ms(Stats.Median(xs))} | {Ms(Stats.Percentile(xs, 99))} |";
var total = Stopwatch.StartNew();
Console.WriteLine($"Operator bench: {Environment.ProcessorCount} cores, load average {File.ReadAllText("/proc/loadavg").Split(' ')[0]}");
try
{
    var th = File.Exists(thPath) ? Path.GetFullPath(thPath) : null;

    // The memory baseline comes first: getrusage(RUSAGE_CHILDREN) then holds only `th --version`'s peak.
    long? versionMaxRss = null;
    if (th is not null)
    {
        var v = await ProcessRunnerVersion(th);
        versionMaxRss = ProcTree.ChildrenMaxRssKiB();
        Console.WriteLine($"th --version: {v.Trim()}, peak RSS {versionMaxRss / 1024.0:0.0} MiB");
    }

    // (a) a one-line file, then a 400-line one (16 KiB a result, so the conversation and each checkpoint grow).
    var (runs, turns) = quick ? (10, 10) : (40, 12);
    foreach (var (lines, runCount) in new[] { (1, runs), (400, runs / 2) })
    {
        // Enough warm-up for the JIT's tiers to settle: the installed th is ReadyToRun-compiled, so a few hundred turns of
        // tier-0 code would measure the bench's start-up, not an operator's turn.
        var warmup = quick ? 20 : 40;
        var a = await TurnOverhead.MeasureAsync(Path.Combine(work, $"a{lines}"), runCount, turns, warmupRuns: warmup, lines, ct);
        Console.WriteLine();
        Console.WriteLine($"(a) operator overhead per agent turn: {runCount} runs x {turns} turns of read_file on a {lines}-line file (after {warmup} warm-up runs)");
        Console.WriteLine("| per turn (ms) | median | p99 |");
        Console.WriteLine("|---|---|---|");
        Console.WriteLine(Row("whole turn through the operator", a.TurnMs));
        Console.WriteLine(Row("baseline: direct model call, same request", a.DirectMs));
        Console.WriteLine(Row("model call as timed inside the loop", a.InLoopModelMs));
        Console.WriteLine(Row("tool time (tool_call_completed durationMs)", a.ToolMs));
        Console.WriteLine(Row("**overhead** = turn - direct call - tool", a.OverheadMs));
        Console.WriteLine(Row("overhead, in-loop call subtracted instead", a.InSituOverheadMs));
        Console.WriteLine(Row("overhead with checkpoints in round trips of their own (every other run)", a.UncarriedOverheadMs));
        Console.WriteLine(Row("process CPU per turn (operator, host, model server), per run", a.CpuPerTurnMs));
        Console.WriteLine(Row("process CPU per turn, checkpoints in round trips of their own", a.UncarriedCpuPerTurnMs));
        Console.WriteLine(Row("process CPU per direct model call (client and server)", a.DirectCpuPerCallMs));
        // A tool turn's saves ride on the guard's exchanges; what is left to save on its own is the run's last answer.
        Console.WriteLine(Row("  checkpoint saves in round trips of their own", a.CheckpointMs));
        Console.WriteLine(Row("  two guard round trips (call + result, carrying the saves)", a.GuardMs));
        Console.WriteLine($"ratio turn / direct call (medians): {Stats.Median(a.TurnMs) / Stats.Median(a.DirectMs):0.00}x; " +
            $"median overhead {(Stats.Median(a.OverheadMs) <= 2 ? "meets" : "misses")} the 2 ms target");
    }

    if (th is null)
    {
        Console.WriteLine($"\n(b), (c) skipped: no th at '{thPath}' (install it with ./install.sh --prefix \"$PWD/artifacts/test-install/bin\" --skip-system-packages, or pass --th PATH)");
        return;
    }

    // (b)
    var samples = quick ? 3 : 8;
    var project = await ExecProject.CreateAsync(th, Path.Combine(work, "b"), ct);
    var answer = new ScriptTurn { Respond = new ScriptResponse { Content = "Nothing to change.", Usage = new ScriptUsage { PromptTokens = 100, CompletionTokens = 5 } } };
    await using (var server = await ScriptedModelServer.StartAsync(
        new ScriptDocument { Name = "exec-bench", Turns = Enumerable.Repeat(answer, (samples + 1) * 2).ToList() }, ListenAddress.Loopback, ct: ct))
    {
        await project.RouteToAsync(server, ct);
        List<double> version = [];
        List<ExecTiming> bwrap = [], direct = [];
        for (var i = 0; i <= samples; i++)
        {
            var vs = Stopwatch.GetTimestamp();
            var vr = await project.RunAsync(["--version"], ct);
            var vms = Stopwatch.GetElapsedTime(vs).TotalMilliseconds;
            var b = await project.TimeToFirstRequestAsync(server, ["exec", "bench: answer at once", "--no-tests", "--json"], ct);
            var d = await project.TimeToFirstRequestAsync(server, ["exec", "bench: answer at once", "--no-tests", "--json", "--provider", "direct"], ct);
            if (i == 0 || !vr.Succeeded) continue; // the first round warms the page cache
            version.Add(vms); bwrap.Add(b); direct.Add(d);
        }
        server.AssertCompleted();
        Console.WriteLine();
        Console.WriteLine($"(b) th exec start to the first model request at the scripted server ({samples} runs each, after 1 warm-up round)");
        Console.WriteLine("| ms from process start | bubblewrap median | bubblewrap p99 | direct median | direct p99 |");
        Console.WriteLine("|---|---|---|---|---|");
        void Phase(string label, Func<ExecTiming, double> f)
        {
            double[] bs = [.. bwrap.Select(f)], ds = [.. direct.Select(f)];
            Console.WriteLine($"| {label} | {Ms(Stats.Median(bs))} | {Ms(Stats.Percentile(bs, 99))} | {Ms(Stats.Median(ds))} | {Ms(Stats.Percentile(ds, 99))} |");
        }
        Phase("sandbox run created (host services up, pearl filed)", t => t.CreatedMs);
        Phase("snapshot shipped into the workspace", t => t.ShippedMs);
        Phase("operator's started event (sandbox and th operator run up)", t => t.StartedMs);
        Phase("**first model request at the server**", t => t.FirstRequestMs);
        Phase("whole run (one-turn answer, review, exit)", t => t.TotalMs);
        Console.WriteLine($"| baseline: th --version, whole process (same runs) | {Ms(Stats.Median([.. version]))} | {Ms(Stats.Percentile([.. version], 99))} | | |");
        Console.WriteLine($"ratio first request / th --version (medians): bubblewrap {Stats.Median([.. bwrap.Select(t => t.FirstRequestMs)]) / Stats.Median([.. version]):0.0}x, " +
            $"direct {Stats.Median([.. direct.Select(t => t.FirstRequestMs)]) / Stats.Median([.. version]):0.0}x");
    }

    // (c)
    Console.WriteLine();
    Console.WriteLine("(c) resident memory while the operator waits in `bash sleep 5` (KiB)");
    Console.WriteLine("| provider | operator VmRSS | operator VmHWM | host th exec VmRSS | host th exec VmHWM | th --version peak |");
    Console.WriteLine("|---|---|---|---|---|---|");
    foreach (var provider in new[] { "bubblewrap", "direct" })
    {
        var sleepy = new ScriptDocument
        {
            Name = "memory-bench",
            Turns =
            [
                new ScriptTurn { Respond = new ScriptResponse { ToolCalls = [new ScriptToolCall { Name = "bash", Arguments = System.Text.Json.JsonDocument.Parse("""{"command":"sleep 5"}""").RootElement.Clone() }] } },
                answer,
            ],
        };
        await using var server = await ScriptedModelServer.StartAsync(sleepy, ListenAddress.Loopback, ct: ct);
        await project.RouteToAsync(server, ct);
        var run = project.RunAsync(["exec", "bench: sleep", "--no-tests", "--provider", provider], ct);
        while (server.TurnsServed == 0 && !run.IsCompleted) await Task.Delay(20, ct);
        await Task.Delay(2000, ct); // inside the five-second tool call
        var op = ProcTree.FindDescendant(["operator", "run"]);
        var host = ProcTree.FindDescendant(["exec", "bench: sleep", "--no-tests", "--provider", provider]);
        var figures = op is { } o && host is { } h
            ? $"| {provider} | {ProcTree.StatusKiB(o, "VmRSS")} | {ProcTree.StatusKiB(o, "VmHWM")} | {ProcTree.StatusKiB(h, "VmRSS")} | {ProcTree.StatusKiB(h, "VmHWM")} | {versionMaxRss} |"
            : $"| {provider} | process not found (operator {op?.ToString(CultureInfo.InvariantCulture) ?? "-"}, host {host?.ToString(CultureInfo.InvariantCulture) ?? "-"}) | | | | |";
        var result = await run;
        if (!result.Succeeded) throw new InvalidOperationException($"th exec (memory, {provider}) failed: {result.StandardError}");
        Console.WriteLine(figures);
    }
}
finally
{
    try { Directory.Delete(work, recursive: true); } catch (IOException) { } catch (UnauthorizedAccessException) { }
    Console.WriteLine($"\ntotal bench time {total.Elapsed.TotalSeconds:0} s");
}

static async Task<string> ProcessRunnerVersion(string th) =>
    (await Smooth.Core.Processes.ProcessRunner.RunCheckedAsync(th, ["--version"], null, CancellationToken.None)).StandardOutput;
