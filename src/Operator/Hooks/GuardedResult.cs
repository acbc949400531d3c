namespace Smooth.Operator.Hooks;

/// <summary>A post-hook's answer: the text the model may read and what surveillance found in the original.</summary>
/// <param name="Text">The (possibly redacted) text.</param>
/// <param name="Redactions">Rule ids of what was redacted.</param>
/// <param name="Alerts">Rule ids of findings that were flagged but left in (prompt injection warnings, ...).</param>
public sealed record GuardedResult(string Text, IReadOnlyList<string> Redactions, IReadOnlyList<string> Alerts)
{
    /// <summary>True when the host also saved the checkpoint the request carried.</summary>
    public bool CheckpointSaved { get; init; }
}
