using System.Text;

namespace Smooth.Egress.Tests;

/// <summary>A kept-alive client connection is closed after it waits too long for its next request, and only then.</summary>
public sealed class IdleTimeoutTests
{
    [Fact]
    public async Task An_idle_keep_alive_connection_is_closed_by_the_proxy()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        await using var proxy = new ProxyHarness(AllowListGate.Parse([$"127.0.0.1:{upstream.Port}"]), idleTimeout: TimeSpan.FromMilliseconds(300));
        await using var stream = await proxy.ConnectAsync();
        var url = $"http://127.0.0.1:{upstream.Port}/hello";
        var response = await RawHttp.SendAsync(stream, $"GET {url} HTTP/1.1\r\nHost: 127.0.0.1:{upstream.Port}\r\n\r\n");
        Assert.Equal(200, response.Status);

        // Nothing more is sent: the proxy ends the connection (a read sees the end) well before the test gives up.
        var read = await stream.ReadAsync(new byte[1]).AsTask().WaitAsync(TimeSpan.FromSeconds(30));
        Assert.Equal(0, read);
    }

    [Fact]
    public async Task A_connection_that_keeps_sending_requests_outlives_the_idle_timeout()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        // A timeout far above the gap between requests: on a loaded machine a gap of 100 ms has stretched past 400.
        await using var proxy = new ProxyHarness(AllowListGate.Parse([$"127.0.0.1:{upstream.Port}"]), idleTimeout: TimeSpan.FromMilliseconds(1000));
        await using var stream = await proxy.ConnectAsync();
        var url = $"http://127.0.0.1:{upstream.Port}/hello";
        var started = DateTime.UtcNow;
        var served = 0;
        // Requests 50 ms apart for two and a half times the timeout, all on the one connection.
        while (DateTime.UtcNow - started < TimeSpan.FromMilliseconds(2500))
        {
            var response = await RawHttp.SendAsync(stream, $"GET {url} HTTP/1.1\r\nHost: 127.0.0.1:{upstream.Port}\r\n\r\n");
            Assert.Equal("hello from upstream", Encoding.UTF8.GetString(response.Body));
            served++;
            await Task.Delay(50);
        }
        Assert.True(served >= 3, $"served {served}");
        Assert.Equal(served, proxy.Decisions().Count);
    }
}
