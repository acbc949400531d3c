using System.Net;
using System.Net.Sockets;
using Smooth.Sandbox.Contract;
using Smooth.Sandbox.Providers.Bubblewrap;

namespace Smooth.Sandbox.Providers.Tests;

/// <summary>The sandbox has loopback only: no route out, and the host's own 127.0.0.1 is another network namespace.</summary>
public sealed class BubblewrapNetworkEscapeTests : IDisposable
{
    private readonly BubblewrapProvider _provider = new();
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private int _accepted;

    public BubblewrapNetworkEscapeTests()
    {
        _listener.Start();
        _ = AcceptLoopAsync();
    }

    private int Port => ((IPEndPoint)_listener.LocalEndpoint).Port;

    private async Task AcceptLoopAsync()
    {
        try
        {
            while (true)
            {
                using var client = await _listener.AcceptTcpClientAsync();
                Interlocked.Increment(ref _accepted);
            }
        }
        catch (Exception e) when (e is SocketException or ObjectDisposedException) { }
    }

    [Fact]
    public async Task Host_loopback_listener_is_reachable_from_the_host_itself()
    {
        // Control: the listener works, so the refusals below come from the sandbox.
        using var client = new TcpClient();
        await client.ConnectAsync(IPAddress.Loopback, Port);
        await WaitForAsync(() => Volatile.Read(ref _accepted) > 0);
        Assert.True(Volatile.Read(ref _accepted) > 0);
    }

    [Fact]
    public async Task Curl_and_wget_reach_neither_the_host_loopback_nor_outside()
    {
        using var h = new SandboxHarness();
        var r = await h.ShAsync(_provider,
            $"curl -sS -m 5 http://127.0.0.1:{Port}/ && echo CURL-HOST; curl -sS -m 5 http://1.1.1.1/ && echo CURL-OUT; " +
            $"wget -q -T 5 -O- http://127.0.0.1:{Port}/ && echo WGET-HOST; wget -q -T 5 -O- http://93.184.215.14/ && echo WGET-OUT; true");
        Assert.DoesNotContain("CURL-", r.StandardOutput);
        Assert.DoesNotContain("WGET-", r.StandardOutput);
        Assert.Equal(0, Volatile.Read(ref _accepted));
    }

    [Fact]
    public async Task Bash_dev_tcp_cannot_connect_to_the_host_listener()
    {
        using var h = new SandboxHarness();
        var r = await h.ShAsync(_provider, $"exec 3<>/dev/tcp/127.0.0.1/{Port} && echo CONNECTED; exec 3<>/dev/tcp/1.1.1.1/53 && echo OUTSIDE; true");
        Assert.DoesNotContain("CONNECTED", r.StandardOutput);
        Assert.DoesNotContain("OUTSIDE", r.StandardOutput);
        Assert.Equal(0, Volatile.Read(ref _accepted));
    }

    [Fact]
    public async Task Dns_lookups_fail_and_only_loopback_exists()
    {
        using var h = new SandboxHarness();
        var r = await h.ShAsync(_provider, "getent hosts example.com && echo RESOLVED; getent ahosts github.com && echo RESOLVED; tail -n +3 /proc/net/dev | cut -d: -f1");
        Assert.DoesNotContain("RESOLVED", r.StandardOutput);
        Assert.Equal("lo", r.StandardOutput.Trim());
    }

    [Fact]
    public async Task Ping_cannot_leave()
    {
        using var h = new SandboxHarness();
        var probe = await Probe.InstallAsync(h.Workspace);
        var r = await _provider.RunAsync(h.Execution([probe, "ping", "1.1.1.1"]), CancellationToken.None);
        Assert.StartsWith("DENIED", r.StandardOutput);
    }

    [Fact]
    public async Task Loopback_inside_works_for_the_commands_own_servers()
    {
        using var h = new SandboxHarness();
        // Loopback is up (a closed port refuses) while everything else has no route at all.
        var r = await h.ShAsync(_provider, "exec 3<>/dev/tcp/127.0.0.1/1; exec 3<>/dev/tcp/1.1.1.1/80; true");
        Assert.Contains("Connection refused", r.StandardError);
        Assert.Contains("Network is unreachable", r.StandardError);
    }

    private static async Task WaitForAsync(Func<bool> condition)
    {
        for (var i = 0; i < 100 && !condition(); i++)
        {
            await Task.Delay(50);
        }
    }

    public void Dispose() => _listener.Stop();
}
