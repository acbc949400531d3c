using Smooth.Operator.Events;

namespace Smooth.Operator.Tests;

/// <summary>The agent loop end to end in direct mode: tools really run, the model is the scripted server.</summary>
public sealed class AgentLoopTests
{
    [Fact]
    public async Task A_multi_step_task_reads_edits_runs_and_finishes_with_the_model_summary()
    {
        await using var h = await OperatorHarness.StartAsync("""
            turns:
              - expect: {tools_include: [read_file, edit_file, bash, write_file, apply_patch, list_files, grep]}
                respond:
                  tool_calls:
                    - {name: read_file, arguments: {path: calc.sh}}
                    - {name: list_files, arguments: {pattern: "*.sh"}}
              - expect: {last_tool_result_contains: "calc.sh", message_count: 5}
                respond:
                  tool_calls:
                    - {name: edit_file, arguments: {path: calc.sh, old: "echo $((2+2))", new: "echo $((2*3))"}}
              - expect: {last_tool_result_contains: "1 replacement"}
                respond:
                  tool_calls:
                    - {name: bash, arguments: {command: "bash calc.sh"}}
              - expect: {last_tool_result_contains: "6"}
                respond: {content: "calc.sh now prints 6."}
            """, new Dictionary<string, string> { ["calc.sh"] = "#!/bin/bash\necho $((2+2))\n" });

        var outcome = await h.RunAsync(h.Spec());

        Assert.Equal("completed", outcome.Stop);
        Assert.Equal("calc.sh now prints 6.", outcome.Summary);
        Assert.Contains("2*3", await File.ReadAllTextAsync(Path.Combine(h.Repo.Path, "calc.sh")));
        h.Model.AssertCompleted();
        Assert.Equal(4, h.Of(OperatorEventTypes.LlmResponse).Count);
        var tools = h.Of(OperatorEventTypes.ToolCallCompleted).Select(e => e.Tool!).ToArray();
        // The two read-only calls of the first answer run side by side (either may finish first); the rest in order.
        Assert.Equal(["list_files", "read_file"], tools[..2].Order());
        Assert.Equal(["edit_file", "bash"], tools[2..]);
        Assert.Single(h.Of(OperatorEventTypes.Completed));
        // Events arrive once each, numbered without gaps.
        var seqs = h.Events.Select(e => e.Seq).ToList();
        Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
    }

    [Fact]
    public async Task Malformed_arguments_and_unknown_tools_become_errors_the_model_reads()
    {
        await using var h = await OperatorHarness.StartAsync("""
            turns:
              - respond:
                  tool_calls:
                    - {name: read_file, arguments: "{not json"}
              - expect: {last_tool_result_contains: "not valid JSON"}
                respond:
                  tool_calls:
                    - {name: launch_missiles, arguments: {}}
              - expect: {last_tool_result_contains: "unknown tool 'launch_missiles'"}
                respond:
                  tool_calls:
                    - {name: read_file, arguments: {}}
              - expect: {last_tool_result_contains: "missing required argument 'path'"}
                respond: {content: "gave up"}
            """);

        var outcome = await h.RunAsync(h.Spec());

        Assert.Equal("completed", outcome.Stop);
        h.Model.AssertCompleted();
        Assert.All(h.Of(OperatorEventTypes.ToolCallCompleted), e => Assert.True(e.IsError));
    }

    [Fact]
    public async Task The_iteration_cap_stops_the_loop()
    {
        await using var h = await OperatorHarness.StartAsync("""
            turns:
              - respond: {tool_calls: [{name: todo, arguments: {items: [{text: step one, status: in_progress}]}}]}
              - respond: {tool_calls: [{name: todo, arguments: {}}]}
            """);

        var outcome = await h.RunAsync(h.Spec(maxIterations: 2));

        Assert.Equal("max_iterations", outcome.Stop);
        Assert.Single(h.Of(OperatorEventTypes.MaxIterations));
        h.Model.AssertCompleted();
    }

    [Fact]
    public async Task The_budget_stops_the_loop_once_spent()
    {
        // The scripted model reports usage; the test's model client prices it through a price table of its own.
        await using var h = await OperatorHarness.StartAsync("""
            turns:
              - respond:
                  tool_calls: [{name: todo, arguments: {}}]
                  usage: {prompt_tokens: 1000000, completion_tokens: 0}
            """);

        var outcome = await h.RunAsync(h.Spec(budget: 0.5m), model: new PricedModel(new Smooth.Llm.Clients.OpenAiChatModel(h.Model.BaseUrl, "k", "scripted"), 1m));

        Assert.Equal("budget", outcome.Stop);
        Assert.Single(h.Of(OperatorEventTypes.BudgetExceeded));
        Assert.Equal(1m, outcome.CostUsd);
    }
}
