using System.Text;
using Dapper;
using Smooth.Core;
using Smooth.Pearls.Model;

namespace Smooth.Pearls.Storage;

// Reads: single pearls, the ready set, closure, children, search, history.
public sealed partial class SqlitePearlStore
{
    /// <inheritdoc />
    public Task<Pearl> GetAsync(string id, CancellationToken ct) => RequireAsync(id, null, ct);

    /// <inheritdoc />
    public async Task<PearlDetails> ShowAsync(string id, int closureDepth, CancellationToken ct)
    {
        CheckDepth(closureDepth, allowZero: true);
        // One read transaction: a consistent snapshot even while other processes write.
        await using var tx = _db.BeginTransaction(deferred: true);
        var pearl = await RequireAsync(id, tx, ct);
        var deps = await _db.QueryAsync<DependencyRow>(new CommandDefinition(
            "SELECT pearl_id AS PearlId, depends_on AS DependsOn, kind AS Kind, created_at AS CreatedAt FROM pearl_deps WHERE pearl_id = @id ORDER BY depends_on",
            new { id = pearl.Id }, tx, cancellationToken: ct));
        var dependents = await _db.QueryAsync<DependencyRow>(new CommandDefinition(
            "SELECT pearl_id AS PearlId, depends_on AS DependsOn, kind AS Kind, created_at AS CreatedAt FROM pearl_deps WHERE depends_on = @id ORDER BY pearl_id",
            new { id = pearl.Id }, tx, cancellationToken: ct));
        var children = await _db.QueryAsync<string>(new CommandDefinition(
            "SELECT id FROM pearls WHERE parent_id = @id ORDER BY id", new { id = pearl.Id }, tx, cancellationToken: ct));
        var comments = await _db.QueryAsync<CommentRow>(new CommandDefinition(
            "SELECT id AS Id, pearl_id AS PearlId, author AS Author, body AS Body, created_at AS CreatedAt FROM pearl_comments WHERE pearl_id = @id ORDER BY created_at, id",
            new { id = pearl.Id }, tx, cancellationToken: ct));
        var closure = closureDepth == 0 ? [] : await ClosureCoreAsync(pearl.Id, closureDepth, tx, ct);
        return new PearlDetails(
            pearl,
            deps.Select(d => d.ToDependency()).ToList(),
            dependents.Select(d => d.ToDependency()).ToList(),
            children.ToList(),
            comments.Select(c => c.ToComment()).ToList(),
            closure);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<PearlChange>> HistoryAsync(string id, CancellationToken ct)
    {
        await using var tx = _db.BeginTransaction(deferred: true);
        var pearl = await RequireAsync(id, tx, ct);
        var rows = await _db.QueryAsync<HistoryRow>(new CommandDefinition(
            "SELECT pearl_id AS PearlId, field AS Field, old_value AS OldValue, new_value AS NewValue, actor AS Actor, at AS At " +
            "FROM pearl_history WHERE pearl_id = @id ORDER BY at, seq",
            new { id = pearl.Id }, tx, cancellationToken: ct));
        return rows.Select(r => r.ToChange()).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Pearl>> ReadyAsync(int? limit, CancellationToken ct)
    {
        CheckLimit(limit);
        // One ordered range of pearls_ready: open_blockers is kept by triggers on pearl_deps and pearls.status.
        var rows = await _db.QueryAsync<PearlRow>(new CommandDefinition(
            $"SELECT {PearlColumns} FROM pearls p INDEXED BY pearls_ready WHERE p.status = 'open' AND p.open_blockers = 0 {PearlOrder} LIMIT @limit",
            new { limit = limit ?? -1 }, cancellationToken: ct));
        return rows.Select(r => r.ToPearl()).ToList();
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<ClosureEntry>> ClosureAsync(string id, int depth, CancellationToken ct)
    {
        CheckDepth(depth, allowZero: false);
        await using var tx = _db.BeginTransaction(deferred: true);
        var pearl = await RequireAsync(id, tx, ct);
        return await ClosureCoreAsync(pearl.Id, depth, tx, ct);
    }

    private async Task<IReadOnlyList<ClosureEntry>> ClosureCoreAsync(string id, int depth, Microsoft.Data.Sqlite.SqliteTransaction tx, CancellationToken ct)
    {
        // UNION (not UNION ALL) stops revisiting (id, depth, kind) triples; the depth bound ends the walk even on cycles of 'related' edges.
        var reached = (await _db.QueryAsync<ClosureRow>(new CommandDefinition(
            "WITH RECURSIVE walk(id, depth, kind) AS (" +
            "  SELECT d.depends_on, 1, d.kind FROM pearl_deps d WHERE d.pearl_id = @id " +
            "  UNION SELECT d.depends_on, w.depth + 1, d.kind FROM pearl_deps d JOIN walk w ON d.pearl_id = w.id WHERE w.depth < @depth) " +
            "SELECT id AS Id, min(depth) AS Depth, kind AS Via FROM walk WHERE id <> @id GROUP BY id ORDER BY Depth, id",
            new { id, depth }, tx, cancellationToken: ct))).ToList();
        var result = new List<ClosureEntry>(reached.Count);
        foreach (var r in reached)
        {
            var pearl = await FindAsync(r.Id, tx, ct);
            if (pearl is not null)
            {
                result.Add(new ClosureEntry((int)r.Depth, PearlNames.ParseKind(r.Via), pearl));
            }
        }
        return result;
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Pearl>> ChildrenAsync(string id, CancellationToken ct)
    {
        var parent = await RequireAsync(id, null, ct);
        return await SearchAsync(new PearlFilter { Parent = parent.Id }, ct);
    }

    /// <inheritdoc />
    public async Task<IReadOnlyList<Pearl>> SearchAsync(PearlFilter filter, CancellationToken ct)
    {
        CheckLimit(filter.Limit);
        var sql = new StringBuilder($"SELECT {PearlColumns} FROM pearls p WHERE 1 = 1");
        var args = new DynamicParameters();
        if (filter.Statuses.Count > 0)
        {
            sql.Append(" AND p.status IN @statuses");
            args.Add("statuses", filter.Statuses.Distinct().Select(PearlNames.Name).ToArray());
        }
        var labels = PearlValidation.Labels(filter.Labels);
        for (var i = 0; i < labels.Length; i++)
        {
            sql.Append($" AND EXISTS (SELECT 1 FROM pearl_labels l WHERE l.pearl_id = p.id AND l.label = @label{i})");
            args.Add($"label{i}", labels[i]);
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            // instr on lower() is a plain substring test: no LIKE wildcards to escape in user text.
            sql.Append(" AND (instr(lower(p.title), @text) > 0 OR instr(lower(p.description), @text) > 0)");
            args.Add("text", filter.Text.Trim().ToLowerInvariant());
        }
        if (filter.Type is { } type)
        {
            sql.Append(" AND p.type = @type");
            args.Add("type", PearlNames.Name(type));
        }
        if (filter.Assignee is not null)
        {
            sql.Append(" AND p.assignee = @assignee");
            args.Add("assignee", filter.Assignee.Trim());
        }
        if (filter.Parent is not null)
        {
            sql.Append(" AND p.parent_id = @parent");
            args.Add("parent", PearlIds.RequirePearlId(filter.Parent));
        }
        sql.Append(' ').Append(PearlOrder).Append(" LIMIT @limit");
        args.Add("limit", filter.Limit ?? -1);
        var rows = await _db.QueryAsync<PearlRow>(new CommandDefinition(sql.ToString(), args, cancellationToken: ct));
        return rows.Select(r => r.ToPearl()).ToList();
    }

    private static void CheckLimit(int? limit)
    {
        if (limit is < 1)
        {
            throw new SmoothException($"limit {limit} is not positive", "give a limit of 1 or more, or leave it out for all", ExitCodes.BadInput);
        }
    }

    private static void CheckDepth(int depth, bool allowZero)
    {
        if (depth < (allowZero ? 0 : 1) || depth > 100)
        {
            throw new SmoothException($"depth {depth} is out of range", $"use a depth from {(allowZero ? 0 : 1)} to 100", ExitCodes.BadInput);
        }
    }
}
