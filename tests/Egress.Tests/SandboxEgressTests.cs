namespace Smooth.Egress.Tests;

/// <summary>The egress path end to end from a real bubblewrap sandbox through the installed th bridge.</summary>
public sealed class SandboxEgressTests
{
    private const string Curl = "curl -sS -m 20";

    [Fact]
    public async Task AllowedRequests_SucceedThroughTheBridge_OverHttpConnectAndSocks_AndTheExitCodeComesBack()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        await using var proxy = ProxyHarness.Allow($"127.0.0.1:{upstream.Port}");
        var url = $"http://127.0.0.1:{upstream.Port}/hello";

        var result = await Sandbox.RunAsync(proxy.SocketPath,
            $"echo \"http=$({Curl} {url})\"; echo \"tunnel=$({Curl} -p {url})\"; echo \"socks=$({Curl} -x socks5h://127.0.0.1:1080 {url})\"; exit 7");

        Assert.True(result.ExitCode == 7, $"exit code {result.ExitCode}\nstdout:\n{result.StandardOutput}\nstderr:\n{result.StandardError}");
        Assert.Contains("http=hello from upstream", result.StandardOutput);
        Assert.Contains("tunnel=hello from upstream", result.StandardOutput);
        Assert.Contains("socks=hello from upstream", result.StandardOutput);
        Assert.Equal(3, upstream.Requests);
        var decisions = await Eventually.GetAsync(() => proxy.Decisions().Count == 3 ? proxy.Decisions() : null);
        Assert.All(decisions, e => Assert.Equal("allow", e.Attributes["decision"]));
    }

    [Fact]
    public async Task DeniedRequests_Get403FromInsideTheSandbox()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        await using var proxy = ProxyHarness.Allow($"127.0.0.1:{upstream.Port}", $"localhost:{upstream.Port}", "example.org");
        var other = upstream.Port == 65535 ? 65534 : upstream.Port + 1;
        var code = $"{Curl} -o /dev/null -w '%{{http_code}}'";

        var result = await Sandbox.RunAsync(proxy.SocketPath, string.Join("; ",
            $"echo \"other-port=$({code} http://127.0.0.1:{other}/)\"",
            $"echo \"not-allowed-https=$({Curl} -o /dev/null -w '%{{http_connect}}' https://example.com/)\"",
            $"echo \"connect-other-port=$({Curl} -p -o /dev/null -w '%{{http_connect}}' http://127.0.0.1:{other}/)\"",
            $"echo \"localhost=$({code} http://localhost:{upstream.Port}/hello)\"",
            $"echo \"metadata=$({code} http://169.254.169.254/latest/meta-data/)\"",
            $"echo \"spoofed-host=$({code} -H 'Host: admin.internal' http://127.0.0.1:{upstream.Port}/hello)\"",
            $"echo \"socks-denied=$({Curl} -x socks5h://127.0.0.1:1080 http://example.com/ >/dev/null 2>&1; echo $?)\"",
            $"{Curl} -i http://example.com/ | grep -i x-smooth-denied"));

        var output = result.StandardOutput;
        Assert.Contains("other-port=403", output);
        Assert.Contains("not-allowed-https=403", output);
        Assert.Contains("connect-other-port=403", output);
        Assert.Contains("localhost=403", output);
        Assert.Contains("metadata=403", output);
        Assert.Contains("spoofed-host=403", output);
        Assert.DoesNotContain("socks-denied=0", output);
        Assert.Contains("X-Smooth-Denied: not-allowed", output);
        Assert.Equal(0, upstream.Requests);
    }

    [Fact]
    public async Task ToolsIgnoringTheProxy_GetNowhere()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        await using var proxy = ProxyHarness.Allow($"127.0.0.1:{upstream.Port}");

        var result = await Sandbox.RunAsync(proxy.SocketPath, string.Join("; ",
            $"{Curl} --noproxy '*' http://127.0.0.1:{upstream.Port}/hello; echo \"loopback-direct=$?\"",
            $"{Curl} --noproxy '*' -m 5 http://1.1.1.1/; echo \"internet-direct=$?\"",
            $"env -u http_proxy -u HTTP_PROXY -u all_proxy -u ALL_PROXY {Curl} http://127.0.0.1:{upstream.Port}/hello; echo \"unset-env=$?\""));

        Assert.Contains("loopback-direct=7", result.StandardOutput);
        Assert.DoesNotContain("internet-direct=0", result.StandardOutput);
        Assert.Contains("unset-env=7", result.StandardOutput);
        Assert.Equal(0, upstream.Requests);
        Assert.Empty(proxy.Decisions());
    }

    [Fact]
    public async Task Bridge_WithAMissingSocket_FailsWithAHint()
    {
        using var dir = new Smooth.TestSupport.TempDir();
        var result = await Smooth.TestSupport.Th.RunAsync(dir.Path, ["egress", "bridge", "--socket", dir.Combine("missing.sock"), "--", "true"]);

        Assert.Equal(4, result.ExitCode);
        Assert.Contains("does not exist", result.StandardError);
        Assert.Contains("hint:", result.StandardError);
    }
}
