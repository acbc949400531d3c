namespace Smooth.Egress;

/// <summary>What kind of destination an IP address is; everything but <see cref="Public"/> is refused unless a rule names it.</summary>
public enum AddressKind
{
    /// <summary>A globally routable address.</summary>
    Public,
    /// <summary>127.0.0.0/8, ::1.</summary>
    Loopback,
    /// <summary>RFC 1918 (10/8, 172.16/12, 192.168/16) and IPv6 unique-local fc00::/7 (and deprecated site-local fec0::/10).</summary>
    Private,
    /// <summary>169.254/16 and fe80::/10.</summary>
    LinkLocal,
    /// <summary>100.64/10, carrier-grade NAT.</summary>
    CarrierGradeNat,
    /// <summary>224/4 and ff00::/8, plus the IPv4 broadcast address.</summary>
    Multicast,
    /// <summary>0.0.0.0/8 and ::.</summary>
    Unspecified,
    /// <summary>Cloud instance metadata endpoints (169.254.169.254, fd00:ec2::254, 100.100.100.200, ...).</summary>
    Metadata,
    /// <summary>Other special-purpose ranges (240/4, 192.0.0/24, 198.18/15, documentation ranges, ...).</summary>
    Reserved,
}
