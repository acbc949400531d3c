using System.Net;

namespace Smooth.Egress;

/// <summary>
/// One outbound request as the gate sees it. Names are checked <em>before</em> they are resolved, so a denied name is
/// never looked up (no DNS side channel); <see cref="LiteralAddress"/> is set when the client named an IP address.
/// </summary>
/// <param name="Host">Lower-case host name without a trailing dot, or the canonical text of an IP literal.</param>
/// <param name="Port">The destination port.</param>
/// <param name="Scheme"><c>http</c> for a plain HTTP request, <c>connect</c> for a CONNECT tunnel (usually TLS).</param>
/// <param name="Method">The HTTP method for plain HTTP; null for CONNECT.</param>
/// <param name="Path">The request path without its query string for plain HTTP; null for CONNECT.</param>
/// <param name="LiteralAddress">The address when <paramref name="Host"/> is an IP literal; otherwise null.</param>
public sealed record EgressRequest(string Host, int Port, string Scheme, string? Method, string? Path, IPAddress? LiteralAddress)
{
    /// <summary>True when the client addressed an IP literal rather than a name.</summary>
    public bool IsIpLiteral => LiteralAddress is not null;

    /// <summary><c>host:port</c>, with IPv6 literals in brackets.</summary>
    public string Authority => LiteralAddress is { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
