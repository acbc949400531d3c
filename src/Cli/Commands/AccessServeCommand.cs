using System.CommandLine;
using Smooth.Audit.Scribe;
using Smooth.Core;
using Smooth.Orchestrator.Guards;
using Smooth.Pearls;
using Smooth.Pearls.Storage;
using Smooth.Policy;
using Smooth.Policy.Api;

namespace Smooth.Cli.Commands;

/// <summary><c>th access serve</c>: Wonk's decision API for this project on a Unix socket, without the rest of the daemon.</summary>
public static class AccessServeCommand
{
    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var socket = new Option<string>("--socket") { Description = "Unix socket to listen on (mode 0600; the daemon, th up, serves ~/.smooth/policy.sock itself)", Required = true };
        var command = new Command("serve", "Answer policy questions (network, tool, write, read, command, pearl, mcp) as HTTP/JSON on a Unix socket; every answer is an audit event") { socket };
        command.SetAction(async (parse, ct) =>
        {
            var root = ProjectLocator.RequireProjectRoot(Directory.GetCurrentDirectory());
            var layers = PolicyLayers.Load(root); // a broken policy stops here, before anything listens
            await using var events = await ProjectAuditSink.OpenAsync(ProjectLocator.StateDir(root), ct);
            await using IPearlStore pearls = new SerializedPearlStore(await SqlitePearlStore.OpenAsync(SqlitePearlStore.DatabasePathFor(root), "policy", ct: ct));
            await using var server = await DecisionServer.StartAsync(parse.GetValue(socket)!, new DecisionService(layers, events, PearlDistance.From(pearls)), ct);
            Console.Error.WriteLine($"policy decisions on {server.SocketPath}: POST /v1/decisions, GET /v1/policy (see docs/policy.md)");
            await EgressCommand.WaitForShutdownAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }
}
