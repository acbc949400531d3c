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
}
