using System.Text.Json;
using Smooth.TestSupport;

namespace Smooth.Sandbox.Tests;

/// <summary>The merge queue: accepted diffs of parallel runs reach the tree one at a time, each whole or not at all.</summary>
public sealed class ApplyQueueTests
{
    [Fact]
    public async Task Parallel_accepts_of_conflicting_runs_apply_one_and_report_the_other_untouched()
    {
        using var repo = await Repo.CreateAsync();
        // Two runs from the same base, each editing the same line and adding its own file.
        var first = await RunAsync(repo.Path, "sed -i s/beta/FIRST/ src/app.txt && echo 1 > first.txt");
        var second = await RunAsync(repo.Path, "sed -i s/beta/SECOND/ src/app.txt && echo 2 > second.txt");

        var accepts = await Task.WhenAll(
            Th.RunAsync(repo.Path, ["review", "accept", first]),
            Th.RunAsync(repo.Path, ["review", "accept", second]));

        Assert.Equal(1, accepts.Count(a => a.ExitCode == 0));
        var loser = accepts.Single(a => a.ExitCode != 0);
        Assert.Equal(6, loser.ExitCode); // conflict, reported with the file
        Assert.Contains("src/app.txt", loser.StandardError);
        var app = await File.ReadAllTextAsync(repo.Combine("src/app.txt"));
        var winner = app.Contains("FIRST") ? "first" : "second";
        Assert.DoesNotContain(winner == "first" ? "SECOND" : "FIRST", app);
        // The losing run left nothing behind: not even its own new file.
        Assert.True(File.Exists(repo.Combine($"{winner}.txt")));
        Assert.False(File.Exists(repo.Combine($"{(winner == "first" ? "second" : "first")}.txt")));
    }

    private static async Task<string> RunAsync(string repo, string script)
    {
        var run = await Th.RunAsync(repo, ["sandbox", "run", "--provider", "direct", "--json", "--", "sh", "-c", script]);
        Assert.True(run.ExitCode == 0, run.StandardError);
        return JsonDocument.Parse(run.StandardOutput).RootElement.GetProperty("runId").GetString()!;
    }
}
