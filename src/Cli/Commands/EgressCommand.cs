using System.CommandLine;
using System.Diagnostics;
using System.Net;
using System.Runtime.InteropServices;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Core.Events;
using Smooth.Egress;

namespace Smooth.Cli.Commands;

/// <summary><c>th egress serve|bridge</c>: the egress proxy (host side) and the in-sandbox bridge to it.</summary>
public static class EgressCommand
{
    /// <summary>Builds the command group.</summary>
    public static Command Build()
    {
        var command = new Command("egress", "Goalie, the egress gate: the proxy that is a sandbox's only way out, and the bridge inside the sandbox");
        command.Add(BuildServe());
        command.Add(BuildBridge());
        return command;
    }

    private static Command BuildServe()
    {
        var socket = new Option<string>("--socket") { Description = "Unix socket to listen on (mount it into the sandbox)", Required = true };
        var listen = new Option<string?>("--listen") { Description = "Also listen on this loopback TCP address, e.g. 127.0.0.1:3128" };
        var allow = new Option<string[]>("--allow-host") { Description = "Allow HOST[:PORT] (repeatable; *.suffix wildcards; no port = 80 and 443; :* = any port; IP literals reach internal addresses)", AllowMultipleArgumentsPerToken = false };
        var json = new Option<bool>("--json") { Description = "Print each decision as a JSON line instead of text" };
        var command = new Command("serve", "Run the egress proxy on a Unix socket with an allow list, printing each decision (for manual use and testing)")
        {
            socket, listen, allow, json,
        };
        command.SetAction(async (parse, ct) =>
        {
            SocketTuning.EnableInlineCompletions();
            AllowListGate gate;
            try
            {
                gate = AllowListGate.Parse(parse.GetValue(allow) ?? []);
            }
            catch (FormatException e)
            {
                throw new SmoothException($"bad --allow-host: {e.Message}", "write HOST, HOST:PORT, *.SUFFIX[:PORT] or [IPv6]:PORT", ExitCodes.BadInput);
            }
            var tcp = parse.GetValue(listen) is { } l ? BridgeLaunch.ParseLoopback(l, "--listen") : null;
            var sink = new ConsoleEventSink(parse.GetValue(json));
            await using var proxy = new EgressProxy(gate, sink, new EgressProxyOptions { SocketPath = parse.GetValue(socket), TcpEndPoint = tcp });
            proxy.Start();
            Console.Error.WriteLine($"egress proxy listening on {parse.GetValue(socket)}{(proxy.TcpEndPoint is { } ep ? " and " + ep : string.Empty)}; allowed: {(gate.Rules.Count == 0 ? "nothing" : string.Join(", ", gate.Rules.Select(r => r.Text)))}");
            await WaitForShutdownAsync(ct);
            return ExitCodes.Ok;
        });
        return command;
    }

    private static Command BuildBridge()
    {
        var socket = new Option<string>("--socket") { Description = "The proxy's Unix socket as mounted in the sandbox", Required = true };
        var listen = new Option<string>("--listen") { Description = "HTTP proxy address inside the sandbox", DefaultValueFactory = _ => BridgeLaunch.DefaultListen };
        var socks = new Option<string>("--socks") { Description = "SOCKS5 address inside the sandbox, or 'off'", DefaultValueFactory = _ => BridgeLaunch.DefaultSocks };
        var handover = new Option<string?>("--handover") { Description = "The proxy's hand-over socket: the HTTP listener is given to the proxy, which accepts the sandbox's connections itself" };
        var program = new Argument<string[]>("command") { Description = "The command to run once the bridge is listening (after --)", Arity = ArgumentArity.OneOrMore };
        var command = new Command("bridge", "Inside a sandbox: listen on loopback, relay to the proxy socket, and run COMMAND with the proxy variables set")
        {
            socket, listen, socks, handover, program,
        };
        command.SetAction((parse, ct) => BridgeLauncher.RunAsync(new BridgeLaunch
        {
            SocketPath = parse.GetValue(socket)!,
            Http = BridgeLaunch.ParseLoopback(parse.GetValue(listen)!, "--listen"),
            Socks = BridgeLaunch.ParseSocks(parse.GetValue(socks)!),
            HandoverPath = parse.GetValue(handover),
            Command = parse.GetValue(program)!,
        }, ct));
        return command;
    }

    /// <summary>Waits for Ctrl-C (the token) or SIGTERM.</summary>
    internal static async Task WaitForShutdownAsync(CancellationToken ct)
    {
        var done = new TaskCompletionSource();
        using var term = PosixSignalRegistration.Create(PosixSignal.SIGTERM, ctx =>
        {
            ctx.Cancel = true;
            done.TrySetResult();
        });
        using var reg = ct.Register(() => done.TrySetResult());
        await done.Task;
    }

    private sealed class ConsoleEventSink(bool json) : IEventSink
    {
        private readonly Lock _gate = new();

        public void Emit(SmoothEvent e)
        {
            lock (_gate)
            {
                if (json)
                {
                    CliOutput.JsonLine(e, EgressJsonContext.Default.SmoothEvent);
                    return;
                }
                var a = e.Attributes;
                string Get(string k) => a.TryGetValue(k, out var v) ? v : "-";
                Console.Out.WriteLine($"{e.Time:HH:mm:ss} {Get("decision")} {Get("method")} {Get("scheme")} {Get("host")}:{Get("port")}{(a.ContainsKey("path") ? Get("path") : string.Empty)} status={Get("status")} in={Get("bytesIn")} out={Get("bytesOut")} ({Get("reason")})");
                Console.Out.Flush();
            }
        }
    }
}
