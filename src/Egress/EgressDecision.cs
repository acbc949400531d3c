namespace Smooth.Egress;

/// <summary>The gate's answer for one <see cref="EgressRequest"/>.</summary>
/// <param name="Allowed">True to forward the request.</param>
/// <param name="Reason">Why, in a short sentence a person can act on (shown in the 403 body and in events).</param>
/// <param name="Rule">The text of the rule that decided, or null when no rule matched.</param>
/// <param name="NamesAddressExplicitly">
/// True when the deciding rule names this exact address (an IP-literal rule such as <c>127.0.0.1:8080</c>).
/// Only then may the proxy connect to loopback, private, link-local or metadata addresses, or to an IP-literal host.
/// </param>
/// <param name="Askable">True when a person may grant this at run time (an access request makes sense).</param>
public sealed record EgressDecision(bool Allowed, string Reason, string? Rule, bool NamesAddressExplicitly, bool Askable)
{
    /// <summary>A denial with a reason and, when one decided it, the rule.</summary>
    public static EgressDecision Deny(string reason, string? rule = null, bool askable = true) => new(false, reason, rule, false, askable);
}
