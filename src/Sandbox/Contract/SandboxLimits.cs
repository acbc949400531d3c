namespace Smooth.Sandbox.Contract;

/// <summary>Bounds on one sandboxed command. Each one hit is reported as its own <see cref="LimitHit"/>.</summary>
public sealed record SandboxLimits
{
    /// <summary>Wall-clock time before the whole sandbox is killed.</summary>
    public TimeSpan Timeout { get; init; } = TimeSpan.FromMinutes(10);

    /// <summary>Bytes of stdout+stderr kept; past this the command is killed.</summary>
    public long MaxOutputBytes { get; init; } = 8 * 1024 * 1024;

    /// <summary>Maximum number of processes/threads inside.</summary>
    public int MaxProcesses { get; init; } = 256;

    /// <summary>Memory limit in bytes.</summary>
    public long MemoryBytes { get; init; } = 2L * 1024 * 1024 * 1024;

    /// <summary>CPU limit in cores (container providers); null for no limit.</summary>
    public double? Cpus { get; init; }
}
