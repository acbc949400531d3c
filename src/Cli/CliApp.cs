using System.CommandLine;
using System.Runtime.InteropServices;
using Smooth.Cli.Commands;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Core.Diagnostics;

namespace Smooth.Cli;

/// <summary>Builds the <c>th</c> command tree and runs it, turning errors into clear messages and exit codes.</summary>
public static class CliApp
{
    // Every top-level command with the builder that makes it, in help order. Each group lives in its own file under
    // Commands/.
    private static readonly (string Name, Func<Command> Build)[] Commands =
    [
        ("init", InitCommand.Build),
        ("audit", AuditCommand.Build),
        ("logs", AuditCommand.BuildLogs),
        ("events", AuditCommand.BuildEvents),
        ("up", DaemonCommand.BuildUp),
        ("down", DaemonCommand.BuildDown),
        ("status", DaemonCommand.BuildStatus),
        ("daemon", DaemonCommand.BuildRun),
        ("operators", OperatorsCommand.BuildList),
        ("steer", () => OperatorsCommand.BuildControl("steer", "Give a running operator guidance before its next model call")),
        ("pause", () => OperatorsCommand.BuildControl("pause", "Hold a running operator at its next tool boundary")),
        ("resume", () => OperatorsCommand.BuildControl("resume", "Let a paused operator go on")),
        ("cancel", () => OperatorsCommand.BuildControl("cancel", "Stop a run cleanly (a queued run never starts)")),
        ("answer", () => OperatorsCommand.BuildControl("answer", "Answer the question a running operator asked")),
        ("run", RunCommand.Build),
        ("inbox", InboxCommand.Build),
        ("access", AccessCommand.Build),
        ("sandbox", SandboxCommand.Build),
        ("review", ReviewCommand.Build),
        ("egress", EgressCommand.Build),
        ("host-stub", HostStubCommand.Build),
        ("creds", CredsCommand.Build),
        ("auth", AuthCommand.Build),
        ("dev", DevCommand.Build),
        ("pearls", PearlsCommand.Build),
        ("memory", MemoryCommand.Build),
        ("exec", ExecCommand.Build),
        ("demo", DemoCommand.Build),
        ("operator", OperatorCommand.Build),
        ("narc", NarcCommands.Build),
    ];

    /// <summary>
    /// Builds the root command; with <paramref name="only"/> naming a top-level command, that command alone (a
    /// command's run never needs the others, and building all of them is a measurable part of a short command's start).
    /// </summary>
    public static RootCommand Build(string? only = null)
    {
        var root = new RootCommand("th: run a crew of AI coding agents on your repository, safely.");
        var known = only is not null && Commands.Any(c => c.Name == only);
        foreach (var (name, build) in Commands)
        {
            // An unknown or missing name builds everything: help and "did you mean" need the whole tree.
            if (!known || name == only) root.Add(build());
        }
        return root;
    }

    /// <summary>
    /// A command may take over Ctrl+C (e.g. to stop an operator cleanly first): when set and it returns true, the
    /// interrupt was handled and the command is not cancelled.
    /// </summary>
    public static Func<bool>? OnInterrupt { get; set; }

    // Commands whose first real work is opening a project database: SQLite gets ready while the arguments are parsed.
    private static readonly HashSet<string> CommandsOpeningDatabases = new(StringComparer.Ordinal)
    {
        "sandbox", "exec", "review", "run", "demo", "pearls", "inbox", "logs", "events", "audit", "memory", "operators",
    };

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        PhaseTrace.Mark("main");
        using var cts = new CancellationTokenSource();
        // Ctrl+C and Ctrl+\ cancel the command instead of killing the process. PosixSignalRegistration rather than
        // Console.CancelKeyPress: the latter sets up the whole console layer first, a measurable part of a short command.
        Action<PosixSignalContext> interrupt = context =>
        {
            context.Cancel = true;
            if (OnInterrupt?.Invoke() == true) return;
            cts.Cancel();
        };
        using var onInt = PosixSignalRegistration.Create(PosixSignal.SIGINT, interrupt);
        using var onQuit = PosixSignalRegistration.Create(PosixSignal.SIGQUIT, interrupt);

        if (args.Length > 0 && CommandsOpeningDatabases.Contains(args[0]))
        {
            Core.Storage.SqliteWarmup.Start();
        }
        var root = Build(args.FirstOrDefault());
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var error in parse.Errors)
            {
                CliOutput.Error(error.Message, "run 'th --help' or 'th <command> --help' for usage");
            }
            return ExitCodes.BadInput;
        }

        try
        {
            var code = await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cts.Token);
            PhaseTrace.Mark("command done");
            return code;
        }
        catch (SmoothException e)
        {
            CliOutput.Error(e.Message, e.Hint);
            return e.ExitCode;
        }
        catch (OperationCanceledException) when (cts.IsCancellationRequested)
        {
            CliOutput.Error("cancelled", null);
            return 130;
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // A bug, not bad input: say so plainly (no stack dump on the user's terminal) and exit non-zero.
            CliOutput.Error($"internal error: {e.GetType().Name}: {e.Message}", "this is a bug in th; please report it with the command you ran (set SMOOTH_DEBUG=1 for the stack trace)");
            if (Environment.GetEnvironmentVariable("SMOOTH_DEBUG") == "1") Console.Error.WriteLine(e);
            return ExitCodes.Failure;
        }
    }
}
