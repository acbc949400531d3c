using System.Collections.Concurrent;
using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Smooth.Core.Storage;
using Smooth.Core.Threading;
using Smooth.Operator.Checkpoints;

namespace Smooth.Operator.Host;

/// <summary>
/// Groove's storage: the last checkpoint of every run, kept with the pearls in <c>.smooth/pearls.db</c>. Saves that
/// arrive with a guard exchange are written behind (<see cref="SaveBehind"/>), in order with the run's other saves;
/// every read and direct save of a run waits for them first.
/// </summary>
public sealed class CheckpointStore : IAsyncDisposable
{
    private static readonly IReadOnlyList<Migration> Migrations =
    [
        new(1, "operator checkpoints", """
            CREATE TABLE operator_checkpoints (
                run_id TEXT PRIMARY KEY,
                pearl_id TEXT,
                seq INTEGER NOT NULL,
                body TEXT NOT NULL,
                updated_at TEXT NOT NULL
            );
            """),
        new(2, "last event received per run", """
            CREATE TABLE operator_event_marks (
                run_id TEXT PRIMARY KEY,
                last_seq INTEGER NOT NULL
            );
            """),
        new(3, "checkpoint messages stored one row each, so a save only appends", """
            CREATE TABLE operator_messages (
                run_id TEXT NOT NULL,
                idx INTEGER NOT NULL,
                body TEXT NOT NULL,
                PRIMARY KEY (run_id, idx)
            );
            """),
    ];

    private readonly SqliteConnection _db;
    private readonly SemaphoreSlim _lock = new(1, 1);
    private readonly ConcurrentDictionary<string, Task> _behind = new(StringComparer.Ordinal);

    private CheckpointStore(SqliteConnection db) => _db = db;

    /// <summary>Opens the store of the project whose state directory is <paramref name="stateDir"/>.</summary>
    public static async Task<CheckpointStore> OpenAsync(string stateDir, CancellationToken ct) =>
        new(await SqliteDatabase.OpenAsync(Path.Combine(stateDir, "pearls.db"), "operator", Migrations, ct));

    /// <summary>
    /// Stores <paramref name="checkpoint"/> (complete, or a delta keeping the first <see cref="Checkpoint.KeepMessages"/>
    /// messages) in one transaction; a checkpoint older than the stored one is ignored. Saves written behind for the
    /// run land first, and their failure is this save's failure (a delta on top of a lost one cannot stand).
    /// </summary>
    public async Task SaveAsync(string? pearlId, Checkpoint checkpoint, CancellationToken ct)
    {
        await PendingAsync(checkpoint.RunId, ct);
        await WriteAsync(pearlId, checkpoint, ct);
    }

    /// <summary>
    /// Accepts <paramref name="checkpoint"/> to be written in the background, after the run's earlier saves, so the
    /// exchange that carried it is answered without waiting for the database. False when an earlier save of the run
    /// failed: the sender then saves the ordinary way and gets the error.
    /// </summary>
    public bool SaveBehind(string? pearlId, Checkpoint checkpoint)
    {
        lock (_behind)
        {
            var previous = _behind.GetValueOrDefault(checkpoint.RunId) ?? Task.CompletedTask;
            if (previous.IsFaulted) return false;
            // On the pool, not inline: SQLite's async calls complete synchronously, and the exchange that carried the
            // checkpoint must be answered without waiting for the write.
            _behind[checkpoint.RunId] = Task.Run(() => AfterAsync(previous, pearlId, checkpoint));
            return true;
        }
    }

    private async Task AfterAsync(Task previous, string? pearlId, Checkpoint checkpoint)
    {
        await previous;
        await WriteAsync(pearlId, checkpoint, CancellationToken.None);
    }

    // Waits for the run's saves written behind; a failed one is rethrown (and stays, so every later save fails too).
    private async Task PendingAsync(string runId, CancellationToken ct)
    {
        if (!_behind.TryGetValue(runId, out var pending)) return;
        await pending.WaitAsync(ct);
        _behind.TryRemove(new KeyValuePair<string, Task>(runId, pending));
    }

    // For reads: a save written behind that failed leaves the last consistent checkpoint stored, which is what resumes.
    private async Task SettledAsync(string runId, CancellationToken ct)
    {
        try
        {
            await PendingAsync(runId, ct);
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
        }
    }

    private async Task WriteAsync(string? pearlId, Checkpoint checkpoint, CancellationToken ct)
    {
        var keep = checkpoint.KeepMessages ?? 0;
        var head = JsonSerializer.Serialize(checkpoint with { Messages = [], KeepMessages = null }, Api.OperatorApiJson.Default.Checkpoint);
        await _lock.RunExclusiveAsync(async () =>
        {
            await using var tx = (SqliteTransaction)await _db.BeginTransactionAsync(ct);
            var stored = await _db.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                "SELECT seq FROM operator_checkpoints WHERE run_id = @runId", new { runId = checkpoint.RunId }, tx, cancellationToken: ct));
            if (stored is { } s && s >= checkpoint.Seq) return;
            var have = await _db.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM operator_messages WHERE run_id = @runId", new { runId = checkpoint.RunId }, tx, cancellationToken: ct));
            if (have < keep) throw new InvalidDataException($"checkpoint {checkpoint.Seq} of {checkpoint.RunId} keeps {keep} messages but only {have} are stored");
            await _db.ExecuteAsync(new CommandDefinition("DELETE FROM operator_messages WHERE run_id = @runId AND idx >= @keep",
                new { runId = checkpoint.RunId, keep }, tx, cancellationToken: ct));
            for (var i = 0; i < checkpoint.Messages.Count; i++)
            {
                await _db.ExecuteAsync(new CommandDefinition("INSERT INTO operator_messages (run_id, idx, body) VALUES (@runId, @idx, @body)",
                    new { runId = checkpoint.RunId, idx = keep + i, body = JsonSerializer.Serialize(checkpoint.Messages[i], Api.OperatorApiJson.Default.SavedMessage) },
                    tx, cancellationToken: ct));
            }
            await _db.ExecuteAsync(new CommandDefinition("""
                INSERT INTO operator_checkpoints (run_id, pearl_id, seq, body, updated_at) VALUES (@runId, @pearlId, @seq, @head, @now)
                ON CONFLICT(run_id) DO UPDATE SET seq = excluded.seq, body = excluded.body, updated_at = excluded.updated_at
                """, new { runId = checkpoint.RunId, pearlId, seq = checkpoint.Seq, head, now = DateTimeOffset.UtcNow.ToString("O") }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
        }, ct);
    }

    /// <summary>The run's complete checkpoint, or null.</summary>
    public async Task<Checkpoint?> LoadAsync(string runId, CancellationToken ct)
    {
        await SettledAsync(runId, ct);
        return await _lock.RunExclusiveAsync(async () =>
        {
            var head = await _db.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT body FROM operator_checkpoints WHERE run_id = @runId", new { runId }, cancellationToken: ct));
            if (head is null) return null;
            var bodies = await _db.QueryAsync<string>(new CommandDefinition(
                "SELECT body FROM operator_messages WHERE run_id = @runId ORDER BY idx", new { runId }, cancellationToken: ct));
            var checkpoint = JsonSerializer.Deserialize(head, Api.OperatorApiJson.Default.Checkpoint)!;
            return checkpoint with { Messages = bodies.Select(b => JsonSerializer.Deserialize(b, Api.OperatorApiJson.Default.SavedMessage)!).ToList() };
        }, ct);
    }

    /// <summary>Records that events up to <paramref name="seq"/> of the run were received (never moves backwards).</summary>
    public async Task NoteEventSeqAsync(string runId, long seq, CancellationToken ct)
    {
        await _lock.RunExclusiveAsync(async () =>
        {
            await _db.ExecuteAsync(new CommandDefinition("""
                INSERT INTO operator_event_marks (run_id, last_seq) VALUES (@runId, @seq)
                ON CONFLICT(run_id) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)
                """, new { runId, seq }, cancellationToken: ct));
        }, ct);
    }

    /// <summary>The last event sequence number received from the run (0 when none).</summary>
    public async Task<long> LastEventSeqAsync(string runId, CancellationToken ct)
    {
        return await _lock.RunExclusiveAsync(async () =>
        {
            return await _db.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                "SELECT last_seq FROM operator_event_marks WHERE run_id = @runId", new { runId }, cancellationToken: ct)) ?? 0;
        }, ct);
    }

    /// <summary>The pearl of the run that saved a checkpoint, or null when the run never saved one.</summary>
    public async Task<string?> PearlOfAsync(string runId, CancellationToken ct)
    {
        await SettledAsync(runId, ct);
        return await _lock.RunExclusiveAsync(async () =>
        {
            return await _db.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT pearl_id FROM operator_checkpoints WHERE run_id = @runId", new { runId }, cancellationToken: ct));
        }, ct);
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        try
        {
            await Task.WhenAll(_behind.Values);
        }
        catch (Exception)
        {
            // Reported to the run that saved next; nothing left to tell at shutdown.
        }
        await _db.DisposeAsync();
        _lock.Dispose();
    }
}
