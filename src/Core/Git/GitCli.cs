using Smooth.Core.Processes;

namespace Smooth.Core.Git;

/// <summary>
/// Runs the git CLI on the host with hardening: no system or global config, hooks and fsmonitor off, no prompts,
/// and a fixed identity. Used for every git call the host makes, including on directories an agent has touched.
/// </summary>
public static class GitCli
{
    private static readonly string[] HardeningArgs =
    [
        "-c", "core.hooksPath=/dev/null", "-c", "core.fsmonitor=false", "-c", "core.untrackedCache=false",
        "-c", "protocol.ext.allow=never", "-c", "core.quotePath=false",
    ];

    /// <summary>Environment for every host git call.</summary>
    public static IReadOnlyDictionary<string, string?> Environment(string? indexFile = null)
    {
        var env = new Dictionary<string, string?>
        {
            ["GIT_CONFIG_NOSYSTEM"] = "1",
            ["GIT_CONFIG_GLOBAL"] = "/dev/null",
            ["GIT_TERMINAL_PROMPT"] = "0",
            ["GIT_AUTHOR_NAME"] = "Smooth",
            ["GIT_AUTHOR_EMAIL"] = "smooth@localhost",
            ["GIT_COMMITTER_NAME"] = "Smooth",
            ["GIT_COMMITTER_EMAIL"] = "smooth@localhost",
            ["GIT_INDEX_FILE"] = indexFile,
            ["GIT_DIR"] = null,
            ["GIT_WORK_TREE"] = null,
            ["LC_ALL"] = "C",
        };
        return env;
    }

    /// <summary>Runs git in <paramref name="cwd"/>; returns the result whatever the exit code.</summary>
    public static Task<ProcessResult> RunAsync(string cwd, IEnumerable<string> args, CancellationToken ct, string? indexFile = null, string? stdin = null) =>
        ProcessRunner.RunAsync("git", [.. HardeningArgs, .. args],
            new ProcessOptions { WorkingDirectory = cwd, Environment = Environment(indexFile), StandardInput = stdin, Timeout = TimeSpan.FromMinutes(10) }, ct);

    /// <summary>Runs git and returns stdout; throws with git's stderr when it fails.</summary>
    public static async Task<string> RunCheckedAsync(string cwd, IEnumerable<string> args, CancellationToken ct, string? indexFile = null, string? stdin = null)
    {
        var list = args.ToList();
        var result = await RunAsync(cwd, list, ct, indexFile, stdin);
        if (!result.Succeeded)
        {
            throw new SmoothException($"git {string.Join(' ', list.Take(4))} failed: {result.StandardError.Trim()}", null, ExitCodes.Failure);
        }
        return result.StandardOutput;
    }
}
