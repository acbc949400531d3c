namespace Smooth.Sandbox.Contract;

/// <summary>Fixed paths and names inside every sandbox.</summary>
public static class SandboxPaths
{
    /// <summary>The run's checkout, read-write.</summary>
    public const string Workspace = "/workspace";

    /// <summary>Where the th program directory is mounted read-only.</summary>
    public const string Program = "/opt/smooth";

    /// <summary>Directory for Unix sockets of host services (egress, credentials, operator API).</summary>
    public const string Sockets = "/run/smooth";

    /// <summary>Environment variable carrying the lineage (<c>runId/sandboxId/depth</c>) into the sandbox.</summary>
    public const string LineageEnvVar = "SMOOTH_SANDBOX_LINEAGE";
}
