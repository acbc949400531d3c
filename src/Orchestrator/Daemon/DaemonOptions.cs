namespace Smooth.Orchestrator.Daemon;

/// <summary>How to run the daemon.</summary>
public sealed record DaemonOptions
{
    /// <summary>The project root (holding <c>.smooth/</c>).</summary>
    public required string ProjectRoot { get; init; }

    /// <summary>User-scope paths (socket, token, info).</summary>
    public required DaemonPaths Paths { get; init; }

    /// <summary>API port on 127.0.0.1 (default 4400; 0 picks a free one).</summary>
    public int ApiPort { get; init; } = 4400;

    /// <summary>Audit SSE port on 127.0.0.1 (default 4401; 0 picks a free one).</summary>
    public int ArchivistPort { get; init; } = 4401;

    /// <summary>Sandbox provider for operators: <c>bubblewrap</c> (the Safehouse) or <c>direct</c>.</summary>
    public string Provider { get; init; } = "bubblewrap";

    /// <summary>Most operators running at once.</summary>
    public int MaxConcurrent { get; init; } = 4;

    /// <summary>Checks the options; throws with what to fix.</summary>
    public void Validate()
    {
        foreach (var (name, port) in new[] { ("--port", ApiPort), ("--archivist-port", ArchivistPort) })
        {
            if (port is < 0 or > 65535) throw new Core.SmoothException($"{name} must be 0..65535 (got {port})", null, Core.ExitCodes.BadInput);
        }
        if (MaxConcurrent is < 1 or > 256) throw new Core.SmoothException($"--max-concurrent must be 1..256 (got {MaxConcurrent})", null, Core.ExitCodes.BadInput);
        if (Provider is not ("bubblewrap" or "direct"))
        {
            throw new Core.SmoothException($"unknown mode '{Provider}'", "use 'th up' (operators in bubblewrap sandboxes) or 'th up direct'", Core.ExitCodes.BadInput);
        }
        if (Paths.Socket.Length > 100)
        {
            throw new Core.SmoothException($"the socket path '{Paths.Socket}' is too long for a Unix socket", "use a shorter HOME", Core.ExitCodes.Environment);
        }
    }
}
