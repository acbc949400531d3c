using System.Collections.Concurrent;
using System.Diagnostics;
using Smooth.Llm.Clients;
using Smooth.Llm.Scripted;
using Smooth.Operator.Events;
using Smooth.Operator.Host;
using Smooth.Operator.Remote;
using Smooth.Pearls.Model;
using Smooth.Pearls.Storage;

namespace Smooth.Operator.Bench;

/// <summary>
/// (a) Operator overhead per agent turn, tool time excluded. An operator runs in-process in direct mode through the
/// full path (OperatorRuntime, OperatorApiClient, OperatorApiServer on a Unix socket, guard round trips, a checkpoint
/// after the answer and after the result) against a scripted model at zero delay; each turn calls <c>read_file</c> on a
/// tiny file. The baseline replays the very same requests straight to an identical scripted server. Every other run
/// sends its checkpoints in round trips of their own instead of on the guard's exchanges (reported apart).
/// </summary>
public static class TurnOverhead
{
    /// <summary>Per-turn samples in milliseconds.</summary>
    public sealed record Result(double[] TurnMs, double[] DirectMs, double[] InLoopModelMs, double[] ToolMs, double[] OverheadMs, double[] InSituOverheadMs,
        double[] CheckpointMs, double[] GuardMs, double[] RestMs, double[] UncarriedOverheadMs,
        double[] CpuPerTurnMs, double[] UncarriedCpuPerTurnMs, double[] DirectCpuPerCallMs);

    /// <summary>
    /// Runs <paramref name="runs"/> operators of <paramref name="turns"/> tool turns each (after <paramref name="warmupRuns"/>
    /// unmeasured ones); every turn reads a file of <paramref name="fileLines"/> lines of 40 characters.
    /// </summary>
    public static async Task<Result> MeasureAsync(string work, int runs, int turns, int warmupRuns, int fileLines, CancellationToken ct)
    {
        var workspace = Path.Combine(work, "workspace");
        var state = Path.Combine(workspace, ".smooth");
        Directory.CreateDirectory(state);
        await File.WriteAllTextAsync(Path.Combine(workspace, "note.txt"),
            string.Concat(Enumerable.Range(1, fileLines).Select(i => $"line {i:D6} of the file the bench reads\n")), ct);

        var totalRuns = runs + warmupRuns;
        var toolTurn = new ScriptTurn
        {
            Respond = new ScriptResponse
            {
                ToolCalls = [new ScriptToolCall { Name = "read_file", Arguments = System.Text.Json.JsonDocument.Parse("""{"path":"note.txt"}""").RootElement.Clone() }],
                Usage = new ScriptUsage { PromptTokens = 500, CompletionTokens = 20 },
            },
        };
        var finalTurn = new ScriptTurn { Respond = new ScriptResponse { Content = "Read it; done.", Usage = new ScriptUsage { PromptTokens = 500, CompletionTokens = 5 } } };
        var oneRun = Enumerable.Repeat(toolTurn, turns).Append(finalTurn).ToList();
        ScriptDocument Script() => new() { Name = "operator-bench", Turns = Enumerable.Range(0, totalRuns).SelectMany(_ => oneRun).ToList() };

        await using var pearls = new Smooth.Pearls.SerializedPearlStore(await SqlitePearlStore.OpenAsync(Path.Combine(state, "pearls.db"), "bench", ct: ct));
        var pearl = await pearls.CreateAsync(new NewPearl { Title = "bench task", Description = "read note.txt" }, ct);
        await using var checkpoints = await CheckpointStore.OpenAsync(state, ct);
        await using var operatorModel = await ScriptedModelServer.StartAsync(Script(), ListenAddress.Loopback, ct: ct);
        await using var directModel = await ScriptedModelServer.StartAsync(Script(), ListenAddress.Loopback, ct: ct);
        await using var api = await OperatorApiServer.StartAsync(Path.Combine(work, "op.sock"), checkpoints, pearls, ct);

        var timed = new TimedModel(new OpenAiChatModel(operatorModel.BaseUrl, "sk-bench", "scripted"));
        var direct = new OpenAiChatModel(directModel.BaseUrl, "sk-bench", "scripted");
        var environment = new Dictionary<string, string> { ["PATH"] = "/usr/local/bin:/usr/bin:/bin", ["HOME"] = workspace, ["LANG"] = "C.UTF-8" };
        List<double> turnMs = [], directMs = [], inLoopMs = [], toolMs = [], overhead = [], inSitu = [], checkpointMs = [], guardMs = [], restMs = [], uncarried = [], cpu = [], uncarriedCpu = [], directCpu = [];

        for (var run = 0; run < totalRuns; run++)
        {
            var events = new ConcurrentQueue<OperatorEvent>();
            var spec = new OperatorSpec
            {
                RunId = $"run-bench{run:D7}", PearlId = pearl.Id, Task = "read note.txt", Workspace = workspace,
                MaxIterations = turns + 5, BashTimeoutSeconds = 30,
            };
            var session = new OperatorSession(spec, [pearl.Id], new HostToolGuard([], []), events.Enqueue);
            api.Add(session);
            timed.Clear();
            OperatorOutcome outcome;
            TimedHostCalls hostCalls;
            // CPU time of the whole process (operator, host API, scripted server): steadier than wall time on a busy machine.
            var cpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            try
            {
                await using var client = new OperatorApiClient(api.SocketPath, session.Token);
                hostCalls = new TimedHostCalls(client, client, carry: run % 2 == 0);
                outcome = await OperatorRuntime.RunAsync(spec, timed, new OperatorServices
                {
                    Events = client, Checkpoints = hostCalls, Control = client, Guard = hostCalls, Crew = client, CommandEnvironment = environment,
                }, ct);
            }
            finally
            {
                api.Remove(session);
            }
            if (outcome.Stop != "completed") throw new InvalidOperationException($"bench run {run} stopped: {outcome.Stop} ({outcome.Summary})");
            var runCpu = (Process.GetCurrentProcess().TotalProcessorTime - cpuStart).TotalMilliseconds / turns;
            var calls = timed.Calls;
            if (calls.Count != turns + 1) throw new InvalidOperationException($"bench run {run} made {calls.Count} model calls, expected {turns + 1}");

            // The baseline: the same requests, sent straight to an identical scripted server.
            var replay = new double[turns];
            var replayCpuStart = Process.GetCurrentProcess().TotalProcessorTime;
            for (var i = 0; i < turns; i++)
            {
                var start = Stopwatch.GetTimestamp();
                await direct.CompleteAsync(calls[i].Request, ct);
                replay[i] = Stopwatch.GetElapsedTime(start).TotalMilliseconds;
            }
            var replayCpu = (Process.GetCurrentProcess().TotalProcessorTime - replayCpuStart).TotalMilliseconds / turns;
            if (run < warmupRuns) continue;
            directCpu.Add(replayCpu);
            (run % 2 == 0 ? cpu : uncarriedCpu).Add(runCpu);

            var completed = events.Where(e => e.Type == OperatorEventTypes.ToolCallCompleted).ToList();
            for (var i = 0; i < turns; i++)
            {
                // Turn i: from the start of model call i to the start of model call i+1 — the call, the checkpoint after
                // the answer, the guard round trips, the tool, the checkpoint after the result, the loop's bookkeeping.
                var turn = Stopwatch.GetElapsedTime(calls[i].Start, calls[i + 1].Start).TotalMilliseconds;
                var model = Stopwatch.GetElapsedTime(calls[i].Start, calls[i].End).TotalMilliseconds;
                var tool = completed.Where(e => e.Iteration == i + 1).Sum(e => e.DurationMs ?? 0);
                if (run % 2 == 1)
                {
                    uncarried.Add(turn - replay[i] - tool);
                    continue;
                }
                turnMs.Add(turn);
                directMs.Add(replay[i]);
                inLoopMs.Add(model);
                toolMs.Add(tool);
                overhead.Add(turn - replay[i] - tool);
                inSitu.Add(turn - model - tool);
                var checkpoint = hostCalls.Sum("checkpoint", calls[i].Start, calls[i + 1].Start);
                var guard = hostCalls.Sum("guard", calls[i].Start, calls[i + 1].Start);
                checkpointMs.Add(checkpoint);
                guardMs.Add(guard);
                restMs.Add(turn - model - tool - checkpoint - guard);
            }
        }
        operatorModel.AssertCompleted();
        return new Result([.. turnMs], [.. directMs], [.. inLoopMs], [.. toolMs], [.. overhead], [.. inSitu], [.. checkpointMs], [.. guardMs], [.. restMs], [.. uncarried], [.. cpu], [.. uncarriedCpu], [.. directCpu]);
    }
}
