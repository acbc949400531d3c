using Smooth.Orchestrator.Runs;
using Smooth.TestSupport;

namespace Smooth.Orchestrator.Tests;

/// <summary>th operators and the run controls through the installed binary and a real daemon.</summary>
public sealed class OperatorsCliTests
{
    [Fact]
    public async Task Lists_runs_and_controls_them_by_pearl_or_run_id()
    {
        using var home = new TempDir("smooth-home");
        using var repo = await Git.CreateRepoAsync();
        await Th.RunOkAsync(repo.Path, "init");
        var env = new Dictionary<string, string?> { ["HOME"] = home.Path };
        var up = await Th.RunAsync(repo.Path, ["up", "direct", "--port", "0", "--archivist-port", "0"], env: env);
        Assert.True(up.ExitCode == 0, up.StandardError);
        try
        {
            var none = await Th.RunAsync(repo.Path, ["operators"], env: env);
            Assert.Equal(0, none.ExitCode);
            Assert.Contains("no operator is running", none.StandardOutput);

            await using (var queue = await RunQueue.OpenAsync(repo.Combine(".smooth"), default))
            {
                await queue.EnqueueAsync("th-abc123", default);
                await queue.EnqueueAsync("th-def456", default);
            }
            var all = await Th.RunAsync(repo.Path, ["operators", "--all", "--json"], env: env);
            Assert.Equal(0, all.ExitCode);
            Assert.Contains("th-abc123", all.StandardOutput);
            Assert.Contains("\"Queued\"", all.StandardOutput);

            var steer = await Th.RunAsync(repo.Path, ["steer", "th-abc123", "prefer small commits"], env: env);
            Assert.Equal(6, steer.ExitCode);
            Assert.Contains("not running in this daemon", steer.StandardError);

            var cancel = await Th.RunAsync(repo.Path, ["cancel", "th-abc123"], env: env);
            Assert.Equal(0, cancel.ExitCode);
            Assert.Contains("cancelled before it started", cancel.StandardOutput);

            var unknown = await Th.RunAsync(repo.Path, ["pause", "th-999999"], env: env);
            Assert.Equal(3, unknown.ExitCode);
            Assert.Contains("th run", unknown.StandardError);

            var missingText = await Th.RunAsync(repo.Path, ["steer", "th-def456"], env: env);
            Assert.Equal(2, missingText.ExitCode);
        }
        finally
        {
            await Th.RunAsync(repo.Path, ["down"], env: env);
        }
        var down = await Th.RunAsync(repo.Path, ["operators"], env: env);
        Assert.Equal(1, down.ExitCode);
        Assert.Contains("th up", down.StandardError);
    }
}
