using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using Smooth.Core.Events;
using Smooth.Orchestrator.Api;
using Smooth.Orchestrator.Daemon;
using Smooth.Orchestrator.Runs;
using Smooth.TestSupport;

namespace Smooth.Orchestrator.Tests;

/// <summary>The daemon's WebSocket: run events out, control messages in, over a real Kestrel listener.</summary>
public sealed class RunSocketTests
{
    [Fact]
    public async Task Streams_a_runs_events_and_routes_control_messages()
    {
        using var home = new TempDir("smooth-home");
        using var repo = await Git.CreateRepoAsync();
        Directory.CreateDirectory(repo.Combine(".smooth"));
        var paths = new DaemonPaths(home.Path);
        Directory.CreateDirectory(paths.Dir);
        const string token = "ws-test-token-0123456789abcdef";
        await File.WriteAllTextAsync(paths.Token, token);
        await using var host = await DaemonHost.StartAsync(new DaemonOptions { ProjectRoot = repo.Path, Paths = paths, ApiPort = 0, ArchivistPort = 0, Provider = "direct" }, default);

        var received = new List<RunControlMessage>();
        using var registration = host.Controls.Register("run-1", new RecordingTarget(received));

        using var ws = new ClientWebSocket();
        ws.Options.SetRequestHeader("Authorization", $"Bearer {token}");
        var uri = new Uri(host.Info.ApiUrl.Replace("http://", "ws://") + "v1/ws?run=run-1");
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await ws.ConnectAsync(uri, cts.Token);

        host.Events.Emit(SmoothEvent.Create("operator.tool.completed", "operator", new Dictionary<string, string> { ["run"] = "run-2", ["tool"] = "other-run" }));
        host.Events.Emit(SmoothEvent.Create("operator.tool.completed", "operator", new Dictionary<string, string> { ["run"] = "run-1", ["tool"] = "bash" }));
        var evt = await ReceiveUntilAsync(ws, m => m.Contains("operator.tool.completed"), cts.Token);
        Assert.Contains("\"bash\"", evt);
        Assert.DoesNotContain("other-run", evt);

        await SendAsync(ws, """{"type":"steer","run":"run-1","text":"use the existing helper"}""", cts.Token);
        var ok = await ReceiveUntilAsync(ws, m => m.Contains("\"ok\""), cts.Token);
        Assert.Contains("\"ok\": true", ok);
        Assert.Equal("use the existing helper", Assert.Single(received).Text);

        await SendAsync(ws, """{"type":"reboot","run":"run-1"}""", cts.Token);
        Assert.Contains("unknown control type", await ReceiveUntilAsync(ws, m => m.Contains("\"ok\""), cts.Token));

        await SendAsync(ws, """{"type":"cancel","run":"run-9"}""", cts.Token);
        Assert.Contains("not running in this daemon", await ReceiveUntilAsync(ws, m => m.Contains("\"ok\""), cts.Token));

        await SendAsync(ws, "not json", cts.Token);
        Assert.Contains("not a control message", await ReceiveUntilAsync(ws, m => m.Contains("\"ok\""), cts.Token));
        Assert.Single(received);
    }

    [Fact]
    public async Task The_websocket_needs_the_token()
    {
        using var home = new TempDir("smooth-home");
        using var repo = await Git.CreateRepoAsync();
        Directory.CreateDirectory(repo.Combine(".smooth"));
        var paths = new DaemonPaths(home.Path);
        Directory.CreateDirectory(paths.Dir);
        await File.WriteAllTextAsync(paths.Token, "ws-test-token-0123456789abcdef");
        await using var host = await DaemonHost.StartAsync(new DaemonOptions { ProjectRoot = repo.Path, Paths = paths, ApiPort = 0, ArchivistPort = 0, Provider = "direct" }, default);
        using var ws = new ClientWebSocket();
        var uri = new Uri(host.Info.ApiUrl.Replace("http://", "ws://") + "v1/ws");
        await Assert.ThrowsAsync<WebSocketException>(() => ws.ConnectAsync(uri, default));
    }

    private static Task SendAsync(ClientWebSocket ws, string text, CancellationToken ct) =>
        ws.SendAsync(Encoding.UTF8.GetBytes(text), WebSocketMessageType.Text, true, ct);

    private static async Task<string> ReceiveUntilAsync(ClientWebSocket ws, Func<string, bool> match, CancellationToken ct)
    {
        var buffer = new byte[64 * 1024];
        while (true)
        {
            var result = await ws.ReceiveAsync(buffer, ct);
            var text = Encoding.UTF8.GetString(buffer, 0, result.Count);
            if (match(text)) return text;
        }
    }

    private sealed class RecordingTarget(List<RunControlMessage> received) : IRunControlTarget
    {
        public Task<string> DeliverAsync(RunControlMessage message, CancellationToken ct)
        {
            received.Add(message);
            return Task.FromResult($"{message.Type} queued for the next model call");
        }
    }
}
