using System.CommandLine;
using System.Globalization;
using Smooth.Audit.Chain;
using Smooth.Audit.Scribe;
using Smooth.Audit.Store;
using Smooth.Cli.Demo;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Core.Git;
using Smooth.Core.Processes;
using Smooth.Llm.Config;
using Smooth.Llm.Scripted;
using Smooth.Orchestrator.Api;
using Smooth.Orchestrator.Daemon;
using Smooth.Orchestrator.Operators;
using Smooth.Orchestrator.Runs;
using Smooth.Pearls.Model;
using Smooth.Pearls.Storage;
using Smooth.Sandbox.Review;

namespace Smooth.Cli.Commands;

/// <summary>
/// <c>th demo</c>: the whole product on a fresh machine with no API key: a throwaway repository with a failing test,
/// a pearl, the daemon, an operator in a bubblewrap sandbox driven by a scripted model, the governor reaching green,
/// the diff review and its application, and what to do next.
/// </summary>
public static class DemoCommand
{
    /// <summary>Builds <c>th demo</c>.</summary>
    public static Command Build()
    {
        var dir = new Option<string?>("--dir") { Description = "Where to create the demo (default: a new directory under the system temp dir)" };
        var direct = new Option<bool>("--direct") { Description = "Run the operator without a sandbox (th up direct), for machines where bubblewrap cannot run" };
        var keep = new Option<bool>("--keep-running") { Description = "Leave the demo daemon running afterwards" };
        var command = new Command("demo", "A complete first run with a scripted model (no API key): pearl → operator in a sandbox → tests green → review → applied") { dir, direct, keep };
        command.SetAction(async (parse, ct) =>
        {
            var root = parse.GetValue(dir) is { } d ? Path.GetFullPath(d) : Path.Combine(Path.GetTempPath(), $"smooth-demo-{DateTime.UtcNow:yyyyMMdd-HHmmss}");
            if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
            {
                throw new SmoothException($"'{root}' exists and is not empty", "give an empty or new directory with --dir", ExitCodes.BadInput);
            }
            var repo = Path.Combine(root, "calc");
            var home = Path.Combine(root, "home");
            Step("1", $"a throwaway repository with a failing test suite: {repo}");
            await CreateRepositoryAsync(repo, ct);
            var failing = await RunTestsAsync(repo, ct);
            Console.Error.WriteLine($"    bash test.sh → {failing.Trim().Replace("\n", "\n                   ")}");

            Step("2", "a scripted model server (a stand-in that replays a script; no real model, no key, no cost)");
            await using var model = await ScriptedModelServer.StartAsync(ScriptLoader.Parse(DemoProject.Script, "demo"), ListenAddress.Loopback, TextWriter.Null, ct);
            // The demo has its own ~/.smooth, so your real configuration and daemon are never touched.
            Directory.CreateDirectory(home, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
            Environment.SetEnvironmentVariable("HOME", home);
            await ScriptedRouting.WriteAsync(Path.Combine(home, ".smooth", "providers.json"), model.BaseUrl, ct, id: "scripted-demo", model: "scripted-demo");
            Console.Error.WriteLine($"    serving {model.BaseUrl} — script: {ScriptLoader.Parse(DemoProject.Script, "demo").Name}");

            Step("3", "a pearl (a work item) for the operator");
            string pearlId;
            await using (var pearls = await SqlitePearlStore.OpenAsync(SqlitePearlStore.DatabasePathFor(repo), "you", ct: ct))
            {
                var pearl = await pearls.CreateAsync(new NewPearl { Title = DemoProject.PearlTitle, Description = DemoProject.PearlDescription, Priority = 1, Type = PearlType.Bug }, ct);
                pearlId = pearl.Id;
            }
            Console.Error.WriteLine($"    th pearls create \"{DemoProject.PearlTitle}\" → {pearlId}");

            var provider = parse.GetValue(direct) ? "direct" : "bubblewrap";
            Step("4", $"Big Smooth, the daemon (operators run {(provider == "direct" ? "directly on this machine" : "in bubblewrap sandboxes")})");
            var paths = DaemonPaths.ForCurrentUser();
            var status = await DaemonLauncher.StartAsync(Environment.ProcessPath ?? throw new SmoothException("cannot tell where the th binary is"),
                new DaemonOptions { ProjectRoot = repo, Paths = paths, ApiPort = 0, ArchivistPort = 0, Provider = provider }, ct);
            Console.Error.WriteLine($"    th up → pid {status.Daemon.Pid}, API {status.Daemon.ApiUrl}");
            var ok = false;
            try
            {
                using var client = DaemonClient.TryConnect(paths) ?? throw new SmoothException("the demo daemon vanished", $"see {paths.Log}");
                Step("5", "dispatching the pearl: th run " + pearlId);
                var run = (await client.DispatchAsync(new DispatchRequest(pearlId), ct))[0];
                var final = await FollowAsync(repo, client, run.Id, ct);
                Console.Error.WriteLine($"    run {final.Id}: {final.State.ToString().ToLowerInvariant()} — {final.Result}");
                if (final.State != RunState.Review)
                {
                    throw new SmoothException($"the demo run ended {final.State.ToString().ToLowerInvariant()} instead of waiting for review",
                        $"see th logs in {repo}, and the daemon log {paths.Log}", ExitCodes.Failure);
                }

                Step("6", "the diff review (nothing has touched your working tree yet)");
                await using var events = await ProjectAuditSink.OpenAsync(ProjectLocator.StateDir(repo), ct);
                var review = new ReviewService(repo, events);
                var details = await review.ShowAsync(final.Id, ct);
                foreach (var patch in details.Patches)
                {
                    Console.Error.WriteLine($"    {patch.Operation} {patch.Path}");
                    foreach (var line in patch.Diff.Split('\n').Where(l => l.StartsWith('+') || l.StartsWith('-')).Where(l => !l.StartsWith("+++") && !l.StartsWith("---")))
                    {
                        Console.Error.WriteLine($"      {line}");
                    }
                }
                Step("7", $"accepting it: th review accept {final.Id}");
                var applied = await review.AcceptAsync(final.Id, ct);
                if (!applied.Applied) throw new SmoothException($"the diff did not apply: {applied.Message}", null, ExitCodes.Failure);
                await ReviewOutcomes.RecordAsync(repo, final.Id, accepted: true, ct);
                Console.Error.WriteLine($"    {applied.Message}");
                var after = await RunTestsAsync(repo, ct);
                Console.Error.WriteLine($"    bash test.sh → {after.Trim()}");
                ok = after.Contains("0 failed", StringComparison.Ordinal);
                model.AssertCompleted();
            }
            finally
            {
                if (!parse.GetValue(keep)) await DaemonLauncher.StopAsync(paths, CancellationToken.None);
            }

            Console.Error.WriteLine();
            Console.Error.WriteLine(ok ? "✔ demo complete: the operator fixed the bug in a sandbox, the governor saw the tests go green, and you applied the reviewed diff."
                : "✘ the demo finished, but the tests still fail in the repository");
            Console.Error.WriteLine($"  The demo repository is {repo} (th pearls show {pearlId}, th logs, th audit verify work there).");
            Console.Error.WriteLine("  With a real model, in your own repository:");
            Console.Error.WriteLine("    th auth login openai        # or anthropic, openrouter, ollama, ... (th auth providers)");
            Console.Error.WriteLine("    th init && th pearls create \"what you want done\"");
            Console.Error.WriteLine("    th up && th run <pearl>     # or, in the foreground: th exec \"what you want done\"");
            return ok ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }

    private static async Task<RunRecord> FollowAsync(string repo, DaemonClient client, string runId, CancellationToken ct)
    {
        await using var audit = await AuditStore.OpenAsync(ProjectLocator.StateDir(repo), ct);
        long after = (await audit.QueryAsync(new AuditQuery(Limit: 1, Newest: true), ct)).FirstOrDefault()?.Seq ?? 0;
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(ct);
        timeout.CancelAfter(TimeSpan.FromMinutes(5));
        while (true)
        {
            foreach (var record in await audit.QueryAsync(new AuditQuery(AfterSeq: after), timeout.Token))
            {
                after = record.Seq;
                if (Describe(record) is { } line) Console.Error.WriteLine(line);
            }
            var run = (await client.ListRunsAsync(null, null, 100, timeout.Token)).FirstOrDefault(r => r.Id == runId);
            if (run is { State: not (RunState.Queued or RunState.Running) })
            {
                foreach (var record in await audit.QueryAsync(new AuditQuery(AfterSeq: after), timeout.Token))
                {
                    if (Describe(record) is { } line) Console.Error.WriteLine(line);
                }
                return run;
            }
            await Task.Delay(200, timeout.Token);
        }
    }

    private static string? Describe(AuditRecord r)
    {
        var a = r.Attributes;
        string A(string k) => a.TryGetValue(k, out var v) ? v : "";
        return r.Type switch
        {
            "run.dispatched" => "    ▶ the scheduler dispatched the run to an operator",
            "sandbox.created" => $"    ▣ sandbox created ({A("provider")})",
            "operator.started" => "    ▶ operator started",
            "operator.llm_response" when A("text").Length > 0 => $"    model: {A("text")}",
            "operator.tool_call_started" => $"    ⚙ {A("tool")} {A("summary")}",
            "operator.tool_call_refused" => $"    ⛔ {A("tool")} refused: {A("reason")}",
            "operator.tests_run" => $"    🧪 tests: {A("reason")}",
            "operator.governor_decision" => $"    ⚖ governor {A("text")}: {A("reason")}",
            "operator.completed" => $"    ■ operator finished: {A("reason")}",
            "sandbox.diff_review_requested" => $"    ⧉ diff ready for review ({A("files")} file(s))",
            _ => null,
        };
    }

    private static async Task CreateRepositoryAsync(string repo, CancellationToken ct)
    {
        Directory.CreateDirectory(repo);
        foreach (var (name, text) in DemoProject.Files) await File.WriteAllTextAsync(Path.Combine(repo, name), text, ct);
        await GitCli.RunCheckedAsync(repo, ["init", "-q", "-b", "main"], ct);
        await GitCli.RunCheckedAsync(repo, ["add", "-A"], ct);
        await GitCli.RunCheckedAsync(repo, ["-c", "user.name=Smooth demo", "-c", "user.email=demo@smooth.invalid", "commit", "-q", "-m", "calc: a tiny calculator with tests"], ct);
        await InitCommand.InitializeAsync(repo, ct);
    }

    private static async Task<string> RunTestsAsync(string repo, CancellationToken ct)
    {
        var r = await ProcessRunner.RunAsync("bash", ["test.sh"], new ProcessOptions { WorkingDirectory = repo, Timeout = TimeSpan.FromSeconds(30) }, ct);
        return r.StandardOutput + r.StandardError;
    }

    private static void Step(string n, string text) => Console.Error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"\n[{n}] {text}"));
}
