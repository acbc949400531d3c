using Microsoft.Data.Sqlite;
using Smooth.Audit.Store;
using Smooth.Core.Events;
using Smooth.TestSupport;

namespace Smooth.Audit.Tests;

public sealed class AuditCliTests
{
    [Fact]
    public async Task Verify_and_logs_through_the_binary_and_tamper_is_reported()
    {
        using var repo = await Git.CreateRepoAsync();
        await Th.RunOkAsync(repo.Path, "init");
        var state = repo.Combine(".smooth");
        await using (var store = await AuditStore.OpenAsync(state, default))
        {
            await store.AppendAsync(Enumerable.Range(1, 5).Select(i =>
                SmoothEvent.Create("sandbox.created", "sandbox", new Dictionary<string, string> { ["run"] = $"r{i}" })).ToList(), default);
        }

        var ok = await Th.RunOkAsync(repo.Path, "audit", "verify");
        Assert.Contains("5 records", ok.StandardOutput);

        var logs = await Th.RunOkAsync(repo.Path, "logs", "--json", "--type", "sandbox.", "-n", "2");
        Assert.Contains("\"r5\"", logs.StandardOutput);
        Assert.Contains("\"r4\"", logs.StandardOutput);
        Assert.DoesNotContain("\"r3\"", logs.StandardOutput);

        await using (var c = new SqliteConnection($"Data Source={Path.Combine(state, "audit.db")};Pooling=false"))
        {
            await c.OpenAsync();
            await using var cmd = c.CreateCommand();
            cmd.CommandText = "DROP TRIGGER audit_events_no_update; UPDATE audit_events SET attributes = '{\"run\":\"forged\"}' WHERE seq = 3";
            await cmd.ExecuteNonQueryAsync();
        }
        var bad = await Th.RunAsync(repo.Path, ["audit", "verify"]);
        Assert.Equal(5, bad.ExitCode);
        Assert.Contains("record 3: edited", bad.StandardError);
        Assert.Contains("tampered", bad.StandardError);
    }

    [Fact]
    public async Task Logs_rejects_a_bad_limit_and_outside_a_project()
    {
        using var repo = await Git.CreateRepoAsync();
        var outside = await Th.RunAsync(repo.Path, ["logs"]);
        Assert.Equal(4, outside.ExitCode);
        Assert.Contains("th init", outside.StandardError);
        await Th.RunOkAsync(repo.Path, "init");
        var bad = await Th.RunAsync(repo.Path, ["logs", "-n", "0"]);
        Assert.Equal(2, bad.ExitCode);
    }

    [Fact]
    public async Task Events_follow_prints_records_appended_while_it_runs()
    {
        using var repo = await Git.CreateRepoAsync();
        await Th.RunOkAsync(repo.Path, "init");
        var state = repo.Combine(".smooth");
        await using var store = await AuditStore.OpenAsync(state, default);
        await store.AppendAsync([SmoothEvent.Create("run.started", "test")], default);

        // The follower runs until its timeout kills it; what it printed by then is kept.
        var follow = Th.RunAsync(repo.Path, ["events", "--follow", "--json"], timeout: TimeSpan.FromSeconds(8));
        await Task.Delay(1000);
        for (var i = 0; i < 3; i++)
        {
            await store.AppendAsync([SmoothEvent.Create("run.step", "test", new Dictionary<string, string> { ["i"] = $"{i}" })], default);
            await Task.Delay(200);
        }
        var result = await follow;
        Assert.True(result.TimedOut, "--follow should keep running until stopped");
        var lines = result.StandardOutput.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(4, lines.Length);
        Assert.Contains("run.started", lines[0]);
        Assert.All(lines.Skip(1), l => Assert.Contains("run.step", l));
    }
}
