using System.Net;
using System.Net.Sockets;

namespace Smooth.Egress;

/// <summary>
/// What the proxy makes of the gate's answer: the IP-literal rule, then the address classification of the resolved (or
/// literal) addresses. Shared by the proxy's asynchronous request path and its fast path, so both judge alike.
/// </summary>
internal static class AdmissionRules
{
    /// <summary>The gate failed: fail closed.</summary>
    public static Admission GateError(EgressRequest request, Exception e) =>
        new(request, false, 403, "gate-error", $"the policy gate could not decide ({e.GetType().Name}); failing closed", null, []);

    /// <summary>A refusal from the gate's answer alone, or null when the request may go on to the address checks.</summary>
    public static Admission? Judge(EgressRequest request, EgressDecision decision)
    {
        if (!decision.Allowed)
        {
            return new Admission(request, false, 403, "not-allowed", decision.Reason, decision.Rule, []);
        }
        if (request.IsIpLiteral && !decision.NamesAddressExplicitly)
        {
            return new Admission(request, false, 403, "ip-literal",
                $"{request.Authority} is an IP address; IP addresses are reached only when a rule names that address (e.g. --allow-host {request.Authority})",
                decision.Rule, []);
        }
        return null;
    }

    /// <summary>
    /// Judges the addresses the name resolved to (or the literal): any internal one refuses the request unless the
    /// deciding rule names the address; an empty list means the name did not resolve.
    /// </summary>
    public static Admission Classify(EgressRequest request, EgressDecision decision, IReadOnlyList<IPAddress> addresses)
    {
        if (addresses.Count == 0)
        {
            return new Admission(request, false, 502, "unresolved", $"could not resolve {request.Host}", decision.Rule, []);
        }
        var checkedAddresses = new List<IPAddress>(addresses.Count);
        foreach (var raw in addresses)
        {
            var address = raw.IsIPv4MappedToIPv6 ? raw.MapToIPv4() : raw;
            var kind = AddressClassifier.Classify(address);
            if (kind != AddressKind.Public && !decision.NamesAddressExplicitly)
            {
                return new Admission(request, false, 403, "internal-address",
                    $"{request.Host} resolves to {Describe(kind)} address {address}; such addresses are reached only when a rule names the address itself (e.g. --allow-host {FormatAuthority(address, request.Port)})",
                    decision.Rule, []);
            }
            checkedAddresses.Add(address);
        }
        return new Admission(request, true, 200, "allowed", decision.Reason, decision.Rule, checkedAddresses);
    }

    private static string Describe(AddressKind kind) => kind switch
    {
        AddressKind.Loopback => "a loopback",
        AddressKind.Private => "a private",
        AddressKind.LinkLocal => "a link-local",
        AddressKind.CarrierGradeNat => "a carrier-grade NAT",
        AddressKind.Multicast => "a multicast/broadcast",
        AddressKind.Unspecified => "an unspecified",
        AddressKind.Metadata => "a cloud metadata",
        _ => "a reserved",
    };

    private static string FormatAuthority(IPAddress address, int port) =>
        address.AddressFamily == AddressFamily.InterNetworkV6 ? $"[{address}]:{port}" : $"{address}:{port}";
}
