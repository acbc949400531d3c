using Smooth.Core;
using Smooth.Sandbox.Contract;

namespace Smooth.Sandbox.Providers.Common;

/// <summary>Input checks every provider makes before starting anything, and the lineage variable it hands inside.</summary>
internal static class ExecutionChecks
{
    /// <summary>Throws a <see cref="SmoothException"/> for an execution no provider can run.</summary>
    internal static void Validate(SandboxExecution execution)
    {
        if (execution.Command.Count == 0 || string.IsNullOrEmpty(execution.Command[0]))
        {
            throw new SmoothException("the sandbox command is empty", "pass a program and its arguments", ExitCodes.BadInput);
        }
        if (!Path.IsPathFullyQualified(execution.WorkspacePath) || !Directory.Exists(execution.WorkspacePath))
        {
            throw new SmoothException($"the workspace '{execution.WorkspacePath}' is not an existing absolute directory", "prepare the workspace before running", ExitCodes.BadInput);
        }
        if (!Path.IsPathFullyQualified(execution.ScratchPath))
        {
            throw new SmoothException($"the scratch path '{execution.ScratchPath}' is not absolute", "pass an absolute directory", ExitCodes.BadInput);
        }
        foreach (var mount in execution.Mounts)
        {
            if (!Path.IsPathFullyQualified(mount.HostPath) || !mount.SandboxPath.StartsWith('/') || mount.SandboxPath.Split('/').Contains(".."))
            {
                throw new SmoothException($"mount '{mount.HostPath}' -> '{mount.SandboxPath}' needs two absolute paths without '..'", "fix the mount list", ExitCodes.BadInput);
            }
            if (!File.Exists(mount.HostPath) && !Directory.Exists(mount.HostPath))
            {
                throw new SmoothException($"mount source '{mount.HostPath}' does not exist", "create it or drop the mount", ExitCodes.BadInput);
            }
        }
        foreach (var key in execution.Environment.Keys)
        {
            if (key.Length == 0 || key.Contains('=') || key.Contains('\0'))
            {
                throw new SmoothException($"invalid environment variable name '{key}'", "use NAME=value pairs with a non-empty name", ExitCodes.BadInput);
            }
        }
        if (execution.Limits.Timeout <= TimeSpan.Zero || execution.Limits.MaxOutputBytes <= 0 || execution.Limits.MaxProcesses <= 0 || execution.Limits.MemoryBytes <= 0)
        {
            throw new SmoothException("sandbox limits must be positive", "check --timeout/--memory and the configured limits", ExitCodes.BadInput);
        }
    }

    /// <summary>The environment inside: the execution's own plus the lineage (<c>runId/sandboxId/depth+1</c>).</summary>
    internal static Dictionary<string, string> EnvironmentWithLineage(SandboxExecution execution)
    {
        var env = new Dictionary<string, string>(execution.Environment, StringComparer.Ordinal)
        {
            [SandboxPaths.LineageEnvVar] = $"{execution.RunId}/{execution.SandboxId}/{execution.Lineage.Depth + 1}",
        };
        return env;
    }

    /// <summary>Maps a runner outcome to the contract's result.</summary>
    internal static ProviderResult ToResult(BoundedOutcome outcome, LimitHit? limit, string? limitMessage)
    {
        if (limit is { } hit)
        {
            return new ProviderResult(SandboxStatus.Failed, null, hit, limitMessage, outcome.StandardOutput, outcome.StandardError, outcome.Elapsed);
        }
        if (outcome.Cancelled)
        {
            return new ProviderResult(SandboxStatus.Cancelled, null, null, "the run was cancelled", outcome.StandardOutput, outcome.StandardError, outcome.Elapsed);
        }
        return new ProviderResult(SandboxStatus.Finished, outcome.ExitCode, null, null, outcome.StandardOutput, outcome.StandardError, outcome.Elapsed);
    }

    /// <summary>The message for a limit hit.</summary>
    internal static string Describe(LimitHit hit, SandboxLimits limits) => hit switch
    {
        LimitHit.Timeout => $"the command ran longer than the {limits.Timeout.TotalSeconds:0.###} s timeout and was killed",
        LimitHit.Output => $"the command wrote more than {limits.MaxOutputBytes} bytes of output and was killed",
        LimitHit.Processes => $"the command tried to run more than {limits.MaxProcesses} processes and was killed",
        LimitHit.Memory => $"the command used more than {limits.MemoryBytes} bytes of memory and was killed",
        _ => hit.ToString(),
    };
}
