using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using Smooth.TestSupport;

namespace Smooth.Orchestrator.Tests;

/// <summary>The daemon started and stopped through the installed th, with a private HOME and free ports.</summary>
public sealed class DaemonLifecycleTests
{
    [Fact]
    public async Task Up_status_down_with_token_host_and_origin_checks()
    {
        using var home = new TempDir("smooth-home");
        using var repo = await Git.CreateRepoAsync();
        await Th.RunOkAsync(repo.Path, "init");
        var env = new Dictionary<string, string?> { ["HOME"] = home.Path };
        try
        {
            var up = await Th.RunAsync(repo.Path, ["up", "direct", "--port", "0", "--archivist-port", "0", "--json"], env: env);
            Assert.True(up.ExitCode == 0, up.StandardError);
            using var status = JsonDocument.Parse(up.StandardOutput);
            var apiUrl = status.RootElement.GetProperty("daemon").GetProperty("apiUrl").GetString()!;
            Assert.Equal("direct", status.RootElement.GetProperty("daemon").GetProperty("provider").GetString());

            var tokenFile = Path.Combine(home.Path, ".smooth", "daemon.token");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(tokenFile));
            var token = (await File.ReadAllTextAsync(tokenFile)).Trim();

            var again = await Th.RunAsync(repo.Path, ["up", "direct", "--port", "0", "--archivist-port", "0"], env: env);
            Assert.Equal(6, again.ExitCode);
            Assert.Contains("already running", again.StandardError);

            var human = await Th.RunAsync(repo.Path, ["status"], env: env);
            Assert.Equal(0, human.ExitCode);
            Assert.Contains("audit", human.StandardOutput);

            using var http = new HttpClient { BaseAddress = new Uri(apiUrl) };
            Assert.Equal(HttpStatusCode.Unauthorized, (await http.GetAsync("/v1/status")).StatusCode);

            http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
            Assert.Equal(HttpStatusCode.OK, (await http.GetAsync("/v1/status")).StatusCode);

            using (var crossOrigin = new HttpRequestMessage(HttpMethod.Post, "/v1/shutdown"))
            {
                crossOrigin.Headers.Add("Origin", "http://evil.example");
                Assert.Equal(HttpStatusCode.Forbidden, (await http.SendAsync(crossOrigin)).StatusCode);
            }
            using (var rebinding = new HttpRequestMessage(HttpMethod.Get, "/v1/status"))
            {
                rebinding.Headers.Host = "attacker.example";
                Assert.Equal(HttpStatusCode.MisdirectedRequest, (await http.SendAsync(rebinding)).StatusCode);
            }

            var openapi = await http.GetStringAsync("/openapi.json");
            Assert.Contains("/v1/status", openapi);
            Assert.Contains("/v1/access/{id}/approve", openapi);

            // Wonk answers on its own socket while the daemon runs, and th status reports it.
            var parts = JsonDocument.Parse(await http.GetStringAsync("/v1/status")).RootElement.GetProperty("parts").EnumerateArray().ToList();
            var policy = parts.Single(p => p.GetProperty("name").GetString() == "policy");
            Assert.Equal("ok", policy.GetProperty("state").GetString());
            var policySocket = Path.Combine(home.Path, ".smooth", "policy.sock");
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(policySocket));
            using var wonk = new HttpClient(Smooth.Core.Net.UnixSocketHttp.CreateHandler(policySocket)) { BaseAddress = new Uri("http://localhost") };
            var decision = await wonk.PostAsync("/v1/decisions", new StringContent("{\"kind\":\"network\",\"host\":\"pypi.org\"}", System.Text.Encoding.UTF8, "application/json"));
            Assert.Contains("\"verdict\":\"ask\"", await decision.Content.ReadAsStringAsync());
        }
        finally
        {
            var down = await Th.RunAsync(repo.Path, ["down"], env: env);
            Assert.Equal(0, down.ExitCode);
        }
        Assert.False(File.Exists(Path.Combine(home.Path, ".smooth", "daemon.sock")));
        Assert.False(File.Exists(Path.Combine(home.Path, ".smooth", "policy.sock")));
        var after = await Th.RunAsync(repo.Path, ["status"], env: env);
        Assert.Equal(1, after.ExitCode);
        Assert.Contains("th up", after.StandardError);
        var log = await File.ReadAllTextAsync(Path.Combine(home.Path, ".smooth", "daemon.log"));
        Assert.Contains("daemon stopping", log);

        // The daemon's own lifecycle is in the project's audit log.
        var logs = await Th.RunOkAsync(repo.Path, "logs", "--json", "--type", "daemon.");
        Assert.Contains("daemon.started", logs.StandardOutput);
        Assert.Contains("daemon.stopped", logs.StandardOutput);
    }

    [Fact]
    public async Task Up_refuses_an_unknown_mode_and_writes_nothing()
    {
        using var home = new TempDir("smooth-home");
        using var repo = await Git.CreateRepoAsync();
        await Th.RunOkAsync(repo.Path, "init");
        var result = await Th.RunAsync(repo.Path, ["up", "sideways"], env: new Dictionary<string, string?> { ["HOME"] = home.Path });
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("th up direct", result.StandardError);
        Assert.False(Directory.Exists(Path.Combine(home.Path, ".smooth")));
    }
}
