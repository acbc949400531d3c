using Dapper;
using Microsoft.Data.Sqlite;
using Smooth.Core;
using Smooth.Core.Storage;
using Smooth.Pearls.Model;

namespace Smooth.Pearls.Storage;

/// <summary>
/// The pearl store on SQLite (<c>.smooth/pearls.db</c>). Each write runs in one <c>BEGIN IMMEDIATE</c> transaction,
/// so concurrent <c>th</c> processes serialise on the write lock (WAL keeps readers going) and nothing is lost.
/// Split over several files by concern: this one opens and holds the connection and shared helpers.
/// </summary>
public sealed partial class SqlitePearlStore : IPearlStore
{
    /// <summary>The database file name inside <c>.smooth/</c>.</summary>
    public const string DatabaseFileName = "pearls.db";

    private const string PearlColumns =
        "p.id AS Id, p.title AS Title, p.description AS Description, p.status AS Status, p.priority AS Priority, p.type AS Type, " +
        "(SELECT group_concat(l.label, char(31)) FROM pearl_labels l WHERE l.pearl_id = p.id) AS Labels, " +
        "p.assignee AS Assignee, p.parent_id AS Parent, p.outputs AS Outputs, p.created_at AS CreatedAt, p.updated_at AS UpdatedAt, p.closed_at AS ClosedAt";

    private const string PearlOrder = "ORDER BY p.priority, p.created_at, p.id";

    private readonly SqliteConnection _db;
    private readonly string _actor;
    private readonly TimeProvider _clock;

    private SqlitePearlStore(SqliteConnection db, string actor, TimeProvider clock)
    {
        _db = db;
        _actor = actor;
        _clock = clock;
    }

    /// <summary>The path of the database file this store has open.</summary>
    public string DatabasePath => _db.DataSource;

    /// <summary>Opens (creating and migrating when needed) the store at <paramref name="databasePath"/>.</summary>
    /// <param name="databasePath">The SQLite file.</param>
    /// <param name="actor">Who the changes are recorded as; defaults to <see cref="Actor.Current"/>.</param>
    /// <param name="clock">Time source; defaults to the system clock.</param>
    /// <param name="ct">Cancellation.</param>
    public static async Task<SqlitePearlStore> OpenAsync(string databasePath, string? actor = null, TimeProvider? clock = null, CancellationToken ct = default)
    {
        var db = await SqliteDatabase.OpenAsync(databasePath, PearlMigrations.Component, PearlMigrations.All, ct);
        return new SqlitePearlStore(db, actor ?? Actor.Current, clock ?? TimeProvider.System);
    }

    /// <summary>Opens the store of the project containing <paramref name="startDirectory"/> (walking up to its <c>.smooth/</c>).</summary>
    public static Task<SqlitePearlStore> OpenForProjectAsync(string startDirectory, CancellationToken ct)
    {
        var root = ProjectLocator.RequireProjectRoot(startDirectory);
        return OpenAsync(DatabasePathFor(root), ct: ct);
    }

    /// <summary>Where the database of the project at <paramref name="projectRoot"/> lives.</summary>
    public static string DatabasePathFor(string projectRoot) => Path.Combine(ProjectLocator.StateDir(projectRoot), DatabaseFileName);

    /// <inheritdoc />
    public ValueTask DisposeAsync() => _db.DisposeAsync();

    private DateTimeOffset Now() => _clock.GetUtcNow();

    /// <summary>Runs <paramref name="work"/> in an immediate (write-locking) transaction and commits it.</summary>
    private async Task<T> WriteAsync<T>(Func<SqliteTransaction, Task<T>> work, CancellationToken ct)
    {
        // deferred: false => BEGIN IMMEDIATE: take the write lock now, waiting up to the busy timeout for other writers.
        await using var tx = _db.BeginTransaction(deferred: false);
        var result = await work(tx);
        await tx.CommitAsync(ct);
        return result;
    }

    private async Task<Pearl?> FindAsync(string id, SqliteTransaction? tx, CancellationToken ct)
    {
        var row = await _db.QuerySingleOrDefaultAsync<PearlRow>(new CommandDefinition(
            $"SELECT {PearlColumns} FROM pearls p WHERE p.id = @id", new { id }, tx, cancellationToken: ct));
        return row?.ToPearl();
    }

    private async Task<Pearl> RequireAsync(string id, SqliteTransaction? tx, CancellationToken ct)
    {
        var normalized = PearlIds.RequirePearlId(id);
        return await FindAsync(normalized, tx, ct) ?? throw NotFound(normalized);
    }

    private static SmoothException NotFound(string id) =>
        new($"no pearl with id '{id}' in this project", "'th pearls list --all' shows the pearls there are", ExitCodes.NotFound);

    private Task AddHistoryAsync(SqliteTransaction tx, string pearlId, string field, string? oldValue, string? newValue, DateTimeOffset at, CancellationToken ct) =>
        _db.ExecuteAsync(new CommandDefinition(
            "INSERT INTO pearl_history (pearl_id, field, old_value, new_value, actor, at) VALUES (@pearlId, @field, @oldValue, @newValue, @actor, @at)",
            new { pearlId, field, oldValue, newValue, actor = _actor, at = Timestamps.Write(at) }, tx, cancellationToken: ct));

    private Task TouchAsync(SqliteTransaction tx, string pearlId, DateTimeOffset at, CancellationToken ct) =>
        _db.ExecuteAsync(new CommandDefinition(
            "UPDATE pearls SET updated_at = @at WHERE id = @pearlId", new { pearlId, at = Timestamps.Write(at) }, tx, cancellationToken: ct));
}
