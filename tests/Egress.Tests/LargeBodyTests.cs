using System.Text;

namespace Smooth.Egress.Tests;

/// <summary>Large and chunked bodies through the real proxy arrive intact, and the connection stays usable after them.</summary>
public sealed class LargeBodyTests
{
    [Fact]
    public async Task LargeChunkedUpload_IsEchoedIntact_AndTheNextRequestOnTheConnectionWorks()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        await using var proxy = ProxyHarness.Allow($"127.0.0.1:{upstream.Port}");
        var authority = $"127.0.0.1:{upstream.Port}";
        await using var stream = await proxy.ConnectAsync();
        var payload = new byte[300_000];
        new Random(7).NextBytes(payload);
        var chunked = new MemoryStream();
        foreach (var (start, length) in new[] { (0, 1), (1, 99_999), (100_000, 200_000) })
        {
            chunked.Write(Encoding.ASCII.GetBytes($"{length:x};ext=1\r\n"));
            chunked.Write(payload, start, length);
            chunked.Write("\r\n"u8);
        }
        chunked.Write("0\r\nX-Trailer: t\r\n\r\n"u8);

        // The echo comes back chunked (Kestrel does not know the length in advance): both directions are scanned.
        var echoed = await RawHttp.SendAsync(stream, $"POST http://{authority}/echo HTTP/1.1\r\nHost: {authority}\r\nTransfer-Encoding: chunked\r\n\r\n", chunked.ToArray());
        var next = await RawHttp.SendAsync(stream, $"GET http://{authority}/hello HTTP/1.1\r\nHost: {authority}\r\n\r\n");

        Assert.Equal(payload, echoed.Body);
        Assert.Equal("hello from upstream", next.Text);
        var decisions = await Eventually.GetAsync(() => proxy.Decisions().Count == 2 ? proxy.Decisions() : null);
        Assert.InRange(long.Parse(decisions[0].Attributes["bytesOut"]), chunked.Length + 40, chunked.Length + 200); // body as sent plus the rebuilt head
        Assert.True(long.Parse(decisions[0].Attributes["bytesIn"]) > payload.Length);
    }

    [Fact]
    public async Task LargeLengthFramedDownload_IsForwardedWhole()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        await using var proxy = ProxyHarness.Allow($"127.0.0.1:{upstream.Port}");

        var response = await proxy.GetAsync($"http://127.0.0.1:{upstream.Port}/big?n=5000000");

        Assert.Equal(5_000_000, response.Body.Length);
        var e = await Eventually.GetAsync(() => proxy.Decisions().FirstOrDefault());
        Assert.True(long.Parse(e.Attributes["bytesIn"]) > 5_000_000);
    }
}
