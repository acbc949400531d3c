using Smooth.Operator.Hooks;

namespace Smooth.Operator.Host;

/// <summary>One host-side check of a tool call before it runs (policy, surveillance).</summary>
public interface IToolCallCheck
{
    /// <summary>The answer for <paramref name="call"/> made by the operator of <paramref name="session"/>.</summary>
    ValueTask<GuardDecision> CheckAsync(OperatorSession session, ToolInvocation call, CancellationToken ct);
}
