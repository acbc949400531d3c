using Dapper;
using Microsoft.Data.Sqlite;
using Smooth.Pearls.Model;
using Smooth.Pearls.Sync;

namespace Smooth.Pearls.Storage;

// Export: the whole store as JSONL records in the file's stable order.
public sealed partial class SqlitePearlStore
{
    /// <inheritdoc />
    public async Task<IReadOnlyList<JsonlRecord>> ExportAsync(CancellationToken ct)
    {
        await using var tx = _db.BeginTransaction(deferred: true);
        var pearls = (await _db.QueryAsync<PearlRow>(new CommandDefinition(
            $"SELECT {PearlColumns} FROM pearls p ORDER BY p.id", transaction: tx, cancellationToken: ct))).Select(r => r.ToPearl()).ToList();
        var deps = (await _db.QueryAsync<DependencyRow>(new CommandDefinition(
            "SELECT pearl_id AS PearlId, depends_on AS DependsOn, kind AS Kind, created_at AS CreatedAt FROM pearl_deps ORDER BY pearl_id, depends_on",
            transaction: tx, cancellationToken: ct))).ToLookup(d => d.PearlId, d => d.ToDependency());
        var comments = (await _db.QueryAsync<CommentRow>(new CommandDefinition(
            "SELECT id AS Id, pearl_id AS PearlId, author AS Author, body AS Body, created_at AS CreatedAt FROM pearl_comments ORDER BY pearl_id, created_at, id",
            transaction: tx, cancellationToken: ct))).ToLookup(c => c.PearlId, c => c.ToComment());
        var history = (await _db.QueryAsync<HistoryRow>(new CommandDefinition(
            "SELECT pearl_id AS PearlId, field AS Field, old_value AS OldValue, new_value AS NewValue, actor AS Actor, at AS At FROM pearl_history ORDER BY pearl_id, at, seq",
            transaction: tx, cancellationToken: ct))).ToLookup(h => h.PearlId, h => h.ToChange());
        var memories = await _db.QueryAsync<MemoryRow>(new CommandDefinition(
            "SELECT id AS Id, content AS Content, source AS Source, created_at AS CreatedAt FROM memories ORDER BY id", transaction: tx, cancellationToken: ct));

        var records = new List<JsonlRecord>(pearls.Count);
        foreach (var p in pearls)
        {
            records.Add(new PearlRecord(p, deps[p.Id].ToList(), comments[p.Id].ToList(), history[p.Id].ToList()));
        }
        records.AddRange(memories.Select(m => new MemoryRecord(m.ToMemory())));
        return records;
    }

    /// <summary>Reads one pearl's full record inside <paramref name="tx"/>, or null when absent.</summary>
    private async Task<PearlRecord?> LoadRecordAsync(SqliteTransaction tx, string id, CancellationToken ct)
    {
        var pearl = await FindAsync(id, tx, ct);
        if (pearl is null)
        {
            return null;
        }
        var deps = await _db.QueryAsync<DependencyRow>(new CommandDefinition(
            "SELECT pearl_id AS PearlId, depends_on AS DependsOn, kind AS Kind, created_at AS CreatedAt FROM pearl_deps WHERE pearl_id = @id ORDER BY depends_on",
            new { id }, tx, cancellationToken: ct));
        var comments = await _db.QueryAsync<CommentRow>(new CommandDefinition(
            "SELECT id AS Id, pearl_id AS PearlId, author AS Author, body AS Body, created_at AS CreatedAt FROM pearl_comments WHERE pearl_id = @id ORDER BY created_at, id",
            new { id }, tx, cancellationToken: ct));
        var history = await _db.QueryAsync<HistoryRow>(new CommandDefinition(
            "SELECT pearl_id AS PearlId, field AS Field, old_value AS OldValue, new_value AS NewValue, actor AS Actor, at AS At FROM pearl_history WHERE pearl_id = @id ORDER BY at, seq",
            new { id }, tx, cancellationToken: ct));
        return new PearlRecord(pearl, deps.Select(d => d.ToDependency()).ToList(), comments.Select(c => c.ToComment()).ToList(), history.Select(h => h.ToChange()).ToList());
    }
}
