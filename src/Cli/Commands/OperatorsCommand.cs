using System.CommandLine;
using System.Globalization;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Orchestrator.Api;
using Smooth.Orchestrator.Daemon;
using Smooth.Orchestrator.Runs;
using Spectre.Console;

namespace Smooth.Cli.Commands;

/// <summary><c>th operators</c> and the run controls <c>th steer|pause|resume|cancel</c>, all through the daemon.</summary>
public static class OperatorsCommand
{
    /// <summary>Builds <c>th operators</c>.</summary>
    public static Command BuildList()
    {
        var all = new Option<bool>("--all") { Description = "Include queued runs and the last finished ones" };
        var json = new Option<bool>("--json") { Description = "Print the runs as JSON" };
        var operators = new Command("operators", "What the Smooth Operators are working on: run, pearl, turn, cost, activity") { all, json };
        operators.SetAction(async (parse, ct) =>
        {
            using var client = Connect();
            var runs = await client.ListRunsAsync(parse.GetValue(all) ? null : "running", null, 100, ct);
            if (parse.GetValue(json))
            {
                CliOutput.Json(runs, ApiJson.Default.IReadOnlyListRunRecord);
                return ExitCodes.Ok;
            }
            if (runs.Count == 0)
            {
                CliOutput.Line(parse.GetValue(all) ? "no runs yet" : "no operator is running (th operators --all shows queued and past runs)");
                return ExitCodes.Ok;
            }
            var table = new Table().AddColumns("run", "pearl", "state", "attempt", "turn", "cost (USD)", "activity");
            foreach (var r in runs)
            {
                table.AddRow(r.Id, Markup.Escape(r.PearlId), r.State.ToString().ToLowerInvariant(), r.Attempt.ToString(CultureInfo.InvariantCulture),
                    r.Turn.ToString(CultureInfo.InvariantCulture), r.CostUsd.ToString("0.0000", CultureInfo.InvariantCulture), Markup.Escape(r.Activity ?? r.Result ?? ""));
            }
            CliOutput.Human.Write(table);
            return ExitCodes.Ok;
        });
        return operators;
    }

    /// <summary>Builds one control command (<c>steer</c>, <c>pause</c>, <c>resume</c>, <c>cancel</c>).</summary>
    public static Command BuildControl(string type, string description)
    {
        var target = new Argument<string>("pearl-or-run") { Description = "A pearl id (its current run) or a run id" };
        var needsText = type is "steer" or "answer";
        var text = new Argument<string?>(type == "answer" ? "reply" : "guidance") { Description = type == "answer" ? "Your answer to the operator's question" : "What to tell the operator", Arity = needsText ? ArgumentArity.ExactlyOne : ArgumentArity.Zero };
        var command = new Command(type, description) { target };
        if (needsText) command.Add(text);
        command.SetAction(async (parse, ct) =>
        {
            using var client = Connect();
            var run = await ResolveAsync(client, parse.GetValue(target)!, ct);
            if (type == "cancel" && run.State == RunState.Queued && await client.CancelQueuedAsync(run.Id, ct))
            {
                CliOutput.Line($"{run.Id} cancelled before it started");
                return ExitCodes.Ok;
            }
            var reply = await client.ControlAsync(run.Id, new RunControlMessage(type, run.Id, needsText ? parse.GetValue(text) : null), ct);
            if (!reply.Ok)
            {
                throw new SmoothException($"{type} was not delivered to {run.Id}: {reply.Detail}", "see what is running with 'th operators'", ExitCodes.Conflict);
            }
            CliOutput.Line($"{run.Id}: {reply.Detail}");
            return ExitCodes.Ok;
        });
        return command;
    }

    private static async Task<RunRecord> ResolveAsync(DaemonClient client, string target, CancellationToken ct)
    {
        if (target.StartsWith("run-", StringComparison.Ordinal))
        {
            var byId = await client.ListRunsAsync(null, null, 10_000, ct);
            return byId.FirstOrDefault(r => r.Id == target)
                ?? throw new SmoothException($"no run '{target}'", "list runs with 'th operators --all'", ExitCodes.NotFound);
        }
        var runs = await client.ListRunsAsync(null, target, 1, ct);
        return runs.Count > 0 ? runs[0] : throw new SmoothException($"pearl '{target}' has no run", "dispatch it with 'th run <pearl>'", ExitCodes.NotFound);
    }

    /// <summary>The daemon client, or a clear error when the daemon is not running.</summary>
    internal static DaemonClient Connect() => DaemonClient.TryConnect(DaemonPaths.ForCurrentUser())
        ?? throw new SmoothException("the daemon is not running", "start it with 'th up' (or 'th up direct')", ExitCodes.Failure);
}
