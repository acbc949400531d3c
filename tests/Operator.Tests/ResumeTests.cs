using Smooth.Operator.Events;

namespace Smooth.Operator.Tests;

/// <summary>Groove: a run stopped mid-tool resumes from its last checkpoint without repeating completed tool calls.</summary>
public sealed class ResumeTests
{
    // The second tool call blocks the first time it runs (the "crash" happens there) and returns at once after.
    private const string Script = """
        turns:
          - respond:
              tool_calls:
                - {name: bash, arguments: {command: "echo run >> once.log"}}
                - {name: bash, arguments: {command: "test -f started || { touch started; sleep 60; }; echo second >> once.log"}}
          - expect: {last_tool_result_contains: "exit code 0", message_count: 5}
            respond: {tool_calls: [{name: write_file, arguments: {path: result.txt, content: "finished"}}]}
          - expect: {last_tool_result_contains: "created result.txt"}
            respond: {content: "all done"}
        """;

    [Fact]
    public async Task A_run_killed_mid_tool_resumes_and_ends_like_an_uninterrupted_run()
    {
        await using var whole = await OperatorHarness.StartAsync(Script);
        await File.WriteAllTextAsync(Path.Combine(whole.Repo.Path, "started"), ""); // the uninterrupted run never blocks
        var reference = await whole.RunAsync(whole.Spec());
        Assert.Equal("completed", reference.Stop);

        await using var h = await OperatorHarness.StartAsync(Script);
        using var crash = new CancellationTokenSource();
        var first = h.RunAsync(h.Spec(), ct: crash.Token);
        await ControlTests.Until(() => File.Exists(Path.Combine(h.Repo.Path, "started")));
        await crash.CancelAsync();
        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => first);
        var eventsBefore = h.Events.Count;

        var resumed = await h.RunAsync(h.Spec());

        Assert.Equal(reference.Stop, resumed.Stop);
        Assert.Equal(reference.Summary, resumed.Summary);
        h.Model.AssertCompleted();
        // The first call completed before the crash and is not repeated; the interrupted one runs once to its end.
        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(whole.Repo.Path, "once.log")), await File.ReadAllTextAsync(Path.Combine(h.Repo.Path, "once.log")));
        Assert.Equal("finished", await File.ReadAllTextAsync(Path.Combine(h.Repo.Path, "result.txt")));
        // The event stream continues where it stopped: no repeated sequence numbers.
        var seqs = h.Events.Select(e => e.Seq).ToList();
        Assert.Equal(seqs.Count, seqs.Distinct().Count());
        Assert.Contains(h.Events.Skip(eventsBefore), e => e.Type == OperatorEventTypes.Started && e.Text == "resumed from the last checkpoint");
    }

    [Fact]
    public async Task Old_turns_are_compressed_through_the_summarize_slot_near_the_context_window()
    {
        var big = new string('x', 9000);
        await using var h = await OperatorHarness.StartAsync($$$"""
            turns:
              - respond: {tool_calls: [{name: bash, arguments: {command: "printf '{{{big}}}'"}}]}
              - respond: {tool_calls: [{name: bash, arguments: {command: "echo small"}}]}
              - expect: {model: smooth-summarize}
                respond: {content: "SUMMARY: printed two big blobs"}
              - expect: {nothing_contains: "{{{big}}}"}
                respond: {content: "done"}
            """);

        var spec = h.Spec() with { ContextWindowTokens = 4000, CompressAtRatio = 0.5, KeepRecentMessages = 2 };
        var outcome = await h.RunAsync(spec);

        Assert.True(outcome.Stop == "completed", outcome.Summary + string.Join("\n", h.Model.Mismatches));
        h.Model.AssertCompleted();
        var compressed = Assert.Single(h.Of(OperatorEventTypes.ContextCompressed));
        Assert.Equal(2, compressed.Count); // the old call and its big result; the newest two messages stay verbatim
        Assert.Contains(h.Model.Requests[^1].Messages, m => m.Text.Contains("SUMMARY: printed two big blobs"));
    }
}
