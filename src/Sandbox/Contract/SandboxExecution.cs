namespace Smooth.Sandbox.Contract;

/// <summary>What a provider is asked to run: the command, where, with which environment, mounts and limits.</summary>
public sealed record SandboxExecution
{
    /// <summary>The run this sandbox belongs to.</summary>
    public required string RunId { get; init; }

    /// <summary>This sandbox's id within the run.</summary>
    public required string SandboxId { get; init; }

    /// <summary>Host path of the run's own checkout; appears as <see cref="SandboxPaths.Workspace"/> inside (read-write).</summary>
    public required string WorkspacePath { get; init; }

    /// <summary>Host directory the provider may use for its own files (logs, seccomp program, scratch). Not visible inside.</summary>
    public required string ScratchPath { get; init; }

    /// <summary>The program and its arguments (argv; no shell unless the caller asks for one).</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>The complete environment inside; nothing of the host's environment leaks in.</summary>
    public IReadOnlyDictionary<string, string> Environment { get; init; } = new Dictionary<string, string>();

    /// <summary>Extra host paths to expose (the th program directory, Unix sockets of host services).</summary>
    public IReadOnlyList<SandboxMount> Mounts { get; init; } = [];

    /// <summary>Resource limits.</summary>
    public SandboxLimits Limits { get; init; } = new();

    /// <summary>Who started this sandbox; used to refuse nesting unless allowed.</summary>
    public SandboxLineage Lineage { get; init; } = new();

    /// <summary>Whether the command may itself start sandboxes (namespaces creation stays allowed by seccomp).</summary>
    public bool AllowNested { get; init; }

    /// <summary>Receives each stdout line as it is produced (for streaming to the user).</summary>
    public Action<string>? OnStandardOutput { get; init; }

    /// <summary>Receives each stderr line as it is produced.</summary>
    public Action<string>? OnStandardError { get; init; }
}
