using Smooth.Operator.Control;
using Smooth.Operator.Events;

namespace Smooth.Operator.Tests;

/// <summary>Steer, pause, resume, cancel and answer reach a running operator through the operator API.</summary>
public sealed class ControlTests
{
    private const string WaitForGo = "while [ ! -f go ]; do sleep 0.05; done; echo went";

    [Fact]
    public async Task Steering_is_injected_before_the_next_model_call()
    {
        await using var h = await OperatorHarness.StartAsync($$$"""
            turns:
              - respond: {tool_calls: [{name: bash, arguments: {command: "{{{WaitForGo}}}"}}]}
              - expect: {last_role: user, last_user_matches: "use tabs, not spaces"}
                respond: {content: "ok, tabs"}
            """);
        var run = h.RunAsync(h.Spec());
        await Until(() => h.Of(OperatorEventTypes.ToolCallStarted).Count == 1);
        h.Session!.Send(ControlKinds.Steer, "use tabs, not spaces");
        await File.WriteAllTextAsync(Path.Combine(h.Repo.Path, "go"), "");

        var outcome = await run;

        Assert.Equal("completed", outcome.Stop);
        h.Model.AssertCompleted();
        Assert.Single(h.Of(OperatorEventTypes.SteeringReceived));
    }

    [Fact]
    public async Task Pause_holds_at_the_next_tool_boundary_until_resume()
    {
        await using var h = await OperatorHarness.StartAsync($$$"""
            turns:
              - respond: {tool_calls: [{name: bash, arguments: {command: "{{{WaitForGo}}}"}}]}
              - respond: {content: "done"}
            """);
        var run = h.RunAsync(h.Spec());
        await Until(() => h.Of(OperatorEventTypes.ToolCallStarted).Count == 1);
        h.Session!.Send(ControlKinds.Pause);
        await Task.Delay(300); // let the pause arrive while the tool still runs
        await File.WriteAllTextAsync(Path.Combine(h.Repo.Path, "go"), "");
        await Until(() => h.Of(OperatorEventTypes.Paused).Count == 1);

        Assert.Single(h.Model.Requests); // held: no second model call while paused
        Assert.False(run.IsCompleted);
        h.Session.Send(ControlKinds.Resume);
        var outcome = await run;

        Assert.Equal("completed", outcome.Stop);
        Assert.Equal(2, h.Model.Requests.Count);
        Assert.Single(h.Of(OperatorEventTypes.Resumed));
    }

    [Fact]
    public async Task Cancel_stops_a_running_tool_and_ends_with_a_partial_result()
    {
        await using var h = await OperatorHarness.StartAsync("""
            turns:
              - respond: {tool_calls: [{name: write_file, arguments: {path: partial.txt, content: "half"}}]}
              - respond: {tool_calls: [{name: bash, arguments: {command: "sleep 60"}}]}
              - respond: {content: "never reached"}
            """);
        var run = h.RunAsync(h.Spec());
        await Until(() => h.Of(OperatorEventTypes.ToolCallStarted).Count == 2);
        h.Session!.Send(ControlKinds.Cancel);

        var outcome = await run.WaitAsync(TimeSpan.FromSeconds(90)).ContinueWith(t => t.IsCompletedSuccessfully ? t.Result
            : throw new Xunit.Sdk.XunitException("no end: " + string.Join(" | ", h.Events.Select(e => $"{e.Seq}:{e.Type}:{e.Tool}"))));

        Assert.Equal("cancelled", outcome.Stop);
        Assert.Equal("half", await File.ReadAllTextAsync(Path.Combine(h.Repo.Path, "partial.txt")));
        Assert.Equal(2, h.Model.Requests.Count);
        Assert.Single(h.Of(OperatorEventTypes.Cancelled));
    }

    [Fact]
    public async Task A_question_waits_for_a_person_and_the_answer_reaches_the_model()
    {
        await using var h = await OperatorHarness.StartAsync("""
            turns:
              - respond: {tool_calls: [{name: ask_human, arguments: {question: "Which colour should the button be?"}}]}
              - expect: {last_tool_result_contains: "answer: blue"}
                respond: {content: "made it blue"}
            """);
        var run = h.RunAsync(h.Spec());
        await Until(() => h.Of(OperatorEventTypes.HumanInputRequired).Count == 1);
        Assert.Equal("Which colour should the button be?", h.Of(OperatorEventTypes.HumanInputRequired)[0].Text);
        h.Session!.Send(ControlKinds.Answer, "blue");

        var outcome = await run;

        Assert.Equal("completed", outcome.Stop);
        h.Model.AssertCompleted();
        Assert.Single(h.Of(OperatorEventTypes.HumanInputReceived));
    }

    internal static async Task Until(Func<bool> condition)
    {
        using var cts = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        while (!condition())
        {
            await Task.Delay(20, cts.Token);
        }
    }
}
