using System.Globalization;
using System.Net;

namespace Smooth.Egress;

/// <summary>
/// One allow rule in the <c>host[:port]</c> form used by <c>--allow-host</c>: an exact name (<c>github.com</c>),
/// a suffix wildcard (<c>*.github.com</c>, which does not match <c>github.com</c> itself), or an IP literal
/// (<c>127.0.0.1:8080</c>, <c>[::1]:8080</c>). No port means the web ports 80 and 443; <c>:*</c> means any port.
/// </summary>
public sealed record HostRule
{
    private static readonly int[] WebPorts = [80, 443];

    private HostRule(string text, string host, IPAddress? address, bool wildcard, int? port, bool anyPort)
    {
        Text = text;
        Host = host;
        Address = address;
        IsWildcard = wildcard;
        Port = port;
        AnyPort = anyPort;
    }

    /// <summary>The rule as written (normalised), e.g. <c>*.example.com:443</c>.</summary>
    public string Text { get; }

    /// <summary>The host part: a lower-case name, the suffix after <c>*.</c>, or the canonical address text.</summary>
    public string Host { get; }

    /// <summary>The address when the rule is an IP literal.</summary>
    public IPAddress? Address { get; }

    /// <summary>True for <c>*.suffix</c> rules.</summary>
    public bool IsWildcard { get; }

    /// <summary>The one port allowed, or null when the rule allows the web ports or any port.</summary>
    public int? Port { get; }

    /// <summary>True for <c>host:*</c>.</summary>
    public bool AnyPort { get; }

    /// <summary>Parses a rule; throws <see cref="FormatException"/> with a message saying what is wrong.</summary>
    public static HostRule Parse(string text)
    {
        var s = text.Trim();
        if (s.Length == 0)
        {
            throw new FormatException("empty host rule");
        }
        if (s.Contains("://", StringComparison.Ordinal) || s.Contains('/') || s.Contains('@'))
        {
            throw new FormatException($"'{text}' is not host[:port] (no scheme, path or user part)");
        }

        string hostPart;
        string? portPart = null;
        if (s.StartsWith('['))
        {
            var close = s.IndexOf(']');
            if (close < 0) throw new FormatException($"'{text}': missing ']' after the IPv6 address");
            hostPart = s[1..close];
            var rest = s[(close + 1)..];
            if (rest.Length > 0)
            {
                if (rest[0] != ':') throw new FormatException($"'{text}': expected ':port' after ']'");
                portPart = rest[1..];
            }
            if (!IPAddress.TryParse(hostPart, out _)) throw new FormatException($"'{text}': '{hostPart}' is not an IPv6 address");
        }
        else
        {
            var colon = s.LastIndexOf(':');
            if (colon >= 0 && s.IndexOf(':') != colon)
            {
                throw new FormatException($"'{text}': write IPv6 addresses in brackets, e.g. [::1]:8080");
            }
            hostPart = colon >= 0 ? s[..colon] : s;
            portPart = colon >= 0 ? s[(colon + 1)..] : null;
        }

        int? port = null;
        var anyPort = false;
        if (portPart is not null)
        {
            if (portPart == "*") anyPort = true;
            else if (int.TryParse(portPart, NumberStyles.None, CultureInfo.InvariantCulture, out var p) && p is > 0 and <= 65535) port = p;
            else throw new FormatException($"'{text}': port must be 1-65535 or '*'");
        }

        var wildcard = hostPart.StartsWith("*.", StringComparison.Ordinal);
        var name = wildcard ? hostPart[2..] : hostPart;
        IPAddress? address = null;
        if (!wildcard && TargetAuthority.TryParseIpLiteral(name, out var ip))
        {
            address = ip;
            name = ip.ToString();
        }
        else
        {
            name = TargetAuthority.NormaliseName(name)
                ?? throw new FormatException($"'{text}': '{hostPart}' is not a valid host name");
        }

        var hostText = address is { AddressFamily: System.Net.Sockets.AddressFamily.InterNetworkV6 } ? $"[{name}]" : (wildcard ? "*." + name : name);
        var normalised = hostText + (anyPort ? ":*" : port is { } pp ? ":" + pp.ToString(CultureInfo.InvariantCulture) : string.Empty);
        return new HostRule(normalised, name, address, wildcard, port, anyPort);
    }

    /// <summary>True when the rule's host part covers <paramref name="request"/>'s host (ports not considered).</summary>
    public bool MatchesHost(EgressRequest request)
    {
        if (request.LiteralAddress is { } literal)
        {
            return Address is not null && Address.Equals(literal);
        }
        if (Address is not null) return false;
        return IsWildcard
            ? request.Host.Length > Host.Length && request.Host.EndsWith("." + Host, StringComparison.Ordinal)
            : request.Host == Host;
    }

    /// <summary>True when the rule allows <paramref name="port"/>.</summary>
    public bool MatchesPort(int port) => AnyPort || (Port is { } p ? p == port : WebPorts.Contains(port));

    /// <summary>The ports the rule allows, for messages.</summary>
    public string PortsText => AnyPort ? "any port" : Port is { } p ? $"port {p}" : "ports 80 and 443";
}
