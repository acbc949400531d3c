using System.Net;
using System.Net.Security;
using System.Text;

namespace Smooth.Egress.Tests;

public sealed class EgressProxyTests
{
    [Fact]
    public async Task AllowedPlainHttp_IsForwarded_AndTheDecisionEventCarriesBytes()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        await using var proxy = ProxyHarness.Allow($"127.0.0.1:{upstream.Port}");

        var response = await proxy.GetAsync($"http://127.0.0.1:{upstream.Port}/hello?token=abc");

        Assert.Equal(200, response.Status);
        Assert.Equal("hello from upstream", response.Text);
        var e = await Eventually.GetAsync(() => proxy.Decisions().FirstOrDefault());
        Assert.Equal("allow", e.Attributes["decision"]);
        Assert.Equal("GET", e.Attributes["method"]);
        Assert.Equal("/hello", e.Attributes["path"]); // the query (where tools put tokens) is not recorded
        Assert.Equal($"127.0.0.1:{upstream.Port}", e.Attributes["rule"]);
        Assert.True(long.Parse(e.Attributes["bytesIn"]) > 19);
        Assert.True(long.Parse(e.Attributes["bytesOut"]) > 0);
        Assert.DoesNotContain(proxy.Events.Snapshot(), ev => ev.Attributes.Values.Any(v => v.Contains("abc")));
    }

    [Fact]
    public async Task KeepAlive_ServesSeveralRequestsOnOneConnection_WithBodiesAndChunking()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        await using var proxy = ProxyHarness.Allow($"127.0.0.1:{upstream.Port}");
        var authority = $"127.0.0.1:{upstream.Port}";
        await using var stream = await proxy.ConnectAsync();

        var first = await RawHttp.SendAsync(stream, $"GET http://{authority}/hello HTTP/1.1\r\nHost: {authority}\r\n\r\n");
        var body = Encoding.ASCII.GetBytes(new string('x', 100_000));
        var second = await RawHttp.SendAsync(stream, $"POST http://{authority}/echo HTTP/1.1\r\nHost: {authority}\r\nContent-Length: {body.Length}\r\n\r\n", body);
        var third = await RawHttp.SendAsync(stream, $"POST http://{authority}/echo HTTP/1.1\r\nHost: {authority}\r\nTransfer-Encoding: chunked\r\n\r\n",
            Encoding.ASCII.GetBytes("5\r\nhello\r\n6\r\n world\r\n0\r\n\r\n"));
        var fourth = await RawHttp.SendAsync(stream, $"GET http://{authority}/chunked HTTP/1.1\r\nHost: {authority}\r\n\r\n");
        var fifth = await RawHttp.SendAsync(stream, $"HEAD http://{authority}/hello HTTP/1.1\r\nHost: {authority}\r\n\r\n", headOnly: true);
        var sixth = await RawHttp.SendAsync(stream, $"GET http://{authority}/hello HTTP/1.1\r\nHost: {authority}\r\n\r\n");

        Assert.Equal("hello from upstream", first.Text);
        Assert.Equal(body, second.Body);
        Assert.Equal("hello world", third.Text);
        Assert.Equal("part0\npart1\npart2\npart3\npart4\n", fourth.Text);
        Assert.Equal(200, fifth.Status);
        Assert.Equal("hello from upstream", sixth.Text);
        Assert.Equal(6, (await Eventually.GetAsync(() => proxy.Decisions().Count == 6 ? proxy.Decisions() : null)).Count);
    }

    [Fact]
    public async Task AllowedConnect_TunnelsTlsEndToEnd()
    {
        await using var upstream = await UpstreamServer.StartAsync(https: true);
        await using var proxy = ProxyHarness.Allow($"127.0.0.1:{upstream.Port}");

        var (response, stream) = await proxy.ConnectTunnelAsync($"127.0.0.1:{upstream.Port}");
        await using (stream)
        {
            Assert.Equal(200, response.Status);
            await using var tls = new SslStream(stream, leaveInnerStreamOpen: false, (_, _, _, _) => true);
            await tls.AuthenticateAsClientAsync("127.0.0.1");
            var result = await RawHttp.SendAsync(tls, $"GET /hello HTTP/1.1\r\nHost: 127.0.0.1:{upstream.Port}\r\nConnection: close\r\n\r\n");
            Assert.Equal("hello from upstream", result.Text);
        }
        var e = await Eventually.GetAsync(() => proxy.Decisions().FirstOrDefault());
        Assert.Equal("connect", e.Attributes["scheme"]);
        Assert.True(long.Parse(e.Attributes["bytesIn"]) > 500); // the TLS handshake and response went through
    }

    [Fact]
    public async Task NotAllowedHost_PlainHttp_Gets403NamingReasonAndHowToAsk()
    {
        await using var proxy = ProxyHarness.Allow("github.com");

        var response = await proxy.GetAsync("http://example.com/");

        Assert.Equal(403, response.Status);
        Assert.StartsWith("not-allowed", response.Header("X-Smooth-Denied"));
        Assert.Contains("no rule allows host example.com:80", response.Text);
        Assert.Contains("th access pending", response.Text);
        Assert.Contains("--allow-host example.com:80", response.Text);
        var e = Assert.Single(proxy.Decisions());
        Assert.Equal("deny", e.Attributes["decision"]);
        Assert.Equal("0", e.Attributes["bytesOut"]);
    }

    [Fact]
    public async Task NotAllowedHost_Connect_Gets403_AndTheNameIsNeverResolved()
    {
        var resolver = new TestResolver(new Dictionary<string, IPAddress[]>());
        await using var proxy = ProxyHarness.Allow(resolver, "github.com");

        var (response, stream) = await proxy.ConnectTunnelAsync("secret-data.exfil.example:443");
        await stream.DisposeAsync();

        Assert.Equal(403, response.Status);
        Assert.StartsWith("not-allowed", response.Header("X-Smooth-Denied"));
        Assert.Empty(resolver.Lookups); // no DNS side channel for denied names
    }

    [Fact]
    public async Task AllowedName_ResolvingToLoopback_IsRefused()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        var resolver = new TestResolver(new Dictionary<string, IPAddress[]> { ["rebind.example"] = [IPAddress.Loopback] });
        await using var proxy = ProxyHarness.Allow(resolver, $"rebind.example:{upstream.Port}");

        var response = await proxy.GetAsync($"http://rebind.example:{upstream.Port}/hello");
        var (connect, stream) = await proxy.ConnectTunnelAsync($"rebind.example:{upstream.Port}");
        await stream.DisposeAsync();

        Assert.Equal(403, response.Status);
        Assert.StartsWith("internal-address", response.Header("X-Smooth-Denied"));
        Assert.Contains("loopback address 127.0.0.1", response.Text);
        Assert.Equal(403, connect.Status);
        Assert.Equal(0, upstream.Requests);
    }

    [Fact]
    public async Task Localhost_AllowedByName_IsRefusedThroughTheSystemResolver()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        await using var proxy = ProxyHarness.Allow($"localhost:{upstream.Port}");

        var response = await proxy.GetAsync($"http://localhost:{upstream.Port}/hello");

        Assert.Equal(403, response.Status);
        Assert.StartsWith("internal-address", response.Header("X-Smooth-Denied"));
        Assert.Equal(0, upstream.Requests);
    }

    [Theory]
    [InlineData("169.254.169.254")]
    [InlineData("10.1.2.3")]
    [InlineData("fd00:ec2::254")]
    [InlineData("::ffff:127.0.0.1")]
    public async Task AllowedName_ResolvingToInternalOrMetadataAddress_IsRefused(string address)
    {
        var resolver = new TestResolver(new Dictionary<string, IPAddress[]> { ["api.example"] = [IPAddress.Parse("93.184.216.34"), IPAddress.Parse(address)] });
        await using var proxy = ProxyHarness.Allow(resolver, "api.example");

        var response = await proxy.GetAsync("http://api.example/latest/meta-data/");

        Assert.Equal(403, response.Status);
        Assert.StartsWith("internal-address", response.Header("X-Smooth-Denied"));
    }

    [Theory]
    [InlineData("http://169.254.169.254/latest/meta-data/")]
    [InlineData("http://[fd00:ec2::254]/latest/meta-data/")]
    [InlineData("http://2852039166/latest/meta-data/")] // 169.254.169.254 as one decimal number
    public async Task MetadataAddress_AsLiteral_IsRefused(string url)
    {
        await using var proxy = ProxyHarness.Allow("*.amazonaws.com:*");

        var response = await proxy.GetAsync(url);

        Assert.Equal(403, response.Status);
    }

    [Fact]
    public async Task IpLiteral_IsRefusedUnlessARuleNamesIt()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        await using (var proxy = ProxyHarness.Allow("*.example.com:*", "localhost:*"))
        {
            var refused = await proxy.GetAsync($"http://127.0.0.1:{upstream.Port}/hello");
            Assert.Equal(403, refused.Status);
            Assert.StartsWith("not-allowed", refused.Header("X-Smooth-Denied"));
            var decimalForm = await proxy.GetAsync($"http://2130706433:{upstream.Port}/hello");
            Assert.Equal(403, decimalForm.Status);
        }
        Assert.Equal(0, upstream.Requests);

        await using (var proxy = ProxyHarness.Allow($"127.0.0.1:{upstream.Port}"))
        {
            var allowed = await proxy.GetAsync($"http://127.0.0.1:{upstream.Port}/hello");
            Assert.Equal(200, allowed.Status);
        }
        Assert.Equal(1, upstream.Requests);
    }

    [Fact]
    public async Task GateThatAllowsAnIpLiteralWithoutNamingIt_IsOverruledByTheProxy()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        await using var proxy = new ProxyHarness(new AllowEverythingGate());

        var response = await proxy.GetAsync($"http://127.0.0.1:{upstream.Port}/hello");

        Assert.Equal(403, response.Status);
        Assert.StartsWith("ip-literal", response.Header("X-Smooth-Denied"));
        Assert.Equal(0, upstream.Requests);
    }

    [Fact]
    public async Task Connect_ToAllowedHostOnAnotherPort_IsDeniedNamingTheRule()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        await using var proxy = ProxyHarness.Allow($"127.0.0.1:{upstream.Port}");
        var otherPort = upstream.Port == 65535 ? 65534 : upstream.Port + 1;

        var (response, stream) = await proxy.ConnectTunnelAsync($"127.0.0.1:{otherPort}");
        await stream.DisposeAsync();

        Assert.Equal(403, response.Status);
        Assert.Contains($"rule=\"127.0.0.1:{upstream.Port}\"", response.Header("X-Smooth-Denied"));
        var e = Assert.Single(proxy.Decisions());
        Assert.Contains($"port {otherPort} is not allowed", e.Attributes["reason"]);
    }

    [Fact]
    public async Task SpoofedHostHeader_Gets403_AndNothingIsForwarded()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        await using var proxy = ProxyHarness.Allow($"127.0.0.1:{upstream.Port}");

        var response = await proxy.GetAsync($"http://127.0.0.1:{upstream.Port}/hello", hostHeader: "internal-admin.corp");

        Assert.Equal(403, response.Status);
        Assert.StartsWith("host-mismatch", response.Header("X-Smooth-Denied"));
        Assert.Equal(0, upstream.Requests);
    }

    [Fact]
    public async Task ProxyAuthorization_IsNotForwardedToTheOrigin()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        await using var proxy = ProxyHarness.Allow($"127.0.0.1:{upstream.Port}");
        await using var stream = await proxy.ConnectAsync();
        var authority = $"127.0.0.1:{upstream.Port}";

        var response = await RawHttp.SendAsync(stream,
            $"GET http://{authority}/headers HTTP/1.1\r\nHost: {authority}\r\nProxy-Authorization: Basic c2VjcmV0\r\nProxy-Connection: keep-alive\r\nConnection: close\r\n\r\n");

        Assert.Equal(200, response.Status);
        Assert.DoesNotContain("Proxy-", response.Text);
    }

    [Fact]
    public async Task AmbiguousBodyFraming_IsRejected()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        await using var proxy = ProxyHarness.Allow($"127.0.0.1:{upstream.Port}");
        await using var stream = await proxy.ConnectAsync();
        var authority = $"127.0.0.1:{upstream.Port}";

        var response = await RawHttp.SendAsync(stream,
            $"POST http://{authority}/echo HTTP/1.1\r\nHost: {authority}\r\nContent-Length: 4\r\nTransfer-Encoding: chunked\r\n\r\n0\r\n\r\n");

        Assert.Equal(400, response.Status);
        Assert.Equal(0, upstream.Requests);
    }

    [Fact]
    public async Task FailingGate_FailsClosed()
    {
        var resolver = new TestResolver(new Dictionary<string, IPAddress[]>());
        await using var proxy = new ProxyHarness(new ThrowingGate(), resolver);

        var response = await proxy.GetAsync("http://example.com/");

        Assert.Equal(403, response.Status);
        Assert.StartsWith("gate-error", response.Header("X-Smooth-Denied"));
    }

    [Fact]
    public async Task OriginFormRequest_IsRejectedWithAClearError()
    {
        await using var proxy = ProxyHarness.Allow("example.com");
        await using var stream = await proxy.ConnectAsync();

        var response = await RawHttp.SendAsync(stream, "GET / HTTP/1.1\r\nHost: example.com\r\n\r\n");

        Assert.Equal(400, response.Status);
        Assert.Contains("absolute http:// URL", response.Text);
    }

    private sealed class AllowEverythingGate : IEgressGate
    {
        public ValueTask<EgressDecision> CheckAsync(EgressRequest request, CancellationToken ct) =>
            ValueTask.FromResult(new EgressDecision(true, "allowed", "*", false, false));
    }

    private sealed class ThrowingGate : IEgressGate
    {
        public ValueTask<EgressDecision> CheckAsync(EgressRequest request, CancellationToken ct) =>
            throw new InvalidOperationException("policy socket unreachable");
    }
}
