namespace Smooth.Sandbox.Runs;

/// <summary>How a sandbox run ended, as <c>th sandbox run --json</c> prints it.</summary>
/// <param name="RunId">Run id (also the review id when a diff waits).</param>
/// <param name="SandboxId">Sandbox id.</param>
/// <param name="Provider">Provider used.</param>
/// <param name="Status">review, finished, failed or cancelled.</param>
/// <param name="ExitCode">The command's exit code.</param>
/// <param name="LimitHit">The limit that stopped it, if any.</param>
/// <param name="Message">Explanation.</param>
/// <param name="FilesChanged">How many paths the diff changes.</param>
/// <param name="Files">The changed paths with their operation, e.g. <c>modify src/a.c</c>.</param>
/// <param name="ReviewState">none, pending, accepted or rejected.</param>
/// <param name="BundleDirectory">The result bundle directory.</param>
public sealed record SandboxRunReport(
    string RunId, string SandboxId, string Provider, string Status, int? ExitCode, string? LimitHit, string? Message,
    int FilesChanged, IReadOnlyList<string> Files, string ReviewState, string BundleDirectory);
