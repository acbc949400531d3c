using Smooth.Core.Events;
using Smooth.Core.Processes;
using Smooth.Governor;
using Smooth.TestSupport;

namespace Smooth.Orchestrator.Tests;

/// <summary>
/// The governor against a real workspace: a real git snapshot store, a real test command (a shell script that checks
/// files and prints the plain summary line), and scripted coding turns standing in for the model-driven operator.
/// </summary>
public sealed class GovernorLoopTests : IDisposable
{
    private readonly TempDir _dir = new();
    private readonly EventRing _events = new();

    public GovernorLoopTests()
    {
        Directory.CreateDirectory(Workspace);
        // Five "tests": test N passes when file fN contains "ok".
        File.WriteAllText(Path.Combine(Workspace, "check.sh"), """
            p=0; f=0
            for n in 1 2 3 4 5; do if grep -qx ok "f$n" 2>/dev/null; then p=$((p+1)); else f=$((f+1)); echo "FAIL: test $n"; fi; done
            echo "results: $p passed, $f failed"
            [ "$f" = 0 ]
            """);
    }

    private string Workspace => _dir.Combine("workspace");

    public void Dispose() => _dir.Dispose();

    private GovernorLoop Loop(params Action<string>[] turns) => Loop(new GovernorOptions(), 0.1m, turns);

    private GovernorLoop Loop(GovernorOptions options, decimal costPerTurn, params Action<string>[] turns) => new(
        new ScriptedTurns(Workspace, turns, costPerTurn),
        new ShellTests(Workspace),
        new GitWorkspaceSnapshots(_dir.Combine("snapshots.git"), Workspace),
        _events, options);

    private void Fix(params int[] tests)
    {
        foreach (var t in tests) File.WriteAllText(Path.Combine(Workspace, $"f{t}"), "ok\n");
    }

    [Fact]
    public async Task Stops_green_after_the_turn_that_fixes_everything()
    {
        var outcome = await Loop(_ => Fix(1, 2), _ => Fix(3, 4, 5)).RunAsync("r1", default);
        Assert.Equal(StopReason.Green, outcome.Reason);
        Assert.Equal(2, outcome.Iterations);
        Assert.Equal(0, outcome.FinalFailing);
        Assert.Contains(_events.Snapshot(), e => e.Type == "governor.stop" && e.Attributes["stop"] == "Green" && e.Attributes["reason"].Contains("all 5 tests pass"));
        Assert.Equal(2, _events.Snapshot().Count(e => e.Type == "governor.snapshot"));
    }

    [Fact]
    public async Task Feeds_the_real_test_output_to_the_next_turn()
    {
        var seen = new List<GovernorFeedback>();
        var turns = new ScriptedTurns(Workspace, [_ => Fix(1, 2, 3), _ => Fix(4, 5)], 0.1m, seen);
        var loop = new GovernorLoop(turns, new ShellTests(Workspace), new GitWorkspaceSnapshots(_dir.Combine("s.git"), Workspace), _events, new GovernorOptions());
        await loop.RunAsync("r", default);
        Assert.Equal(5, seen[0].Failing);
        Assert.Contains("FAIL: test 1", seen[0].TestOutputTail);
        Assert.Equal(2, seen[1].Failing);
        Assert.DoesNotContain("FAIL: test 1", seen[1].TestOutputTail);
        Assert.Contains("FAIL: test 4", seen[1].TestOutputTail);
    }

    [Fact]
    public async Task Stops_on_a_close_to_green_plateau()
    {
        var outcome = await Loop(_ => Fix(1, 2, 3), _ => { }, _ => Fix(4)).RunAsync("r", default);
        Assert.Equal(StopReason.Plateau, outcome.Reason);
        Assert.Equal(2, outcome.Iterations);
        Assert.Equal(2, outcome.FinalFailing);
    }

    [Fact]
    public async Task Stops_at_the_iteration_cap()
    {
        var options = new GovernorOptions { MaxIterations = 2 };
        var outcome = await Loop(options, 0.1m, _ => Fix(1), _ => { }, _ => Fix(2, 3, 4, 5)).RunAsync("r", default);
        Assert.Equal(StopReason.IterationCap, outcome.Reason);
        Assert.Equal(2, outcome.Iterations);
    }

    [Fact]
    public async Task Stops_before_a_turn_that_would_exceed_the_budget()
    {
        var options = new GovernorOptions { BudgetUsd = 0.25m };
        var outcome = await Loop(options, 0.1m, _ => Fix(1), _ => Fix(2), _ => Fix(3), _ => Fix(4, 5)).RunAsync("r", default);
        Assert.Equal(StopReason.Budget, outcome.Reason);
        Assert.Equal(2, outcome.Iterations);
        Assert.Equal(0.2m, outcome.CostUsd);
    }

    [Fact]
    public async Task Restores_the_best_snapshot_when_the_end_is_worse()
    {
        var options = new GovernorOptions { MaxIterations = 2 };
        var outcome = await Loop(options, 0.1m,
            _ => Fix(1, 2, 3, 4),
            ws => { File.Delete(Path.Combine(ws, "f1")); File.Delete(Path.Combine(ws, "f2")); File.WriteAllText(Path.Combine(ws, "junk.txt"), "x"); }
        ).RunAsync("r", default);
        Assert.True(outcome.RestoredBest);
        Assert.Equal(1, outcome.FinalFailing);
        Assert.True(File.Exists(Path.Combine(Workspace, "f1")));
        Assert.False(File.Exists(Path.Combine(Workspace, "junk.txt")));
        var check = await new ShellTests(Workspace).RunAsync(default);
        Assert.Contains("4 passed, 1 failed", check.Output);
    }

    [Fact]
    public async Task A_broken_test_run_is_never_green_and_never_counted_as_progress()
    {
        var outcome = await Loop(new GovernorOptions { MaxIterations = 2 }, 0.1m,
            ws => File.WriteAllText(Path.Combine(ws, "check.sh"), "echo 'syntax error'; exit 2\n"),
            _ => { }).RunAsync("r", default);
        Assert.Equal(StopReason.IterationCap, outcome.Reason);
        Assert.Equal(5, outcome.BestFailing);
        Assert.Contains(_events.Snapshot(), e => e.Type == "governor.continue" && e.Attributes["failing"] == "unknown");
        Assert.True(outcome.RestoredBest);
        Assert.Contains("grep", await File.ReadAllTextAsync(Path.Combine(Workspace, "check.sh")));
    }

    [Fact]
    public async Task Snapshots_ignore_hooks_and_config_planted_in_the_workspace_git()
    {
        // The agent controls the workspace, including a .git of its own with a hook that would run on commit.
        await Git.RunAsync(Workspace, "init", "-q");
        var marker = _dir.Combine("hook-ran");
        var hook = Path.Combine(Workspace, ".git", "hooks", "pre-commit");
        await File.WriteAllTextAsync(hook, $"#!/bin/sh\ntouch '{marker}'\n");
        File.SetUnixFileMode(hook, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        await Git.RunAsync(Workspace, "config", "core.fsmonitor", $"touch '{marker}' #");

        var outcome = await Loop(_ => Fix(1, 2, 3, 4, 5)).RunAsync("r", default);
        Assert.Equal(StopReason.Green, outcome.Reason);
        Assert.False(File.Exists(marker), "the host ran a hook or fsmonitor command from the agent's .git");
    }

    [Fact]
    public void Bad_options_are_refused()
    {
        Assert.Throws<Core.SmoothException>(() => new GovernorOptions { MaxIterations = 0 }.Validate());
        Assert.Throws<Core.SmoothException>(() => new GovernorOptions { BudgetUsd = -1 }.Validate());
    }

    private sealed class ScriptedTurns(string workspace, Action<string>[] turns, decimal cost, List<GovernorFeedback>? seen = null) : ICodingTurn
    {
        private int _next;
        public Task<TurnResult> RunAsync(GovernorFeedback feedback, CancellationToken ct)
        {
            seen?.Add(feedback);
            if (_next < turns.Length) turns[_next++](workspace);
            return Task.FromResult(new TurnResult(cost));
        }
    }

    private sealed class ShellTests(string workspace) : ITestCommand
    {
        public async Task<TestRun> RunAsync(CancellationToken ct)
        {
            var r = await ProcessRunner.RunAsync("sh", ["check.sh"], new ProcessOptions { WorkingDirectory = workspace }, ct);
            return new TestRun(r.ExitCode, r.StandardOutput + r.StandardError);
        }
    }
}
