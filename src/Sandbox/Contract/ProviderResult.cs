namespace Smooth.Sandbox.Contract;

/// <summary>How a sandboxed command ended, as the provider saw it.</summary>
/// <param name="Status">Finished (the command ran to its own exit), failed, or cancelled.</param>
/// <param name="ExitCode">The command's exit code, when it exited by itself.</param>
/// <param name="LimitHit">The limit that stopped it, if one did.</param>
/// <param name="Message">A human explanation of a failure (which limit, which engine error).</param>
/// <param name="StandardOutput">Captured stdout (bounded by the output limit).</param>
/// <param name="StandardError">Captured stderr (bounded by the output limit).</param>
/// <param name="Elapsed">Wall-clock duration.</param>
public sealed record ProviderResult(
    SandboxStatus Status,
    int? ExitCode,
    LimitHit? LimitHit,
    string? Message,
    string StandardOutput,
    string StandardError,
    TimeSpan Elapsed);
