using Smooth.Core.Events;
using Smooth.Egress;
using Smooth.Policy.Access;

namespace Smooth.Policy;

/// <summary>
/// The egress proxy's gate answered by the policy. A request the policy would let a person grant goes to the
/// <paramref name="access"/> negotiator (auto-approve, an earlier grant, or a held access request); without one it fails
/// closed at once. Every decision is an event.
/// </summary>
public sealed class PolicyGate(PolicyLayers layers, IReadOnlyList<string> runAllowHosts, IEventSink events, string runId,
    AccessNegotiator? access = null) : IEgressGate
{
    private readonly RunPolicy _policy = new(layers, runAllowHosts);

    /// <inheritdoc />
    public async ValueTask<EgressDecision> CheckAsync(EgressRequest request, CancellationToken ct)
    {
        var policy = _policy.Current;
        var d = policy.Network(request);
        if (d.Verdict == "ask" && access is not null)
        {
            d = await access.AskAsync(runId, "network", request.Authority, d, policy.AutoApprove("network", request.Authority, request), () =>
            {
                layers.ReloadIfChanged();
                return _policy.Current.Network(request);
            }, ct);
        }
        events.Emit(SmoothEvent.Create("policy.decision", "policy", new Dictionary<string, string>
        {
            ["run"] = runId, ["kind"] = "network", ["resource"] = request.Authority, ["verdict"] = d.Verdict, ["reason"] = d.Reason,
            ["rule"] = d.Rule?.Text ?? "",
        }));
        if (!d.Allowed) return EgressDecision.Deny(d.Reason, d.Rule?.Text, askable: d.Verdict == "ask");
        // Only a rule naming this exact address lets the proxy connect to loopback, private or metadata addresses.
        var names = request.IsIpLiteral && d.Rule is not null && HostRule.Parse(d.Rule.Text).Address?.Equals(request.LiteralAddress) == true;
        return new EgressDecision(true, d.Reason, d.Rule?.Text, names, false);
    }
}
