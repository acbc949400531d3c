using System.Text;
using System.Text.Json;
using Smooth.Audit.Store;
using Smooth.Orchestrator.Runs;
using Smooth.Pearls.Model;
using Smooth.Pearls.Storage;

namespace Smooth.Operator.Tests;

/// <summary>
/// Many pearls through concurrent operators while the model misbehaves (429s, 500s, slow answers): every pearl
/// reaches a terminal state, each exactly once, and every run's event stream arrives without gaps.
/// </summary>
public sealed class ReliabilityTests
{
    private const int Pearls = 200;

    [Fact]
    public async Task Two_hundred_pearls_through_eight_operators_with_a_faulty_model_all_end_once_with_no_lost_events()
    {
        var script = new StringBuilder("turns:\n");
        // One answer per run, with faults sprinkled in; the gateway retries them. Slack turns cover retries that land late.
        // Hung answers (4 s, past the provider's 2 s timeout_seconds) must be cut and retried, not waited out.
        var turn = 0;
        var hung = new HashSet<int>();
        for (var i = 0; i < Pearls + 60; i++)
        {
            if (i % 9 == 4) Add("  - fault: {status: 429}\n");
            else if (i % 13 == 7) Add("  - fault: {status: 500}\n");
            if (i % 23 == 11)
            {
                hung.Add(turn);
                Add("  - fault: {delay_ms: 4000}\n    respond: {content: \"too late\"}\n");
            }
            Add(i % 17 == 3 ? "  - fault: {delay_ms: 400}\n    respond: {content: \"done slowly\"}\n" : "  - respond: {content: \"done\"}\n");
        }
        void Add(string t)
        {
            script.Append(t);
            turn++;
        }
        await using var env = await ExecEnvironment.StartAsync(script.ToString(), providers: url => ExecEnvironment.ProvidersJson(url, timeoutSeconds: 2));
        var stateDir = Path.Combine(env.Repo.Path, ".smooth");
        var ids = new List<string>();
        await using (var store = await SqlitePearlStore.OpenAsync(Path.Combine(stateDir, "pearls.db"), "test"))
        {
            // "test:" with no command: no governor, one model answer per run.
            for (var i = 0; i < Pearls; i++) ids.Add((await store.CreateAsync(new NewPearl { Title = $"chore {i}", Description = "test: " }, CancellationToken.None)).Id);
        }
        var up = await env.ThAsync("up", "direct", "--port", "0", "--archivist-port", "0", "--max-concurrent", "8");
        Assert.True(up.ExitCode == 0, up.StandardError);
        try
        {
            var dispatched = await env.ThAsync("run", "--ready", "--json");
            Assert.True(dispatched.ExitCode == 0, dispatched.StandardError);
            Assert.Equal(Pearls, JsonDocument.Parse(dispatched.StandardOutput).RootElement.GetArrayLength());

            IReadOnlyList<RunRecord> runs = [];
            using var deadline = new CancellationTokenSource(TimeSpan.FromMinutes(8));
            while (true)
            {
                await using (var queue = await RunQueue.OpenAsync(stateDir, CancellationToken.None))
                {
                    runs = await queue.ListAsync(null, 10_000, CancellationToken.None);
                }
                if (runs.All(r => r.State is not (RunState.Queued or RunState.Running))) break;
                await Task.Delay(1000, deadline.Token);
            }

            Assert.Equal(Pearls, runs.Count);
            Assert.Equal(ids.Order(), runs.Select(r => r.PearlId).Distinct().Order()); // every pearl, once
            Assert.All(runs, r => Assert.Contains(r.State, new[] { RunState.Finished, RunState.Failed }));
            Assert.True(runs.Count(r => r.State == RunState.Finished) >= Pearls * 9 / 10, string.Join("\n", runs.Where(r => r.State != RunState.Finished).Select(r => r.Result)));
            Assert.Empty(env.Model.Mismatches);
            // Hung answers were served and cut: no run finished with the answer that came too late.
            Assert.Contains(env.Model.Requests, r => hung.Contains(r.Turn));
            Assert.DoesNotContain(runs, r => r.Result?.Contains("too late", StringComparison.Ordinal) == true);

            // Every run's operator events are all there: numbered 1..N without gaps or repeats, started to completed.
            await using var audit = await AuditStore.OpenAsync(stateDir, CancellationToken.None);
            var byRun = new Dictionary<string, List<(long Seq, string Type)>>();
            long after = 0;
            while (true)
            {
                var page = await audit.QueryAsync(new AuditQuery(AfterSeq: after, TypePrefix: "operator.", Limit: 5000), CancellationToken.None);
                if (page.Count == 0) break;
                foreach (var r in page)
                {
                    after = r.Seq;
                    var list = byRun.TryGetValue(r.Attributes["run"], out var l) ? l : byRun[r.Attributes["run"]] = [];
                    list.Add((long.Parse(r.Attributes["seq"]), r.Type));
                }
            }
            Assert.True(byRun.Count == Pearls, string.Join("\n", runs.Where(r => !byRun.ContainsKey(r.Id)).Select(r => $"{r.Id} {r.State} attempt {r.Attempt}: {r.Result}")));
            foreach (var (run, events) in byRun)
            {
                var seqs = events.Select(e => e.Seq).Order().ToList();
                Assert.Equal(Enumerable.Range(1, seqs.Count).Select(i => (long)i), seqs);
                Assert.Equal(1, events.Count(e => e.Type == "operator.started"));
                Assert.Equal(1, events.Count(e => e.Type == "operator.completed"));
            }
            var verify = await env.ThAsync("audit", "verify");
            Assert.True(verify.ExitCode == 0, verify.StandardOutput + verify.StandardError);
        }
        finally
        {
            await env.ThAsync("down");
        }
    }
}
