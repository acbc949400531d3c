using Smooth.Operator.Hooks;
using Smooth.Operator.Host;
using Smooth.Surveillance;

namespace Smooth.Orchestrator.Guards;

/// <summary>Narc's pre-hook: the command guard, the write guard and secrets in written content, with the judge for gray cases.</summary>
public sealed class SurveillanceCallCheck(SurveillanceEngine engine) : IToolCallCheck
{
    /// <inheritdoc />
    public async ValueTask<GuardDecision> CheckAsync(OperatorSession session, ToolInvocation call, CancellationToken ct)
    {
        var verdict = await engine.CheckToolCallAsync(call.Name, call.ArgumentsJson, ct);
        if (verdict.Allowed) return GuardDecision.Allow;
        var reason = verdict.Decision == VerdictDecision.Escalate
            ? $"{verdict.Reason} (escalated for a person to decide)"
            : verdict.Reason;
        return new GuardDecision(false, reason, verdict.Findings.FirstOrDefault()?.RuleId, "surveillance");
    }
}
