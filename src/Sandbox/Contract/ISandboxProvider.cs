namespace Smooth.Sandbox.Contract;

/// <summary>
/// Runs one command in an isolated place over a prepared workspace. A provider only executes and bounds;
/// snapshots, bundles, diffs and review are done by the host around it, the same for every provider.
/// </summary>
public interface ISandboxProvider
{
    /// <summary>The registry id, e.g. <c>bubblewrap</c>, <c>direct</c>, <c>docker</c>.</summary>
    string Id { get; }

    /// <summary>
    /// Checks that the engine this provider needs is present and usable (bwrap installed and user namespaces allowed,
    /// a container engine answering). Throws <see cref="Core.SmoothException"/> saying what is missing and how to fix it.
    /// </summary>
    Task EnsureAvailableAsync(CancellationToken ct);

    /// <summary>Runs <see cref="SandboxExecution.Command"/> and returns how it ended. Limits hit are results, not exceptions.</summary>
    Task<ProviderResult> RunAsync(SandboxExecution execution, CancellationToken ct);

    /// <summary>Releases whatever <see cref="RunAsync"/> left (containers, processes, temp dirs). Must be safe to call twice.</summary>
    Task CleanupAsync(SandboxExecution execution, CancellationToken ct);
}
