namespace Smooth.Sandbox.Workspaces;

/// <summary>A snapshot of the user's repository and what a run's checkout needs to know about that repository.</summary>
/// <param name="Commit">The snapshot commit.</param>
/// <param name="Tree">Its tree.</param>
/// <param name="GitCommonDir">The repository's common git directory (absolute), whose objects the host borrows.</param>
/// <param name="ObjectFormat"><c>sha1</c> or <c>sha256</c>.</param>
public sealed record SnapshotResult(string Commit, string Tree, string GitCommonDir, string ObjectFormat);
