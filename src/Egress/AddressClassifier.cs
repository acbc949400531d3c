using System.Net;
using System.Net.Sockets;

namespace Smooth.Egress;

/// <summary>Classifies destination addresses so the proxy can refuse internal ones (SSRF, DNS rebinding, metadata theft).</summary>
public static class AddressClassifier
{
    private static readonly IPAddress[] MetadataAddresses =
    [
        IPAddress.Parse("169.254.169.254"), // AWS, GCP, Azure, OpenStack, DigitalOcean
        IPAddress.Parse("169.254.170.2"),   // AWS ECS task credentials
        IPAddress.Parse("169.254.170.23"),  // AWS EKS pod identity
        IPAddress.Parse("100.100.100.200"), // Alibaba Cloud
        IPAddress.Parse("192.0.0.192"),     // Oracle Cloud
        IPAddress.Parse("fd00:ec2::254"),   // AWS IMDS over IPv6
        IPAddress.Parse("fd00:ec2::23"),    // AWS EKS pod identity over IPv6
    ];

    /// <summary>Classifies <paramref name="address"/>; IPv4-mapped and NAT64 (64:ff9b::/96) IPv6 are judged by their IPv4 part.</summary>
    public static AddressKind Classify(IPAddress address)
    {
        if (address.IsIPv4MappedToIPv6) address = address.MapToIPv4();
        if (address.AddressFamily == AddressFamily.InterNetworkV6)
        {
            var b = address.GetAddressBytes();
            if (b[0] == 0x00 && b[1] == 0x64 && b[2] == 0xff && b[3] == 0x9b && b.AsSpan(4, 8).IndexOfAnyExcept((byte)0) < 0)
            {
                return Classify(new IPAddress(b.AsSpan(12, 4)));
            }
            var scopeless = new IPAddress(b);
            if (MetadataAddresses.Contains(scopeless)) return AddressKind.Metadata;
            if (scopeless.Equals(IPAddress.IPv6Loopback)) return AddressKind.Loopback;
            if (scopeless.Equals(IPAddress.IPv6Any)) return AddressKind.Unspecified;
            if (b[0] == 0xff) return AddressKind.Multicast;
            if (b[0] == 0xfe && (b[1] & 0xc0) == 0x80) return AddressKind.LinkLocal;
            if (b[0] == 0xfe && (b[1] & 0xc0) == 0xc0) return AddressKind.Private;
            if ((b[0] & 0xfe) == 0xfc) return AddressKind.Private;
            // IPv4-compatible (::a.b.c.d, deprecated) and 6to4 (2002::/16) embed an IPv4 address that may be internal.
            if (b.AsSpan(0, 12).IndexOfAnyExcept((byte)0) < 0) return Classify(new IPAddress(b.AsSpan(12, 4)));
            if (b[0] == 0x20 && b[1] == 0x02)
            {
                var embedded = Classify(new IPAddress(b.AsSpan(2, 4)));
                if (embedded != AddressKind.Public) return embedded;
            }
            if (b[0] == 0x20 && b[1] == 0x01 && b[2] == 0x0d && b[3] == 0xb8) return AddressKind.Reserved; // documentation
            if (b[0] == 0x01 && b.AsSpan(1, 7).IndexOfAnyExcept((byte)0) < 0) return AddressKind.Reserved; // discard-only 100::/64
            return AddressKind.Public;
        }

        if (MetadataAddresses.Contains(address)) return AddressKind.Metadata;
        var v = address.GetAddressBytes();
        return (v[0], v[1], v[2]) switch
        {
            (0, _, _) => AddressKind.Unspecified,
            (127, _, _) => AddressKind.Loopback,
            (10, _, _) => AddressKind.Private,
            (172, >= 16 and <= 31, _) => AddressKind.Private,
            (192, 168, _) => AddressKind.Private,
            (169, 254, _) => AddressKind.LinkLocal,
            (100, >= 64 and <= 127, _) => AddressKind.CarrierGradeNat,
            (>= 224 and <= 239, _, _) => AddressKind.Multicast,
            (255, 255, 255) when v[3] == 255 => AddressKind.Multicast,
            (>= 240, _, _) => AddressKind.Reserved,
            (192, 0, 0) or (192, 0, 2) or (198, 51, 100) or (203, 0, 113) => AddressKind.Reserved,
            (198, 18 or 19, _) => AddressKind.Reserved,
            _ => AddressKind.Public,
        };
    }
}
