using System.Diagnostics;
using System.Text.Json;
using Smooth.Core.Processes;
using Smooth.Llm.Scripted;

namespace Smooth.Operator.Bench;

/// <summary>
/// A throw-away project for whole-process runs of the installed <c>th</c>: a git repository with <c>th init</c> done,
/// and a private HOME whose <c>~/.smooth/providers.json</c> routes every slot to a scripted model server on loopback.
/// </summary>
public sealed class ExecProject
{
    private ExecProject(string th, string repo, string home)
    {
        Th = th;
        Repo = repo;
        Home = home;
    }

    /// <summary>The installed th.</summary>
    public string Th { get; }

    /// <summary>The repository.</summary>
    public string Repo { get; }

    /// <summary>The HOME the child processes get.</summary>
    public string Home { get; }

    /// <summary>Creates the project under <paramref name="work"/>.</summary>
    public static async Task<ExecProject> CreateAsync(string th, string work, CancellationToken ct)
    {
        var repo = Path.Combine(work, "repo");
        var home = Path.Combine(work, "home");
        Directory.CreateDirectory(repo);
        Directory.CreateDirectory(Path.Combine(home, ".smooth"), UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        var project = new ExecProject(th, repo, home);
        await project.GitAsync(["init", "-q", "-b", "main"], ct);
        await File.WriteAllTextAsync(Path.Combine(repo, "README.md"), "bench repository\n", ct);
        await project.GitAsync(["add", "-A"], ct);
        await project.GitAsync(["commit", "-q", "-m", "initial"], ct);
        var init = await project.RunAsync(["init"], ct);
        if (!init.Succeeded) throw new InvalidOperationException($"th init failed: {init.StandardError}");
        return project;
    }

    /// <summary>Points every slot at <paramref name="server"/> (rewrites providers.json, mode 0600).</summary>
    public async Task RouteToAsync(ScriptedModelServer server, CancellationToken ct)
    {
        await ScriptedRouting.WriteAsync(Path.Combine(Home, ".smooth", "providers.json"), server.BaseUrl, ct, apiKey: "sk-bench-000000000000");
    }

    /// <summary>Runs th with <paramref name="args"/> in the repository, with the private HOME and stdin closed.</summary>
    public Task<ProcessResult> RunAsync(IReadOnlyList<string> args, CancellationToken ct) =>
        ProcessRunner.RunAsync(Th, args, new ProcessOptions
        {
            WorkingDirectory = Repo,
            Environment = Env(),
            StandardInput = "",
            Timeout = TimeSpan.FromMinutes(2),
        }, ct);

    /// <summary>
    /// Starts th exec with <paramref name="args"/> (which must include <c>--json</c>) and times it: until
    /// <paramref name="server"/> has served one more request, until the operator's <c>started</c> event was stamped
    /// (wall clock, same machine), and the phases the audit log records.
    /// </summary>
    public async Task<ExecTiming> TimeToFirstRequestAsync(ScriptedModelServer server, IReadOnlyList<string> args, CancellationToken ct)
    {
        var before = server.TurnsServed;
        var wallStart = DateTimeOffset.UtcNow;
        var start = Stopwatch.GetTimestamp();
        var run = RunAsync(args, ct);
        // A dedicated thread polls the server's request count every millisecond (the figures are hundreds of ms).
        var first = await Task.Factory.StartNew(() =>
        {
            while (server.TurnsServed == before && !run.IsCompleted) Thread.Sleep(1);
            return Stopwatch.GetElapsedTime(start).TotalMilliseconds;
        }, ct, TaskCreationOptions.LongRunning, TaskScheduler.Default);
        var result = await run;
        if (!result.Succeeded || server.TurnsServed == before)
        {
            throw new InvalidOperationException($"th {string.Join(' ', args)} failed (exit {result.ExitCode}):\n{result.StandardError}\n{result.StandardOutput}");
        }
        var lines = result.StandardOutput.Split('\n').Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();
        var started = lines.Where(e => e.TryGetProperty("type", out var t) && t.GetString() == "started")
            .Select(e => e.GetProperty("time").GetDateTimeOffset()).FirstOrDefault();
        var runId = lines.Where(e => e.TryGetProperty("runId", out _)).Select(e => e.GetProperty("runId").GetString()).LastOrDefault();
        if (started == default || runId is null) throw new InvalidOperationException("th exec --json printed no started event or no report");
        var audit = await AuditTimesAsync(runId, ct);
        double Since(DateTimeOffset t) => (t - wallStart).TotalMilliseconds;
        return new ExecTiming(runId, Since(audit["sandbox.created"]), Since(audit["sandbox.shipped"]), Since(started), first, result.Elapsed.TotalMilliseconds);
    }

    // When the host recorded each sandbox.* event of the run (th logs reads the project's audit log).
    private async Task<Dictionary<string, DateTimeOffset>> AuditTimesAsync(string runId, CancellationToken ct)
    {
        var logs = await RunAsync(["logs", "--json", "--type", "sandbox.", "-n", "40"], ct);
        if (!logs.Succeeded) throw new InvalidOperationException($"th logs failed: {logs.StandardError}");
        var times = new Dictionary<string, DateTimeOffset>(StringComparer.Ordinal);
        foreach (var e in JsonDocument.Parse(logs.StandardOutput).RootElement.EnumerateArray())
        {
            if (e.GetProperty("attributes").TryGetProperty("run", out var run) && run.GetString() == runId)
            {
                times.TryAdd(e.GetProperty("type").GetString()!, e.GetProperty("time").GetDateTimeOffset());
            }
        }
        if (!times.ContainsKey("sandbox.created") || !times.ContainsKey("sandbox.shipped"))
        {
            throw new InvalidOperationException($"the audit log has no sandbox.created/shipped for {runId}");
        }
        return times;
    }

    private Dictionary<string, string?> Env() => new()
    {
        ["HOME"] = Home,
        ["GIT_AUTHOR_NAME"] = "bench", ["GIT_AUTHOR_EMAIL"] = "bench@example.invalid",
        ["GIT_COMMITTER_NAME"] = "bench", ["GIT_COMMITTER_EMAIL"] = "bench@example.invalid",
    };

    private async Task GitAsync(IReadOnlyList<string> args, CancellationToken ct) =>
        await ProcessRunner.RunCheckedAsync("git", args, new ProcessOptions { WorkingDirectory = Repo, Environment = Env() }, ct);
}
