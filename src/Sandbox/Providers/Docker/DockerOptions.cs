namespace Smooth.Sandbox.Providers.Docker;

/// <summary>Settings of the docker provider: which docker-compatible CLI, which image, which OCI runtime.</summary>
public sealed record DockerOptions
{
    /// <summary>The engine CLI: <c>docker</c>, <c>podman</c> or a path to either.</summary>
    public string Engine { get; init; } = "docker";

    /// <summary>The image every run starts from.</summary>
    public string Image { get; init; } = "debian:stable-slim";

    /// <summary>OCI runtime to ask for (<c>runc</c> where crun fails on hybrid cgroup hosts); null for the engine's default.</summary>
    public string? Runtime { get; init; }

    /// <summary>Open-files limit inside (<c>--ulimit nofile</c>).</summary>
    public int OpenFiles { get; init; } = 4096;

    /// <summary>True when <see cref="Engine"/> is podman, which supports per-container uid maps.</summary>
    internal bool IsPodman => Path.GetFileName(Engine).Contains("podman", StringComparison.Ordinal);
}
