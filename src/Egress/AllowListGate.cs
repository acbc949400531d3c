namespace Smooth.Egress;

/// <summary>
/// A gate built from <c>host[:port]</c> rules (<c>th sandbox run --allow-host</c>, <c>th egress serve --allow-host</c>):
/// everything not named is denied. IP-literal rules are the only ones that name an address explicitly.
/// </summary>
public sealed class AllowListGate : IEgressGate
{
    private readonly IReadOnlyList<HostRule> _rules;

    /// <summary>Creates the gate from parsed rules.</summary>
    public AllowListGate(IEnumerable<HostRule> rules) => _rules = rules.ToList();

    /// <summary>Parses <paramref name="rules"/>; throws <see cref="FormatException"/> naming the first bad one.</summary>
    public static AllowListGate Parse(IEnumerable<string> rules) => new(rules.Select(HostRule.Parse));

    /// <summary>The rules, in the order given.</summary>
    public IReadOnlyList<HostRule> Rules => _rules;

    /// <inheritdoc />
    public ValueTask<EgressDecision> CheckAsync(EgressRequest request, CancellationToken ct)
    {
        HostRule? hostOnly = null;
        foreach (var rule in _rules)
        {
            if (!rule.MatchesHost(request)) continue;
            if (rule.MatchesPort(request.Port))
            {
                return ValueTask.FromResult(new EgressDecision(true, $"allowed by rule '{rule.Text}'", rule.Text, rule.Address is not null, false));
            }
            hostOnly ??= rule;
        }
        if (hostOnly is not null)
        {
            return ValueTask.FromResult(EgressDecision.Deny(
                $"port {request.Port} is not allowed for {request.Host} (rule '{hostOnly.Text}' allows {hostOnly.PortsText})", hostOnly.Text));
        }
        var what = request.IsIpLiteral ? "IP address" : "host";
        return ValueTask.FromResult(EgressDecision.Deny($"no rule allows {what} {request.Authority}"));
    }
}
