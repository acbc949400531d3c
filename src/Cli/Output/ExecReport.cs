namespace Smooth.Cli.Output;

/// <summary>The last JSON line of <c>th exec --json</c> (documented in docs/events.md).</summary>
/// <param name="RunId">The run.</param>
/// <param name="PearlId">The pearl.</param>
/// <param name="Stop">How the operator ended.</param>
/// <param name="Summary">Its summary.</param>
/// <param name="CostUsd">Model spend.</param>
/// <param name="Status">The sandbox run's status (review, finished, failed, cancelled).</param>
/// <param name="ReviewState">pending, accepted or none.</param>
/// <param name="FilesChanged">Files in the diff.</param>
/// <param name="Files">"operation path" per file.</param>
public sealed record ExecReport(string RunId, string PearlId, string Stop, string Summary, decimal CostUsd, string Status, string ReviewState, int FilesChanged, IReadOnlyList<string> Files);
