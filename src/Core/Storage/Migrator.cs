using Microsoft.Data.Sqlite;

namespace Smooth.Core.Storage;

/// <summary>
/// Applies versioned migrations per component and refuses to touch a database written by a newer schema.
/// Several components share one database file; each keeps its own version row in <c>schema_versions</c>.
/// </summary>
public static class Migrator
{
    /// <summary>Brings <paramref name="component"/>'s schema up to the last of <paramref name="migrations"/>.</summary>
    public static async Task ApplyAsync(SqliteConnection connection, string component, IReadOnlyList<Migration> migrations, CancellationToken ct)
    {
        Validate(component, migrations);
        var known = migrations.Count == 0 ? 0 : migrations[^1].Version;

        await using (var create = connection.Command(null,
            "CREATE TABLE IF NOT EXISTS schema_versions (component TEXT PRIMARY KEY, version INTEGER NOT NULL, description TEXT NOT NULL, applied_at TEXT NOT NULL)"))
        {
            await create.ExecuteNonQueryAsync(ct);
        }

        var current = await CurrentVersionAsync(connection, component, ct);
        if (current > known)
        {
            throw NewerSchema(connection.DataSource, component, current, known);
        }
        if (current == known)
        {
            return;
        }

        // BEGIN IMMEDIATE takes the write lock up front, so two processes migrating at once serialise instead of deadlocking.
        await using var tx = (SqliteTransaction)await connection.BeginTransactionAsync(System.Data.IsolationLevel.Serializable, ct);
        current = await CurrentVersionAsync(connection, component, ct, tx);
        if (current > known)
        {
            throw NewerSchema(connection.DataSource, component, current, known);
        }
        foreach (var migration in migrations.Where(m => m.Version > current))
        {
            await using (var apply = connection.Command(tx, migration.Sql))
            {
                await apply.ExecuteNonQueryAsync(ct);
            }
            await using var record = connection.Command(tx,
                "INSERT INTO schema_versions (component, version, description, applied_at) VALUES (@component, @version, @description, @at) " +
                "ON CONFLICT(component) DO UPDATE SET version = excluded.version, description = excluded.description, applied_at = excluded.applied_at",
                ("@component", component), ("@version", migration.Version), ("@description", migration.Description), ("@at", DateTimeOffset.UtcNow.ToString("O")));
            await record.ExecuteNonQueryAsync(ct);
        }
        await tx.CommitAsync(ct);
    }

    /// <summary>The schema version recorded for <paramref name="component"/>, 0 when none.</summary>
    public static async Task<int> CurrentVersionAsync(SqliteConnection connection, string component, CancellationToken ct, SqliteTransaction? tx = null)
    {
        await using var command = connection.Command(tx, "SELECT version FROM schema_versions WHERE component = @component", ("@component", component));
        return await command.ExecuteScalarAsync(ct) is long version ? (int)version : 0;
    }

    private static void Validate(string component, IReadOnlyList<Migration> migrations)
    {
        for (var i = 0; i < migrations.Count; i++)
        {
            if (migrations[i].Version != i + 1)
            {
                throw new InvalidOperationException($"migrations of '{component}' must be numbered 1..N without gaps; found {migrations[i].Version} at position {i + 1}");
            }
        }
    }

    private static SmoothException NewerSchema(string? path, string component, int found, int known) => new(
        $"the database '{path}' was written by a newer version of th ({component} schema {found}; this th knows up to {known})",
        "upgrade th (./install.sh from a newer checkout) before using this project",
        ExitCodes.Environment);
}
