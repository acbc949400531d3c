namespace Smooth.Sandbox.Runs;

/// <summary>Where one sandbox keeps its files: <c>.smooth/sandboxes/&lt;run&gt;/&lt;sandbox&gt;/</c>.</summary>
/// <param name="Root">The sandbox directory.</param>
public sealed record SandboxDirs(string Root)
{
    /// <summary>The directories of <paramref name="runId"/>/<paramref name="sandboxId"/> in a project's state directory.</summary>
    public static SandboxDirs For(string stateDir, string runId, string sandboxId) => new(Path.Combine(stateDir, "sandboxes", runId, sandboxId));

    /// <summary>The request bundle.</summary>
    public string Request => Path.Combine(Root, "request-bundle");

    /// <summary>The result bundle.</summary>
    public string Result => Path.Combine(Root, "result-bundle");

    /// <summary>The run's checkout (mounted at /workspace).</summary>
    public string Workspace => Path.Combine(Root, "workspace");

    /// <summary>The host-private git directory used to compute the diff.</summary>
    public string HostGit => Path.Combine(Root, "host.git");

    /// <summary>Provider scratch space.</summary>
    public string Scratch => Path.Combine(Root, "scratch");
}
