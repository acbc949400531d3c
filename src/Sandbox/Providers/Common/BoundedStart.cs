using System.Diagnostics;
using Smooth.Sandbox.Contract;

namespace Smooth.Sandbox.Providers.Common;

/// <summary>What <see cref="BoundedProcess"/> starts and how it watches it.</summary>
internal sealed record BoundedStart
{
    public required string FileName { get; init; }
    public required IReadOnlyList<string> Arguments { get; init; }
    public required IReadOnlyDictionary<string, string> Environment { get; init; }
    public string? WorkingDirectory { get; init; }
    public required SandboxLimits Limits { get; init; }
    public Action<string>? OnStandardOutput { get; init; }
    public Action<string>? OnStandardError { get; init; }

    /// <summary>
    /// Disposed on the starting thread straight after the process start, whether it worked or not (a thread that
    /// joined the sandbox's cgroup for the fork leaves it). A failure stops the started process.
    /// </summary>
    public IDisposable? StartScope { get; init; }

    /// <summary>Runs right after the process started (attach to a cgroup, release a block fd, close inherited fds).</summary>
    public Action<Process>? AfterStart { get; init; }

    /// <summary>Polled while running; a limit returned stops the process and is reported.</summary>
    public Func<LimitHit?>? Watch { get; init; }

    /// <summary>Kills everything the process started; defaults to killing its process tree.</summary>
    public Action<Process>? KillAll { get; init; }
}
