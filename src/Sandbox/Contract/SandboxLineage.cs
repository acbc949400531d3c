namespace Smooth.Sandbox.Contract;

/// <summary>
/// Where a sandbox came from. It travels in the request bundle and in the sandbox's environment
/// (<see cref="SandboxPaths.LineageEnvVar"/>), so a run started inside a sandbox is detected across processes.
/// </summary>
/// <param name="ParentRunId">The run of the sandbox this one was started from, if any.</param>
/// <param name="ParentSandboxId">The sandbox this one was started from, if any.</param>
/// <param name="Depth">0 for a sandbox started from the host, 1 for one started inside a sandbox, ...</param>
public sealed record SandboxLineage(string? ParentRunId = null, string? ParentSandboxId = null, int Depth = 0);
