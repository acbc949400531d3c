namespace Smooth.Operator.Hooks;

/// <summary>
/// The checks every tool call passes: policy and surveillance before the call, surveillance (redaction, alerts) on the
/// result. In a sandbox it is answered by the host through the operator API, so the rules never live where the agent runs.
/// </summary>
public interface IToolGuard
{
    /// <summary>May this call run?</summary>
    Task<GuardDecision> CheckCallAsync(ToolInvocation call, CancellationToken ct);

    /// <summary>The result as the model may see it (secrets redacted), with what was found.</summary>
    Task<GuardedResult> ReviewResultAsync(ToolInvocation call, ToolOutcome outcome, CancellationToken ct);
}
