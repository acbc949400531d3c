using Smooth.Core;
using Smooth.Core.Diagnostics;
using Smooth.Core.Git;
using Smooth.Sandbox.Workspaces;

namespace Smooth.Sandbox.Runs;

/// <summary>
/// A run's snapshot and checkout started ahead of the run, so the git work overlaps what the caller does before
/// it (opening the audit log, starting the egress proxy and the credential stub). Start one only after
/// <see cref="SandboxRunner.PreflightAsync"/> passed: it writes into the repository. The runner claims it through
/// <see cref="SandboxRunRequest.Prepared"/>; disposing one that was never claimed waits for it and removes
/// everything it made (directories and snapshot ref), so a run refused later leaves nothing behind.
/// </summary>
public sealed class PreparedWorkspace : IAsyncDisposable
{
    private readonly string _projectRoot;
    private readonly Task<RunCheckout> _work;
    private int _claimed;

    private PreparedWorkspace(string projectRoot, string runId, Task<RunCheckout> work)
    {
        _projectRoot = projectRoot;
        RunId = runId;
        _work = work;
    }

    /// <summary>The run the workspace belongs to.</summary>
    public string RunId { get; }

    /// <summary>Starts snapshot and checkout of <paramref name="projectRoot"/> for <paramref name="runId"/> in the background.</summary>
    public static PreparedWorkspace Start(string projectRoot, string runId, CancellationToken ct) =>
        // Called directly, not through the pool: the caller starts the git process itself and goes on at its first
        // wait (the pool's first use would cost milliseconds in front of the process start).
        new(projectRoot, runId, CreateAsync(projectRoot, runId, ct));

    /// <summary>Snapshot of <paramref name="projectRoot"/> under the run's ref, then the run's own checkout of it.</summary>
    internal static async Task<RunCheckout> CreateAsync(string projectRoot, string runId, CancellationToken ct)
    {
        var dir = SandboxDirs.For(ProjectLocator.StateDir(projectRoot), runId, SandboxRunner.SandboxId);
        var checkout = await RunCheckout.CreateAsync(projectRoot, RepoSnapshot.RefFor(runId), $"smooth snapshot for {runId}", dir.Workspace, dir.HostGit, ct);
        PhaseTrace.Mark("prepare done");
        return checkout;
    }

    /// <summary>Hands the work to the runner, which owns what it made from now on.</summary>
    internal Task<RunCheckout> ClaimAsync()
    {
        Interlocked.Exchange(ref _claimed, 1);
        return _work;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        if (Volatile.Read(ref _claimed) == 1) return;
        try
        {
            await _work;
        }
        catch (Exception)
        {
            // Whatever it got to is removed below; its error belongs to no run.
        }
        OwnedTree.Delete(Path.Combine(ProjectLocator.StateDir(_projectRoot), "sandboxes", RunId));
        await GitCli.RunAsync(_projectRoot, ["update-ref", "-d", RepoSnapshot.RefFor(RunId)], CancellationToken.None);
    }
}
