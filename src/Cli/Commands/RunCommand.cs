using System.CommandLine;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Orchestrator.Api;

namespace Smooth.Cli.Commands;

/// <summary><c>th run</c>: dispatch a pearl, or the ready set, to operators through the daemon.</summary>
public static class RunCommand
{
    /// <summary>Builds <c>th run</c>.</summary>
    public static Command Build()
    {
        var pearl = new Argument<string?>("pearl") { Description = "The pearl to dispatch", Arity = ArgumentArity.ZeroOrOne };
        var ready = new Option<bool>("--ready") { Description = "Dispatch the ready set (open pearls whose blockers are closed)" };
        var max = new Option<int?>("--max") { Description = "With --ready: at most N pearls" };
        var json = new Option<bool>("--json") { Description = "Print the queued runs as JSON" };
        var command = new Command("run", "Dispatch a pearl (or the ready set) to operators; the daemon runs them under its concurrency cap") { pearl, ready, max, json };
        command.SetAction(async (parse, ct) =>
        {
            var id = parse.GetValue(pearl);
            var all = parse.GetValue(ready);
            if (all == (id is not null)) throw new SmoothException("give a pearl id or --ready", "e.g. th run th-1a2b3c, or th run --ready --max 4", ExitCodes.BadInput);
            if (parse.GetValue(max) is < 1) throw new SmoothException("--max must be at least 1", null, ExitCodes.BadInput);
            using var client = OperatorsCommand.Connect();
            var runs = await client.DispatchAsync(new DispatchRequest(id, all, parse.GetValue(max)), ct);
            if (parse.GetValue(json))
            {
                CliOutput.Json(runs, ApiJson.Default.IReadOnlyListRunRecord);
                return ExitCodes.Ok;
            }
            if (runs.Count == 0) CliOutput.Line("nothing to dispatch: no ready pearl without a run");
            foreach (var r in runs) CliOutput.Line($"queued {r.Id} for {r.PearlId}");
            if (runs.Count > 0) CliOutput.Line("watch with: th operators   (th events --follow for the details)");
            return ExitCodes.Ok;
        });
        return command;
    }
}
