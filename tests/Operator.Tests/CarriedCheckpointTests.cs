using Smooth.Operator.Checkpoints;
using Smooth.Operator.Events;
using Smooth.Operator.Host;
using Smooth.Operator.Remote;
using Smooth.Orchestrator.Guards;
using Smooth.Surveillance;
using Smooth.Surveillance.Rules;

namespace Smooth.Operator.Tests;

/// <summary>
/// Checkpoints ride on the guard's exchanges: a tool turn saves the model's answer with the call's check and the result
/// with its review, and what the host stores is the reviewed text the model reads.
/// </summary>
public sealed class CarriedCheckpointTests
{
    private const string Token = "ghp_" + "Z4bK9qLm2Xr8Tn5Vw1Yc7Hd3Jf6Gs0Pa2Qe9";

    private const string Script = """
        turns:
          - respond: {tool_calls: [{name: read_file, arguments: {path: notes.txt}}]}
          - respond: {tool_calls: [{name: bash, arguments: {command: "echo second"}}]}
          - respond: {tool_calls: [{name: bash, arguments: {command: "echo third"}}]}
          - respond: {content: "done"}
        """;

    [Fact]
    public async Task A_tool_turn_sends_no_checkpoint_of_its_own_and_the_host_stores_the_redacted_result()
    {
        await using var h = await OperatorHarness.StartAsync(Script, new Dictionary<string, string> { ["notes.txt"] = $"deploy token {Token}\n" });
        var guard = new HostToolGuard([], [new SurveillanceResultFilter(new SurveillanceEngine(RuleSetLoader.LoadBuiltin()))]);
        var spec = h.Spec();
        var session = new OperatorSession(spec, [h.Pearl.Id], guard, e => h.Events.Enqueue(e));
        h.Api.Add(session);
        var saves = 0;
        await using (var client = new OperatorApiClient(h.Api.SocketPath, session.Token))
        {
            var outcome = await OperatorRuntime.RunAsync(spec, new Llm.Clients.OpenAiChatModel(h.Model.BaseUrl, "test-key", "scripted"), new OperatorServices
            {
                Events = client, Checkpoints = new CountingSink(client, () => Interlocked.Increment(ref saves)), Control = client, Guard = client, Crew = client,
                CommandEnvironment = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["HOME"] = h.Repo.Path },
            }, CancellationToken.None);
            Assert.Equal("completed", outcome.Stop);
        }
        h.Model.AssertCompleted();

        // Three answers with calls and three results rode on guard exchanges; what went on its own is the rest.
        var checkpointEvents = h.Of(OperatorEventTypes.CheckpointSaved).Count;
        Assert.True(checkpointEvents >= 7, $"{checkpointEvents} checkpoints");
        Assert.True(saves <= checkpointEvents - 6, $"{saves} separate saves for {checkpointEvents} checkpoints");

        var stored = await h.Checkpoints.LoadAsync(spec.RunId, CancellationToken.None);
        Assert.NotNull(stored);
        var tools = stored.Messages.Where(m => m.Role == "tool").ToList();
        Assert.Equal(3, tools.Count);
        Assert.DoesNotContain(Token, tools[0].Content); // the host put the reviewed text in, not the raw result
        Assert.Contains("deploy token", tools[0].Content);
        Assert.Contains("second", tools[1].Content);
        // The stored conversation is the one the model was sent, message for message.
        var sent = h.Model.Requests[^1].Messages;
        Assert.Equal(sent.Count, stored.Messages.Count - 1); // plus the final answer
        for (var i = 0; i < sent.Count; i++)
        {
            Assert.Equal(sent[i].Role, stored.Messages[i].Role);
            if (sent[i].Role != "assistant") Assert.Equal(sent[i].Text, stored.Messages[i].Content);
        }
    }

    [Fact]
    public async Task The_host_holds_the_answer_while_its_call_runs()
    {
        await using var h = await OperatorHarness.StartAsync("""
            turns:
              - respond: {tool_calls: [{name: bash, arguments: {command: "touch running; while [ ! -f go ]; do sleep 0.05; done; echo released"}}]}
              - respond: {content: "done"}
            """);
        var run = h.RunAsync(h.Spec());
        await ControlTests.Until(() => File.Exists(Path.Combine(h.Repo.Path, "running")));
        var held = await h.Checkpoints.LoadAsync(h.Spec().RunId, CancellationToken.None); // waits for saves written behind
        await File.WriteAllTextAsync(Path.Combine(h.Repo.Path, "go"), "");
        Assert.Equal("completed", (await run).Stop);
        Assert.NotNull(held);
        var last = held.Messages[^1];
        Assert.Equal("assistant", last.Role);
        Assert.Contains("touch running", Assert.Single(last.ToolCalls).Arguments);
    }

    /// <summary>Passes saves through to the real client and counts them.</summary>
    private sealed class CountingSink(ICheckpointSink inner, Action counted) : ICheckpointSink
    {
        public Task SaveAsync(Checkpoint checkpoint, CancellationToken ct)
        {
            counted();
            return inner.SaveAsync(checkpoint, ct);
        }

        public Task<Checkpoint?> LoadAsync(CancellationToken ct) => inner.LoadAsync(ct);

        public Task<long> LastEventSeqAsync(CancellationToken ct) => inner.LastEventSeqAsync(ct);
    }
}

/// <summary>The host's store: saves written behind land in order, and a failed one is never silently dropped.</summary>
public sealed class CheckpointWriteBehindTests
{
    private static Checkpoint Delta(long seq, int keep, params string[] texts) => new()
    {
        RunId = "run-behind", Seq = seq, KeepMessages = keep, Messages = texts.Select(t => new SavedMessage { Role = "user", Content = t }).ToList(),
    };

    [Fact]
    public async Task Saves_written_behind_land_in_order_before_a_read()
    {
        using var dir = new TestSupport.TempDir("smooth-groove");
        await using var store = await CheckpointStore.OpenAsync(dir.Path, CancellationToken.None);
        for (var i = 0; i < 50; i++) Assert.True(store.SaveBehind(null, Delta(i + 1, i, $"m{i}")));
        var loaded = await store.LoadAsync("run-behind", CancellationToken.None);
        Assert.NotNull(loaded);
        Assert.Equal(50, loaded.Seq);
        Assert.Equal(Enumerable.Range(0, 50).Select(i => $"m{i}"), loaded.Messages.Select(m => m.Content));
    }

    [Fact]
    public async Task A_failed_save_behind_fails_the_next_save_and_refuses_further_ones()
    {
        using var dir = new TestSupport.TempDir("smooth-groove");
        await using var store = await CheckpointStore.OpenAsync(dir.Path, CancellationToken.None);
        await store.SaveAsync(null, Delta(1, 0, "a"), CancellationToken.None);
        Assert.True(store.SaveBehind(null, Delta(2, 5, "b"))); // keeps 5 messages the store does not have
        var error = await Assert.ThrowsAsync<InvalidDataException>(() => store.SaveAsync(null, Delta(3, 1, "c"), CancellationToken.None));
        Assert.Contains("keeps 5 messages", error.Message);
        Assert.False(store.SaveBehind(null, Delta(4, 1, "d")));
        var loaded = await store.LoadAsync("run-behind", CancellationToken.None); // the last consistent checkpoint
        Assert.NotNull(loaded);
        Assert.Equal(1, loaded.Seq);
        Assert.Equal(["a"], loaded.Messages.Select(m => m.Content));
    }
}
