namespace Smooth.Sandbox.Runs;

/// <summary>What <c>th sandbox prune</c> removed (or, in a dry run, would remove).</summary>
/// <param name="DryRun">True when nothing was removed.</param>
/// <param name="Sandboxes">The settled sandboxes whose working files went, as <c>run/sandbox</c>.</param>
/// <param name="SnapshotRefs">The snapshot refs deleted from the project's repository.</param>
/// <param name="BytesFreed">The size of the removed files.</param>
/// <param name="Kept">Sandboxes left alone because they run or wait for review.</param>
public sealed record PruneReport(bool DryRun, IReadOnlyList<string> Sandboxes, IReadOnlyList<string> SnapshotRefs, long BytesFreed, int Kept);
