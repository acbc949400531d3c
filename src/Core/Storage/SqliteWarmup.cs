using Microsoft.Data.Sqlite;
using Smooth.Core.Threading;

namespace Smooth.Core.Storage;

/// <summary>
/// Readies SQLite on a background thread while a command parses its arguments. The first connection of a process
/// loads the native library and compiles the interop stubs of every call it makes (they cannot be compiled ahead),
/// some 25-35 ms that otherwise sit in front of opening the audit log.
/// </summary>
public static class SqliteWarmup
{
    /// <summary>Starts the warm-up; its failures are ignored (the real open reports them).</summary>
    public static void Start() => HeadStart.Run("sqlite warm-up", () =>
    {
        try
        {
            using var connection = new SqliteConnection("Data Source=:memory:");
            connection.Open();
            using var command = connection.CreateCommand();
            command.CommandText = "CREATE TABLE t (a TEXT, b INTEGER); INSERT INTO t VALUES ('x', 1); SELECT a, b FROM t";
            using var reader = command.ExecuteReader();
            while (reader.Read())
            {
                _ = reader.GetString(0);
                _ = reader.GetInt64(1);
            }
        }
        catch (Exception)
        {
            // Only a head start: the command's own open meets and reports whatever went wrong here.
        }
    });
}
