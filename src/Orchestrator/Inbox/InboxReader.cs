using Smooth.Audit.Store;
using Smooth.Core;
using Smooth.Core.Events;
using Smooth.Orchestrator.Runs;
using Smooth.Sandbox.Review;

namespace Smooth.Orchestrator.Inbox;

/// <summary>
/// Collects everything in a project that waits for a person: diffs to review, questions operators asked and nobody
/// answered yet, and pending access requests.
/// </summary>
public static class InboxReader
{
    /// <summary>The project's inbox, oldest first.</summary>
    public static async Task<IReadOnlyList<InboxItem>> ReadAsync(string projectRoot, IEventSink events, CancellationToken ct)
    {
        var items = new List<InboxItem>();
        foreach (var r in await new ReviewService(projectRoot, events).ListAsync(all: false, ct))
        {
            if (r.State != "pending") continue;
            items.Add(new InboxItem("review", r.Id, $"{r.FilesChanged} file(s) changed: {r.Message ?? r.Command}", r.CreatedAt,
                [$"th review show {r.Id}", $"th review accept {r.Id}", $"th review reject {r.Id}"]));
        }
        items.AddRange(await QuestionsAsync(projectRoot, ct));
        items.AddRange(await AccessItemsAsync(projectRoot, ct));
        return items.OrderBy(i => i.Since, StringComparer.Ordinal).ToList();
    }

    private static async Task<IReadOnlyList<InboxItem>> AccessItemsAsync(string projectRoot, CancellationToken ct)
    {
        await using var store = await Policy.Access.AccessRequestStore.OpenAsync(projectRoot, ct);
        return (await store.ListPendingAsync(ct)).Select(r => new InboxItem("access", r.Id, $"{r.Kind} {r.Resource} for {r.RunId}: {r.Reason}", r.CreatedAt,
            [$"th access approve {r.Id} --scope once|run{(r.Kind == "surveillance" ? "" : "|project|user")}", $"th access deny {r.Id}"])).ToList();
    }

    private static async Task<IReadOnlyList<InboxItem>> QuestionsAsync(string projectRoot, CancellationToken ct)
    {
        var stateDir = ProjectLocator.StateDir(projectRoot);
        HashSet<string> running;
        await using (var runs = await RunQueue.OpenAsync(stateDir, ct))
        {
            running = (await runs.ListAsync([RunState.Running], 10_000, ct)).Select(r => r.Id).ToHashSet(StringComparer.Ordinal);
        }
        if (running.Count == 0) return [];
        await using var audit = await AuditStore.OpenAsync(stateDir, ct);
        var open = new Dictionary<string, (string Text, string Time)>(StringComparer.Ordinal);
        long after = 0;
        while (true)
        {
            var page = await audit.QueryAsync(new AuditQuery(AfterSeq: after, TypePrefix: "operator.human_input", Limit: 1000), ct);
            if (page.Count == 0) break;
            foreach (var r in page)
            {
                after = r.Seq;
                if (!r.Attributes.TryGetValue("run", out var run)) continue;
                if (r.Type == "operator.human_input_required") open[run] = (r.Attributes.GetValueOrDefault("text") ?? "", r.Time);
                else open.Remove(run);
            }
        }
        return open.Where(q => running.Contains(q.Key))
            .Select(q => new InboxItem("question", q.Key, q.Value.Text, q.Value.Time, [$"th answer {q.Key} \"YOUR REPLY\""]))
            .ToList();
    }
}
