using System.Text.Json;
using Smooth.Core;
using Smooth.Pearls.Model;
using Smooth.Pearls.Storage;

namespace Smooth.Pearls.Tests;

public sealed class StoreTests
{
    private static readonly CancellationToken Ct = CancellationToken.None;

    [Fact]
    public async Task Create_gives_a_th_hex_id_defaults_and_a_created_history_entry()
    {
        await using var f = await StoreFixture.CreateAsync();
        var p = await f.Store.CreateAsync(new NewPearl { Title = "  Fix login  ", Labels = ["b", "a", "a"] }, Ct);
        Assert.Matches("^th-[0-9a-f]{6}$", p.Id);
        Assert.Equal("Fix login", p.Title);
        Assert.Equal(PearlStatus.Open, p.Status);
        Assert.Equal(2, p.Priority);
        Assert.Equal(PearlType.Task, p.Type);
        Assert.Equal(["a", "b"], p.Labels);
        var history = await f.Store.HistoryAsync(p.Id, Ct);
        var created = Assert.Single(history);
        Assert.Equal(("created", "alice"), (created.Field, created.Actor));
    }

    [Fact]
    public async Task Update_records_who_old_and_new_for_every_changed_field_only()
    {
        await using var f = await StoreFixture.CreateAsync();
        var p = await f.Store.CreateAsync(new NewPearl { Title = "T", Priority = 3 }, Ct);
        await using var bob = await f.OpenOtherAsync("pearls.db", "bob");
        var outputs = JsonDocument.Parse("""{"pr": 12}""").RootElement;
        var u = await bob.UpdateAsync(p.Id, new PearlUpdate
        {
            Status = PearlStatus.InProgress, Priority = 3, AddLabels = ["x"], Assignee = "op-1", Outputs = outputs,
        }, Ct);
        Assert.Equal(PearlStatus.InProgress, u.Status);
        Assert.Equal("""{"pr":12}""", u.Outputs!.Value.GetRawText());
        var changes = (await f.Store.HistoryAsync(p.Id, Ct)).Skip(1).ToList();
        Assert.Equal(["status", "labels", "assignee", "outputs"], changes.Select(c => c.Field));
        Assert.All(changes, c => Assert.Equal("bob", c.Actor));
        Assert.Equal(("open", "in_progress"), (changes[0].OldValue, changes[0].NewValue));
        Assert.True(u.UpdatedAt >= p.UpdatedAt);

        var closed = await f.Store.CloseAsync(p.Id, "shipped", Ct);
        Assert.NotNull(closed.ClosedAt);
        var reopened = await f.Store.ReopenAsync(p.Id, Ct);
        Assert.Null(reopened.ClosedAt);
        Assert.Equal("shipped", Assert.Single((await f.Store.ShowAsync(p.Id, 0, Ct)).Comments).Body);
    }

    [Fact]
    public async Task Ready_set_holds_open_pearls_whose_blockers_are_closed_by_priority_then_age()
    {
        await using var f = await StoreFixture.CreateAsync();
        var s = f.Store;
        var low = await s.CreateAsync(new NewPearl { Title = "low", Priority = 3 }, Ct);
        var urgentOld = await s.CreateAsync(new NewPearl { Title = "urgent old", Priority = 0 }, Ct);
        var urgentNew = await s.CreateAsync(new NewPearl { Title = "urgent new", Priority = 0 }, Ct);
        var blocker = await s.CreateAsync(new NewPearl { Title = "blocker", Priority = 4 }, Ct);
        var blocked = await s.CreateAsync(new NewPearl { Title = "blocked", Priority = 0 }, Ct);
        var onlyRelated = await s.CreateAsync(new NewPearl { Title = "related only", Priority = 1 }, Ct);
        await s.CreateAsync(new NewPearl { Title = "in progress", Priority = 0, Status = PearlStatus.InProgress }, Ct);
        await s.AddDependencyAsync(blocked.Id, blocker.Id, DependencyKind.Blocks, Ct);
        await s.AddDependencyAsync(onlyRelated.Id, blocker.Id, DependencyKind.Related, Ct);

        var ready = (await s.ReadyAsync(null, Ct)).Select(p => p.Title).ToList();
        Assert.Equal(["urgent old", "urgent new", "related only", "low", "blocker"], ready);

        await s.CloseAsync(blocker.Id, null, Ct);
        ready = (await s.ReadyAsync(null, Ct)).Select(p => p.Title).ToList();
        Assert.Equal(["urgent old", "urgent new", "blocked", "related only", "low"], ready);
        Assert.Equal(2, (await s.ReadyAsync(2, Ct)).Count);

        await s.ReopenAsync(blocker.Id, Ct);
        Assert.DoesNotContain("blocked", (await s.ReadyAsync(null, Ct)).Select(p => p.Title));
        await s.AddDependencyAsync(blocked.Id, blocker.Id, DependencyKind.Related, Ct);
        Assert.Contains("blocked", (await s.ReadyAsync(null, Ct)).Select(p => p.Title));
        await s.AddDependencyAsync(blocked.Id, blocker.Id, DependencyKind.Blocks, Ct);
        await s.RemoveDependencyAsync(blocked.Id, blocker.Id, Ct);
        Assert.Contains("blocked", (await s.ReadyAsync(null, Ct)).Select(p => p.Title));
        Assert.Equal(0, await BlockerCountMismatchesAsync(f.DbPath));
        _ = (low, urgentOld, urgentNew);
    }

    [Fact]
    public async Task A_blocks_cycle_is_refused_and_changes_nothing_while_related_edges_may_loop()
    {
        await using var f = await StoreFixture.CreateAsync();
        var s = f.Store;
        var a = await s.CreateAsync(new NewPearl { Title = "a" }, Ct);
        var b = await s.CreateAsync(new NewPearl { Title = "b" }, Ct);
        var c = await s.CreateAsync(new NewPearl { Title = "c" }, Ct);
        await s.AddDependencyAsync(a.Id, b.Id, DependencyKind.Blocks, Ct);
        await s.AddDependencyAsync(b.Id, c.Id, DependencyKind.Blocks, Ct);
        var before = PearlsJsonlText(await s.ExportAsync(Ct));

        var e = await Assert.ThrowsAsync<SmoothException>(() => s.AddDependencyAsync(c.Id, a.Id, DependencyKind.Blocks, Ct));
        Assert.Equal(ExitCodes.BadInput, e.ExitCode);
        Assert.Contains("cycle", e.Message);
        var self = await Assert.ThrowsAsync<SmoothException>(() => s.AddDependencyAsync(a.Id, a.Id, DependencyKind.Blocks, Ct));
        Assert.Equal(ExitCodes.BadInput, self.ExitCode);
        Assert.Equal(before, PearlsJsonlText(await s.ExportAsync(Ct)));

        await s.AddDependencyAsync(c.Id, a.Id, DependencyKind.Related, Ct);
        var closure = await s.ClosureAsync(a.Id, 5, Ct);
        Assert.Equal([(1, b.Id), (2, c.Id)], closure.Select(x => (x.Depth, x.Pearl.Id)));
    }

    [Fact]
    public async Task Closure_stops_at_the_requested_depth()
    {
        await using var f = await StoreFixture.CreateAsync();
        var s = f.Store;
        var chain = new List<Pearl>();
        for (var i = 0; i < 5; i++) chain.Add(await s.CreateAsync(new NewPearl { Title = $"p{i}" }, Ct));
        for (var i = 0; i < 4; i++) await s.AddDependencyAsync(chain[i].Id, chain[i + 1].Id, i == 0 ? DependencyKind.Related : DependencyKind.Blocks, Ct);

        var two = await s.ClosureAsync(chain[0].Id, 2, Ct);
        Assert.Equal([chain[1].Id, chain[2].Id], two.Select(x => x.Pearl.Id));
        Assert.Equal(DependencyKind.Related, two[0].Via);
        Assert.Equal(4, (await s.ShowAsync(chain[0].Id, 10, Ct)).Closure.Count);
        await Assert.ThrowsAsync<SmoothException>(() => s.ClosureAsync(chain[0].Id, 0, Ct));
    }

    [Fact]
    public async Task Children_and_parent_loops()
    {
        await using var f = await StoreFixture.CreateAsync();
        var s = f.Store;
        var epic = await s.CreateAsync(new NewPearl { Title = "epic", Type = PearlType.Epic }, Ct);
        var child = await s.CreateAsync(new NewPearl { Title = "child", Parent = epic.Id }, Ct);
        var grandchild = await s.CreateAsync(new NewPearl { Title = "grandchild", Parent = child.Id }, Ct);
        Assert.Equal([child.Id], (await s.ChildrenAsync(epic.Id, Ct)).Select(p => p.Id));
        Assert.Equal([child.Id], (await s.ShowAsync(epic.Id, 0, Ct)).Children);

        var loop = await Assert.ThrowsAsync<SmoothException>(() => s.UpdateAsync(epic.Id, new PearlUpdate { Parent = grandchild.Id }, Ct));
        Assert.Equal(ExitCodes.BadInput, loop.ExitCode);
        Assert.Null((await s.GetAsync(epic.Id, Ct)).Parent);
        var missing = await Assert.ThrowsAsync<SmoothException>(() => s.CreateAsync(new NewPearl { Title = "x", Parent = "th-000000" }, Ct));
        Assert.Equal(ExitCodes.NotFound, missing.ExitCode);
    }

    [Fact]
    public async Task Search_by_text_label_status_type_and_assignee()
    {
        await using var f = await StoreFixture.CreateAsync();
        var s = f.Store;
        await s.CreateAsync(new NewPearl { Title = "Login page 100% broken", Labels = ["ui", "auth"], Type = PearlType.Bug, Assignee = "ann" }, Ct);
        var api = await s.CreateAsync(new NewPearl { Title = "API tokens", Description = "rotate the LOGIN secrets", Labels = ["auth"] }, Ct);
        await s.CreateAsync(new NewPearl { Title = "Docs" }, Ct);
        await s.CloseAsync(api.Id, null, Ct);

        Assert.Equal(2, (await s.SearchAsync(new PearlFilter { Text = "login" }, Ct)).Count);
        Assert.Single(await s.SearchAsync(new PearlFilter { Text = "100%" }, Ct));
        Assert.Empty(await s.SearchAsync(new PearlFilter { Text = "_" }, Ct));
        Assert.Equal(2, (await s.SearchAsync(new PearlFilter { Labels = ["auth"] }, Ct)).Count);
        Assert.Single(await s.SearchAsync(new PearlFilter { Labels = ["auth", "ui"] }, Ct));
        Assert.Equal([api.Id], (await s.SearchAsync(new PearlFilter { Statuses = [PearlStatus.Closed] }, Ct)).Select(p => p.Id));
        Assert.Single(await s.SearchAsync(new PearlFilter { Type = PearlType.Bug, Assignee = "ann" }, Ct));
        Assert.Equal(3, (await s.SearchAsync(new PearlFilter(), Ct)).Count);
    }

    [Fact]
    public async Task Bad_input_is_refused_with_the_right_exit_code()
    {
        await using var f = await StoreFixture.CreateAsync();
        var s = f.Store;
        Assert.Equal(ExitCodes.NotFound, (await Assert.ThrowsAsync<SmoothException>(() => s.GetAsync("th-abcdef", Ct))).ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await Assert.ThrowsAsync<SmoothException>(() => s.GetAsync("nope", Ct))).ExitCode);
        Assert.Equal(ExitCodes.BadInput, Assert.Throws<SmoothException>(() => PearlNames.ParseStatus("done")).ExitCode);
        Assert.Contains("in_progress", Assert.Throws<SmoothException>(() => PearlNames.ParseStatus("done")).Hint);
        Assert.Equal(PearlStatus.InProgress, PearlNames.ParseStatus("in-progress"));
        Assert.Equal(ExitCodes.BadInput, Assert.Throws<SmoothException>(() => PearlNames.ParseType("story")).ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await Assert.ThrowsAsync<SmoothException>(() => s.CreateAsync(new NewPearl { Title = " " }, Ct))).ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await Assert.ThrowsAsync<SmoothException>(() => s.CreateAsync(new NewPearl { Title = "t", Priority = 5 }, Ct))).ExitCode);
        Assert.Equal(ExitCodes.BadInput, (await Assert.ThrowsAsync<SmoothException>(() => s.CreateAsync(new NewPearl { Title = "t", Labels = ["a b"] }, Ct))).ExitCode);
        var p = await s.CreateAsync(new NewPearl { Title = "t" }, Ct);
        Assert.Equal(ExitCodes.NotFound, (await Assert.ThrowsAsync<SmoothException>(() => s.RemoveDependencyAsync(p.Id, "th-000001", Ct))).ExitCode);
        Assert.Single(await s.SearchAsync(new PearlFilter(), Ct));
    }

    [Fact]
    public async Task Memory_remembers_and_recalls_recent_and_by_source()
    {
        await using var f = await StoreFixture.CreateAsync();
        var s = f.Store;
        await s.RememberAsync("tests need podman", "th-aaaaaa", Ct);
        await s.RememberAsync("use pnpm", "user", Ct);
        await s.RememberAsync("CI is slow on Mondays", "th-aaaaaa", Ct);
        Assert.Equal(["CI is slow on Mondays", "use pnpm", "tests need podman"], (await s.RecallRecentAsync(10, null, Ct)).Select(m => m.Content));
        Assert.Equal(["CI is slow on Mondays"], (await s.RecallRecentAsync(1, null, Ct)).Select(m => m.Content));
        Assert.Equal(["CI is slow on Mondays", "tests need podman"], (await s.RecallRecentAsync(10, "th-aaaaaa", Ct)).Select(m => m.Content));
        await Assert.ThrowsAsync<SmoothException>(() => s.RememberAsync("  ", "user", Ct));
    }

    /// <summary>Pearls whose trigger-kept open_blockers differs from a count made from scratch (must be 0).</summary>
    internal static async Task<long> BlockerCountMismatchesAsync(string dbPath)
    {
        await using var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={dbPath};Pooling=false");
        await raw.OpenAsync();
        return await Dapper.SqlMapper.ExecuteScalarAsync<long>(raw,
            "SELECT count(*) FROM pearls p WHERE p.open_blockers <> (SELECT count(*) FROM pearl_deps d JOIN pearls b ON b.id = d.depends_on " +
            "WHERE d.pearl_id = p.id AND d.kind = 'blocks' AND b.status <> 'closed')");
    }

    internal static string PearlsJsonlText(IEnumerable<Sync.JsonlRecord> records) => Sync.PearlsJsonl.Write(records);
}
