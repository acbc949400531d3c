using Smooth.Operator.Hooks;

namespace Smooth.Operator.Host;

/// <summary>A host-side filter over text leaving a tool for the model, or an operator event for the audit log (redaction).</summary>
public interface ITextFilter
{
    /// <summary>The text as it may be passed on, with the rule ids of what was removed or flagged.</summary>
    ValueTask<GuardedResult> FilterAsync(OperatorSession session, string tool, string text, CancellationToken ct);
}
