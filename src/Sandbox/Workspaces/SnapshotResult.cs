namespace Smooth.Sandbox.Workspaces;

/// <summary>A snapshot of the user's repository.</summary>
/// <param name="Commit">The snapshot commit.</param>
/// <param name="Tree">Its tree.</param>
public sealed record SnapshotResult(string Commit, string Tree);
