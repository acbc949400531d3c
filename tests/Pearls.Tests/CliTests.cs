using System.Text.Json;
using Smooth.TestSupport;

namespace Smooth.Pearls.Tests;

/// <summary>End to end through the installed th binary.</summary>
public sealed class CliTests
{
    [Fact]
    public async Task Init_creates_the_pearl_database()
    {
        using var p = await CliProject.CreateAsync();
        Assert.True(File.Exists(p.DbPath));
    }

    [Fact]
    public async Task A_pearls_session_with_documented_json_shapes()
    {
        using var p = await CliProject.CreateAsync();
        var epic = await p.CreateAsync("Ship login", "--type", "epic", "-p", "1", "-l", "auth");
        var task = await p.CreateAsync("Write the form", "--parent", epic, "-d", "HTML first", "-a", "ann");
        var blocker = await p.CreateAsync("Pick a session store", "-p", "0");

        var created = await p.JsonAsync("pearls", "show", task);
        Assert.Equal(
            ["pearl", "dependencies", "dependents", "children", "comments", "closure"],
            created.EnumerateObject().Select(x => x.Name));
        Assert.Equal(
            ["id", "title", "description", "status", "priority", "type", "labels", "assignee", "parent", "outputs", "createdAt", "updatedAt", "closedAt"],
            created.GetProperty("pearl").EnumerateObject().Select(x => x.Name));
        Assert.Equal(epic, created.GetProperty("pearl").GetProperty("parent").GetString());

        Assert.Contains(task, await p.OkAsync("pearls", "dep", "add", task, blocker));
        var ready = await p.JsonAsync("pearls", "ready");
        Assert.Equal([blocker, epic], ready.EnumerateArray().Select(x => x.GetProperty("id").GetString()));

        await p.OkAsync("pearls", "update", task, "--status", "in-progress", "--add-label", "ui", "--outputs", """{"pr": 7}""");
        await p.OkAsync("pearls", "comment", task, "form done, waiting on the store");
        await p.OkAsync("pearls", "close", blocker, "--reason", "redis");
        ready = await p.JsonAsync("pearls", "ready");
        Assert.Equal([epic], ready.EnumerateArray().Select(x => x.GetProperty("id").GetString()));

        var shown = await p.JsonAsync("pearls", "show", task, "--depth", "2");
        Assert.Equal("in_progress", shown.GetProperty("pearl").GetProperty("status").GetString());
        Assert.Equal(7, shown.GetProperty("pearl").GetProperty("outputs").GetProperty("pr").GetInt32());
        Assert.Equal(blocker, shown.GetProperty("closure")[0].GetProperty("pearl").GetProperty("id").GetString());
        Assert.Equal("tester", shown.GetProperty("comments")[0].GetProperty("author").GetString());

        var history = await p.JsonAsync("pearls", "history", task);
        Assert.Equal(["field", "oldValue", "newValue", "actor", "at"], history[0].EnumerateObject().Select(x => x.Name));
        Assert.Contains(history.EnumerateArray(), h => h.GetProperty("field").GetString() == "status" && h.GetProperty("newValue").GetString() == "in_progress");

        var children = await p.JsonAsync("pearls", "list", "--parent", epic);
        Assert.Equal([task], children.EnumerateArray().Select(x => x.GetProperty("id").GetString()));
        Assert.Equal(2, (await p.JsonAsync("pearls", "list")).GetArrayLength());
        Assert.Equal(3, (await p.JsonAsync("pearls", "list", "--all")).GetArrayLength());
        Assert.Equal(1, (await p.JsonAsync("pearls", "list", "--all", "-q", "SESSION")).GetArrayLength());
        Assert.Equal(1, (await p.JsonAsync("pearls", "list", "--label", "auth")).GetArrayLength());

        await p.OkAsync("pearls", "reopen", blocker);
        await p.OkAsync("pearls", "dep", "remove", task, blocker);
        var table = await p.OkAsync("pearls", "list");
        Assert.Contains("Write the form", table);
        Assert.Contains("3 pearls", table);
    }

    [Fact]
    public async Task Memory_add_and_recent_with_source_filter()
    {
        using var p = await CliProject.CreateAsync();
        await p.OkAsync("memory", "add", "tests need podman", "--source", "th-abc123");
        await p.OkAsync("memory", "add", "use pnpm");
        var all = await p.JsonAsync("memory", "recent");
        Assert.Equal(["use pnpm", "tests need podman"], all.EnumerateArray().Select(m => m.GetProperty("content").GetString()));
        Assert.Equal(["id", "content", "source", "createdAt"], all[0].EnumerateObject().Select(x => x.Name));
        var bySource = await p.JsonAsync("memory", "recent", "--source", "th-abc123");
        Assert.Equal("tests need podman", Assert.Single(bySource.EnumerateArray()).GetProperty("content").GetString());
        Assert.Contains("use pnpm", await p.OkAsync("memory", "recent", "-n", "1"));
    }

    [Fact]
    public async Task Bad_input_fails_clearly_and_changes_nothing()
    {
        using var p = await CliProject.CreateAsync();
        var a = await p.CreateAsync("a");
        var b = await p.CreateAsync("b");
        await p.OkAsync("pearls", "dep", "add", a, b);
        var before = await p.OkAsync("pearls", "list", "--all", "--json");

        async Task Refused(int code, string message, params string[] args)
        {
            var r = await p.RunAsync(args);
            Assert.True(code == r.ExitCode, $"th {string.Join(' ', args)}: expected {code}, got {r.ExitCode}: {r.StandardError}");
            Assert.Contains(message, r.StandardError);
            Assert.Contains("hint:", r.StandardError);
        }

        await Refused(3, "no pearl with id 'th-000000'", "pearls", "show", "th-000000");
        await Refused(3, "no pearl", "pearls", "close", "th-000000");
        await Refused(2, "not a pearl id", "pearls", "show", "banana");
        await Refused(2, "unknown status 'done'", "pearls", "update", a, "--status", "done");
        await Refused(2, "unknown type 'story'", "pearls", "create", "x", "--type", "story");
        await Refused(2, "cycle", "pearls", "dep", "add", b, a);
        await Refused(2, "out of range", "pearls", "create", "x", "-p", "9");
        await Refused(2, "not valid JSON", "pearls", "update", a, "--outputs", "{nope");
        Assert.Equal(before, await p.OkAsync("pearls", "list", "--all", "--json"));
        Assert.Equal(2, (await p.JsonAsync("pearls", "history", a)).GetArrayLength());
    }

    [Fact]
    public async Task Outside_a_project_every_pearls_command_refuses_and_creates_nothing()
    {
        using var dir = new TempDir();
        foreach (var args in new[] { new[] { "pearls", "list" }, ["pearls", "create", "x"], ["memory", "recent"], ["pearls", "import"] })
        {
            var r = await Th.RunAsync(dir.Path, args);
            Assert.Equal(4, r.ExitCode);
            Assert.Contains("not inside a Smooth project", r.StandardError);
            Assert.Contains("th init", r.StandardError);
        }
        Assert.Empty(Directory.EnumerateFileSystemEntries(dir.Path));
    }

    [Fact]
    public async Task Corrupt_and_newer_schema_databases_are_refused_and_left_alone()
    {
        using var p = await CliProject.CreateAsync();
        await p.CreateAsync("keep me");

        await using (var raw = new Microsoft.Data.Sqlite.SqliteConnection($"Data Source={p.DbPath};Pooling=false"))
        {
            await raw.OpenAsync();
            await Dapper.SqlMapper.ExecuteAsync(raw, "PRAGMA wal_checkpoint(TRUNCATE); UPDATE schema_versions SET version = version + 1 WHERE component = 'pearls'");
        }
        var newer = await File.ReadAllBytesAsync(p.DbPath);
        var r = await p.RunAsync("pearls", "list");
        Assert.Equal(4, r.ExitCode);
        Assert.Contains("newer version of th", r.StandardError);
        Assert.Contains("upgrade th", r.StandardError);
        Assert.Equal(newer, await File.ReadAllBytesAsync(p.DbPath));

        File.Delete(p.DbPath + "-wal");
        File.Delete(p.DbPath + "-shm");
        var junk = new byte[8192];
        new Random(7).NextBytes(junk);
        await File.WriteAllBytesAsync(p.DbPath, junk);
        r = await p.RunAsync("pearls", "create", "x");
        Assert.Equal(4, r.ExitCode);
        Assert.Contains("corrupt", r.StandardError);
        Assert.Equal(junk, await File.ReadAllBytesAsync(p.DbPath));
    }

    [Fact]
    public async Task Export_import_round_trip_is_idempotent_and_a_bad_file_changes_nothing()
    {
        using var p = await CliProject.CreateAsync();
        var a = await p.CreateAsync("a", "-l", "x");
        await p.OkAsync("pearls", "comment", a, "hello");
        await p.OkAsync("memory", "add", "m1");
        Assert.Contains("Exported 2 records", await p.OkAsync("pearls", "export"));
        var file = p.Repo.Combine(".smooth", "pearls.jsonl");
        var text = await File.ReadAllTextAsync(file);

        using var other = await CliProject.CreateAsync();
        var first = await other.JsonAsync("pearls", "import", "--file", file);
        Assert.Equal(1, first.GetProperty("added").GetInt32());
        Assert.Equal(1, first.GetProperty("memoriesAdded").GetInt32());
        var second = await other.JsonAsync("pearls", "import", "--file", file);
        Assert.Equal((0, 1, 0), (second.GetProperty("added").GetInt32(), second.GetProperty("unchanged").GetInt32(), second.GetProperty("conflicts").GetArrayLength()));
        await other.OkAsync("pearls", "export");
        Assert.Equal(text, await File.ReadAllTextAsync(other.Repo.Combine(".smooth", "pearls.jsonl")));

        var bad = p.Repo.Combine("bad.jsonl");
        await File.WriteAllTextAsync(bad, text.Replace("\"title\":\"a\"", "\"title\":\"changed\"") + "{\"kind\":\"pearl\",\"pearl\":\n");
        var r = await other.RunAsync("pearls", "import", "--file", bad);
        Assert.Equal(2, r.ExitCode);
        Assert.Contains("line 3", r.StandardError);
        Assert.Equal("a", (await other.JsonAsync("pearls", "show", a)).GetProperty("pearl").GetProperty("title").GetString());
    }

    [Fact]
    public async Task Push_and_pull_carry_pearls_through_a_dedicated_ref_without_touching_branches()
    {
        using var remote = new TempDir("smooth-remote");
        await Git.RunAsync(remote.Path, "init", "-q", "--bare", "-b", "main");
        using var seed = await Git.CreateRepoAsync();
        await Git.RunAsync(seed.Path, "remote", "add", "origin", remote.Path);
        await Git.RunAsync(seed.Path, "push", "-q", "origin", "main");
        var mainBefore = (await Git.RunAsync(remote.Path, "rev-parse", "refs/heads/main")).Trim();

        using var alice = await CliProject.CreateAsync(seed);
        var a = await alice.CreateAsync("from alice");
        await alice.OkAsync("memory", "add", "alice knows this");
        var headBefore = (await Git.RunAsync(alice.Path, "rev-parse", "HEAD")).Trim();
        var statusBefore = await Git.RunAsync(alice.Path, "status", "--porcelain", "--untracked-files=no");
        Assert.Contains("Pushed 2 records", await alice.OkAsync("pearls", "push"));
        Assert.Equal(headBefore, (await Git.RunAsync(alice.Path, "rev-parse", "HEAD")).Trim());
        Assert.Equal(statusBefore, await Git.RunAsync(alice.Path, "status", "--porcelain", "--untracked-files=no"));
        Assert.Equal(mainBefore, (await Git.RunAsync(remote.Path, "rev-parse", "refs/heads/main")).Trim());
        Assert.Equal(["refs/heads/main", "refs/smooth/pearls"], (await Git.RunAsync(remote.Path, "for-each-ref", "--format=%(refname)")).Trim().Split('\n'));
        Assert.Contains("up to date", await alice.OkAsync("pearls", "push"));

        using var bobClone = new TempDir("smooth-bob");
        await Git.RunAsync(bobClone.Path, "clone", "-q", remote.Path, ".");
        using var bob = await CliProject.CreateAsync(bobClone);
        var pulled = await bob.JsonAsync("pearls", "pull");
        Assert.Equal(1, pulled.GetProperty("merged").GetProperty("added").GetInt32());
        Assert.Equal("from alice", (await bob.JsonAsync("pearls", "show", a)).GetProperty("pearl").GetProperty("title").GetString());
        Assert.Equal("alice knows this", (await bob.JsonAsync("memory", "recent"))[0].GetProperty("content").GetString());

        // Both change things; bob pushes first, alice's push merges bob's work before sending.
        var b = await bob.CreateAsync("from bob");
        await bob.OkAsync("pearls", "update", a, "--priority", "0");
        await bob.OkAsync("pearls", "push");
        await alice.OkAsync("pearls", "comment", a, "alice comment");
        await alice.OkAsync("pearls", "push");
        var aliceView = await alice.JsonAsync("pearls", "show", a);
        Assert.Equal(0, aliceView.GetProperty("pearl").GetProperty("priority").GetInt32());
        await bob.OkAsync("pearls", "pull");
        var bobView = await bob.JsonAsync("pearls", "show", a);
        Assert.Equal("alice comment", bobView.GetProperty("comments")[0].GetProperty("body").GetString());
        Assert.Equal(2, (await alice.JsonAsync("pearls", "list")).GetArrayLength());
        _ = b;
        Assert.Equal(mainBefore, (await Git.RunAsync(remote.Path, "rev-parse", "refs/heads/main")).Trim());

        var noRemote = await bob.RunAsync("pearls", "pull", "--remote", "nowhere");
        Assert.Equal(4, noRemote.ExitCode);
        Assert.Contains("cannot reach the git remote", noRemote.StandardError);
    }

    [Fact]
    public async Task Parallel_th_processes_lose_no_creates_updates_or_comments()
    {
        using var p = await CliProject.CreateAsync();
        var shared = await p.CreateAsync("shared");
        const int Workers = 6;
        const int PerWorker = 4;
        var tasks = Enumerable.Range(0, Workers).Select(async w =>
        {
            for (var i = 0; i < PerWorker; i++)
            {
                await p.OkAsync("pearls", "create", $"w{w}-{i}", "-l", $"w{w}");
                await p.OkAsync("pearls", "comment", shared, $"w{w}-{i}");
                await p.OkAsync("pearls", "update", shared, "--add-label", $"w{w}-{i}");
            }
        });
        await Task.WhenAll(tasks);

        var all = await p.JsonAsync("pearls", "list", "--all");
        Assert.Equal(1 + Workers * PerWorker, all.GetArrayLength());
        Assert.Equal(Workers * PerWorker, all.EnumerateArray().Select(x => x.GetProperty("id").GetString()).Distinct().Count() - 1);
        var show = await p.JsonAsync("pearls", "show", shared);
        Assert.Equal(Workers * PerWorker, show.GetProperty("comments").GetArrayLength());
        Assert.Equal(Workers * PerWorker, show.GetProperty("pearl").GetProperty("labels").GetArrayLength());
        var history = await p.JsonAsync("pearls", "history", shared);
        Assert.Equal(1 + 2 * Workers * PerWorker, history.GetArrayLength());
    }
}
