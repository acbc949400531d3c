namespace Smooth.Sandbox.Contract;

/// <summary>A host path exposed inside the sandbox.</summary>
/// <param name="HostPath">Absolute host path (file, directory or Unix socket).</param>
/// <param name="SandboxPath">Absolute path inside the sandbox.</param>
/// <param name="ReadOnly">True to mount read-only (the default for everything but the workspace).</param>
public sealed record SandboxMount(string HostPath, string SandboxPath, bool ReadOnly = true);
