using System.CommandLine;
using Smooth.Cli.Commands;
using Smooth.Cli.Output;
using Smooth.Core;

namespace Smooth.Cli;

/// <summary>Builds the <c>th</c> command tree and runs it, turning errors into clear messages and exit codes.</summary>
public static class CliApp
{
    /// <summary>Builds the root command. Each command group lives in its own file under Commands/.</summary>
    public static RootCommand Build()
    {
        var root = new RootCommand("th: run a crew of AI coding agents on your repository, safely.");
        root.Add(InitCommand.Build());
        root.Add(AuditCommand.Build());
        root.Add(AuditCommand.BuildLogs());
        root.Add(AuditCommand.BuildEvents());
        root.Add(DaemonCommand.BuildUp());
        root.Add(DaemonCommand.BuildDown());
        root.Add(DaemonCommand.BuildStatus());
        root.Add(DaemonCommand.BuildRun());
        root.Add(OperatorsCommand.BuildList());
        root.Add(OperatorsCommand.BuildControl("steer", "Give a running operator guidance before its next model call"));
        root.Add(OperatorsCommand.BuildControl("pause", "Hold a running operator at its next tool boundary"));
        root.Add(OperatorsCommand.BuildControl("resume", "Let a paused operator go on"));
        root.Add(OperatorsCommand.BuildControl("cancel", "Stop a run cleanly (a queued run never starts)"));
        root.Add(OperatorsCommand.BuildControl("answer", "Answer the question a running operator asked"));
        root.Add(RunCommand.Build());
        root.Add(InboxCommand.Build());
        root.Add(AccessCommand.Build());
        root.Add(SandboxCommand.Build());
        root.Add(ReviewCommand.Build());
        root.Add(EgressCommand.Build());
        root.Add(HostStubCommand.Build());
        root.Add(CredsCommand.Build());
        root.Add(AuthCommand.Build());
        root.Add(DevCommand.Build());
        root.Add(PearlsCommand.Build());
        root.Add(MemoryCommand.Build());
        root.Add(ExecCommand.Build());
        root.Add(DemoCommand.Build());
        root.Add(OperatorCommand.Build());
        root.Add(NarcCommands.Build());
        return root;
    }

    /// <summary>
    /// A command may take over Ctrl+C (e.g. to stop an operator cleanly first): when set and it returns true, the
    /// interrupt was handled and the command is not cancelled.
    /// </summary>
    public static Func<bool>? OnInterrupt { get; set; }

    /// <summary>Parses and runs <paramref name="args"/>; returns the process exit code.</summary>
    public static async Task<int> RunAsync(string[] args)
    {
        using var cts = new CancellationTokenSource();
        Console.CancelKeyPress += (_, e) =>
        {
            e.Cancel = true;
            if (OnInterrupt?.Invoke() == true) return;
            cts.Cancel();
        };

        var root = Build();
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
            return await parse.InvokeAsync(new InvocationConfiguration { EnableDefaultExceptionHandler = false }, cts.Token);
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
