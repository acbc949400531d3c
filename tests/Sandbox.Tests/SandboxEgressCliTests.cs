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
    public async Task The_command_runs_under_the_native_bridge_which_sets_the_proxy_and_hides_its_environment()
    {
        using var repo = await Repo.CreateAsync();
        // The parent of the sandboxed command is the bridge; same user, same sandbox, yet its environment (where an
        // operator's tokens pass) must not be readable.
        var result = await Th.RunAsync(repo.Path, ["sandbox", "run", "--", "sh", "-c",
            "cat /proc/$PPID/comm; echo \"proxy=$HTTPS_PROXY socks=$ALL_PROXY\"; cat /proc/$PPID/environ >/dev/null 2>&1 && echo environ-readable || echo environ-hidden"]);
        Assert.True(result.ExitCode == 0, result.StandardError);
        Assert.Contains("smooth-bridge", result.StandardOutput);
        Assert.Contains("proxy=http://127.0.0.1:3128 socks=socks5h://127.0.0.1:1080", result.StandardOutput);
        Assert.Contains("environ-hidden", result.StandardOutput);
    }

    [Fact]
    public async Task A_command_that_does_not_exist_in_the_sandbox_is_named_with_the_reason()
    {
        using var repo = await Repo.CreateAsync();
        var result = await Th.RunAsync(repo.Path, ["sandbox", "run", "--", "no-such-command-in-any-sandbox"]);
        Assert.Equal(4, result.ExitCode);
        Assert.Contains("could not start 'no-such-command-in-any-sandbox': no such file or directory", result.StandardError);
    }

    [Fact]
    public async Task The_native_bridge_refuses_bad_arguments_with_a_usage_hint()
    {
        var bridge = Path.Combine(Path.GetDirectoryName(new FileInfo(Th.Binary).ResolveLinkTarget(true)?.FullName ?? Th.Binary)!, "smooth-bridge");
        Assert.True(File.Exists(bridge), $"install.sh builds {bridge}");
        using var repo = await Repo.CreateAsync();
        foreach (var (args, expected) in new (string[], string)[]
        {
            (["--", "true"], "--socket is required"),
            (["--socket", "/run/none.sock", "--listen", "10.0.0.1:3128", "--", "true"], "not a loopback address"),
            (["--socket", "/run/none.sock", "--bogus", "x", "--", "true"], "unknown option '--bogus'"),
            (["--socket", "/run/none.sock", "--"], "no command after --"),
        })
        {
            var result = await Smooth.Core.Processes.ProcessRunner.RunAsync(bridge, args, new Smooth.Core.Processes.ProcessOptions { WorkingDirectory = repo.Path }, CancellationToken.None);
            Assert.Equal(2, result.ExitCode);
            Assert.Contains(expected, result.StandardError);
            Assert.Contains("hint:", result.StandardError);
        }
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
