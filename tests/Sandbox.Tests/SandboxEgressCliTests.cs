using System.Net;
using System.Net.Sockets;
using System.Text;
using Smooth.TestSupport;

namespace Smooth.Sandbox.Tests;

/// <summary>
/// <c>th sandbox run --allow-host</c> from a real bubblewrap sandbox: the egress proxy is the only way out, and a door
/// opens only for the hosts named for that run. The upstream is a real listener on the host's loopback.
/// </summary>
public sealed class SandboxEgressCliTests : IAsyncLifetime
{
    private readonly TcpListener _upstream = new(IPAddress.Loopback, 0);
    private readonly CancellationTokenSource _stop = new();
    private int _hits;
    private Task? _serve;

    private int Port => ((IPEndPoint)_upstream.LocalEndpoint).Port;

    public Task InitializeAsync()
    {
        _upstream.Start();
        _serve = Task.Run(async () =>
        {
            while (!_stop.IsCancellationRequested)
            {
                using var client = await _upstream.AcceptTcpClientAsync(_stop.Token);
                Interlocked.Increment(ref _hits);
                var stream = client.GetStream();
                var buffer = new byte[4096];
                _ = await stream.ReadAtLeastAsync(buffer, 1, throwOnEndOfStream: false, _stop.Token);
                await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 200 OK\r\nContent-Length: 12\r\nConnection: close\r\n\r\nhello-egress"), _stop.Token);
            }
        });
        return Task.CompletedTask;
    }

    public async Task DisposeAsync()
    {
        await _stop.CancelAsync();
        _upstream.Stop();
        try { await _serve!; } catch (OperationCanceledException) { } catch (SocketException) { } catch (ObjectDisposedException) { }
    }

    [Fact]
    public async Task A_named_host_is_reachable_through_the_bridge_and_nothing_else_is()
    {
        using var repo = await Repo.CreateAsync();
        var url = $"http://127.0.0.1:{Port}/";

        var allowed = await Th.RunAsync(repo.Path, ["sandbox", "run", "--allow-host", $"127.0.0.1:{Port}", "--", "curl", "-sS", "--max-time", "10", url]);
        Assert.True(allowed.ExitCode == 0, allowed.StandardError);
        Assert.Contains("hello-egress", allowed.StandardOutput);
        var hitsAfterAllowed = _hits;
        Assert.Equal(1, hitsAfterAllowed);

        var denied = await Th.RunAsync(repo.Path, ["sandbox", "run", "--", "curl", "-sS", "-o", "/dev/null", "-w", "%{http_code}", "--max-time", "10", url]);
        Assert.Contains("403", denied.StandardOutput);

        // A tool that ignores the proxy variables has no route at all.
        var bypass = await Th.RunAsync(repo.Path, ["sandbox", "run", "--allow-host", $"127.0.0.1:{Port}", "--", "curl", "-sS", "--noproxy", "*", "--max-time", "5", url]);
        Assert.NotEqual(0, bypass.ExitCode);
        Assert.Equal(hitsAfterAllowed, _hits);

        var logs = await Th.RunOkAsync(repo.Path, "logs", "--json", "--type", "egress.", "-n", "50");
        Assert.Contains("egress.decision", logs.StandardOutput);
        // The bridge handed its listener to the proxy: the sandbox's connections reached it with no relay inside.
        Assert.Contains("egress.handover", logs.StandardOutput);
        Assert.DoesNotContain("\"refused\"", logs.StandardOutput);
    }

    [Fact]
    public async Task A_malformed_allow_host_is_refused_before_anything_runs()
    {
        using var repo = await Repo.CreateAsync();
        var result = await Th.RunAsync(repo.Path, ["sandbox", "run", "--allow-host", "http://example.com/x", "--", "true"]);
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("--allow-host", result.StandardError);
        Assert.False(Directory.Exists(repo.Combine(".smooth", "sandboxes")));
    }
}
