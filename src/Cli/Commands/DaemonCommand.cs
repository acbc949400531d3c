using System.CommandLine;
using System.Runtime.InteropServices;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Orchestrator.Api;
using Smooth.Orchestrator.Daemon;
using Spectre.Console;

namespace Smooth.Cli.Commands;

/// <summary><c>th up</c>, <c>th down</c>, <c>th status</c>, and the hidden <c>th daemon run</c> that <c>th up</c> starts.</summary>
public static class DaemonCommand
{
    private static Option<int> PortOption() => new("--port") { Description = "API port on 127.0.0.1", DefaultValueFactory = _ => 4400 };
    private static Option<int> MaxConcurrentOption() => new("--max-concurrent") { Description = "Most operators running at once", DefaultValueFactory = _ => 4 };
    private static Option<int> ArchivistPortOption() => new("--archivist-port") { Description = "Audit SSE port on 127.0.0.1", DefaultValueFactory = _ => 4401 };

    /// <summary>Builds <c>th up [direct]</c>.</summary>
    public static Command BuildUp()
    {
        var mode = new Argument<string?>("mode") { Description = "'direct' runs operators on the host without a sandbox (for already-isolated machines)", Arity = ArgumentArity.ZeroOrOne };
        var port = PortOption();
        var archivistPort = ArchivistPortOption();
        var maxConcurrent = MaxConcurrentOption();
        var json = new Option<bool>("--json") { Description = "Print the status as JSON" };
        var up = new Command("up", "Start Big Smooth (the daemon) in the background; operators run in bubblewrap sandboxes unless 'direct'") { mode, port, archivistPort, maxConcurrent, json };
        up.SetAction(async (parse, ct) =>
        {
            var provider = parse.GetValue(mode) switch
            {
                null => "bubblewrap",
                "direct" => "direct",
                var other => throw new SmoothException($"unknown mode '{other}'", "use 'th up' or 'th up direct'", ExitCodes.BadInput),
            };
            var root = ProjectLocator.RequireProjectRoot(Directory.GetCurrentDirectory());
            var options = new DaemonOptions
            {
                ProjectRoot = root, Paths = DaemonPaths.ForCurrentUser(), ApiPort = parse.GetValue(port),
                ArchivistPort = parse.GetValue(archivistPort), Provider = provider, MaxConcurrent = parse.GetValue(maxConcurrent),
            };
            var thPath = Environment.ProcessPath ?? throw new SmoothException("cannot tell where the th binary is");
            var status = await DaemonLauncher.StartAsync(thPath, options, ct);
            if (parse.GetValue(json)) CliOutput.Json(status, ApiJson.Default.StatusReport);
            else
            {
                CliOutput.Line($"Big Smooth is up (pid {status.Daemon.Pid}, operators: {Describe(status.Daemon.Provider)})");
                CliOutput.Line($"  API {status.Daemon.ApiUrl}  audit stream {status.Daemon.ArchivistUrl}events");
            }
            return ExitCodes.Ok;
        });
        return up;
    }

    /// <summary>Builds <c>th down</c>.</summary>
    public static Command BuildDown()
    {
        var down = new Command("down", "Stop the daemon cleanly (operators checkpointed, sockets removed)");
        down.SetAction(async (_, ct) =>
        {
            var stopped = await DaemonLauncher.StopAsync(DaemonPaths.ForCurrentUser(), ct);
            CliOutput.Line(stopped ? "Big Smooth stopped" : "Big Smooth was not running");
            return ExitCodes.Ok;
        });
        return down;
    }

    /// <summary>Builds <c>th status</c>.</summary>
    public static Command BuildStatus()
    {
        var json = new Option<bool>("--json") { Description = "Print the status as JSON" };
        var status = new Command("status", "Health of every part of the running daemon") { json };
        status.SetAction(async (parse, ct) =>
        {
            using var client = DaemonClient.TryConnect(DaemonPaths.ForCurrentUser());
            var report = client is null ? null : await client.TryStatusAsync(ct);
            if (report is null)
            {
                throw new SmoothException("the daemon is not running", "start it with 'th up' (or 'th up direct')", ExitCodes.Failure);
            }
            if (parse.GetValue(json))
            {
                CliOutput.Json(report, ApiJson.Default.StatusReport);
                return ExitCodes.Ok;
            }
            CliOutput.Line($"Big Smooth: running, pid {report.Daemon.Pid}, up {report.UptimeSeconds}s, project {report.Daemon.Project}, operators: {Describe(report.Daemon.Provider)}");
            var table = new Table().AddColumns("part", "crew", "state", "detail");
            foreach (var p in report.Parts)
            {
                var state = p.State switch
                {
                    "ok" => "[green]ok[/]",
                    "down" => "[red]down[/]",
                    var other => $"[yellow]{Markup.Escape(other)}[/]",
                };
                table.AddRow(Markup.Escape(p.Name), Markup.Escape(p.Crew), state, Markup.Escape(p.Detail));
            }
            CliOutput.Human.Write(table);
            // "warn" and "off" (no model provider yet) are advice, not failures.
            return report.Parts.Any(p => p.State == "down") ? ExitCodes.Failure : ExitCodes.Ok;
        });
        return status;
    }

    /// <summary>Builds the hidden <c>th daemon run</c>: the daemon process itself, in the foreground.</summary>
    public static Command BuildRun()
    {
        var project = new Option<string>("--project") { Description = "Project root", Required = true };
        var port = PortOption();
        var archivistPort = ArchivistPortOption();
        var provider = new Option<string>("--provider") { Description = "bubblewrap or direct", DefaultValueFactory = _ => "bubblewrap" };
        var maxConcurrent = MaxConcurrentOption();
        var run = new Command("run", "Run the daemon in the foreground (th up starts this in the background)") { project, port, archivistPort, provider, maxConcurrent };
        run.SetAction(async (parse, ct) =>
        {
            var options = new DaemonOptions
            {
                ProjectRoot = Path.GetFullPath(parse.GetValue(project)!), Paths = DaemonPaths.ForCurrentUser(),
                ApiPort = parse.GetValue(port), ArchivistPort = parse.GetValue(archivistPort), Provider = parse.GetValue(provider)!,
                MaxConcurrent = parse.GetValue(maxConcurrent),
            };
            using var stop = CancellationTokenSource.CreateLinkedTokenSource(ct);
            // SIGTERM means "stop cleanly", like th down: let the host flush events and remove its socket.
            using var onTerm = PosixSignalRegistration.Create(PosixSignal.SIGTERM, context =>
            {
                context.Cancel = true;
                stop.Cancel();
            });
            await using var host = await DaemonHost.StartAsync(options, ct);
            Console.Out.WriteLine($"{DateTimeOffset.UtcNow:O} daemon started: pid {host.Info.Pid}, api {host.Info.ApiUrl}");
            await host.WaitForShutdownAsync(stop.Token);
            Console.Out.WriteLine($"{DateTimeOffset.UtcNow:O} daemon stopping");
            return ExitCodes.Ok;
        });
        var daemon = new Command("daemon", "The daemon process (internal)") { Hidden = true };
        daemon.Add(run);
        return daemon;
    }

    private static string Describe(string provider) => provider == "direct" ? "direct (on the host, no sandbox)" : "in bubblewrap sandboxes (the Safehouse)";
}
