using Smooth.Egress;

/// <summary>
/// The bench's policy for its name rows: requests for one <c>host:port</c> by name are allowed by a rule that names the
/// address the name resolves to (the loopback upstream), so the proxy resolves the name, classifies the answer and
/// connects as it would for any allowed name; everything else is asked of the allow list. Written on the bench's command
/// line as <c>name=HOST:PORT</c>.
/// </summary>
sealed class PinnedNameGate(string host, int port, IEgressGate rest) : IEgressGate
{
    private readonly EgressDecision _allowed = new(true, $"allowed by rule '{host}:{port}' (pinned to its loopback address)", $"{host}:{port}", true, false);

    /// <summary>Builds the gate from the bench's rules: at most one <c>name=HOST:PORT</c>, the rest allow-list rules.</summary>
    public static IEgressGate Parse(IEnumerable<string> rules)
    {
        var list = rules.ToList();
        var pinned = list.FirstOrDefault(r => r.StartsWith("name=", StringComparison.Ordinal));
        var allowList = AllowListGate.Parse(list.Where(r => r != pinned));
        if (pinned is null) return allowList;
        var colon = pinned.LastIndexOf(':');
        return new PinnedNameGate(pinned[5..colon], int.Parse(pinned[(colon + 1)..], System.Globalization.CultureInfo.InvariantCulture), allowList);
    }

    public ValueTask<EgressDecision> CheckAsync(EgressRequest request, CancellationToken ct) =>
        !request.IsIpLiteral && request.Port == port && request.Host == host ? ValueTask.FromResult(_allowed) : rest.CheckAsync(request, ct);
}
