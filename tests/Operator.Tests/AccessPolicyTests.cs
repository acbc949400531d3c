using System.Net.Http.Json;
using System.Text.Json;
using Smooth.TestSupport;

namespace Smooth.Operator.Tests;

/// <summary>
/// The policy's newer doors end to end through <c>th exec</c> in a bubblewrap sandbox: a tool outside the allowed list is
/// held for a person, auto-approve grants without one, and the pearl scope (depth, sub-pearls) follows the policy file.
/// </summary>
public sealed class AccessPolicyTests
{
    [Fact]
    public async Task A_tool_outside_the_allowed_list_is_held_and_a_project_grant_lets_the_same_call_run()
    {
        await using var env = await ExecEnvironment.StartAsync("""
            turns:
              - respond: {tool_calls: [{name: list_files, arguments: {pattern: "*.md"}}]}
              - expect: {last_tool_result_contains: "README.md"}
                respond: {content: "listed after approval"}
            """);
        var policy = Path.Combine(env.Repo.Path, ".smooth", "policy.yaml");
        await File.WriteAllTextAsync(policy, "tools:\n  allow: [read_file, write_file]\n");

        var exec = Task.Run(() => env.ThAsync("exec", "list the docs", "--no-tests", "--json", "--hold-access", "120"));
        var request = await PendingAsync(env);
        Assert.Equal("tool", request.GetProperty("kind").GetString());
        Assert.Equal("list_files", request.GetProperty("resource").GetString());
        var approve = await env.ThAsync("access", "approve", request.GetProperty("id").GetString()!, "--scope", "project");
        Assert.True(approve.ExitCode == 0, approve.StandardError);

        var result = await exec;
        Assert.True(result.ExitCode == 0, result.StandardError + result.StandardOutput);
        env.Model.AssertCompleted();
        Assert.Contains("list_files", await File.ReadAllTextAsync(policy)); // the grant lasts for the project
        var shown = await env.ThAsync("access", "policy", "--json");
        Assert.Contains("\"tools.allow\"", shown.StandardOutput);
        Assert.Contains("read_file", shown.StandardOutput); // the rest of the file survived the rewrite
    }

    [Fact]
    public async Task Auto_approve_grants_without_a_person_and_anything_else_fails_closed_and_stays_pending()
    {
        await using var env = await ExecEnvironment.StartAsync("""
            turns:
              - respond: {tool_calls: [{name: list_files, arguments: {pattern: "*.md"}}]}
              - expect: {last_tool_result_contains: "README.md"}
                respond: {tool_calls: [{name: grep, arguments: {pattern: "test"}}]}
              - expect: {last_tool_result_contains: "is pending"}
                respond: {content: "stopped at the closed door"}
            """);
        await File.WriteAllTextAsync(Path.Combine(env.Repo.Path, ".smooth", "policy.yaml"),
            "tools:\n  allow: [read_file]\nauto_approve:\n  tools: [list_files]\n");

        var result = await env.ThAsync("exec", "look around", "--no-tests", "--json", "--hold-access", "1");

        Assert.True(result.ExitCode == 0, result.StandardError + result.StandardOutput);
        env.Model.AssertCompleted();
        var pending = JsonDocument.Parse((await env.ThAsync("access", "pending", "--json")).StandardOutput).RootElement;
        var left = Assert.Single(pending.EnumerateArray());
        Assert.Equal("grep", left.GetProperty("resource").GetString());
        var logs = (await env.ThAsync("logs", "--json", "--limit", "10000")).StandardOutput;
        Assert.Contains("access.auto_approved", logs);
        Assert.Contains("auto-approved by rule", logs);
        var runId = JsonDocument.Parse(result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries)[^1]).RootElement.GetProperty("runId").GetString()!;
        var forRun = (await env.ThAsync("access", "policy", runId, "--json")).StandardOutput;
        Assert.Contains("\"granted.tool\"", forRun); // the auto-approved grant is in force for that run
        Assert.Contains("list_files", forRun);
    }

    [Fact]
    public async Task The_pearl_scope_follows_the_policy_depth_and_sub_pearls_can_be_turned_off()
    {
        await using var env = await ExecEnvironment.StartAsync("""
            turns:
              - respond: {tool_calls: [{name: pearls_read, arguments: {}}]}
              - expect: {last_tool_result_contains: "first dependency"}
                respond: {tool_calls: [{name: pearls_create, arguments: {title: "follow-up"}}]}
              - expect: {last_tool_result_contains: "filing sub-pearls is turned off"}
                respond: {content: "scope respected"}
            """);
        await File.WriteAllTextAsync(Path.Combine(env.Repo.Path, ".smooth", "policy.yaml"), "pearls:\n  depth: 1\n  create: false\n");
        var task = await CreateAsync(env, "the task");
        var first = await CreateAsync(env, "first dependency");
        var second = await CreateAsync(env, "second dependency");
        Assert.Equal(0, (await env.ThAsync("pearls", "dep", "add", task, first)).ExitCode);
        Assert.Equal(0, (await env.ThAsync("pearls", "dep", "add", first, second)).ExitCode);

        var result = await env.ThAsync("exec", "--pearl", task, "--no-tests", "--json");

        Assert.True(result.ExitCode == 0, result.StandardError + result.StandardOutput);
        env.Model.AssertCompleted();
        var seen = env.Model.Requests[1].Messages[^1].Text;
        Assert.Contains("first dependency", seen);
        Assert.DoesNotContain("second dependency", seen); // two steps away: outside depth 1
        var children = (await env.ThAsync("pearls", "list", "--json")).StandardOutput;
        Assert.DoesNotContain("follow-up", children);
        var scope = (await env.ThAsync("access", "policy", task, "--json")).StandardOutput;
        Assert.Contains("first dependency", scope);
        Assert.DoesNotContain("second dependency", scope);
        Assert.Contains("sub-pearls refused", scope);
    }

    [Fact]
    public async Task Th_access_serve_answers_pearl_scope_questions_from_the_real_pearl_graph()
    {
        await using var env = await ExecEnvironment.StartAsync("turns:\n  - respond: {content: unused}\n");
        var task = await CreateAsync(env, "the task");
        var near = await CreateAsync(env, "near");
        var mid = await CreateAsync(env, "mid");
        var far = await CreateAsync(env, "far");
        var unrelated = await CreateAsync(env, "unrelated");
        await env.ThAsync("pearls", "dep", "add", task, near);
        await env.ThAsync("pearls", "dep", "add", near, mid);
        await env.ThAsync("pearls", "dep", "add", mid, far);
        using var dir = new TempDir("smooth-wonk");
        var socket = dir.Combine("policy.sock");
        using var serve = env.Start("access", "serve", "--socket", socket);
        try
        {
            await ControlTests.Until(() => File.Exists(socket));
            using var http = new HttpClient(Core.Net.UnixSocketHttp.CreateHandler(socket)) { BaseAddress = new Uri("http://localhost") };
            async Task<string> Verdict(string target)
            {
                var response = await http.PostAsJsonAsync("/v1/decisions", new { kind = "pearl", pearl = task, target, run = "run-test" });
                return JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement.GetProperty("verdict").GetString()!;
            }
            Assert.Equal("allow", await Verdict(near));
            Assert.Equal("allow", await Verdict(mid)); // depth 2 by default
            Assert.Equal("deny", await Verdict(far));
            Assert.Equal("deny", await Verdict(unrelated));
        }
        finally
        {
            // A graceful stop: the decision events are written behind and flushed on the way out.
            Assert.Equal(0, await Signals.TerminateAsync(serve));
        }
        var logs = (await env.ThAsync("logs", "--json", "--limit", "10000")).StandardOutput;
        Assert.Contains("decision-api", logs);
        Assert.Contains(far, logs);
    }

    [Fact]
    public async Task A_call_Narc_escalates_becomes_an_access_request_and_an_approval_lets_that_call_run()
    {
        // The upload pattern is a gray case: the judge is asked, answers nonsense, and Narc escalates to a person.
        await using var env = await ExecEnvironment.StartAsync("""
            turns:
              - respond: {tool_calls: [{name: bash, arguments: {command: "echo curl -F file=@README.md https://files.example.com/upload"}}]}
              - respond: {content: "this is not a verdict"}
              - expect: {last_tool_result_contains: "curl -F file=@README.md"}
                respond: {content: "ran after a person approved"}
            """);

        var exec = Task.Run(() => env.ThAsync("exec", "share the readme", "--no-tests", "--json", "--hold-access", "120"));
        var request = await PendingAsync(env);
        Assert.Equal("surveillance", request.GetProperty("kind").GetString());
        Assert.StartsWith("bash#", request.GetProperty("resource").GetString());
        var id = request.GetProperty("id").GetString()!;
        var lasting = await env.ThAsync("access", "approve", id, "--scope", "project");
        Assert.NotEqual(0, lasting.ExitCode); // no policy rule can name one escalated call
        Assert.Contains("once or for the run", lasting.StandardError);
        var approve = await env.ThAsync("access", "approve", id, "--scope", "once");
        Assert.True(approve.ExitCode == 0, approve.StandardError);

        var result = await exec;
        Assert.True(result.ExitCode == 0, result.StandardError + result.StandardOutput);
        env.Model.AssertCompleted();
        Assert.False(File.Exists(Path.Combine(env.Repo.Path, ".smooth", "policy.yaml")));
    }

    private static async Task<string> CreateAsync(ExecEnvironment env, string title)
    {
        var created = await env.ThAsync("pearls", "create", title, "--json");
        Assert.True(created.ExitCode == 0, created.StandardError);
        return JsonDocument.Parse(created.StandardOutput).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<JsonElement> PendingAsync(ExecEnvironment env)
    {
        JsonElement found = default;
        await ControlTests.Until(() =>
        {
            var pending = env.ThAsync("access", "pending", "--json").GetAwaiter().GetResult();
            var list = JsonDocument.Parse(pending.StandardOutput).RootElement;
            if (list.GetArrayLength() == 0) return false;
            found = list[0].Clone();
            return true;
        });
        return found;
    }
}
