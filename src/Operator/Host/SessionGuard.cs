using Smooth.Operator.Hooks;

namespace Smooth.Operator.Host;

/// <summary>
/// The guard of one session as an <see cref="IToolGuard"/>, for operators that run in the host process (tests,
/// benchmarks). Operators in a sandbox reach the same checks through the operator API.
/// </summary>
public sealed class SessionGuard(OperatorSession session) : IToolGuard
{
    /// <inheritdoc />
    public Task<GuardDecision> CheckCallAsync(ToolInvocation call, CancellationToken ct) => session.Guard.CheckCallAsync(session, call, ct);

    /// <inheritdoc />
    public Task<GuardedResult> ReviewResultAsync(ToolInvocation call, ToolOutcome outcome, CancellationToken ct) =>
        session.Guard.FilterAsync(session, call.Name, outcome.Text, ct);
}
