using Dapper;
using Smooth.Core;
using Smooth.Pearls.Model;

namespace Smooth.Pearls.Storage;

// Memories: learned context that persists between runs.
public sealed partial class SqlitePearlStore
{
    /// <inheritdoc />
    public Task<Memory> RememberAsync(string content, string source, CancellationToken ct)
    {
        var text = PearlValidation.NonBlank(content, "memory content");
        var from = PearlValidation.Name(source, "source") ?? throw PearlValidation.Bad("the source is empty", "say where the memory comes from");
        return WriteAsync(async tx =>
        {
            string id;
            do
            {
                id = PearlIds.NewMemoryId();
            }
            while (await _db.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM memories WHERE id = @id", new { id }, tx, cancellationToken: ct)) > 0);
            var at = Timestamps.Write(Now());
            await _db.ExecuteAsync(new CommandDefinition(
                "INSERT INTO memories (id, content, source, created_at) VALUES (@id, @text, @from, @at)", new { id, text, from, at }, tx, cancellationToken: ct));
            return new Memory(id, text, from, Timestamps.Read(at));
        }, ct);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Memory>> RecallRecentAsync(int limit, string? source, CancellationToken ct)
    {
        if (limit < 1)
        {
            throw new SmoothException($"limit {limit} is not positive", "give a limit of 1 or more", ExitCodes.BadInput);
        }
        var rows = await _db.QueryAsync<MemoryRow>(new CommandDefinition(
            "SELECT id AS Id, content AS Content, source AS Source, created_at AS CreatedAt FROM memories " +
            (source is null ? "" : "WHERE source = @source ") +
            "ORDER BY created_at DESC, id DESC LIMIT @limit",
            new { source = source?.Trim(), limit }, cancellationToken: ct));
        return rows.Select(r => r.ToMemory()).ToList();
    }
}
