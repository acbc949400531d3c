using System.Net;

namespace Smooth.Egress.Tests;

public sealed class RuleAndAddressTests
{
    private static EgressRequest Request(string host, int port)
    {
        var literal = TargetAuthority.TryParseIpLiteral(host, out var ip) ? ip : null;
        return new EgressRequest(literal?.ToString() ?? host, port, "connect", null, null, literal);
    }

    [Theory]
    [InlineData("github.com", "github.com", 443, true)]
    [InlineData("github.com", "github.com", 80, true)]
    [InlineData("github.com", "github.com", 22, false)]
    [InlineData("github.com:*", "github.com", 22, true)]
    [InlineData("GitHub.com.:8443", "github.com", 8443, true)]
    [InlineData("*.github.com", "api.github.com", 443, true)]
    [InlineData("*.github.com", "github.com", 443, false)]
    [InlineData("*.github.com", "evilgithub.com", 443, false)]
    [InlineData("127.0.0.1:8080", "127.0.0.1", 8080, true)]
    [InlineData("127.0.0.1:8080", "127.1", 8080, true)]
    [InlineData("[::1]:8080", "::1", 8080, true)]
    [InlineData("localhost:8080", "127.0.0.1", 8080, false)]
    public async Task AllowListGate_MatchesHostsAndPorts(string rule, string host, int port, bool allowed)
    {
        var decision = await AllowListGate.Parse([rule]).CheckAsync(Request(host, port), CancellationToken.None);
        Assert.Equal(allowed, decision.Allowed);
    }

    [Fact]
    public async Task OnlyIpLiteralRules_NameAnAddressExplicitly()
    {
        var gate = AllowListGate.Parse(["127.0.0.1:8080", "internal.example:8080"]);
        Assert.True((await gate.CheckAsync(Request("127.0.0.1", 8080), CancellationToken.None)).NamesAddressExplicitly);
        var byName = await gate.CheckAsync(Request("internal.example", 8080), CancellationToken.None);
        Assert.True(byName.Allowed);
        Assert.False(byName.NamesAddressExplicitly);
    }

    [Theory]
    [InlineData("")]
    [InlineData("https://github.com")]
    [InlineData("github.com/path")]
    [InlineData("github.com:0")]
    [InlineData("github.com:70000")]
    [InlineData("::1:80")]
    [InlineData("bad host")]
    public void HostRule_RejectsMalformedRules(string rule) =>
        Assert.Throws<FormatException>(() => HostRule.Parse(rule));

    [Theory]
    [InlineData("8.8.8.8", AddressKind.Public)]
    [InlineData("2606:4700::1111", AddressKind.Public)]
    [InlineData("127.0.0.1", AddressKind.Loopback)]
    [InlineData("127.255.0.9", AddressKind.Loopback)]
    [InlineData("::1", AddressKind.Loopback)]
    [InlineData("10.0.0.1", AddressKind.Private)]
    [InlineData("172.16.5.4", AddressKind.Private)]
    [InlineData("172.32.0.1", AddressKind.Public)]
    [InlineData("192.168.1.1", AddressKind.Private)]
    [InlineData("fd12::1", AddressKind.Private)]
    [InlineData("169.254.1.1", AddressKind.LinkLocal)]
    [InlineData("fe80::1", AddressKind.LinkLocal)]
    [InlineData("100.64.0.1", AddressKind.CarrierGradeNat)]
    [InlineData("224.0.0.1", AddressKind.Multicast)]
    [InlineData("ff02::1", AddressKind.Multicast)]
    [InlineData("0.0.0.0", AddressKind.Unspecified)]
    [InlineData("::", AddressKind.Unspecified)]
    [InlineData("169.254.169.254", AddressKind.Metadata)]
    [InlineData("fd00:ec2::254", AddressKind.Metadata)]
    [InlineData("100.100.100.200", AddressKind.Metadata)]
    [InlineData("::ffff:10.0.0.1", AddressKind.Private)]
    [InlineData("64:ff9b::7f00:1", AddressKind.Loopback)]
    [InlineData("2002:7f00:1::", AddressKind.Loopback)]
    [InlineData("240.0.0.1", AddressKind.Reserved)]
    public void AddressClassifier_ClassifiesRanges(string address, AddressKind kind) =>
        Assert.Equal(kind, AddressClassifier.Classify(IPAddress.Parse(address)));

    [Theory]
    [InlineData("2130706433", "127.0.0.1")]
    [InlineData("0x7f000001", "127.0.0.1")]
    [InlineData("127.1", "127.0.0.1")]
    [InlineData("::ffff:127.0.0.1", "127.0.0.1")]
    public void NumericHostForms_AreTreatedAsAddresses(string host, string expected)
    {
        Assert.True(TargetAuthority.TryParseIpLiteral(host, out var ip));
        Assert.Equal(expected, ip.ToString());
    }
}
