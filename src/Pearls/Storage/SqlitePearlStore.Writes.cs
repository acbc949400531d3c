using System.Text.Json;
using Dapper;
using Microsoft.Data.Sqlite;
using Smooth.Core;
using Smooth.Pearls.Model;

namespace Smooth.Pearls.Storage;

// Writes to single pearls: create, update, close, reopen, dependencies, comments.
public sealed partial class SqlitePearlStore
{
    /// <inheritdoc />
    public async Task<Pearl> CreateAsync(NewPearl input, CancellationToken ct)
    {
        var title = PearlValidation.Title(input.Title);
        var description = PearlValidation.Text(input.Description, "description");
        var priority = PearlValidation.Priority(input.Priority);
        var labels = PearlValidation.Labels(input.Labels);
        var assignee = PearlValidation.Name(input.Assignee, "assignee");
        var parent = input.Parent is null ? null : PearlIds.RequirePearlId(input.Parent);
        var status = PearlNames.Name(CheckDefined(input.Status));
        var type = PearlNames.Name(CheckDefined(input.Type));
        var outputs = input.Outputs is { } o ? JsonText(o) : null;

        return await WriteAsync(async tx =>
        {
            if (parent is not null)
            {
                await RequireAsync(parent, tx, ct);
            }
            string id;
            do
            {
                id = PearlIds.NewPearlId();
            }
            while (await ExistsAsync(id, tx, ct));

            var now = Now();
            var at = Timestamps.Write(now);
            await _db.ExecuteAsync(new CommandDefinition(
                "INSERT INTO pearls (id, title, description, status, priority, type, assignee, parent_id, outputs, created_at, updated_at, closed_at) " +
                "VALUES (@id, @title, @description, @status, @priority, @type, @assignee, @parent, @outputs, @at, @at, @closedAt)",
                new { id, title, description, status, priority, type, assignee, parent, outputs, at, closedAt = input.Status == PearlStatus.Closed ? at : null },
                tx, cancellationToken: ct));
            await InsertLabelsAsync(tx, id, labels, ct);
            await AddHistoryAsync(tx, id, "created", null, title, now, ct);
            return (await FindAsync(id, tx, ct))!;
        }, ct);
    }

    /// <inheritdoc />
    public async Task<Pearl> UpdateAsync(string id, PearlUpdate update, CancellationToken ct)
    {
        var title = update.Title is null ? null : PearlValidation.Title(update.Title);
        var description = update.Description is null ? null : PearlValidation.Text(update.Description, "description");
        var priority = update.Priority is { } p ? PearlValidation.Priority(p) : (int?)null;
        var addLabels = PearlValidation.Labels(update.AddLabels);
        var removeLabels = PearlValidation.Labels(update.RemoveLabels);
        var assignee = PearlValidation.Name(update.Assignee, "assignee");
        var parent = update.Parent is null ? null : PearlIds.RequirePearlId(update.Parent);
        if (update.Status is { } s) CheckDefined(s);
        if (update.Type is { } t) CheckDefined(t);
        if (assignee is not null && update.ClearAssignee || parent is not null && update.ClearParent || update.Outputs is not null && update.ClearOutputs)
        {
            throw PearlValidation.Bad("a field is both set and cleared", "give either the new value or the clear flag, not both");
        }

        return await WriteAsync(async tx =>
        {
            var old = await RequireAsync(id, tx, ct);
            if (parent is not null)
            {
                await CheckParentAsync(tx, old.Id, parent, ct);
            }

            var labels = old.Labels.Union(addLabels).Except(removeLabels).Order(StringComparer.Ordinal).ToArray();
            var status = update.Status ?? old.Status;
            var now = Now();
            var next = old with
            {
                Title = title ?? old.Title,
                Description = description ?? old.Description,
                Status = status,
                Priority = priority ?? old.Priority,
                Type = update.Type ?? old.Type,
                Labels = labels,
                Assignee = update.ClearAssignee ? null : assignee ?? old.Assignee,
                Parent = update.ClearParent ? null : parent ?? old.Parent,
                Outputs = update.ClearOutputs ? null : update.Outputs ?? old.Outputs,
                ClosedAt = status == PearlStatus.Closed ? old.ClosedAt ?? now : null,
            };
            return await SaveChangesAsync(tx, old, next, now, ct);
        }, ct);
    }

    /// <inheritdoc />
    public Task<Pearl> CloseAsync(string id, string? reason, CancellationToken ct)
    {
        var body = reason is null ? null : PearlValidation.NonBlank(reason, "reason");
        return WriteAsync(async tx =>
        {
            var old = await RequireAsync(id, tx, ct);
            var now = Now();
            var closed = await SaveChangesAsync(tx, old, old with { Status = PearlStatus.Closed, ClosedAt = old.ClosedAt ?? now }, now, ct);
            if (body is not null)
            {
                await InsertCommentAsync(tx, old.Id, body, now, ct);
                closed = (await FindAsync(old.Id, tx, ct))!;
            }
            return closed;
        }, ct);
    }

    /// <inheritdoc />
    public Task<Pearl> ReopenAsync(string id, CancellationToken ct) => WriteAsync(async tx =>
    {
        var old = await RequireAsync(id, tx, ct);
        return await SaveChangesAsync(tx, old, old with { Status = PearlStatus.Open, ClosedAt = null }, Now(), ct);
    }, ct);

    /// <inheritdoc />
    public Task<PearlDependency> AddDependencyAsync(string id, string dependsOn, DependencyKind kind, CancellationToken ct)
    {
        CheckDefined(kind);
        return WriteAsync(async tx =>
        {
            var from = await RequireAsync(id, tx, ct);
            var to = await RequireAsync(dependsOn, tx, ct);
            if (from.Id == to.Id)
            {
                throw PearlValidation.Bad($"{from.Id} cannot depend on itself", "name two different pearls");
            }
            var existing = await _db.QuerySingleOrDefaultAsync<DependencyRow>(new CommandDefinition(
                "SELECT pearl_id AS PearlId, depends_on AS DependsOn, kind AS Kind, created_at AS CreatedAt FROM pearl_deps WHERE pearl_id = @a AND depends_on = @b",
                new { a = from.Id, b = to.Id }, tx, cancellationToken: ct));
            if (existing is not null && existing.Kind == PearlNames.Name(kind))
            {
                return existing.ToDependency();
            }
            if (kind == DependencyKind.Blocks && await BlocksPathExistsAsync(tx, to.Id, from.Id, ct))
            {
                throw new SmoothException(
                    $"refused: {to.Id} already depends on {from.Id} through 'blocks' edges, so '{from.Id} blocked by {to.Id}' would make a cycle",
                    $"remove one of the edges on the path first ('th pearls show {to.Id} --depth 5' shows it), or add the edge with --kind related",
                    ExitCodes.BadInput);
            }

            var now = Now();
            await _db.ExecuteAsync(new CommandDefinition(
                "INSERT INTO pearl_deps (pearl_id, depends_on, kind, created_at) VALUES (@a, @b, @kind, @at) " +
                "ON CONFLICT(pearl_id, depends_on) DO UPDATE SET kind = excluded.kind",
                new { a = from.Id, b = to.Id, kind = PearlNames.Name(kind), at = Timestamps.Write(now) }, tx, cancellationToken: ct));
            await AddHistoryAsync(tx, from.Id, "dependency",
                existing is null ? null : $"{existing.Kind} {to.Id}", $"{PearlNames.Name(kind)} {to.Id}", now, ct);
            await TouchAsync(tx, from.Id, now, ct);
            return new PearlDependency(from.Id, to.Id, kind, existing is null ? Timestamps.Read(Timestamps.Write(now)) : Timestamps.Read(existing.CreatedAt));
        }, ct);
    }

    /// <inheritdoc />
    public Task RemoveDependencyAsync(string id, string dependsOn, CancellationToken ct) => WriteAsync(async tx =>
    {
        var from = await RequireAsync(id, tx, ct);
        var to = PearlIds.RequirePearlId(dependsOn);
        var kind = await _db.ExecuteScalarAsync<string?>(new CommandDefinition(
            "DELETE FROM pearl_deps WHERE pearl_id = @a AND depends_on = @b RETURNING kind", new { a = from.Id, b = to }, tx, cancellationToken: ct));
        if (kind is null)
        {
            throw new SmoothException($"{from.Id} does not depend on {to}", $"'th pearls show {from.Id}' lists its dependencies", ExitCodes.NotFound);
        }
        var now = Now();
        await AddHistoryAsync(tx, from.Id, "dependency", $"{kind} {to}", null, now, ct);
        await TouchAsync(tx, from.Id, now, ct);
        return true;
    }, ct);

    /// <inheritdoc />
    public Task<PearlComment> AddCommentAsync(string id, string body, CancellationToken ct)
    {
        var text = PearlValidation.NonBlank(body, "comment");
        return WriteAsync(async tx =>
        {
            var pearl = await RequireAsync(id, tx, ct);
            return await InsertCommentAsync(tx, pearl.Id, text, Now(), ct);
        }, ct);
    }

    private async Task<PearlComment> InsertCommentAsync(SqliteTransaction tx, string pearlId, string body, DateTimeOffset now, CancellationToken ct)
    {
        string commentId;
        do
        {
            commentId = PearlIds.NewCommentId();
        }
        while (await _db.ExecuteScalarAsync<long>(new CommandDefinition(
            "SELECT count(*) FROM pearl_comments WHERE id = @commentId", new { commentId }, tx, cancellationToken: ct)) > 0);
        await _db.ExecuteAsync(new CommandDefinition(
            "INSERT INTO pearl_comments (id, pearl_id, author, body, created_at) VALUES (@commentId, @pearlId, @author, @body, @at)",
            new { commentId, pearlId, author = _actor, body, at = Timestamps.Write(now) }, tx, cancellationToken: ct));
        await AddHistoryAsync(tx, pearlId, "comment", null, commentId, now, ct);
        await TouchAsync(tx, pearlId, now, ct);
        return new PearlComment(commentId, _actor, body, Timestamps.Read(Timestamps.Write(now)));
    }

    /// <summary>Writes the fields that differ between <paramref name="old"/> and <paramref name="next"/>, one history entry each.</summary>
    private async Task<Pearl> SaveChangesAsync(SqliteTransaction tx, Pearl old, Pearl next, DateTimeOffset now, CancellationToken ct)
    {
        var changes = FieldChanges(old, next).ToList();
        if (changes.Count == 0)
        {
            return old;
        }
        await _db.ExecuteAsync(new CommandDefinition(
            "UPDATE pearls SET title = @Title, description = @Description, status = @status, priority = @Priority, type = @type, " +
            "assignee = @Assignee, parent_id = @Parent, outputs = @outputs, updated_at = @at, closed_at = @closedAt WHERE id = @Id",
            new
            {
                next.Id, next.Title, next.Description, status = PearlNames.Name(next.Status), next.Priority, type = PearlNames.Name(next.Type),
                next.Assignee, next.Parent, outputs = next.Outputs is { } o ? JsonText(o) : null,
                at = Timestamps.Write(now), closedAt = Timestamps.Write(next.ClosedAt),
            }, tx, cancellationToken: ct));
        if (!old.Labels.SequenceEqual(next.Labels))
        {
            await _db.ExecuteAsync(new CommandDefinition("DELETE FROM pearl_labels WHERE pearl_id = @Id", new { next.Id }, tx, cancellationToken: ct));
            await InsertLabelsAsync(tx, next.Id, next.Labels, ct);
        }
        foreach (var (field, before, after) in changes)
        {
            await AddHistoryAsync(tx, next.Id, field, before, after, now, ct);
        }
        return (await FindAsync(next.Id, tx, ct))!;
    }

    private static IEnumerable<(string Field, string? Old, string? New)> FieldChanges(Pearl a, Pearl b)
    {
        if (a.Title != b.Title) yield return ("title", a.Title, b.Title);
        if (a.Description != b.Description) yield return ("description", a.Description, b.Description);
        if (a.Status != b.Status) yield return ("status", PearlNames.Name(a.Status), PearlNames.Name(b.Status));
        if (a.Priority != b.Priority) yield return ("priority", a.Priority.ToString(), b.Priority.ToString());
        if (a.Type != b.Type) yield return ("type", PearlNames.Name(a.Type), PearlNames.Name(b.Type));
        if (!a.Labels.SequenceEqual(b.Labels)) yield return ("labels", string.Join(',', a.Labels), string.Join(',', b.Labels));
        if (a.Assignee != b.Assignee) yield return ("assignee", a.Assignee, b.Assignee);
        if (a.Parent != b.Parent) yield return ("parent", a.Parent, b.Parent);
        var oa = a.Outputs is { } x ? JsonText(x) : null;
        var ob = b.Outputs is { } y ? JsonText(y) : null;
        if (oa != ob) yield return ("outputs", oa, ob);
    }

    private async Task InsertLabelsAsync(SqliteTransaction tx, string id, IEnumerable<string> labels, CancellationToken ct)
    {
        foreach (var label in labels)
        {
            await _db.ExecuteAsync(new CommandDefinition(
                "INSERT INTO pearl_labels (pearl_id, label) VALUES (@id, @label)", new { id, label }, tx, cancellationToken: ct));
        }
    }

    private async Task<bool> ExistsAsync(string id, SqliteTransaction? tx, CancellationToken ct) =>
        await _db.ExecuteScalarAsync<long>(new CommandDefinition("SELECT count(*) FROM pearls WHERE id = @id", new { id }, tx, cancellationToken: ct)) > 0;

    /// <summary>True when <paramref name="target"/> is reachable from <paramref name="start"/> over <c>blocks</c> edges.</summary>
    private async Task<bool> BlocksPathExistsAsync(SqliteTransaction tx, string start, string target, CancellationToken ct) =>
        await _db.ExecuteScalarAsync<long>(new CommandDefinition(
            "WITH RECURSIVE reach(id) AS (SELECT @start UNION SELECT d.depends_on FROM pearl_deps d JOIN reach r ON d.pearl_id = r.id WHERE d.kind = 'blocks') " +
            "SELECT count(*) FROM reach WHERE id = @target",
            new { start, target }, tx, cancellationToken: ct)) > 0;

    private async Task CheckParentAsync(SqliteTransaction tx, string id, string parent, CancellationToken ct)
    {
        await RequireAsync(parent, tx, ct);
        var loop = await _db.ExecuteScalarAsync<long>(new CommandDefinition(
            "WITH RECURSIVE up(id) AS (SELECT @parent UNION SELECT p.parent_id FROM pearls p JOIN up ON p.id = up.id WHERE p.parent_id IS NOT NULL) " +
            "SELECT count(*) FROM up WHERE id = @id",
            new { parent, id }, tx, cancellationToken: ct));
        if (loop > 0)
        {
            throw PearlValidation.Bad($"{parent} cannot be the parent of {id}: {id} is {parent} or one of its ancestors", "choose a parent outside this pearl's own sub-tree");
        }
    }

    internal static string JsonText(JsonElement element) => JsonSerializer.Serialize(element, PearlsJsonContext.Default.JsonElement);

    private static T CheckDefined<T>(T value) where T : struct, Enum =>
        Enum.IsDefined(value) ? value : throw PearlValidation.Bad($"unknown {typeof(T).Name} value {value}", "use one of the documented names");
}
