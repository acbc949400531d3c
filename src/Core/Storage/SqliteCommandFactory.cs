using Microsoft.Data.Sqlite;

namespace Smooth.Core.Storage;

/// <summary>
/// Plain parameterised commands for the paths every short-lived th process takes (opening a database, appending to
/// the audit log, recording a sandbox). Dapper compiles code per parameter shape at run time; these cost nothing extra.
/// </summary>
public static class SqliteCommandFactory
{
    /// <summary>A command on <paramref name="connection"/> in <paramref name="tx"/> with named parameters (null becomes SQL NULL).</summary>
    public static SqliteCommand Command(this SqliteConnection connection, SqliteTransaction? tx, string sql, params (string Name, object? Value)[] parameters)
    {
        var command = connection.CreateCommand();
        command.Transaction = tx;
        command.CommandText = sql;
        foreach (var (name, value) in parameters) command.Parameters.AddWithValue(name, value ?? DBNull.Value);
        return command;
    }
}
