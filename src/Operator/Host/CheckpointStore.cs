using Dapper;
using Microsoft.Data.Sqlite;
using Smooth.Core.Storage;

namespace Smooth.Operator.Host;

/// <summary>Groove's storage: the last checkpoint of every run, kept with the pearls in <c>.smooth/pearls.db</c>.</summary>
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
    ];

    private readonly SqliteConnection _db;
    private readonly SemaphoreSlim _lock = new(1, 1);

    private CheckpointStore(SqliteConnection db) => _db = db;

    /// <summary>Opens the store of the project whose state directory is <paramref name="stateDir"/>.</summary>
    public static async Task<CheckpointStore> OpenAsync(string stateDir, CancellationToken ct) =>
        new(await SqliteDatabase.OpenAsync(Path.Combine(stateDir, "pearls.db"), "operator", Migrations, ct));

    /// <summary>Replaces the run's checkpoint with <paramref name="body"/> unless a newer one is stored.</summary>
    public async Task SaveAsync(string runId, string? pearlId, long seq, string body, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            await _db.ExecuteAsync(new CommandDefinition("""
                INSERT INTO operator_checkpoints (run_id, pearl_id, seq, body, updated_at) VALUES (@runId, @pearlId, @seq, @body, @now)
                ON CONFLICT(run_id) DO UPDATE SET seq = excluded.seq, body = excluded.body, updated_at = excluded.updated_at
                WHERE excluded.seq > operator_checkpoints.seq
                """, new { runId, pearlId, seq, body, now = DateTimeOffset.UtcNow.ToString("O") }, cancellationToken: ct));
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The run's checkpoint JSON, or null.</summary>
    public async Task<string?> LoadAsync(string runId, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            return await _db.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT body FROM operator_checkpoints WHERE run_id = @runId", new { runId }, cancellationToken: ct));
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>Records that events up to <paramref name="seq"/> of the run were received (never moves backwards).</summary>
    public async Task NoteEventSeqAsync(string runId, long seq, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            await _db.ExecuteAsync(new CommandDefinition("""
                INSERT INTO operator_event_marks (run_id, last_seq) VALUES (@runId, @seq)
                ON CONFLICT(run_id) DO UPDATE SET last_seq = max(last_seq, excluded.last_seq)
                """, new { runId, seq }, cancellationToken: ct));
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The last event sequence number received from the run (0 when none).</summary>
    public async Task<long> LastEventSeqAsync(string runId, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            return await _db.QuerySingleOrDefaultAsync<long?>(new CommandDefinition(
                "SELECT last_seq FROM operator_event_marks WHERE run_id = @runId", new { runId }, cancellationToken: ct)) ?? 0;
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <summary>The pearl of the run that saved a checkpoint, or null when the run never saved one.</summary>
    public async Task<string?> PearlOfAsync(string runId, CancellationToken ct)
    {
        await _lock.WaitAsync(ct);
        try
        {
            return await _db.QuerySingleOrDefaultAsync<string>(new CommandDefinition(
                "SELECT pearl_id FROM operator_checkpoints WHERE run_id = @runId", new { runId }, cancellationToken: ct));
        }
        finally
        {
            _lock.Release();
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        _lock.Dispose();
    }
}
