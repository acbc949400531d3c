namespace Smooth.Surveillance.Reports;

/// <summary>The result of <c>th narc scan --json</c>.</summary>
public sealed record ScanReport
{
    /// <summary>The scanned file, or <c>-</c> for standard input.</summary>
    public required string Source { get; init; }
    /// <summary>Every finding in text order.</summary>
    public required IReadOnlyList<FindingReport> Findings { get; init; }
    /// <summary>True when a finding is high or critical (the command then exits 1).</summary>
    public required bool HighSeverity { get; init; }
}
