using Smooth.Core.Events;
using Smooth.Egress;
using Smooth.Policy.Access;

namespace Smooth.Policy;

/// <summary>
/// The egress proxy's gate answered by the policy. A request the policy would let a person grant files an access
/// request and is held up to <paramref name="hold"/> so a quick approval lets it through; otherwise it fails closed and
/// the request stays pending. Every decision is an event.
/// </summary>
public sealed class PolicyGate(PolicyLayers layers, IReadOnlyList<string> runAllowHosts, IEventSink events, string runId,
    AccessRequestStore? access = null, TimeSpan? hold = null) : IEgressGate
{
    private readonly TimeSpan _hold = hold ?? TimeSpan.Zero;
    private readonly RunPolicy _policy = new(layers, runAllowHosts);

    /// <inheritdoc />
    public async ValueTask<EgressDecision> CheckAsync(EgressRequest request, CancellationToken ct)
    {
        var d = _policy.Current.Network(request);
        if (d.Verdict == "ask" && access is not null)
        {
            d = await AskAsync(request, d, ct);
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

    private async Task<PolicyDecision> AskAsync(EgressRequest request, PolicyDecision denied, CancellationToken ct)
    {
        var resource = request.Authority;
        var granted = new PolicyDecision("allow", $"granted by a person for this run ({resource})", new PolicyRule("network.allow", resource, "access request"));
        if (await access!.TryConsumeGrantAsync(runId, resource, ct)) return granted;
        var filed = await access.FileAsync(runId, "network", resource, denied.Reason, ct);
        events.Emit(SmoothEvent.Create("access.requested", "policy", new Dictionary<string, string>
        {
            ["run"] = runId, ["id"] = filed.Id, ["kind"] = "network", ["resource"] = resource, ["reason"] = denied.Reason,
        }));
        var deadline = DateTime.UtcNow + _hold;
        while (DateTime.UtcNow < deadline)
        {
            await Task.Delay(TimeSpan.FromMilliseconds(200), ct);
            var now = await access.GetAsync(filed.Id, ct);
            if (now?.Status == "denied") return new PolicyDecision("deny", $"access request {filed.Id} for {resource} was denied by a person");
            if (now?.Status != "approved") continue;
            if (now.Scope is "project" or "user")
            {
                layers.ReloadIfChanged();
                var again = _policy.Current.Network(request);
                if (again.Allowed) return again;
            }
            if (await access.TryConsumeGrantAsync(runId, resource, ct)) return granted;
        }
        return denied with
        {
            Reason = $"{denied.Reason}; access request {filed.Id} is pending: a person can grant it with 'th access approve {filed.Id} --scope once|run|project|user'",
        };
    }
}
