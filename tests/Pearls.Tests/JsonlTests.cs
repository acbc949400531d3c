using Dapper;
using Microsoft.Data.Sqlite;
using Smooth.Core;
using Smooth.Pearls.Model;
using Smooth.Pearls.Storage;
using Smooth.Pearls.Sync;

namespace Smooth.Pearls.Tests;

public sealed class JsonlTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    private static async Task<(Pearl A, Pearl B)> SeedAsync(IPearlStore s)
    {
        var a = await s.CreateAsync(new NewPearl { Title = "alpha", Labels = ["x"], Outputs = System.Text.Json.JsonDocument.Parse("""{"k": [1, "two"]}""").RootElement }, Ct);
        var b = await s.CreateAsync(new NewPearl { Title = "beta", Parent = a.Id }, Ct);
        await s.AddDependencyAsync(b.Id, a.Id, DependencyKind.Blocks, Ct);
        await s.AddCommentAsync(a.Id, "first comment\nwith two lines", Ct);
        await s.RememberAsync("remember me", a.Id, Ct);
        return (a, b);
    }

    [Fact]
    public async Task Export_is_one_line_per_record_sorted_and_survives_a_round_trip_byte_for_byte()
    {
        await using var f = await StoreFixture.CreateAsync();
        await SeedAsync(f.Store);
        var text = PearlsJsonl.Write(await f.Store.ExportAsync(Ct));
        var lines = text.TrimEnd('\n').Split('\n');
        Assert.Equal(3, lines.Length);
        Assert.All(lines, l => Assert.StartsWith("{\"kind\":", l));
        Assert.StartsWith("{\"kind\":\"memory\"", lines[2]);
        Assert.True(string.CompareOrdinal(lines[0], lines[1]) < 0);

        await using var other = await f.OpenOtherAsync("other.db", "bob");
        var first = await other.ImportAsync(PearlsJsonl.Read(text, "t"), Ct);
        Assert.Equal((2, 0, 0, 1), (first.Added, first.Updated, first.Unchanged, first.MemoriesAdded));
        Assert.Equal(text, PearlsJsonl.Write(await other.ExportAsync(Ct)));

        var again = await other.ImportAsync(PearlsJsonl.Read(text, "t"), Ct);
        Assert.Equal((0, 0, 2, 0, 1), (again.Added, again.Updated, again.Unchanged, again.MemoriesAdded, again.MemoriesUnchanged));
        Assert.Empty(again.Conflicts);
        Assert.Equal(text, PearlsJsonl.Write(await other.ExportAsync(Ct)));
    }

    [Fact]
    public async Task Import_takes_newer_incoming_keeps_newer_local_and_reports_changes_on_both_sides()
    {
        await using var f = await StoreFixture.CreateAsync();
        var (a, b) = await SeedAsync(f.Store);
        await using var other = await f.OpenOtherAsync("other.db", "bob");
        await other.ImportAsync(await f.Store.ExportAsync(Ct), Ct);

        // Only the other side moves a: incoming is ahead.
        await other.UpdateAsync(a.Id, new PearlUpdate { Title = "alpha v2" }, Ct);
        var r1 = await f.Store.ImportAsync(await other.ExportAsync(Ct), Ct);
        Assert.Equal((1, 1), (r1.Updated, r1.Unchanged));
        Assert.Equal("alpha v2", (await f.Store.GetAsync(a.Id, Ct)).Title);

        // Only this side moves b: the stale incoming copy is ignored.
        await f.Store.UpdateAsync(b.Id, new PearlUpdate { Priority = 0 }, Ct);
        var r2 = await f.Store.ImportAsync(await other.ExportAsync(Ct), Ct);
        Assert.Equal(1, r2.KeptLocal);
        Assert.Equal(0, (await f.Store.GetAsync(b.Id, Ct)).Priority);

        // Both sides move b, different fields: a clean field-by-field merge.
        await other.UpdateAsync(b.Id, new PearlUpdate { Assignee = "bob" }, Ct);
        await f.Store.UpdateAsync(b.Id, new PearlUpdate { AddLabels = ["mine"] }, Ct);
        var merge = await f.Store.ImportAsync(await other.ExportAsync(Ct), Ct);
        Assert.Empty(merge.Conflicts);
        var m = await f.Store.GetAsync(b.Id, Ct);
        Assert.Equal(("bob", 0), (m.Assignee, m.Priority));
        Assert.Equal(["mine"], m.Labels);

        // Both sides change the title: a reported conflict, the later change wins, both comments survive.
        await other.AddCommentAsync(b.Id, "from bob", Ct);
        await other.UpdateAsync(b.Id, new PearlUpdate { Title = "beta bob" }, Ct);
        await Task.Delay(5);
        await f.Store.UpdateAsync(b.Id, new PearlUpdate { Title = "beta local" }, Ct);
        var r3 = await f.Store.ImportAsync(await other.ExportAsync(Ct), Ct);
        var conflict = Assert.Single(r3.Conflicts);
        Assert.Equal(b.Id, conflict.Id);
        Assert.Contains("title", conflict.Reason);
        var shown = await f.Store.ShowAsync(b.Id, 0, Ct);
        Assert.Equal("beta local", shown.Pearl.Title);
        Assert.Contains(shown.Comments, c => c.Body == "from bob");
        Assert.Contains(await f.Store.HistoryAsync(b.Id, Ct), h => h.Field == "comment" && h.Actor == "bob");
        // After the merge, the other side takes ours without conflict and both converge.
        var back = await other.ImportAsync(await f.Store.ExportAsync(Ct), Ct);
        Assert.Empty(back.Conflicts);
        Assert.Equal("beta local", (await other.GetAsync(b.Id, Ct)).Title);

        // Closing a on the other side travels too, and unblocks b here.
        await other.CloseAsync(a.Id, null, Ct);
        Assert.DoesNotContain(b.Id, (await f.Store.ReadyAsync(null, Ct)).Select(p => p.Id));
        await f.Store.ImportAsync(await other.ExportAsync(Ct), Ct);
        Assert.Contains(b.Id, (await f.Store.ReadyAsync(null, Ct)).Select(p => p.Id));
        Assert.Equal(0, await StoreTests.BlockerCountMismatchesAsync(f.DbPath));
    }

    [Fact]
    public async Task Import_drops_an_incoming_edge_that_would_close_a_blocks_cycle_and_reports_it()
    {
        await using var f = await StoreFixture.CreateAsync();
        var c = await f.Store.CreateAsync(new NewPearl { Title = "c" }, Ct);
        var d = await f.Store.CreateAsync(new NewPearl { Title = "d" }, Ct);
        await using var other = await f.OpenOtherAsync("other.db", "bob");
        await other.ImportAsync(await f.Store.ExportAsync(Ct), Ct);
        await f.Store.AddDependencyAsync(c.Id, d.Id, DependencyKind.Blocks, Ct);   // here: c blocked by d
        await other.AddDependencyAsync(d.Id, c.Id, DependencyKind.Blocks, Ct);     // there: d blocked by c

        var report = await f.Store.ImportAsync(await other.ExportAsync(Ct), Ct);
        Assert.Contains(report.Conflicts, x => x.Id == d.Id && x.Reason.Contains("cycle"));
        Assert.Empty((await f.Store.ShowAsync(d.Id, 0, Ct)).Dependencies);
        Assert.Single((await f.Store.ShowAsync(c.Id, 0, Ct)).Dependencies);
        Assert.Equal(0, await StoreTests.BlockerCountMismatchesAsync(f.DbPath));
    }

    [Fact]
    public async Task A_malformed_or_dangling_file_is_refused_and_nothing_changes()
    {
        await using var f = await StoreFixture.CreateAsync();
        await SeedAsync(f.Store);
        var before = PearlsJsonl.Write(await f.Store.ExportAsync(Ct));
        var good = before.Split('\n').First(l => l.Contains("\"dependencies\":[]"));
        var goodId = System.Text.Json.JsonDocument.Parse(good).RootElement.GetProperty("pearl").GetProperty("id").GetString();

        var e1 = Assert.Throws<SmoothException>(() => PearlsJsonl.Read(good + "\n{not json\n", "f.jsonl"));
        Assert.Equal(ExitCodes.BadInput, e1.ExitCode);
        Assert.Contains("line 2", e1.Message);
        var e2 = Assert.Throws<SmoothException>(() => PearlsJsonl.Read("""{"kind":"ufo","x":1}""", "f.jsonl"));
        Assert.Equal(ExitCodes.BadInput, e2.ExitCode);

        var dangling = good.Replace("\"dependencies\":[]", "\"dependencies\":[{\"pearlId\":\"" + goodId + "\",\"dependsOn\":\"th-999999\",\"kind\":\"blocks\",\"createdAt\":\"2026-01-01T00:00:00+00:00\"}]");
        var changed = dangling.Replace("\"title\":\"", "\"title\":\"NEW ");
        var e3 = await Assert.ThrowsAsync<SmoothException>(() => f.Store.ImportAsync(PearlsJsonl.Read(changed, "f"), Ct));
        Assert.Equal(ExitCodes.BadInput, e3.ExitCode);
        var e4 = await Assert.ThrowsAsync<SmoothException>(() => f.Store.ImportAsync(PearlsJsonl.Read(good + "\n" + good, "f"), Ct));
        Assert.Contains("more than once", e4.Message);
        Assert.Equal(before, PearlsJsonl.Write(await f.Store.ExportAsync(Ct)));
    }

    [Fact]
    public async Task A_database_from_a_newer_schema_is_refused_and_left_as_it_was()
    {
        using var dir = new Smooth.TestSupport.TempDir();
        var path = dir.Combine("pearls.db");
        await (await SqlitePearlStore.OpenAsync(path, "a")).DisposeAsync();
        await using (var raw = new SqliteConnection($"Data Source={path};Pooling=false"))
        {
            await raw.OpenAsync();
            await raw.ExecuteAsync("UPDATE schema_versions SET version = 99 WHERE component = 'pearls'");
        }
        var bytes = await File.ReadAllBytesAsync(path);
        var e = await Assert.ThrowsAsync<SmoothException>(() => SqlitePearlStore.OpenAsync(path, "a"));
        Assert.Equal(ExitCodes.Environment, e.ExitCode);
        Assert.Contains("newer", e.Message);
        Assert.Equal(bytes, await File.ReadAllBytesAsync(path));
    }

    [Fact]
    public async Task A_corrupt_database_file_is_refused_and_left_as_it_was()
    {
        using var dir = new Smooth.TestSupport.TempDir();
        var path = dir.Combine("pearls.db");
        var junk = System.Text.Encoding.ASCII.GetBytes(string.Concat(Enumerable.Repeat("this is not a database ", 400)));
        await File.WriteAllBytesAsync(path, junk);
        var e = await Assert.ThrowsAsync<SmoothException>(() => SqlitePearlStore.OpenAsync(path, "a"));
        Assert.Equal(ExitCodes.Environment, e.ExitCode);
        Assert.Contains("corrupt", e.Message);
        Assert.Equal(junk, await File.ReadAllBytesAsync(path));
    }
}
