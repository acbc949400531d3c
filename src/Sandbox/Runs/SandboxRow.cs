namespace Smooth.Sandbox.Runs;

/// <summary>One row of the sandbox table.</summary>
/// <param name="RunId">Run id.</param>
/// <param name="SandboxId">Sandbox id.</param>
/// <param name="Provider">Provider id.</param>
/// <param name="Status">pending, running, review, finished, failed or cancelled.</param>
/// <param name="BaseRef">Snapshot commit.</param>
/// <param name="Command">The command, as JSON argv.</param>
/// <param name="ExitCode">Exit code of the command.</param>
/// <param name="LimitHit">Limit that stopped it.</param>
/// <param name="Message">Failure explanation.</param>
/// <param name="ReviewState">none, pending, accepted or rejected.</param>
/// <param name="ReviewMessage">What the review decision did.</param>
/// <param name="FilesChanged">Patches in the diff bundle.</param>
/// <param name="CreatedAt">Creation time.</param>
/// <param name="UpdatedAt">Last change.</param>
public sealed record SandboxRow(
    string RunId, string SandboxId, string Provider, string Status, string? BaseRef, string Command, long? ExitCode,
    string? LimitHit, string? Message, string ReviewState, string? ReviewMessage, long FilesChanged, string CreatedAt, string UpdatedAt);
