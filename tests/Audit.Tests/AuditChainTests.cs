using Microsoft.Data.Sqlite;
using Smooth.Audit.Scribe;
using Smooth.Audit.Store;
using Smooth.Core.Events;
using Smooth.TestSupport;

namespace Smooth.Audit.Tests;

public sealed class AuditChainTests
{
    private static SmoothEvent Event(int i) => SmoothEvent.Create($"test.event{i % 3}", "test", new Dictionary<string, string> { ["i"] = i.ToString() });

    private static async Task<string> SeedAsync(TempDir dir, int count)
    {
        var state = dir.Combine(".smooth");
        await using var store = await AuditStore.OpenAsync(state, default);
        await store.AppendAsync(Enumerable.Range(1, count).Select(Event).ToList(), default);
        return state;
    }

    /// <summary>Changes the raw table behind the store's back, as an attacker with file access would.</summary>
    private static async Task TamperAsync(string state, string sql)
    {
        await using var c = new SqliteConnection($"Data Source={Path.Combine(state, "audit.db")};Pooling=false");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "DROP TRIGGER audit_events_no_update; DROP TRIGGER audit_events_no_delete; " + sql;
        await cmd.ExecuteNonQueryAsync();
    }

    [Fact]
    public async Task Intact_log_verifies()
    {
        using var dir = new TempDir();
        var state = await SeedAsync(dir, 20);
        await using var store = await AuditStore.OpenAsync(state, default);
        var report = await store.VerifyAsync(default);
        Assert.True(report.Ok, string.Join("; ", report.Problems));
        Assert.Equal(20, report.Records);
    }

    [Fact]
    public async Task Sql_update_and_delete_are_refused_by_the_store()
    {
        using var dir = new TempDir();
        var state = await SeedAsync(dir, 3);
        await using var c = new SqliteConnection($"Data Source={Path.Combine(state, "audit.db")};Pooling=false");
        await c.OpenAsync();
        await using var cmd = c.CreateCommand();
        cmd.CommandText = "UPDATE audit_events SET type = 'x' WHERE seq = 2";
        var e = await Assert.ThrowsAsync<SqliteException>(() => cmd.ExecuteNonQueryAsync());
        Assert.Contains("append-only", e.Message);
        cmd.CommandText = "DELETE FROM audit_events WHERE seq = 2";
        await Assert.ThrowsAsync<SqliteException>(() => cmd.ExecuteNonQueryAsync());
    }

    [Theory]
    [InlineData("UPDATE audit_events SET attributes = '{\"i\":\"999\"}' WHERE seq = 5", "edited")]
    [InlineData("DELETE FROM audit_events WHERE seq = 5", "missing")]
    [InlineData("DELETE FROM audit_events WHERE seq = 10", "truncated")]
    [InlineData("UPDATE audit_events SET seq = seq + 100 WHERE seq = 4; UPDATE audit_events SET seq = 4 WHERE seq = 6; UPDATE audit_events SET seq = 6 WHERE seq = 104", "reordered")]
    public async Task Tampering_is_detected(string sql, string kind)
    {
        using var dir = new TempDir();
        var state = await SeedAsync(dir, 10);
        await TamperAsync(state, sql);
        await using var store = await AuditStore.OpenAsync(state, default);
        var report = await store.VerifyAsync(default);
        Assert.False(report.Ok);
        Assert.Contains(report.Problems, p => p.Kind == kind);
    }

    [Fact]
    public async Task Scribe_forwards_every_event_in_order_across_batches()
    {
        using var dir = new TempDir();
        var state = dir.Combine(".smooth");
        await using var store = await AuditStore.OpenAsync(state, default);
        await using (var scribe = new ScribeSink(new StoreForwarder(store)))
        {
            var writers = Enumerable.Range(0, 4).Select(w => Task.Run(() =>
            {
                for (var i = 0; i < 1000; i++) scribe.Emit(Event(w * 1000 + i));
            })).ToArray();
            await Task.WhenAll(writers);
            await scribe.FlushAsync(default);
            Assert.Equal(4000, scribe.Forwarded);
            Assert.Equal(0, scribe.Dropped);
        }
        var all = await store.QueryAsync(new AuditQuery(Limit: 10_000), default);
        Assert.Equal(4000, all.Count);
        Assert.Equal(4000, all.Select(r => r.Attributes["i"]).Distinct().Count());
        Assert.True((await store.VerifyAsync(default)).Ok);
    }

    [Fact]
    public async Task Scribe_keeps_a_batch_when_the_archivist_fails_and_retries()
    {
        using var dir = new TempDir();
        await using var store = await AuditStore.OpenAsync(dir.Combine(".smooth"), default);
        var flaky = new FailingFirst(new StoreForwarder(store), failures: 2);
        await using (var scribe = new ScribeSink(flaky))
        {
            for (var i = 0; i < 10; i++) scribe.Emit(Event(i));
            await scribe.FlushAsync(default);
        }
        Assert.Equal(10, (await store.QueryAsync(new AuditQuery(), default)).Count);
        Assert.Equal(2, flaky.Failed);
    }

    /// <summary>A real store behind a forwarder that throws its first N calls, like an Archivist restarting.</summary>
    private sealed class FailingFirst(IAuditForwarder inner, int failures) : IAuditForwarder
    {
        public int Failed;
        public Task ForwardAsync(IReadOnlyList<SmoothEvent> batch, CancellationToken ct)
        {
            if (Failed < failures)
            {
                Failed++;
                throw new IOException("archivist unavailable");
            }
            return inner.ForwardAsync(batch, ct);
        }
    }

    [Fact]
    public async Task Concurrent_appenders_in_separate_connections_keep_one_chain()
    {
        using var dir = new TempDir();
        var state = dir.Combine(".smooth");
        var tasks = Enumerable.Range(0, 4).Select(async w =>
        {
            await using var store = await AuditStore.OpenAsync(state, default);
            for (var i = 0; i < 25; i++)
            {
                await store.AppendAsync([Event(w * 100 + i)], default);
            }
        });
        await Task.WhenAll(tasks);
        await using var check = await AuditStore.OpenAsync(state, default);
        var report = await check.VerifyAsync(default);
        Assert.True(report.Ok, string.Join("; ", report.Problems));
        Assert.Equal(100, report.Records);
    }
}
