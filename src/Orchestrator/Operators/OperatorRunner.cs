using System.Globalization;
using System.Text;
using System.Text.Json;
using Smooth.Core;
using Smooth.Core.Events;
using Smooth.Governor;
using Smooth.Operator;
using Smooth.Operator.Api;
using Smooth.Operator.Events;
using Smooth.Operator.Host;
using Smooth.Orchestrator.Safehouse;
using Smooth.Pearls.Model;
using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Registry;
using Smooth.Sandbox.Runs;

namespace Smooth.Orchestrator.Operators;

/// <summary>
/// Runs one operator on one pearl in a sandbox: the spec and a token-scoped session on the operator API, a gateway
/// token with the run's budget, the run's egress proxy, then the sandbox run of <c>th operator run</c> over a fresh
/// snapshot (or the run's own workspace when resuming). The pearl follows along: in progress, then review, closed or
/// open again with the reason.
/// </summary>
public sealed class OperatorRunner(OperatorHostServices host, SandboxProviderRegistry registry, string programDir)
{
    /// <summary>Runs <paramref name="request"/> to its end.</summary>
    public async Task<OperatorRunReport> RunAsync(OperatorRunRequest request, CancellationToken ct)
    {
        registry.Resolve(request.ProviderId); // an unknown provider fails before anything is written
        // One span per operator run: its sandbox, its events and (through TRACEPARENT) the operator's own calls share the trace.
        using var span = Core.Tracing.TraceContext.Start("operator.run");
        var trace = span.Id;
        var pearl = await host.Pearls.GetAsync(request.PearlId, ct);
        // The pearl scope comes from the policy (its own pearl plus the dependency closure to pearls.depth, 2 by default).
        var policy = host.Guards.Policy.Current;
        var closure = await host.Pearls.ClosureAsync(pearl.Id, policy.PearlDepth, ct);
        var runId = request.RunId ?? SandboxRunner.NewRunId();
        var stateDir = ProjectLocator.StateDir(host.ProjectRoot);
        var dirs = SandboxDirs.For(stateDir, runId, "sb-1");

        var checkpoint = request.Resume ? await host.Checkpoints.LoadAsync(runId, ct) : null;
        var direct = request.ProviderId == "direct";
        var spec = new OperatorSpec
        {
            RunId = runId,
            PearlId = pearl.Id,
            Task = TaskText(pearl, closure),
            Workspace = direct ? dirs.Workspace : SandboxPaths.Workspace,
            Slot = request.Slot,
            MaxIterations = request.MaxIterations,
            BudgetUsd = request.BudgetUsd,
            TestCommand = ResolveTestCommand(request.TestCommand, pearl, host.ProjectRoot),
            GovernorIterations = request.GovernorIterations,
            Stream = request.Stream,
        };
        var session = new OperatorSession(spec, [pearl.Id, .. closure.Select(c => c.Pearl.Id)], request.Guard, e =>
        {
            request.OnEvent?.Invoke(e);
            host.Events.Emit(ToAuditEvent(e, pearl.Id) with { TraceParent = trace });
        }, checkpoint is null ? 0 : await host.Checkpoints.LastEventSeqAsync(runId, ct), checkpoint?.ControlSeq ?? 0)
        {
            PearlCreateRefusal = policy.PearlCreate() is { Allowed: false } refused ? refused.Reason : null,
        };

        await host.Pearls.UpdateAsync(pearl.Id, new PearlUpdate { Status = PearlStatus.InProgress, Assignee = "operator" }, ct);
        host.Api.Add(session);
        var llmToken = host.Gateway.Runs.Issue(runId, request.BudgetUsd);
        using var registration = request.OnSession?.Invoke(session);
        SandboxRunReport sandbox;
        try
        {
            // In a container the host's th is mounted read-only at /opt/smooth: the image needs only glibc and bash.
            await using var egress = SandboxEgress.Start(request.ProviderId, host.Guards.EgressFor(runId, request.AllowHosts, request.AccessHold), host.Events, programDir,
                bridgeContainers: true);
            var (environment, mounts) = Wiring(direct, session.Token, llmToken, egress);
            if (trace is not null) environment[Core.Tracing.TraceContext.EnvironmentVariable] = trace;
            var command = new[] { direct ? Path.Combine(programDir, "th") : $"{SandboxPaths.Program}/th", "operator", "run" };
            sandbox = await new SandboxRunner(registry, host.Events).RunAsync(new SandboxRunRequest
            {
                ProjectRoot = host.ProjectRoot,
                ProviderId = request.ProviderId,
                RunId = runId,
                Resume = request.Resume,
                Command = egress?.Wrap(command) ?? command,
                Environment = environment,
                Mounts = mounts,
                Limits = request.Limits,
                AutoAcceptDiffs = request.AutoAccept,
                CallerLineage = request.CallerLineage,
                OnStandardError = line => Console.Error.WriteLine($"  [operator {runId}] {line}"),
                OnStandardOutput = line => Console.Error.WriteLine($"  [operator {runId}] {line}"),
            }, ct);
        }
        finally
        {
            host.Api.Remove(session);
            host.Gateway.Runs.Revoke(runId);
        }

        var last = session.LastEvent;
        var finished = last?.Type == OperatorEventTypes.Completed;
        var stop = finished ? last!.Reason ?? "completed" : "crashed";
        var summary = finished ? last!.Text ?? "" : $"the operator ended without reporting (sandbox: {sandbox.Status}, {sandbox.Message ?? "no message"})";
        var cost = host.Gateway.Runs.Usage(runId)?.CostUsd ?? last?.TotalCostUsd ?? 0m;
        var report = new OperatorRunReport(runId, pearl.Id, stop, summary, cost, sandbox);
        await RecordOnPearlAsync(pearl.Id, report, ct);
        return report;
    }

    /// <summary>The test command: given explicitly, a <c>test: ...</c> line in the pearl's description, or detected from the repository.</summary>
    public static string? ResolveTestCommand(string? explicitCommand, Pearl pearl, string projectRoot)
    {
        if (explicitCommand is not null) return explicitCommand.Length == 0 ? null : explicitCommand;
        foreach (var line in pearl.Description.Split('\n'))
        {
            var t = line.Trim();
            if (t.StartsWith("test:", StringComparison.OrdinalIgnoreCase)) return t[5..].Trim() is { Length: > 0 } c ? c : null;
        }
        var detected = TestCommandDetector.Detect(projectRoot);
        return detected is null ? null : string.Join(' ', detected.Select(Quote));
    }

    private (Dictionary<string, string> Environment, List<SandboxMount> Mounts) Wiring(bool direct, string operatorToken, string llmToken, SandboxEgress? egress)
    {
        var (mounts, env) = SandboxWiring.Combine(egress, host.Credentials, direct, programDir);
        env[Operator.Remote.OperatorApiClient.TokenVariable] = operatorToken;
        env[OperatorEnvironment.LlmToken] = llmToken;
        var opSocket = host.Api.SocketPath;
        var llmSocket = host.Gateway.SocketPath;
        if (direct)
        {
            env[Operator.Remote.OperatorApiClient.SocketVariable] = opSocket;
            env[OperatorEnvironment.LlmSocket] = llmSocket;
        }
        else
        {
            env[Operator.Remote.OperatorApiClient.SocketVariable] = $"{SandboxPaths.Sockets}/operator.sock";
            env[OperatorEnvironment.LlmSocket] = $"{SandboxPaths.Sockets}/llm.sock";
            mounts.Add(new SandboxMount(opSocket, $"{SandboxPaths.Sockets}/operator.sock", ReadOnly: false));
            mounts.Add(new SandboxMount(llmSocket, $"{SandboxPaths.Sockets}/llm.sock", ReadOnly: false));
            SandboxWiring.Add(mounts, new SandboxMount(programDir, SandboxPaths.Program));
        }
        return (env, mounts);
    }

    private async Task RecordOnPearlAsync(string pearlId, OperatorRunReport report, CancellationToken ct)
    {
        var outputs = JsonSerializer.SerializeToElement(new Dictionary<string, string>
        {
            ["run"] = report.RunId,
            ["stop"] = report.Stop,
            ["summary"] = report.Summary.Length > 2000 ? report.Summary[..2000] : report.Summary,
            ["costUsd"] = report.CostUsd.ToString("0.######", CultureInfo.InvariantCulture),
            ["filesChanged"] = report.Sandbox.FilesChanged.ToString(CultureInfo.InvariantCulture),
            ["review"] = report.Sandbox.ReviewState,
        }, OrchestratorJson.Default.DictionaryStringString);
        var status = report.Sandbox.ReviewState switch
        {
            "pending" => PearlStatus.Review,
            "accepted" when report.Succeeded => PearlStatus.Closed,
            _ when report.Succeeded && report.Sandbox.FilesChanged == 0 => PearlStatus.Closed,
            _ => PearlStatus.Open,
        };
        await host.Pearls.UpdateAsync(pearlId, new PearlUpdate { Status = status, Outputs = outputs, ClearAssignee = status != PearlStatus.InProgress }, ct);
        var comment = new StringBuilder($"Run {report.RunId} ended: {report.Stop}. ");
        comment.Append(report.Sandbox.FilesChanged).Append(" file(s) changed");
        if (report.Sandbox.ReviewState == "pending") comment.Append(CultureInfo.InvariantCulture, $"; review with th review show {report.RunId}");
        comment.Append(".\n").Append(report.Summary.Length > 1500 ? report.Summary[..1500] + "…" : report.Summary);
        await host.Pearls.AddCommentAsync(pearlId, comment.ToString(), ct);
    }

    private static SmoothEvent ToAuditEvent(OperatorEvent e, string pearlId)
    {
        var a = new Dictionary<string, string> { ["run"] = e.Run, ["pearl"] = pearlId, ["seq"] = e.Seq.ToString(CultureInfo.InvariantCulture) };
        if (e.Iteration is { } i) a["iteration"] = i.ToString(CultureInfo.InvariantCulture);
        if (e.Tool is not null) a["tool"] = e.Tool;
        if (e.CallId is not null) a["call"] = e.CallId;
        if (e.Summary is not null) a["summary"] = e.Summary;
        if (e.DurationMs is { } d) a["durationMs"] = d.ToString(CultureInfo.InvariantCulture);
        if (e.IsError is { } err) a["error"] = err ? "true" : "false";
        if (e.InputTokens is { } it) a["inputTokens"] = it.ToString(CultureInfo.InvariantCulture);
        if (e.OutputTokens is { } ot) a["outputTokens"] = ot.ToString(CultureInfo.InvariantCulture);
        if (e.CostUsd is { } c) a["costUsd"] = c.ToString("0.######", CultureInfo.InvariantCulture);
        if (e.Reason is not null) a["reason"] = e.Reason;
        if (e.Rule is not null) a["rule"] = e.Rule;
        if (e.Count is { } n) a["count"] = n.ToString(CultureInfo.InvariantCulture);
        if (e.Text is not null && e.Type is not OperatorEventTypes.TokenDelta) a["text"] = e.Text.Length > 500 ? e.Text[..500] + "…" : e.Text;
        return SmoothEvent.Create("operator." + e.Type, "operator", a);
    }

    private static string TaskText(Pearl pearl, IReadOnlyList<ClosureEntry> closure)
    {
        var sb = new StringBuilder();
        sb.Append(CultureInfo.InvariantCulture, $"Pearl {pearl.Id} ({pearl.Type.ToString().ToLowerInvariant()}, priority {pearl.Priority}): {pearl.Title}\n");
        if (pearl.Description.Length > 0) sb.Append('\n').Append(pearl.Description).Append('\n');
        var deps = closure.Where(c => c.Depth >= 1).ToList();
        if (deps.Count > 0)
        {
            sb.Append("\nRelated pearls (read them with pearls_read):\n");
            foreach (var d in deps) sb.Append(CultureInfo.InvariantCulture, $"- {d.Pearl.Id} [{d.Via.ToString().ToLowerInvariant()}, {d.Pearl.Status.ToString().ToLowerInvariant()}] {d.Pearl.Title}\n");
        }
        return sb.ToString();
    }

    private static string Quote(string arg) =>
        arg.Length > 0 && arg.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '/' or '=' or ':') ? arg : "'" + arg.Replace("'", "'\\''") + "'";
}
