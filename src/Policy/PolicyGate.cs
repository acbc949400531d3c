using Smooth.Core.Events;
using Smooth.Egress;

namespace Smooth.Policy;

/// <summary>The egress proxy's gate answered by the policy: every request is a policy decision and an event.</summary>
public sealed class PolicyGate(PolicyLayers layers, IReadOnlyList<string> runAllowHosts, IEventSink events, string runId) : IEgressGate
{
    /// <inheritdoc />
    public ValueTask<EgressDecision> CheckAsync(EgressRequest request, CancellationToken ct)
    {
        var d = layers.ForRun(runAllowHosts).Network(request);
        events.Emit(SmoothEvent.Create("policy.decision", "policy", new Dictionary<string, string>
        {
            ["run"] = runId, ["kind"] = "network", ["resource"] = request.Authority, ["verdict"] = d.Verdict, ["reason"] = d.Reason,
            ["rule"] = d.Rule?.Text ?? "",
        }));
        if (!d.Allowed) return ValueTask.FromResult(EgressDecision.Deny(d.Reason, d.Rule?.Text, askable: d.Verdict == "ask"));
        // Only a rule naming this exact address lets the proxy connect to loopback, private or metadata addresses.
        var names = request.IsIpLiteral && d.Rule is not null && Smooth.Egress.HostRule.Parse(d.Rule.Text).Address?.Equals(request.LiteralAddress) == true;
        return ValueTask.FromResult(new EgressDecision(true, d.Reason, d.Rule?.Text, names, false));
    }
}
