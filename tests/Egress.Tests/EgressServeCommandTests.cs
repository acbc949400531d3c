using System.Diagnostics;
using System.Text;
using Smooth.TestSupport;

namespace Smooth.Egress.Tests;

/// <summary><c>th egress serve</c> as its own process: gates requests on its socket and prints each decision.</summary>
public sealed class EgressServeCommandTests
{
    [Fact]
    public async Task Serve_ForwardsAllowedRequests_DeniesOthers_AndPrintsDecisionsAsJsonLines()
    {
        await using var upstream = await UpstreamServer.StartAsync();
        using var dir = new TempDir("smooth-serve");
        var socket = dir.Combine("egress.sock");
        var psi = new ProcessStartInfo(Th.Binary) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var a in new[] { "egress", "serve", "--socket", socket, "--allow-host", $"127.0.0.1:{upstream.Port}", "--json" }) psi.ArgumentList.Add(a);
        using var process = Process.Start(psi)!;
        var output = new StringBuilder();
        process.OutputDataReceived += (_, e) => { lock (output) output.AppendLine(e.Data); };
        process.BeginOutputReadLine();
        try
        {
            await Eventually.GetAsync(() => File.Exists(socket) ? socket : null);

            await using (var ok = await RawHttp.ConnectUnixAsync(socket))
            {
                var response = await RawHttp.SendAsync(ok, $"GET http://127.0.0.1:{upstream.Port}/hello HTTP/1.1\r\nHost: 127.0.0.1:{upstream.Port}\r\nConnection: close\r\n\r\n");
                Assert.Equal("hello from upstream", response.Text);
            }
            await using (var denied = await RawHttp.ConnectUnixAsync(socket))
            {
                var response = await RawHttp.SendAsync(denied, "CONNECT example.com:443 HTTP/1.1\r\nHost: example.com:443\r\n\r\n", headOnly: true);
                Assert.Equal(403, response.Status);
            }
            var lines = await Eventually.GetAsync(() =>
            {
                lock (output)
                {
                    var text = output.ToString();
                    return text.Split('\n').Count(l => l.Contains("egress.decision")) >= 2 ? text : null;
                }
            });
            Assert.Contains("\"decision\":\"allow\"", lines);
            Assert.Contains("\"decision\":\"deny\"", lines);
        }
        finally
        {
            process.Kill();
            await process.WaitForExitAsync();
        }
    }
}
