using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Smooth.Core.Events;
using Smooth.Core.Net;
using Smooth.Policy.Api;
using Smooth.TestSupport;

namespace Smooth.Policy.Tests;

/// <summary>Wonk's decision API over a real Unix socket: every kind of question, bad questions, and an event per answer.</summary>
public sealed class DecisionApiTests
{
    [Fact]
    public async Task Every_kind_of_question_gets_allow_deny_or_ask_with_the_rule_and_every_answer_is_an_event()
    {
        using var repo = await Git.CreateRepoAsync();
        Directory.CreateDirectory(Path.Combine(repo.Path, ".smooth"));
        await File.WriteAllTextAsync(PolicyLayers.ProjectFile(repo.Path), """
            network:
              allow: [api.github.com, "127.0.0.1:8080", {host: docs.internal:80, methods: [GET], path: /api}]
              deny: [evil.example.com]
            tools:
              allow: [read_file, bash]
              deny: [http_fetch]
            commands:
              deny: ["git push"]
            mcp:
              allow: [playwright]
              deny: [github/delete_repo]
            pearls:
              create: false
            """);
        var events = new EventRing();
        using var dir = new TempDir("smooth-wonk");
        await using var server = await DecisionServer.StartAsync(dir.Combine("policy.sock"), new DecisionService(PolicyLayers.Load(repo.Path), events), default);
        using var http = new HttpClient(UnixSocketHttp.CreateHandler(server.SocketPath)) { BaseAddress = new Uri("http://localhost") };

        async Task<DecisionResponse> Ask(object question)
        {
            var response = await http.PostAsJsonAsync("/v1/decisions", question);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            return (await response.Content.ReadFromJsonAsync(PolicyApiJson.Default.DecisionResponse))!;
        }

        Assert.Equal("allow", (await Ask(new { kind = "network", host = "API.GitHub.com.", port = 443 })).Verdict);
        var denied = await Ask(new { kind = "network", host = "evil.example.com" });
        Assert.Equal("deny", denied.Verdict);
        Assert.Equal("evil.example.com", denied.Rule);
        Assert.Contains("policy.yaml:3", denied.Source);
        Assert.Equal("ask", (await Ask(new { kind = "network", host = "pypi.org" })).Verdict);
        Assert.Equal("allow", (await Ask(new { kind = "network", host = "127.0.0.1", port = 8080 })).Verdict);
        Assert.Equal("ask", (await Ask(new { kind = "network", host = "127.0.0.1", port = 22 })).Verdict);
        Assert.Equal("allow", (await Ask(new { kind = "network", scheme = "http", host = "docs.internal", method = "GET", path = "/api/x" })).Verdict);
        Assert.NotEqual("allow", (await Ask(new { kind = "network", scheme = "http", host = "docs.internal", method = "GET", path = "/api/../admin" })).Verdict);
        Assert.Equal("allow", (await Ask(new { kind = "tool", tool = "bash" })).Verdict);
        Assert.Equal("ask", (await Ask(new { kind = "tool", tool = "write_file" })).Verdict);
        Assert.Equal("deny", (await Ask(new { kind = "tool", tool = "http_fetch" })).Verdict);
        Assert.Equal("deny", (await Ask(new { kind = "write", path = "src/../.git/hooks/pre-commit" })).Verdict);
        Assert.Equal("allow", (await Ask(new { kind = "write", path = "src/app.cs" })).Verdict);
        Assert.Equal("deny", (await Ask(new { kind = "read", path = "config/.env" })).Verdict);
        Assert.Equal("deny", (await Ask(new { kind = "command", command = "git   'push' origin main" })).Verdict);
        Assert.Equal("allow", (await Ask(new { kind = "command", command = "git status" })).Verdict);
        Assert.Equal("allow", (await Ask(new { kind = "mcp", server = "playwright", tool = "browser_click" })).Verdict);
        Assert.Equal("deny", (await Ask(new { kind = "mcp", server = "github", tool = "delete_repo" })).Verdict);
        Assert.Equal("ask", (await Ask(new { kind = "mcp", server = "slack" })).Verdict);
        Assert.Equal("deny", (await Ask(new { kind = "pearl_create" })).Verdict);
        Assert.Equal("allow", (await Ask(new { kind = "pearl", pearl = "p-1", target = "p-1" })).Verdict); // its own pearl

        var decisions = events.Snapshot().Where(e => e.Type == "policy.decision").ToList();
        Assert.Equal(20, decisions.Count);
        Assert.All(decisions, e => Assert.Equal("decision-api", e.Attributes["via"]));
        Assert.Contains(decisions, e => e.Attributes["resource"] == "evil.example.com:443" && e.Attributes["verdict"] == "deny");

        var rules = JsonDocument.Parse(await http.GetStringAsync("/v1/policy")).RootElement;
        Assert.Contains(rules.EnumerateArray(), r => r.GetProperty("text").GetString() == "playwright" && r.GetProperty("source").GetString()!.Contains("policy.yaml:10"));
    }

    [Fact]
    public async Task Questions_it_cannot_answer_are_400_with_a_hint_and_no_event()
    {
        using var repo = await Git.CreateRepoAsync();
        var events = new EventRing();
        using var dir = new TempDir("smooth-wonk");
        await using var server = await DecisionServer.StartAsync(dir.Combine("policy.sock"), new DecisionService(PolicyLayers.Load(repo.Path), events), default);
        using var http = new HttpClient(UnixSocketHttp.CreateHandler(server.SocketPath)) { BaseAddress = new Uri("http://localhost") };

        foreach (var body in new[] { "{", "{}", "{\"kind\":\"teleport\"}", "{\"kind\":\"network\"}", "{\"kind\":\"network\",\"host\":\"a b\"}",
                     "{\"kind\":\"network\",\"host\":\"a.com\",\"port\":70000}", "{\"kind\":\"tool\"}", "{\"kind\":\"pearl\",\"pearl\":\"p-1\",\"target\":\"p-2\"}" })
        {
            var response = await http.PostAsync("/v1/decisions", new StringContent(body, System.Text.Encoding.UTF8, "application/json"));
            Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
            var error = (await response.Content.ReadFromJsonAsync(PolicyApiJson.Default.DecisionError))!;
            Assert.False(string.IsNullOrWhiteSpace(error.Hint), body);
        }
        Assert.DoesNotContain(events.Snapshot(), e => e.Type == "policy.decision");
        Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(server.SocketPath));
    }

    [Fact]
    public async Task A_socket_path_in_use_or_not_a_socket_is_refused_and_left_alone()
    {
        using var repo = await Git.CreateRepoAsync();
        using var dir = new TempDir("smooth-wonk");
        var service = new DecisionService(PolicyLayers.Load(repo.Path), new EventRing());
        await using var first = await DecisionServer.StartAsync(dir.Combine("policy.sock"), service, default);
        var busy = await Assert.ThrowsAsync<Core.SmoothException>(() => DecisionServer.StartAsync(dir.Combine("policy.sock"), service, default));
        Assert.Contains("already listening", busy.Message);
        await File.WriteAllTextAsync(dir.Combine("file"), "keep me");
        await Assert.ThrowsAsync<Core.SmoothException>(() => DecisionServer.StartAsync(dir.Combine("file"), service, default));
        Assert.Equal("keep me", await File.ReadAllTextAsync(dir.Combine("file")));
    }
}
