using System.Text.Json;
using Smooth.Operator.Control;
using Smooth.Operator.Events;
using Smooth.Operator.Host;
using Smooth.Operator.Hooks;
using Smooth.Operator.Tools;
using Smooth.Operator.Tools.Background;
using Smooth.TestSupport;

namespace Smooth.Operator.Tests;

/// <summary>Every tool's success and failure paths, through the pipeline the agent loop uses.</summary>
public sealed class ToolTests : IAsyncLifetime
{
    private TempDir _dir = null!;
    private BackgroundJobs _jobs = null!;
    private ToolPipeline _pipeline = null!;
    private readonly List<OperatorEvent> _events = [];
    private RunControl _control = null!;

    public async Task InitializeAsync()
    {
        _dir = await Git.CreateRepoAsync(new Dictionary<string, string>
        {
            ["src/a.txt"] = "alpha\nbeta\ngamma\nbeta\n",
            ["src/b.md"] = "# Title\nsome text\n",
            ["docs/c.md"] = "more beta here\n",
        });
        _jobs = new BackgroundJobs();
        _control = new RunControl();
        var sink = new ListEvents(_events);
        var stamper = new EventStamper("run-test", sink);
        var context = new ToolContext
        {
            Workspace = new WorkspacePaths(_dir.Path), RunId = "run-test", Jobs = _jobs, Crew = new NoCrew(), Control = _control, Events = stamper,
            BashTimeout = TimeSpan.FromSeconds(20), OutputCapChars = 2000,
            CommandEnvironment = new Dictionary<string, string> { ["PATH"] = "/usr/bin:/bin", ["HOME"] = _dir.Path },
        };
        var guard = new HostToolGuard([], []);
        var session = new OperatorSession(new OperatorSpec { RunId = "run-test", Task = "t" }, [], guard, _ => { });
        _pipeline = ToolPipeline.Build(ToolSet.Standard(null), context, new SessionGuard(session), stamper);
    }

    public async Task DisposeAsync()
    {
        await _jobs.DisposeAsync();
        _control.Dispose();
        _dir.Dispose();
    }

    private Task<ToolOutcome> Call(string tool, object args) =>
        _pipeline.InvokeAsync(new ToolInvocation("c1", tool, JsonSerializer.Serialize(args), 1), CancellationToken.None);

    [Fact]
    public async Task Read_file_numbers_lines_pages_and_refuses_missing_files_directories_and_escapes()
    {
        var all = await Call("read_file", new { path = "src/a.txt" });
        Assert.False(all.IsError);
        Assert.Contains("     2\tbeta", all.Text);
        var page = await Call("read_file", new { path = "src/a.txt", offset = 2, limit = 1 });
        Assert.Contains("beta", page.Text);
        Assert.DoesNotContain("gamma\n", page.Text.Split("continue")[0]);
        Assert.Contains("continue with offset 3", page.Text);
        Assert.True((await Call("read_file", new { path = "nope.txt" })).IsError);
        Assert.Contains("is a directory", (await Call("read_file", new { path = "src" })).Text);
        var escape = await Call("read_file", new { path = "../../../etc/passwd" });
        Assert.True(escape.IsError);
        Assert.Contains("outside the workspace", escape.Text);
    }

    [Fact]
    public async Task File_tools_do_not_follow_symlinks_out_of_the_workspace()
    {
        var outside = new TempDir();
        await File.WriteAllTextAsync(Path.Combine(outside.Path, "secret.txt"), "host secret");
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "link"), outside.Path);
        File.CreateSymbolicLink(Path.Combine(_dir.Path, "filelink"), Path.Combine(outside.Path, "secret.txt"));

        Assert.Contains("outside the workspace", (await Call("read_file", new { path = "link/secret.txt" })).Text);
        Assert.Contains("outside the workspace", (await Call("read_file", new { path = "filelink" })).Text);
        Assert.Contains("outside the workspace", (await Call("write_file", new { path = "link/new.txt", content = "x" })).Text);
        Assert.False(File.Exists(Path.Combine(outside.Path, "new.txt")));
        outside.Dispose();
    }

    [Fact]
    public async Task Write_and_edit_file_change_files_and_explain_ambiguous_or_missing_edits()
    {
        Assert.Contains("created new/dir/x.txt", (await Call("write_file", new { path = "new/dir/x.txt", content = "one two two" })).Text);
        Assert.Contains("1 replacement", (await Call("edit_file", new { path = "new/dir/x.txt", old = "one", @new = "1" })).Text);
        var ambiguous = await Call("edit_file", new { path = "new/dir/x.txt", old = "two", @new = "2" });
        Assert.True(ambiguous.IsError);
        Assert.Contains("occurs 2 times", ambiguous.Text);
        Assert.Contains("2 replacements", (await Call("edit_file", new { path = "new/dir/x.txt", old = "two", @new = "2", replace_all = true })).Text);
        Assert.Equal("1 2 2", await File.ReadAllTextAsync(Path.Combine(_dir.Path, "new/dir/x.txt")));
        var missing = await Call("edit_file", new { path = "new/dir/x.txt", old = "zzz", @new = "y" });
        Assert.True(missing.IsError);
        Assert.Contains("was not found", missing.Text);
    }

    [Fact]
    public async Task Apply_patch_applies_all_or_nothing()
    {
        const string good = "--- a/src/b.md\n+++ b/src/b.md\n@@ -1,2 +1,2 @@\n # Title\n-some text\n+better text\n";
        var ok = await Call("apply_patch", new { patch = good });
        Assert.False(ok.IsError, ok.Text);
        Assert.Contains("better text", await File.ReadAllTextAsync(Path.Combine(_dir.Path, "src/b.md")));

        // The second file's hunk does not apply, so the first file must stay untouched too.
        const string half = "--- a/src/a.txt\n+++ b/src/a.txt\n@@ -1,1 +1,1 @@\n-alpha\n+ALPHA\n--- a/docs/c.md\n+++ b/docs/c.md\n@@ -1,1 +1,1 @@\n-no such line\n+x\n";
        var bad = await Call("apply_patch", new { patch = half });
        Assert.True(bad.IsError);
        Assert.Contains("nothing was changed", bad.Text);
        Assert.StartsWith("alpha", await File.ReadAllTextAsync(Path.Combine(_dir.Path, "src/a.txt")));

        var escape = await Call("apply_patch", new { patch = "--- a/../x\n+++ b/../x\n@@ -0,0 +1 @@\n+x\n" });
        Assert.True(escape.IsError);
    }

    [Fact]
    public async Task List_files_and_grep_find_by_glob_and_regex()
    {
        var md = await Call("list_files", new { pattern = "*.md" });
        Assert.Contains("src/b.md", md.Text);
        Assert.Contains("docs/c.md", md.Text);
        Assert.DoesNotContain("a.txt", md.Text);
        Assert.Contains("no files match", (await Call("list_files", new { pattern = "*.rs" })).Text);

        var grep = await Call("grep", new { pattern = "be+ta", include = new[] { "*.txt" } });
        Assert.Contains("src/a.txt:2: beta", grep.Text);
        Assert.Contains("src/a.txt:4: beta", grep.Text);
        Assert.DoesNotContain("docs/c.md", grep.Text);
        Assert.True((await Call("grep", new { pattern = "(" })).IsError);
    }

    [Fact]
    public async Task Bash_reports_exit_codes_caps_output_keeping_head_and_tail_and_times_out()
    {
        var ok = await Call("bash", new { command = "echo hello; echo err >&2" });
        Assert.False(ok.IsError);
        Assert.Contains("exit code 0", ok.Text);
        Assert.Contains("err", ok.Text);
        var failed = await Call("bash", new { command = "exit 3" });
        Assert.True(failed.IsError);
        Assert.Contains("exit code 3", failed.Text);
        var big = await Call("bash", new { command = "echo FIRST; seq 1 20000; echo LAST" });
        Assert.Contains("FIRST", big.Text);
        Assert.Contains("LAST", big.Text);
        Assert.Contains("characters omitted", big.Text);
        var slow = await Call("bash", new { command = "sleep 30 & sleep 30", timeout_seconds = 1 });
        Assert.True(slow.IsError);
        Assert.Contains("timed out", slow.Text);
    }

    [Fact]
    public async Task Background_jobs_run_report_logs_and_are_killed()
    {
        var started = await Call("bg_run", new { command = "echo ready; while true; do sleep 0.1; done" });
        Assert.Contains("started bg-1", started.Text);
        await ControlTests.Until(() => _jobs.Get("bg-1").Output.ToString().Contains("ready"));
        Assert.Contains("running", (await Call("bg_status", new { })).Text);
        Assert.Contains("ready", (await Call("bg_logs", new { id = "bg-1" })).Text);
        Assert.Contains("exited", (await Call("bg_kill", new { id = "bg-1" })).Text);
        Assert.True((await Call("bg_logs", new { id = "bg-9" })).IsError);
    }

    [Fact]
    public async Task Todo_keeps_the_plan_and_rejects_bad_status()
    {
        var set = await Call("todo", new { items = new[] { new { text = "read", status = "done" }, new { text = "fix", status = "in_progress" } } });
        Assert.Contains("[x] read", set.Text);
        Assert.Contains("[>] fix", (await Call("todo", new { })).Text);
        Assert.True((await Call("todo", new { items = new[] { new { text = "x", status = "later" } } })).IsError);
    }

    [Fact]
    public async Task Http_fetch_refuses_non_http_urls()
    {
        Assert.True((await Call("http_fetch", new { url = "file:///etc/passwd" })).IsError);
    }

    private sealed class ListEvents(List<OperatorEvent> list) : IOperatorEvents
    {
        public void Emit(OperatorEvent e)
        {
            lock (list) list.Add(e);
        }

        public Task FlushAsync(CancellationToken ct) => Task.CompletedTask;
    }

    // Pearl tools are exercised through the operator API in CrewToolTests; these tests need no crew.
    private sealed class NoCrew : ICrewServices
    {
        public Task<string> ListPearlsAsync(CancellationToken ct) => throw new ToolException("no crew in this test");
        public Task<string> GetPearlAsync(string id, CancellationToken ct) => throw new ToolException("no crew in this test");
        public Task<string> CreateSubPearlAsync(string title, string description, int priority, CancellationToken ct) => throw new ToolException("no crew in this test");
        public Task CommentAsync(string id, string body, CancellationToken ct) => throw new ToolException("no crew in this test");
        public Task<string> RememberAsync(string content, CancellationToken ct) => throw new ToolException("no crew in this test");
        public Task<string> RecallRecentAsync(int limit, CancellationToken ct) => throw new ToolException("no crew in this test");
    }
}
