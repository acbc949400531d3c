namespace Smooth.Pearls.Sync;

/// <summary>What a push or pull did.</summary>
/// <param name="Remote">The git remote (name or URL).</param>
/// <param name="Commit">The commit <c>refs/smooth/pearls</c> points at afterwards, or null when the remote has none.</param>
/// <param name="Changed">For push: a new commit was sent. For pull: the local store changed.</param>
/// <param name="Merged">What importing the remote's file did, or null when the remote had no pearls yet.</param>
/// <param name="Records">Records in the file that was pushed or pulled.</param>
public sealed record SyncResult(string Remote, string? Commit, bool Changed, ImportReport? Merged, int Records);
