using System.Globalization;
using Dapper;
using Microsoft.Data.Sqlite;
using Smooth.Core;
using Smooth.Core.Storage;
using Smooth.Core.Threading;

namespace Smooth.Orchestrator.Runs;

/// <summary>
/// The durable queue of runs in <c>.smooth/pearls.db</c>. A daemon claims queued runs under a lease it renews while
/// the operator works; only the lease holder can finish a run, so a run is finished exactly once. After a crash, runs
/// whose owner is gone (lease lapsed or owner process dead) go back to the queue with their checkpoint, so they resume
/// rather than start over, and no run is ever worked by two daemons at once.
/// </summary>
public sealed class RunQueue : IAsyncDisposable
{
    private readonly SqliteConnection _db;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private readonly TimeProvider _time;

    private RunQueue(SqliteConnection db, TimeProvider time)
    {
        _db = db;
        _time = time;
    }

    /// <summary>Opens the queue of the project whose state directory is <paramref name="stateDir"/>.</summary>
    public static async Task<RunQueue> OpenAsync(string stateDir, CancellationToken ct, TimeProvider? time = null)
    {
        var db = await SqliteDatabase.OpenAsync(Path.Combine(stateDir, "pearls.db"), "runs", RunMigrations.All, ct);
        return new RunQueue(db, time ?? TimeProvider.System);
    }

    /// <summary>Queues a run of <paramref name="pearlId"/>; refused when the pearl already has a queued or running run.</summary>
    public async Task<RunRecord> EnqueueAsync(string pearlId, CancellationToken ct)
    {
        var id = Smooth.Sandbox.Runs.SandboxRunner.NewRunId();
        try
        {
            await LockedAsync(() => _db.ExecuteAsync(new CommandDefinition(
                "INSERT INTO runs (id, pearl_id, state, created_at) VALUES (@id, @pearlId, 'Queued', @now)",
                new { id, pearlId, now = Now() }, cancellationToken: ct)), ct);
        }
        catch (SqliteException e) when (e.SqliteErrorCode == 19)
        {
            throw new SmoothException($"pearl {pearlId} already has a run queued or in progress",
                "watch it with 'th operators', or cancel it first with 'th cancel'", ExitCodes.Conflict, e);
        }
        return (await GetAsync(id, ct))!;
    }

    /// <summary>
    /// Atomically claims up to <paramref name="max"/> of the oldest queued runs for <paramref name="owner"/>, never
    /// letting more than <paramref name="cap"/> runs be running at once across every daemon.
    /// </summary>
    public async Task<IReadOnlyList<RunRecord>> ClaimAsync(string owner, int max, int cap, TimeSpan lease, CancellationToken ct)
    {
        return await LockedAsync(async () =>
        {
            await using var tx = (SqliteTransaction)await _db.BeginTransactionAsync(ct);
            var running = await _db.ExecuteScalarAsync<int>(new CommandDefinition("SELECT count(*) FROM runs WHERE state = 'Running'", transaction: tx, cancellationToken: ct));
            var take = Math.Min(max, cap - running);
            if (take <= 0)
            {
                await tx.CommitAsync(ct);
                return (IReadOnlyList<RunRecord>)[];
            }
            var rows = await _db.QueryAsync<Row>(new CommandDefinition(
                "UPDATE runs SET state = 'Running', owner = @owner, lease_until = @until " +
                "WHERE id IN (SELECT id FROM runs WHERE state = 'Queued' ORDER BY created_at, id LIMIT @take) RETURNING *",
                new { owner, until = Format(_time.GetUtcNow() + lease), take }, tx, cancellationToken: ct));
            await tx.CommitAsync(ct);
            return rows.Select(ToRecord).OrderBy(r => r.CreatedAt).ToList();
        }, ct);
    }

    /// <summary>Extends the lease; false when <paramref name="owner"/> no longer holds the run (it must stop working it).</summary>
    public async Task<bool> RenewAsync(string runId, string owner, TimeSpan lease, CancellationToken ct) =>
        await LockedAsync(() => _db.ExecuteAsync(new CommandDefinition(
            "UPDATE runs SET lease_until = @until WHERE id = @runId AND owner = @owner AND state = 'Running'",
            new { runId, owner, until = Format(_time.GetUtcNow() + lease) }, cancellationToken: ct)), ct) == 1;

    /// <summary>Records the operator's latest checkpoint so a retry resumes from it.</summary>
    public async Task<bool> SaveCheckpointAsync(string runId, string owner, string checkpoint, CancellationToken ct) =>
        await LockedAsync(() => _db.ExecuteAsync(new CommandDefinition(
            "UPDATE runs SET checkpoint = @checkpoint WHERE id = @runId AND owner = @owner AND state = 'Running'",
            new { runId, owner, checkpoint }, cancellationToken: ct)), ct) == 1;

    /// <summary>Records the operator's progress (turn, spend, current activity) for <c>th operators</c>.</summary>
    public async Task<bool> ReportProgressAsync(string runId, string owner, int turn, decimal costUsd, string activity, CancellationToken ct) =>
        await LockedAsync(() => _db.ExecuteAsync(new CommandDefinition(
            "UPDATE runs SET turn = @turn, cost_usd = @cost, activity = @activity WHERE id = @runId AND owner = @owner AND state = 'Running'",
            new { runId, owner, turn, cost = (double)costUsd, activity }, cancellationToken: ct)), ct) == 1;

    /// <summary>
    /// Ends a running run held by <paramref name="owner"/>. Returns false (and changes nothing) when the run is not
    /// running under that owner: another daemon took it over, or it was already finished.
    /// </summary>
    public async Task<bool> CompleteAsync(string runId, string owner, RunState state, string result, CancellationToken ct)
    {
        if (state is RunState.Queued or RunState.Running)
        {
            throw new ArgumentException("a run completes into review, finished, failed or cancelled", nameof(state));
        }
        return await LockedAsync(() => _db.ExecuteAsync(new CommandDefinition(
            "UPDATE runs SET state = @state, result = @result, ended_at = @now, owner = NULL, lease_until = NULL " +
            "WHERE id = @runId AND owner = @owner AND state = 'Running'",
            new { runId, owner, state = state.ToString(), result, now = Now() }, cancellationToken: ct)), ct) == 1;
    }

    /// <summary>Moves a run waiting in review to its final state (after a person accepted or rejected its diff).</summary>
    public async Task<bool> ResolveReviewAsync(string runId, RunState state, string result, CancellationToken ct) =>
        await LockedAsync(() => _db.ExecuteAsync(new CommandDefinition(
            "UPDATE runs SET state = @state, result = @result, ended_at = @now WHERE id = @runId AND state = 'Review'",
            new { runId, state = state.ToString(), result, now = Now() }, cancellationToken: ct)), ct) == 1;

    /// <summary>Cancels a queued run at once; a running one is marked for its owner to stop (it completes as cancelled).</summary>
    public async Task<bool> CancelQueuedAsync(string runId, CancellationToken ct) =>
        await LockedAsync(() => _db.ExecuteAsync(new CommandDefinition(
            "UPDATE runs SET state = 'Cancelled', result = 'cancelled before it started', ended_at = @now WHERE id = @runId AND state = 'Queued'",
            new { runId, now = Now() }, cancellationToken: ct)), ct) == 1;

    /// <summary>
    /// Puts running runs whose owner is gone back in the queue (attempt + 1, checkpoint kept). An owner is gone when
    /// its lease lapsed, or when <paramref name="isOwnerAlive"/> says so (a daemon restarted after kill -9 knows at once).
    /// Returns the runs requeued.
    /// </summary>
    public async Task<IReadOnlyList<RunRecord>> RecoverAsync(Func<string, bool> isOwnerAlive, CancellationToken ct)
    {
        return await LockedAsync(async () =>
        {
            await using var tx = (SqliteTransaction)await _db.BeginTransactionAsync(ct);
            var running = (await _db.QueryAsync<Row>(new CommandDefinition("SELECT * FROM runs WHERE state = 'Running'", transaction: tx, cancellationToken: ct)))
                .Select(ToRecord).ToList();
            var now = _time.GetUtcNow();
            var orphans = running.Where(r => r.LeaseUntil is null || r.LeaseUntil < now || r.Owner is null || !isOwnerAlive(r.Owner)).ToList();
            foreach (var run in orphans)
            {
                await _db.ExecuteAsync(new CommandDefinition(
                    "UPDATE runs SET state = 'Queued', owner = NULL, lease_until = NULL, attempt = attempt + 1 WHERE id = @id AND state = 'Running'",
                    new { id = run.Id }, tx, cancellationToken: ct));
            }
            await tx.CommitAsync(ct);
            return (IReadOnlyList<RunRecord>)orphans.Select(r => r with { State = RunState.Queued, Owner = null, LeaseUntil = null, Attempt = r.Attempt + 1 }).ToList();
        }, ct);
    }

    /// <summary>One run by id, or null.</summary>
    public async Task<RunRecord?> GetAsync(string runId, CancellationToken ct)
    {
        var row = await LockedAsync(() => _db.QuerySingleOrDefaultAsync<Row>(new CommandDefinition(
            "SELECT * FROM runs WHERE id = @runId", new { runId }, cancellationToken: ct)), ct);
        return row is null ? null : ToRecord(row);
    }

    /// <summary>Runs, newest first, optionally only those in <paramref name="states"/> and of <paramref name="pearlId"/>.</summary>
    public async Task<IReadOnlyList<RunRecord>> ListAsync(IReadOnlyCollection<RunState>? states, int limit, CancellationToken ct, string? pearlId = null)
    {
        var names = states?.Select(s => s.ToString()).ToArray();
        var where = new List<string>();
        if (names is not null) where.Add("state IN @names");
        if (pearlId is not null) where.Add("pearl_id = @pearlId");
        var sql = "SELECT * FROM runs" + (where.Count > 0 ? " WHERE " + string.Join(" AND ", where) : "") + " ORDER BY created_at DESC, id DESC LIMIT @limit";
        var rows = await LockedAsync(() => _db.QueryAsync<Row>(new CommandDefinition(sql, new { names, limit, pearlId }, cancellationToken: ct)), ct);
        return rows.Select(ToRecord).ToList();
    }

    private Task<T> LockedAsync<T>(Func<Task<T>> action, CancellationToken ct) => _gate.RunExclusiveAsync(action, ct);

    private string Now() => Format(_time.GetUtcNow());

    private static string Format(DateTimeOffset t) => t.UtcDateTime.ToString("yyyy-MM-ddTHH:mm:ss.fffffffZ", CultureInfo.InvariantCulture);

    private static DateTimeOffset? Parse(string? s) => s is null ? null : DateTimeOffset.Parse(s, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal);

    private static RunRecord ToRecord(Row r) => new(r.id, r.pearl_id, Enum.Parse<RunState>(r.state), (int)r.attempt, r.owner,
        Parse(r.lease_until), r.checkpoint, r.result, Parse(r.created_at)!.Value, Parse(r.ended_at),
        (int)r.turn, (decimal)r.cost_usd, r.activity);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        _gate.Dispose();
    }

#pragma warning disable IDE1006 // column names
    private sealed record Row(string id, string pearl_id, string state, long attempt, string? owner, string? lease_until,
        string? checkpoint, string? result, string created_at, string? ended_at, long turn, double cost_usd, string? activity);
#pragma warning restore IDE1006
}
