using System.Globalization;
using System.Net;
using System.Net.Sockets;

namespace Smooth.Egress;

/// <summary>A parsed, normalised <c>host:port</c> from a request target or a Host header.</summary>
/// <param name="Host">Lower-case name without trailing dot, or canonical IP text (IPv6 without brackets).</param>
/// <param name="Port">The port (the scheme's default when none was written).</param>
/// <param name="Address">The address when the host is an IP literal.</param>
internal readonly record struct TargetAuthority(string Host, int Port, IPAddress? Address)
{
    /// <summary>Parses <c>host[:port]</c> (<c>[v6]:port</c> for IPv6); null when malformed.</summary>
    public static TargetAuthority? Parse(string text, int? defaultPort)
    {
        if (text.Length == 0 || text.Length > 300) return null;
        string host;
        string? port = null;
        if (text[0] == '[')
        {
            var close = text.IndexOf(']');
            if (close < 0) return null;
            host = text[1..close];
            var rest = text.AsSpan(close + 1);
            if (rest.Length > 0)
            {
                if (rest[0] != ':') return null;
                port = rest[1..].ToString();
            }
            if (!IPAddress.TryParse(host, out var v6) || v6.AddressFamily != AddressFamily.InterNetworkV6) return null;
        }
        else
        {
            var colon = text.IndexOf(':');
            if (colon >= 0 && text.IndexOf(':', colon + 1) >= 0) return null;
            host = colon >= 0 ? text[..colon] : text;
            port = colon >= 0 ? text[(colon + 1)..] : null;
        }

        int p;
        if (port is null)
        {
            if (defaultPort is null) return null;
            p = defaultPort.Value;
        }
        else if (!int.TryParse(port, NumberStyles.None, CultureInfo.InvariantCulture, out p) || p is < 1 or > 65535)
        {
            return null;
        }

        if (TryParseIpLiteral(host, out var ip))
        {
            return new TargetAuthority(ip.ToString(), p, ip);
        }
        var name = NormaliseName(host);
        return name is null ? null : new TargetAuthority(name, p, null);
    }

    /// <summary>
    /// Parses an IP literal in any form the system resolver would also accept as numeric
    /// (<c>127.1</c>, <c>2130706433</c>, <c>0x7f.0.0.1</c>, IPv6), so such hosts are always treated as addresses.
    /// </summary>
    public static bool TryParseIpLiteral(string host, out IPAddress address)
    {
        address = IPAddress.None;
        if (host.Length == 0) return false;
        var looksNumeric = host.Contains(':') || host.All(c => char.IsAsciiHexDigit(c) || c is '.' or 'x' or 'X');
        var lastLabel = host.TrimEnd('.').Split('.')[^1];
        // A name whose last label is numeric or hex-like can only be an address (no top-level domain is numeric).
        if (!looksNumeric && !(lastLabel.Length > 0 && (lastLabel.All(char.IsAsciiDigit) || lastLabel.StartsWith("0x", StringComparison.OrdinalIgnoreCase))))
        {
            return false;
        }
        if (IPAddress.TryParse(host.TrimEnd('.'), out var parsed))
        {
            address = parsed.IsIPv4MappedToIPv6 ? parsed.MapToIPv4() : parsed;
            if (address.AddressFamily == AddressFamily.InterNetworkV6) address.ScopeId = 0;
            return true;
        }
        return false;
    }

    /// <summary>Lower-cases a DNS name and drops a trailing dot; null when it has characters a host name cannot have.</summary>
    public static string? NormaliseName(string host)
    {
        var h = host.EndsWith('.') ? host[..^1] : host;
        if (h.Length is 0 or > 253) return null;
        foreach (var label in h.Split('.'))
        {
            if (label.Length is 0 or > 63) return null;
            foreach (var c in label)
            {
                if (!(char.IsAsciiLetterOrDigit(c) || c is '-' or '_')) return null;
            }
        }
        return h.ToLowerInvariant();
    }

    /// <summary><c>host:port</c> with IPv6 in brackets.</summary>
    public override string ToString() => Address is { AddressFamily: AddressFamily.InterNetworkV6 } ? $"[{Host}]:{Port}" : $"{Host}:{Port}";
}
