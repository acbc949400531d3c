using Microsoft.Data.Sqlite;

namespace Smooth.Pearls.Storage;

/// <summary>
/// One prepared statement run many times with new values (bulk import): preparing once instead of per row is
/// most of the cost saved.
/// </summary>
internal sealed class ReusableCommand : IDisposable
{
    private readonly SqliteCommand _command;

    public ReusableCommand(SqliteConnection db, SqliteTransaction tx, string sql, params string[] parameters)
    {
        _command = db.CreateCommand();
        _command.Transaction = tx;
        _command.CommandText = sql;
        foreach (var name in parameters)
        {
            _command.Parameters.Add(new SqliteParameter("@" + name, DBNull.Value));
        }
        _command.Prepare();
    }

    /// <summary>Runs the statement with <paramref name="values"/> in parameter order (null is SQL NULL).</summary>
    public Task<int> RunAsync(CancellationToken ct, params object?[] values)
    {
        for (var i = 0; i < values.Length; i++)
        {
            _command.Parameters[i].Value = values[i] ?? DBNull.Value;
        }
        return _command.ExecuteNonQueryAsync(ct);
    }

    public void Dispose() => _command.Dispose();
}
