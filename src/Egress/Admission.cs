using System.Net;

namespace Smooth.Egress;

/// <summary>The proxy's verdict for one request after the gate, the IP-literal rule and the address checks.</summary>
/// <param name="Request">What was checked.</param>
/// <param name="Allowed">True to connect.</param>
/// <param name="Status">403 for a denial, 502 for a name that did not resolve, 200 when allowed.</param>
/// <param name="Code">Short machine code: <c>allowed</c>, <c>not-allowed</c>, <c>ip-literal</c>, <c>internal-address</c>, <c>host-mismatch</c>, <c>unresolved</c>, <c>gate-error</c>.</param>
/// <param name="Reason">Why, for the person reading the 403 or the event.</param>
/// <param name="Rule">The deciding rule, if any.</param>
/// <param name="Addresses">The checked addresses to connect to (only these).</param>
internal sealed record Admission(EgressRequest Request, bool Allowed, int Status, string Code, string Reason, string? Rule, IReadOnlyList<IPAddress> Addresses);
