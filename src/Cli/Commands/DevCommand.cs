using System.CommandLine;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Llm.Scripted;

namespace Smooth.Cli.Commands;

/// <summary><c>th dev</c>: tools for testing workflows without a real model.</summary>
public static class DevCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Build()
    {
        var dev = new Command("dev", "Developer tools (the scripted model server)");
        dev.Add(ScriptedModel());
        return dev;
    }

    private static Command ScriptedModel()
    {
        var script = new Option<string>("--script") { Description = "the script (YAML or JSON, see docs/scripted-model.md)", Required = true };
        var listen = new Option<string>("--listen") { Description = "host:port (port 0 picks one) or unix:PATH", DefaultValueFactory = _ => "127.0.0.1:0" };
        var command = new Command("scripted-model", "Serve an OpenAI-compatible model that replays a script, checks requests and injects faults") { script, listen };
        command.SetAction(async (parse, ct) =>
        {
            var address = ListenAddress.Parse(parse.GetValue(listen)!);
            var document = await ScriptLoader.LoadAsync(parse.GetValue(script)!, ct);
            await using var server = await ScriptedModelServer.StartAsync(document, address, Console.Error, ct);
            var where = server.SocketPath is { } sock ? $"unix:{sock} (base URL {server.BaseUrl})" : server.BaseUrl.ToString();
            CliOutput.Line($"scripted model server listening on {where}; script {(document.Name ?? "(unnamed)")} with {document.Turns.Count} turns; Ctrl+C stops it");
            try
            {
                await Task.Delay(Timeout.Infinite, ct);
            }
            catch (OperationCanceledException)
            {
            }
            var mismatches = server.Mismatches.Count;
            Console.Error.WriteLine($"scripted-model: served {server.TurnsServed} of {document.Turns.Count} turns, {mismatches} mismatch(es)");
            return mismatches == 0 ? ExitCodes.Ok : ExitCodes.Failure;
        });
        return command;
    }
}
