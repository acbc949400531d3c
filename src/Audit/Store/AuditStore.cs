using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Smooth.Audit.Chain;
using Smooth.Core;
using Smooth.Core.Events;
using Smooth.Core.IO;
using Smooth.Core.Storage;

namespace Smooth.Audit.Store;

/// <summary>
/// The Archivist: a durable, append-only, hash-chained event log in <c>.smooth/audit.db</c>, with its head anchor in
/// <c>.smooth/audit.head</c>. Appends are batched into one transaction; several processes may append at once
/// (the SQLite write lock serialises them and each batch links to whatever was last). One instance may be shared by
/// many threads: its connection is used by one operation at a time.
/// </summary>
public sealed class AuditStore : IAsyncDisposable
{
    private readonly SqliteConnection _connection;
    private readonly string _headPath;
    private readonly SemaphoreSlim _gate = new(1, 1);

    private AuditStore(SqliteConnection connection, string headPath)
    {
        _connection = connection;
        _headPath = headPath;
    }

    /// <summary>Opens the log of the project whose state directory is <paramref name="stateDir"/>.</summary>
    public static async Task<AuditStore> OpenAsync(string stateDir, CancellationToken ct)
    {
        Directory.CreateDirectory(stateDir);
        var connection = await SqliteDatabase.OpenAsync(Path.Combine(stateDir, "audit.db"), "audit", AuditMigrations.All, ct);
        return new AuditStore(connection, Path.Combine(stateDir, "audit.head"));
    }

    /// <summary>Appends <paramref name="events"/> in order as one transaction; returns the stored records.</summary>
    public async Task<IReadOnlyList<AuditRecord>> AppendAsync(IReadOnlyList<SmoothEvent> events, CancellationToken ct)
    {
        if (events.Count == 0) return [];
        await _gate.WaitAsync(ct);
        try
        {
            await using var tx = (SqliteTransaction)await _connection.BeginTransactionAsync(ct);
            // Plain commands (SqliteCommandFactory): every th process appends, and Dapper's first use is slow.
            long seq = 0;
            var prev = ChainHasher.Genesis;
            await using (var last = _connection.Command(tx, "SELECT seq, hash FROM audit_events ORDER BY seq DESC LIMIT 1"))
            {
                await using var reader = await last.ExecuteReaderAsync(ct);
                if (await reader.ReadAsync(ct))
                {
                    seq = reader.GetInt64(0);
                    prev = reader.GetString(1);
                }
            }
            var stored = new List<AuditRecord>(events.Count);
            await using var insert = _connection.Command(tx, "INSERT INTO audit_events (seq, time, type, source, trace_parent, attributes, prev_hash, hash) " +
                "VALUES (@seq, @time, @type, @source, @traceParent, @attributes, @prev, @hash)");
            var parameters = new[] { "@seq", "@time", "@type", "@source", "@traceParent", "@attributes", "@prev", "@hash" }
                .Select(name => insert.Parameters.Add(name, SqliteType.Text)).ToArray();
            parameters[0].SqliteType = SqliteType.Integer;
            foreach (var e in events)
            {
                seq++;
                var attributes = new SortedDictionary<string, string>(e.Attributes.ToDictionary(), StringComparer.Ordinal);
                var time = e.Time.UtcDateTime.ToString("O");
                var hash = ChainHasher.Compute(seq, time, e.Type, e.Source, e.TraceParent, attributes, prev);
                parameters[0].Value = seq;
                parameters[1].Value = time;
                parameters[2].Value = e.Type;
                parameters[3].Value = e.Source;
                parameters[4].Value = (object?)e.TraceParent ?? DBNull.Value;
                parameters[5].Value = JsonSerializer.Serialize(attributes, AuditJson.Default.SortedDictionaryStringString);
                parameters[6].Value = prev;
                parameters[7].Value = hash;
                await insert.ExecuteNonQueryAsync(ct);
                stored.Add(new AuditRecord(seq, time, e.Type, e.Source, e.TraceParent, attributes, prev, hash));
                prev = hash;
            }
            await tx.CommitAsync(ct);
            // The anchor only moves forward; a slower concurrent appender must not move it back.
            var head = await ReadHeadAsync(ct);
            if (head is null || head.Seq < seq)
            {
                await AtomicFile.WriteAllTextAsync(_headPath, JsonSerializer.Serialize(new ChainHead(seq, prev), AuditJson.Default.ChainHead), ct);
            }
            return stored;
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Reads records matching <paramref name="query"/>, oldest first.</summary>
    public async Task<IReadOnlyList<AuditRecord>> QueryAsync(AuditQuery query, CancellationToken ct)
    {
        var where = "WHERE seq > @after" +
            (query.TypePrefix is null ? "" : " AND type >= @prefix AND type < @prefixEnd") +
            (query.Source is null ? "" : " AND source = @source");
        var sql = query.Newest
            ? $"SELECT * FROM (SELECT * FROM audit_events {where} ORDER BY seq DESC LIMIT @limit) ORDER BY seq"
            : $"SELECT * FROM audit_events {where} ORDER BY seq LIMIT @limit";
        await _gate.WaitAsync(ct);
        try
        {
            var rows = await _connection.QueryAsync<Row>(new CommandDefinition(sql, new
            {
                after = query.AfterSeq,
                prefix = query.TypePrefix,
                prefixEnd = query.TypePrefix is null ? null : query.TypePrefix + "\uffff",
                source = query.Source,
                limit = query.Limit,
            }, cancellationToken: ct));
            return rows.Select(ToRecord).ToList();
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <summary>Checks the whole chain and the head anchor.</summary>
    public async Task<VerifyReport> VerifyAsync(CancellationToken ct)
    {
        // Storage order is rowid order; reading by rowid (not by the seq value) is what exposes moved records.
        await _gate.WaitAsync(ct);
        try
        {
            var rows = await _connection.QueryAsync<Row>(new CommandDefinition("SELECT * FROM audit_events ORDER BY rowid", cancellationToken: ct));
            return ChainVerifier.Verify(rows.Select(ToRecord), await ReadHeadAsync(ct));
        }
        finally
        {
            _gate.Release();
        }
    }

    private async Task<ChainHead?> ReadHeadAsync(CancellationToken ct)
    {
        if (!File.Exists(_headPath)) return null;
        try
        {
            return JsonSerializer.Deserialize(await File.ReadAllTextAsync(_headPath, ct), AuditJson.Default.ChainHead);
        }
        catch (JsonException e)
        {
            throw new SmoothException($"the audit head anchor '{_headPath}' is unreadable: {e.Message}",
                "the anchor was damaged; 'th audit verify' cannot vouch for the end of the log", ExitCodes.Environment, e);
        }
    }

    private static AuditRecord ToRecord(Row r) => new(r.seq, r.time, r.type, r.source, r.trace_parent,
        JsonSerializer.Deserialize(r.attributes, AuditJson.Default.SortedDictionaryStringString) ?? new(StringComparer.Ordinal),
        r.prev_hash, r.hash);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _connection.DisposeAsync();
        _gate.Dispose();
    }

#pragma warning disable IDE1006 // column names
    private sealed record Row(long seq, string time, string type, string source, string? trace_parent, string attributes, string prev_hash, string hash);
#pragma warning restore IDE1006
}
