using System.Diagnostics;
using System.Text.Json;

namespace Smooth.Operator.Tests;

/// <summary>Big Smooth dispatching pearls to operators: th up, th run, review; and a daemon killed mid-run.</summary>
public sealed class DaemonDispatchTests
{
    [Fact]
    public async Task A_dispatched_pearl_is_worked_in_a_sandbox_and_waits_in_review()
    {
        await using var env = await ExecEnvironment.StartAsync("""
            turns:
              - respond: {tool_calls: [{name: write_file, arguments: {path: NOTES.md, content: "notes\n"}}]}
              - respond: {content: "wrote the notes"}
            """);
        var pearl = await CreatePearlAsync(env, "Write notes");
        await UpAsync(env);
        try
        {
            var run = await env.ThAsync("run", pearl, "--json");
            Assert.True(run.ExitCode == 0, run.StandardError);
            var runId = JsonDocument.Parse(run.StandardOutput).RootElement[0].GetProperty("id").GetString()!;

            var record = await WaitForStateAsync(env, runId, "review");

            Assert.Equal(pearl, record.GetProperty("pearlId").GetString());
            env.Model.AssertCompleted();
            var again = await env.ThAsync("run", pearl);
            Assert.NotEqual(0, again.ExitCode); // the same pearl is not dispatched twice while its run waits
            var accept = await env.ThAsync("review", "accept", runId);
            Assert.True(accept.ExitCode == 0, accept.StandardError);
            Assert.True(File.Exists(Path.Combine(env.Repo.Path, "NOTES.md")));
            await WaitForStateAsync(env, runId, "finished");
            var show = await env.ThAsync("pearls", "show", pearl, "--json");
            Assert.Contains("\"closed\"", show.StandardOutput);
            Assert.Contains("\"review\":\"accepted\"", show.StandardOutput.Replace(" ", ""));
        }
        finally
        {
            await env.ThAsync("down");
        }
    }

    [Fact]
    public async Task A_daemon_killed_mid_run_resumes_the_run_once_after_restart()
    {
        await using var env = await ExecEnvironment.StartAsync("""
            turns:
              - respond: {tool_calls: [{name: bash, arguments: {command: "echo one >> log.txt"}}]}
              - respond: {tool_calls: [{name: bash, arguments: {command: "test -f started || { touch started; sleep 300; }; echo two >> log.txt; rm -f started"}}]}
              - respond: {content: "log written"}
            """);
        var pearl = await CreatePearlAsync(env, "Write the log");
        var daemonPid = await UpAsync(env);
        try
        {
            var run = await env.ThAsync("run", pearl, "--json");
            var runId = JsonDocument.Parse(run.StandardOutput).RootElement[0].GetProperty("id").GetString()!;
            await ControlTests.Until(() => File.Exists(Path.Combine(env.Workspace(runId), "started")));

            Process.GetProcessById(daemonPid).Kill(); // SIGKILL: no chance to checkpoint or clean up
            await Process.GetProcessById(daemonPid).WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30)).ContinueWith(_ => { });
            await UpAsync(env);

            var record = await WaitForStateAsync(env, runId, "review");

            Assert.Equal(2, record.GetProperty("attempt").GetInt32());
            env.Model.AssertCompleted(); // every scripted turn was used exactly once: nothing ran twice
            Assert.Equal("one\ntwo\n", await File.ReadAllTextAsync(Path.Combine(env.Workspace(runId), "log.txt")));
            var verify = await env.ThAsync("audit", "verify");
            Assert.True(verify.ExitCode == 0, verify.StandardOutput + verify.StandardError);
        }
        finally
        {
            await env.ThAsync("down");
        }
    }

    [Fact]
    public async Task An_operators_question_shows_in_the_inbox_and_th_answer_reaches_it()
    {
        await using var env = await ExecEnvironment.StartAsync("""
            turns:
              - respond: {tool_calls: [{name: ask_human, arguments: {question: "Which colour for the button?"}}]}
              - expect: {last_tool_result_contains: "answer: blue"}
                respond: {tool_calls: [{name: write_file, arguments: {path: colour.txt, content: "blue"}}]}
              - respond: {content: "made it blue"}
            """);
        var pearl = await CreatePearlAsync(env, "Pick a colour");
        await UpAsync(env);
        try
        {
            var run = await env.ThAsync("run", pearl, "--json");
            var runId = JsonDocument.Parse(run.StandardOutput).RootElement[0].GetProperty("id").GetString()!;
            JsonElement question = default;
            await ControlTests.Until(() =>
            {
                var inbox = env.ThAsync("inbox", "--json").GetAwaiter().GetResult();
                var items = JsonDocument.Parse(inbox.StandardOutput).RootElement;
                question = items.EnumerateArray().FirstOrDefault(i => i.GetProperty("kind").GetString() == "question");
                return question.ValueKind == JsonValueKind.Object;
            });
            Assert.Equal(runId, question.GetProperty("id").GetString());
            Assert.Equal("Which colour for the button?", question.GetProperty("subject").GetString());

            var answer = await env.ThAsync("answer", runId, "blue");
            Assert.True(answer.ExitCode == 0, answer.StandardError);
            await WaitForStateAsync(env, runId, "review");

            env.Model.AssertCompleted();
            var after = JsonDocument.Parse((await env.ThAsync("inbox", "--json")).StandardOutput).RootElement;
            Assert.DoesNotContain(after.EnumerateArray(), i => i.GetProperty("kind").GetString() == "question");
            Assert.Contains(after.EnumerateArray(), i => i.GetProperty("kind").GetString() == "review" && i.GetProperty("id").GetString() == runId);
        }
        finally
        {
            await env.ThAsync("down");
        }
    }

    private static async Task<string> CreatePearlAsync(ExecEnvironment env, string title)
    {
        var created = await env.ThAsync("pearls", "create", title, "--description", "test: ", "--json");
        Assert.True(created.ExitCode == 0, created.StandardError);
        return JsonDocument.Parse(created.StandardOutput).RootElement.GetProperty("id").GetString()!;
    }

    private static async Task<int> UpAsync(ExecEnvironment env)
    {
        var up = await env.ThAsync("up", "--port", "0", "--archivist-port", "0", "--json");
        Assert.True(up.ExitCode == 0, up.StandardError + up.StandardOutput);
        return JsonDocument.Parse(up.StandardOutput).RootElement.GetProperty("daemon").GetProperty("pid").GetInt32();
    }

    private static async Task<JsonElement> WaitForStateAsync(ExecEnvironment env, string runId, string state)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromMinutes(3));
        while (true)
        {
            var list = await env.ThAsync("operators", "--all", "--json");
            foreach (var r in JsonDocument.Parse(list.StandardOutput).RootElement.EnumerateArray())
            {
                if (r.GetProperty("id").GetString() == runId && string.Equals(r.GetProperty("state").ToString(), state, StringComparison.OrdinalIgnoreCase)) return r.Clone();
            }
            await Task.Delay(300, cts.Token);
        }
    }
}
