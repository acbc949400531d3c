namespace Smooth.Sandbox.Bundles;

/// <summary>The result bundle's <c>result.json</c>: how the run ended.</summary>
/// <param name="SchemaVersion">Format version.</param>
/// <param name="Status">finished, failed or cancelled.</param>
/// <param name="ExitCode">The command's exit code, when it exited by itself.</param>
/// <param name="LimitHit">The limit that stopped it, if any (timeout, output, processes, memory).</param>
/// <param name="Message">Explanation of a failure.</param>
/// <param name="ElapsedMs">Wall-clock duration.</param>
/// <param name="Outputs">Named outputs the run reported (small JSON-safe strings).</param>
/// <param name="Artifacts">Relative paths of artifact files inside the bundle's <c>artifacts/</c> directory.</param>
public sealed record ResultManifest(
    int SchemaVersion, string Status, int? ExitCode, string? LimitHit, string? Message, long ElapsedMs,
    IReadOnlyDictionary<string, string> Outputs, IReadOnlyList<string> Artifacts);
