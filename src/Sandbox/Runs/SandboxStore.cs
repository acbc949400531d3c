using Dapper;
using Microsoft.Data.Sqlite;
using Smooth.Core;
using Smooth.Core.Storage;

namespace Smooth.Sandbox.Runs;

/// <summary>The sandbox table in <c>.smooth/pearls.db</c>, with the per-project cap on concurrent sandboxes.</summary>
public sealed class SandboxStore : IAsyncDisposable
{
    private readonly SqliteConnection _db;

    private SandboxStore(SqliteConnection db) => _db = db;

    /// <summary>Opens the table of the project whose state directory is <paramref name="stateDir"/>.</summary>
    public static async Task<SandboxStore> OpenAsync(string stateDir, CancellationToken ct) =>
        new(await SqliteDatabase.OpenAsync(Path.Combine(stateDir, "pearls.db"), "sandbox", SandboxMigrations.All, ct));

    /// <summary>Adds a pending sandbox unless <paramref name="cap"/> sandboxes are already pending or running (checked atomically across processes).</summary>
    public async Task InsertAsync(string runId, string sandboxId, string provider, string commandJson, int cap, CancellationToken ct)
    {
        await using var tx = (SqliteTransaction)await _db.BeginTransactionAsync(ct);
        await using var count = _db.Command(tx, "SELECT count(*) FROM sandboxes WHERE status IN ('pending', 'running')");
        var active = (long)(await count.ExecuteScalarAsync(ct))!;
        if (active >= cap)
        {
            throw new SmoothException($"this project already has {active} sandbox(es) running (the cap is {cap})",
                "wait for one to finish (th review list shows them), or raise the cap with --max-sandboxes", ExitCodes.Conflict);
        }
        var now = Now();
        await using var insert = _db.Command(tx,
            "INSERT INTO sandboxes (run_id, sandbox_id, provider, status, command, created_at, updated_at) VALUES (@runId, @sandboxId, @provider, 'pending', @commandJson, @now, @now)",
            ("@runId", runId), ("@sandboxId", sandboxId), ("@provider", provider), ("@commandJson", commandJson), ("@now", now));
        await insert.ExecuteNonQueryAsync(ct);
        await tx.CommitAsync(ct);
    }

    // Inserts and updates use plain commands (SqliteCommandFactory): they are on every th sandbox run's path.

    /// <summary>Updates the run's status and outcome fields (null leaves a field as it is).</summary>
    public async Task UpdateAsync(string runId, string sandboxId, string status, CancellationToken ct, string? baseRef = null, int? exitCode = null,
        string? limitHit = null, string? message = null, string? reviewState = null, string? reviewMessage = null, int? filesChanged = null)
    {
        await using var update = _db.Command(null,
            "UPDATE sandboxes SET status = @status, base_ref = coalesce(@baseRef, base_ref), exit_code = coalesce(@exitCode, exit_code), " +
            "limit_hit = coalesce(@limitHit, limit_hit), message = coalesce(@message, message), review_state = coalesce(@reviewState, review_state), " +
            "review_message = coalesce(@reviewMessage, review_message), files_changed = coalesce(@filesChanged, files_changed), updated_at = @now " +
            "WHERE run_id = @runId AND sandbox_id = @sandboxId",
            ("@status", status), ("@baseRef", baseRef), ("@exitCode", exitCode), ("@limitHit", limitHit), ("@message", message),
            ("@reviewState", reviewState), ("@reviewMessage", reviewMessage), ("@filesChanged", filesChanged), ("@now", Now()),
            ("@runId", runId), ("@sandboxId", sandboxId));
        await update.ExecuteNonQueryAsync(ct);
    }

    /// <summary>One sandbox by run id (the first sandbox of that run), or null.</summary>
    public async Task<SandboxRow?> GetAsync(string runId, CancellationToken ct) =>
        await _db.QueryFirstOrDefaultAsync<SandboxRow>(new CommandDefinition(Select + " WHERE run_id = @runId ORDER BY sandbox_id LIMIT 1", new { runId }, cancellationToken: ct));

    /// <summary>Sandboxes, newest first; only those with this review state when given.</summary>
    public async Task<IReadOnlyList<SandboxRow>> ListAsync(string? reviewState, int limit, CancellationToken ct) =>
        (await _db.QueryAsync<SandboxRow>(new CommandDefinition(
            Select + (reviewState is null ? "" : " WHERE review_state = @reviewState") + " ORDER BY created_at DESC LIMIT @limit",
            new { reviewState, limit }, cancellationToken: ct))).ToList();

    private const string Select = "SELECT run_id AS RunId, sandbox_id AS SandboxId, provider AS Provider, status AS Status, base_ref AS BaseRef, " +
        "command AS Command, exit_code AS ExitCode, limit_hit AS LimitHit, message AS Message, review_state AS ReviewState, " +
        "review_message AS ReviewMessage, files_changed AS FilesChanged, created_at AS CreatedAt, updated_at AS UpdatedAt FROM sandboxes";

    private static string Now() => DateTimeOffset.UtcNow.ToString("O");

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _db.DisposeAsync();
}
