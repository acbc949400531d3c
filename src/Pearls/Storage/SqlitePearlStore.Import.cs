using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Smooth.Core;
using Smooth.Pearls.Model;
using Smooth.Pearls.Sync;

namespace Smooth.Pearls.Storage;

// Import: merge JSONL records by id, using history to tell who moved and update time to break ties.
public sealed partial class SqlitePearlStore
{
    /// <inheritdoc />
    public async Task<ImportReport> ImportAsync(IReadOnlyList<JsonlRecord> records, CancellationToken ct)
    {
        var pearls = new List<PearlRecord>();
        var memories = new List<MemoryRecord>();
        for (var i = 0; i < records.Count; i++)
        {
            switch (records[i])
            {
                case PearlRecord p: pearls.Add(RecordNormalizer.Normalize(p, $"record {i + 1}")); break;
                case MemoryRecord m: memories.Add(RecordNormalizer.Normalize(m, $"record {i + 1}")); break;
                default: throw new SmoothException($"record {i + 1}: unknown record kind", "records are pearls or memories", ExitCodes.BadInput);
            }
        }
        CheckUnique(pearls.Select(p => p.Pearl.Id), "pearl");
        CheckUnique(memories.Select(m => m.Memory.Id), "memory");

        return await WriteAsync(async tx =>
        {
            using var commands = new ImportCommands(_db, tx);
            var existing = (await _db.QueryAsync<string>(new CommandDefinition("SELECT id FROM pearls", transaction: tx, cancellationToken: ct))).ToHashSet(StringComparer.Ordinal);
            var known = new HashSet<string>(existing, StringComparer.Ordinal);
            known.UnionWith(pearls.Select(p => p.Pearl.Id));
            foreach (var r in pearls)
            {
                var missing = r.Dependencies.Select(d => d.DependsOn).Append(r.Pearl.Parent).FirstOrDefault(x => x is not null && !known.Contains(x));
                if (missing is not null)
                {
                    throw new SmoothException($"pearl {r.Pearl.Id} refers to {missing}, which is neither in the file nor in this store",
                        "export the complete store on the other side; nothing was imported", ExitCodes.BadInput);
                }
            }

            int added = 0, updated = 0, unchanged = 0, keptLocal = 0, memAdded = 0, memUnchanged = 0;
            var conflicts = new List<ImportConflict>();
            var replacedEdges = new List<PearlRecord>();

            foreach (var incoming in pearls)
            {
                var id = incoming.Pearl.Id;
                if (!existing.Contains(id))
                {
                    await InsertPearlRowAsync(commands, incoming.Pearl, ct);
                    await MergeCommentsAndHistoryAsync(tx, commands, incoming, null, ct);
                    replacedEdges.Add(incoming);
                    added++;
                    continue;
                }
                var local = (await LoadRecordAsync(tx, id, ct))!;
                if (Canonical(local) == Canonical(incoming))
                {
                    unchanged++;
                    continue;
                }

                var localKeys = local.History.Select(HistoryKey).ToHashSet();
                var incomingKeys = incoming.History.Select(HistoryKey).ToHashSet();
                var incomingOnly = incoming.History.Where(h => !localKeys.Contains(HistoryKey(h))).ToList();
                var localOnly = local.History.Where(h => !incomingKeys.Contains(HistoryKey(h))).ToList();
                var newest = Max(incoming.Pearl.UpdatedAt, local.Pearl.UpdatedAt);

                if (incomingOnly.Count == 0 && localOnly.Count > 0)
                {
                    keptLocal++; // the incoming copy is older than ours
                    continue;
                }
                if (incomingOnly.Count > 0 && localOnly.Count == 0)
                {
                    await UpdatePearlRowAsync(tx, incoming.Pearl with { UpdatedAt = newest }, ct);
                    await MergeCommentsAndHistoryAsync(tx, commands, incoming, local, ct);
                    replacedEdges.Add(incoming);
                    updated++;
                    continue;
                }
                if (incomingOnly.Count == 0)
                {
                    // Same history, different content (a hand-edited file): the later update wins as a whole.
                    var takeIt = incoming.Pearl.UpdatedAt > local.Pearl.UpdatedAt;
                    conflicts.Add(new ImportConflict(id, "same history but different content",
                        takeIt ? "took the incoming pearl (later update)" : "kept the local pearl (later or same update time)"));
                    if (takeIt)
                    {
                        await UpdatePearlRowAsync(tx, incoming.Pearl, ct);
                        replacedEdges.Add(incoming);
                        updated++;
                    }
                    else
                    {
                        keptLocal++;
                    }
                    continue;
                }

                // Both sides changed the pearl since they last met: merge field by field, each side's own changes
                // win; a field both sides changed goes to the later change and is reported.
                var merged = local.Pearl;
                var contested = new List<string>();
                foreach (var field in MergeableFields)
                {
                    var theirs = incomingOnly.LastOrDefault(h => h.Field == field);
                    if (theirs is null)
                    {
                        continue;
                    }
                    var ours = localOnly.LastOrDefault(h => h.Field == field);
                    if (ours is not null)
                    {
                        contested.Add(field);
                        if (ours.At >= theirs.At)
                        {
                            continue;
                        }
                    }
                    merged = CopyField(merged, incoming.Pearl, field);
                }
                await UpdatePearlRowAsync(tx, merged with { UpdatedAt = newest }, ct);
                await MergeCommentsAndHistoryAsync(tx, commands, incoming, local, ct);
                var theirEdges = incomingOnly.LastOrDefault(h => h.Field == "dependency");
                var ourEdges = localOnly.LastOrDefault(h => h.Field == "dependency");
                if (theirEdges is not null && ourEdges is not null)
                {
                    contested.Add("dependencies");
                }
                if (theirEdges is not null && (ourEdges is null || ourEdges.At < theirEdges.At))
                {
                    replacedEdges.Add(incoming);
                }
                updated++;
                if (contested.Count > 0)
                {
                    conflicts.Add(new ImportConflict(id, $"both sides changed {string.Join(", ", contested)}",
                        "merged field by field; for the fields changed on both sides the later change won; comments and history kept from both"));
                }
            }

            foreach (var r in replacedEdges)
            {
                await commands.DeleteEdges.RunAsync(ct, r.Pearl.Id);
                foreach (var d in r.Dependencies)
                {
                    await commands.InsertEdge.RunAsync(ct, d.PearlId, d.DependsOn, PearlNames.Name(d.Kind), Timestamps.Write(d.CreatedAt));
                }
            }
            await BreakImportedCyclesAsync(tx, replacedEdges.Select(r => r.Pearl.Id).ToHashSet(StringComparer.Ordinal), conflicts, ct);

            foreach (var m in memories.Select(r => r.Memory))
            {
                var local = await _db.QuerySingleOrDefaultAsync<MemoryRow>(new CommandDefinition(
                    "SELECT id AS Id, content AS Content, source AS Source, created_at AS CreatedAt FROM memories WHERE id = @Id", new { m.Id }, tx, cancellationToken: ct));
                if (local is null)
                {
                    await _db.ExecuteAsync(new CommandDefinition(
                        "INSERT INTO memories (id, content, source, created_at) VALUES (@Id, @Content, @Source, @at)",
                        new { m.Id, m.Content, m.Source, at = Timestamps.Write(m.CreatedAt) }, tx, cancellationToken: ct));
                    memAdded++;
                }
                else if (local.ToMemory() == m)
                {
                    memUnchanged++;
                }
                else
                {
                    conflicts.Add(new ImportConflict(m.Id, "memory differs between the two sides", "kept the local memory"));
                }
            }
            return new ImportReport(added, updated, unchanged, keptLocal, memAdded, memUnchanged, conflicts);
        }, ct);
    }

    private static readonly string[] MergeableFields = ["title", "description", "status", "priority", "type", "labels", "assignee", "parent", "outputs"];

    private static Pearl CopyField(Pearl into, Pearl from, string field) => field switch
    {
        "title" => into with { Title = from.Title },
        "description" => into with { Description = from.Description },
        "status" => into with { Status = from.Status, ClosedAt = from.ClosedAt },
        "priority" => into with { Priority = from.Priority },
        "type" => into with { Type = from.Type },
        "labels" => into with { Labels = from.Labels },
        "assignee" => into with { Assignee = from.Assignee },
        "parent" => into with { Parent = from.Parent },
        "outputs" => into with { Outputs = from.Outputs },
        _ => into,
    };

    private static void CheckUnique(IEnumerable<string> ids, string what)
    {
        var dup = ids.GroupBy(x => x, StringComparer.Ordinal).FirstOrDefault(g => g.Count() > 1);
        if (dup is not null)
        {
            throw new SmoothException($"the {what} {dup.Key} appears more than once in the file", "keep one line per id; nothing was imported", ExitCodes.BadInput);
        }
    }

    private static string Canonical(PearlRecord r) => JsonSerializer.Serialize<JsonlRecord>(r, PearlsJsonContext.Default.JsonlRecord);

    private static (string, string?, string?, string, DateTimeOffset) HistoryKey(PearlChange h) => (h.Field, h.OldValue, h.NewValue, h.Actor, h.At);

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private async Task UpdatePearlRowAsync(SqliteTransaction tx, Pearl p, CancellationToken ct)
    {
        var args = new
        {
            p.Id, p.Title, p.Description, status = PearlNames.Name(p.Status), p.Priority, type = PearlNames.Name(p.Type), p.Assignee, p.Parent,
            outputs = p.Outputs is { } o ? JsonText(o) : null, created = Timestamps.Write(p.CreatedAt), updated = Timestamps.Write(p.UpdatedAt),
            closed = Timestamps.Write(p.ClosedAt),
        };
        await _db.ExecuteAsync(new CommandDefinition(
            "UPDATE pearls SET title = @Title, description = @Description, status = @status, priority = @Priority, type = @type, assignee = @Assignee, " +
              "parent_id = @Parent, outputs = @outputs, created_at = @created, updated_at = @updated, closed_at = @closed WHERE id = @Id",
            args, tx, cancellationToken: ct));
        await _db.ExecuteAsync(new CommandDefinition("DELETE FROM pearl_labels WHERE pearl_id = @Id", new { p.Id }, tx, cancellationToken: ct));
        await InsertLabelsAsync(tx, p.Id, p.Labels, ct);
    }

    /// <summary>Adds the incoming comments and history entries the local side lacks (both are append-only logs).</summary>
    private static async Task InsertPearlRowAsync(ImportCommands commands, Pearl p, CancellationToken ct)
    {
        await commands.InsertPearl.RunAsync(ct, p.Id, p.Title, p.Description, PearlNames.Name(p.Status), p.Priority, PearlNames.Name(p.Type), p.Assignee,
            p.Parent, p.Outputs is { } o ? JsonText(o) : null, Timestamps.Write(p.CreatedAt), Timestamps.Write(p.UpdatedAt), Timestamps.Write(p.ClosedAt));
        foreach (var label in p.Labels)
        {
            await commands.InsertLabel.RunAsync(ct, p.Id, label);
        }
    }

    private async Task MergeCommentsAndHistoryAsync(SqliteTransaction tx, ImportCommands commands, PearlRecord incoming, PearlRecord? local, CancellationToken ct)
    {
        var haveComments = local?.Comments.Select(c => c.Id).ToHashSet(StringComparer.Ordinal) ?? [];
        foreach (var c in incoming.Comments.Where(c => !haveComments.Contains(c.Id)))
        {
            await commands.InsertComment.RunAsync(ct, c.Id, incoming.Pearl.Id, c.Author, c.Body, Timestamps.Write(c.CreatedAt));
        }
        var haveHistory = local?.History.Select(HistoryKey).ToHashSet() ?? [];
        var missing = incoming.History.Where(h => !haveHistory.Contains(HistoryKey(h))).ToList();
        if (local is not null && missing.Count > 0)
        {
            // Entries interleave by time; rewrite the pearl's log in time order so 'seq' keeps matching it.
            var merged = local.History.Concat(missing).OrderBy(h => h.At).ToList();
            await _db.ExecuteAsync(new CommandDefinition("DELETE FROM pearl_history WHERE pearl_id = @id", new { id = incoming.Pearl.Id }, tx, cancellationToken: ct));
            missing = merged;
        }
        foreach (var h in missing)
        {
            await commands.InsertHistory.RunAsync(ct, incoming.Pearl.Id, h.Field, h.OldValue, h.NewValue, h.Actor, Timestamps.Write(h.At));
        }
    }

    /// <summary>
    /// Two machines can each add one half of a cycle. After the merge, find any 'blocks' cycle and drop an edge
    /// that this import brought in, reporting it, until none is left.
    /// </summary>
    private async Task BreakImportedCyclesAsync(SqliteTransaction tx, HashSet<string> importedFrom, List<ImportConflict> conflicts, CancellationToken ct)
    {
        if (importedFrom.Count == 0)
        {
            return;
        }
        while (true)
        {
            var edges = (await _db.QueryAsync<(string From, string To)>(new CommandDefinition(
                "SELECT pearl_id, depends_on FROM pearl_deps WHERE kind = 'blocks'", transaction: tx, cancellationToken: ct))).ToList();
            var cycle = BlocksGraph.FindCycle(edges);
            if (cycle is null)
            {
                return;
            }
            var (from, to) = cycle.FirstOrDefault(e => importedFrom.Contains(e.From));
            if (from is null)
            {
                throw new SmoothException("the store already holds a cycle of 'blocks' dependencies", "remove one edge of the cycle with 'th pearls dep remove'", ExitCodes.Conflict);
            }
            await _db.ExecuteAsync(new CommandDefinition("DELETE FROM pearl_deps WHERE pearl_id = @from AND depends_on = @to", new { from, to }, tx, cancellationToken: ct));
            conflicts.Add(new ImportConflict(from, $"the incoming edge '{from} blocked by {to}' would close a cycle of blocks dependencies", "dropped that edge"));
        }
    }
}
