using Smooth.Pearls.Model;
using Smooth.Pearls.Sync;

namespace Smooth.Pearls.Bench;

/// <summary>A reproducible store: N pearls (mixed statuses and priorities) and 2N 'blocks' edges forming a DAG.</summary>
internal static class DataSet
{
    public static IReadOnlyList<JsonlRecord> Build(int pearls, int deps, int seed)
    {
        var rng = new Random(seed);
        var start = new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero);
        var ids = new string[pearls];
        var used = new HashSet<string>();
        for (var i = 0; i < pearls; i++)
        {
            string id;
            do id = "th-" + rng.Next(0, 1 << 24).ToString("x6"); while (!used.Add(id));
            ids[i] = id;
        }
        var edges = new List<PearlDependency>[pearls];
        var edgeSet = new HashSet<(int, int)>();
        for (var i = 0; i < pearls; i++) edges[i] = [];
        while (edgeSet.Count < deps)
        {
            // Edges always point to an older pearl: a DAG, as the store would hold.
            var from = rng.Next(1, pearls);
            var to = rng.Next(0, from);
            if (edgeSet.Add((from, to)))
            {
                edges[from].Add(new PearlDependency(ids[from], ids[to], DependencyKind.Blocks, start.AddSeconds(from)));
            }
        }
        var statuses = new[] { PearlStatus.Closed, PearlStatus.Closed, PearlStatus.Closed, PearlStatus.Open, PearlStatus.Open, PearlStatus.Open, PearlStatus.InProgress, PearlStatus.Review, PearlStatus.Blocked, PearlStatus.Deferred };
        var records = new List<JsonlRecord>(pearls);
        for (var i = 0; i < pearls; i++)
        {
            var created = start.AddSeconds(i);
            var status = statuses[rng.Next(statuses.Length)];
            var pearl = new Pearl
            {
                Id = ids[i],
                Title = $"Work item {i}: tidy module {rng.Next(1000)}",
                Description = "Generated for the benchmark.",
                Status = status,
                Priority = rng.Next(5),
                Type = (PearlType)rng.Next(4),
                Labels = i % 3 == 0 ? ["backend"] : [],
                CreatedAt = created,
                UpdatedAt = created.AddSeconds(1),
                ClosedAt = status == PearlStatus.Closed ? created.AddSeconds(1) : null,
            };
            var history = new List<PearlChange> { new("created", null, pearl.Title, "bench", created) };
            records.Add(new PearlRecord(pearl, edges[i].OrderBy(e => e.DependsOn, StringComparer.Ordinal).ToList(), [], history));
        }
        return records.OrderBy(r => ((PearlRecord)r).Pearl.Id, StringComparer.Ordinal).ToList();
    }
}
