using System.CommandLine;
using Smooth.Cli.Output;
using Smooth.Core;
using Smooth.Core.IO;

namespace Smooth.Cli.Commands;

/// <summary><c>th init</c>: creates the project's <c>.smooth/</c> directory at the root of a git repository.</summary>
public static class InitCommand
{
    /// <summary>What git should keep out of the repository: local databases and run state, not the exported pearls or policy.</summary>
    internal const string StateGitIgnore = """
        # Local state of Smooth; pearls.jsonl and policy.yaml are meant to be committed.
        *.db
        *.db-wal
        *.db-shm
        sandboxes/
        worktrees/
        runs/
        *.sock
        """;

    /// <summary>Creates <c>.smooth/</c> in <paramref name="gitRoot"/> (idempotent); returns true when it already existed.</summary>
    public static async Task<bool> InitializeAsync(string gitRoot, CancellationToken ct)
    {
        var state = ProjectLocator.StateDir(gitRoot);
        var existed = Directory.Exists(state);
        Directory.CreateDirectory(state);
        var ignore = Path.Combine(state, ".gitignore");
        if (!File.Exists(ignore))
        {
            await AtomicFile.WriteAllTextAsync(ignore, StateGitIgnore + "\n", ct);
        }
        foreach (var step in ProjectInitializers.All)
        {
            await step(gitRoot, ct);
        }
        return existed;
    }

    /// <summary>Builds the command.</summary>
    public static Command Build()
    {
        var command = new Command("init", "Create .smooth/ (pearl database, project policy) at the root of the current git repository");
        command.SetAction(async (_, ct) =>
        {
            var cwd = Directory.GetCurrentDirectory();
            var gitRoot = ProjectLocator.FindGitRoot(cwd) ?? throw new SmoothException(
                $"'{cwd}' is not inside a git repository",
                "run 'git init' first (Smooth keeps its snapshots and diffs in git), then 'th init'",
                ExitCodes.Environment);

            var state = ProjectLocator.StateDir(gitRoot);
            var existed = await InitializeAsync(gitRoot, ct);
            CliOutput.Line(existed ? $"Smooth project already initialised at {state}" : $"Initialised Smooth project at {state}");
            return ExitCodes.Ok;
        });
        return command;
    }
}
