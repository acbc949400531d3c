using Smooth.Operator.Events;

namespace Smooth.Operator.Hooks;

/// <summary>
/// Pre-hook: asks the guard before the call and turns a refusal into a tool error with the reason. Post-hook: passes
/// the result through the guard so secrets are redacted before the model reads them. A guard that cannot be reached
/// refuses the call (fail closed).
/// </summary>
public sealed class GuardHook(IToolInvoker inner, IToolGuard guard, EventStamper events) : DelegatingToolInvoker(inner)
{
    /// <inheritdoc />
    public override async Task<ToolOutcome> InvokeAsync(ToolInvocation call, CancellationToken ct)
    {
        GuardDecision decision;
        try
        {
            decision = await guard.CheckCallAsync(call, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            decision = new GuardDecision(false, $"the policy check could not be completed ({e.GetType().Name}); refusing by default");
        }
        if (!decision.Allowed)
        {
            events.Emit(new OperatorEvent
            {
                Type = OperatorEventTypes.ToolCallRefused, Tool = call.Name, CallId = call.CallId, Iteration = call.Iteration,
                Reason = decision.Reason, Rule = decision.Rule, IsError = true,
            });
            var by = decision.Checker is null ? "" : $" by {decision.Checker}";
            var rule = decision.Rule is null ? "" : $" (rule {decision.Rule})";
            return new ToolOutcome($"refused{by}{rule}: {decision.Reason}. The call did not run; choose another approach or ask for access.",
                IsError: true, Refused: true, Rule: decision.Rule);
        }

        var outcome = await Inner.InvokeAsync(call, ct);
        GuardedResult reviewed;
        try
        {
            reviewed = await guard.ReviewResultAsync(call, outcome, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            // The result could hold a secret and cannot be checked: the model does not get it.
            return new ToolOutcome($"the result of {call.Name} was withheld: it could not be checked ({e.GetType().Name})", IsError: true);
        }
        if (reviewed.Redactions.Count > 0)
        {
            events.Emit(new OperatorEvent
            {
                Type = OperatorEventTypes.ToolResultRedacted, Tool = call.Name, CallId = call.CallId, Iteration = call.Iteration,
                Count = reviewed.Redactions.Count, Rule = string.Join(',', reviewed.Redactions.Distinct(StringComparer.Ordinal)),
            });
        }
        return outcome with { Text = reviewed.Text };
    }
}
