using Smooth.Sandbox.Contract;

namespace Smooth.Sandbox.Runs;

/// <summary>What <see cref="SandboxRunner"/> is asked to do: run a command over a fresh snapshot of a repository.</summary>
public sealed record SandboxRunRequest
{
    /// <summary>The project root (a git repository with <c>.smooth/</c>).</summary>
    public required string ProjectRoot { get; init; }

    /// <summary>Provider id; looked up in the registry unless <see cref="Provider"/> is given.</summary>
    public string ProviderId { get; init; } = Registry.SandboxProviderRegistry.DefaultId;

    /// <summary>A provider object injected directly (its <see cref="ISandboxProvider.Id"/> is recorded).</summary>
    public ISandboxProvider? Provider { get; init; }

    /// <summary>The command (argv).</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Extra environment inside (on top of the sandbox's own minimal one).</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra mounts (program directory, service sockets).</summary>
    public IReadOnlyList<SandboxMount> Mounts { get; init; } = [];

    /// <summary>Resource limits.</summary>
    public SandboxLimits Limits { get; init; } = new();

    /// <summary>Review diffs before applying (default on).</summary>
    public bool ReviewDiffs { get; init; } = true;

    /// <summary>Apply the diff at once without waiting for a person.</summary>
    public bool AutoAcceptDiffs { get; init; }

    /// <summary>Allow this run even when started from inside a sandbox.</summary>
    public bool AllowNested { get; init; }

    /// <summary>
    /// The lineage of the caller, as found in its environment (<see cref="SandboxPaths.LineageEnvVar"/>); null when the
    /// caller is on the host.
    /// </summary>
    public string? CallerLineage { get; init; }

    /// <summary>Most sandboxes pending or running at once in this project.</summary>
    public int MaxConcurrentSandboxes { get; init; } = 8;

    /// <summary>Receives stdout lines as they come.</summary>
    public Action<string>? OnStandardOutput { get; init; }

    /// <summary>Receives stderr lines as they come.</summary>
    public Action<string>? OnStandardError { get; init; }

    /// <summary>The run id to use (callers that set up per-run services first choose it); null for a fresh one.</summary>
    public string? RunId { get; init; }

    /// <summary>
    /// Continue the existing run <see cref="RunId"/> in its own workspace (after a crash) instead of taking a new
    /// snapshot: work already done there is kept.
    /// </summary>
    public bool Resume { get; init; }

    /// <summary>
    /// The run's snapshot and checkout, started ahead by the caller for <see cref="RunId"/>; null to make them in the
    /// run. The runner owns it once the run's row exists.
    /// </summary>
    public PreparedWorkspace? Prepared { get; init; }

    /// <summary>How often a heartbeat event is emitted while the command runs.</summary>
    public TimeSpan Heartbeat { get; init; } = TimeSpan.FromSeconds(10);
}
