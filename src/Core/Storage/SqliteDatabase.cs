using Microsoft.Data.Sqlite;

namespace Smooth.Core.Storage;

/// <summary>
/// Opens the project's SQLite database with the settings every component relies on:
/// WAL journal (readers never block the writer), a busy timeout (several <c>th</c> processes may write at once),
/// foreign keys on, and each component's migrations applied.
/// </summary>
public static class SqliteDatabase
{
    /// <summary>How long a writer waits for another process's lock before failing.</summary>
    public static readonly TimeSpan BusyTimeout = TimeSpan.FromSeconds(30);

    private const int SqliteNotADb = 26;
    private const int SqliteCorrupt = 11;

    /// <summary>Opens (creating if needed) the database at <paramref name="path"/> and applies <paramref name="migrations"/> for <paramref name="component"/>.</summary>
    public static async Task<SqliteConnection> OpenAsync(string path, string component, IReadOnlyList<Migration> migrations, CancellationToken ct)
    {
        var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = path,
            Mode = SqliteOpenMode.ReadWriteCreate,
            Pooling = false,
            DefaultTimeout = (int)BusyTimeout.TotalSeconds,
        }.ToString());
        try
        {
            await connection.OpenAsync(ct);
            // A plain command, not Dapper: every th process opens a database first (see SqliteCommandFactory).
            await using (var pragmas = connection.Command(null,
                $"PRAGMA busy_timeout = {(int)BusyTimeout.TotalMilliseconds}; PRAGMA journal_mode = WAL; PRAGMA synchronous = NORMAL; PRAGMA foreign_keys = ON;"))
            {
                await pragmas.ExecuteNonQueryAsync(ct);
            }
            await Migrator.ApplyAsync(connection, component, migrations, ct);
            return connection;
        }
        catch (SqliteException e) when (e.SqliteErrorCode is SqliteNotADb or SqliteCorrupt)
        {
            await connection.DisposeAsync();
            throw new SmoothException(
                $"the database '{path}' is corrupt or is not a SQLite database ({e.Message.TrimEnd('.')})",
                "restore it from a backup, or move it aside and re-import pearls with 'th pearls import'",
                ExitCodes.Environment, e);
        }
        catch
        {
            await connection.DisposeAsync();
            throw;
        }
    }
}
