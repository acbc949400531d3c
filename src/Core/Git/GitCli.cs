using Smooth.Core.Diagnostics;
using Smooth.Core.Processes;

namespace Smooth.Core.Git;

/// <summary>
/// Runs the git CLI on the host with hardening: no system or global config, hooks and fsmonitor off, no prompts,
/// and a fixed identity. Used for every git call the host makes, including on directories an agent has touched.
/// </summary>
public static class GitCli
{
    private static readonly (string Key, string Value)[] Hardening =
    [
        ("core.hooksPath", "/dev/null"), ("core.fsmonitor", "false"), ("core.untrackedCache", "false"),
        ("protocol.ext.allow", "never"), ("core.quotePath", "false"),
        // Scratch indexes stay whole: a split one would make git write its shared part into the user's git directory.
        ("core.splitIndex", "false"),
    ];

    private static readonly string[] HardeningArgs = [.. Hardening.SelectMany(h => new[] { "-c", $"{h.Key}={h.Value}" })];

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

    /// <summary>
    /// Runs several git commands in one <c>/bin/sh</c>: a .NET process start costs milliseconds (more while the
    /// process is busy starting up), a shell starts git for a fraction of that. <paramref name="script"/> must be a
    /// constant of ours: every value reaches it as a positional parameter (<c>"$1"</c>...), so no input is ever parsed
    /// by the shell. The hardening that single calls get from <c>-c</c> arguments comes through
    /// <c>GIT_CONFIG_COUNT</c>/<c>GIT_CONFIG_KEY_n</c>/<c>GIT_CONFIG_VALUE_n</c>, which every git in the script reads.
    /// </summary>
    public static Task<ProcessResult> RunScriptAsync(string cwd, string script, IReadOnlyList<string> args, CancellationToken ct)
    {
        var env = new Dictionary<string, string?>(Environment());
        env["GIT_CONFIG_COUNT"] = Hardening.Length.ToString(System.Globalization.CultureInfo.InvariantCulture);
        for (var i = 0; i < Hardening.Length; i++)
        {
            env[$"GIT_CONFIG_KEY_{i}"] = Hardening[i].Key;
            env[$"GIT_CONFIG_VALUE_{i}"] = Hardening[i].Value;
        }
        PhaseTrace.Mark("git script starts");
        return ProcessRunner.RunAsync("/bin/sh", ["-c", "set -eu\n" + script, "smooth-git", .. args],
            new ProcessOptions { WorkingDirectory = cwd, Environment = env, Timeout = TimeSpan.FromMinutes(10) }, ct);
    }

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
