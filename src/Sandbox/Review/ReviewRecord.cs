namespace Smooth.Sandbox.Review;

/// <summary>A run's diff review, as <c>th review list --json</c> prints it.</summary>
/// <param name="Id">The review id (the run id).</param>
/// <param name="Provider">Provider the run used.</param>
/// <param name="Status">The run's status.</param>
/// <param name="State">pending, accepted or rejected.</param>
/// <param name="FilesChanged">Number of changed paths.</param>
/// <param name="Command">The command that ran.</param>
/// <param name="Message">What the last decision did (e.g. the conflict report).</param>
/// <param name="CreatedAt">When the run started.</param>
public sealed record ReviewRecord(string Id, string Provider, string Status, string State, int FilesChanged, string Command, string? Message, string CreatedAt);

/// <summary>A review with its diff, as <c>th review show --json</c> prints it.</summary>
/// <param name="Review">The review.</param>
/// <param name="BaseRef">The snapshot the diff applies to.</param>
/// <param name="Patches">The changes.</param>
public sealed record ReviewDetails(ReviewRecord Review, string BaseRef, IReadOnlyList<Diffs.FilePatch> Patches);
