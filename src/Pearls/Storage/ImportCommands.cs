using Microsoft.Data.Sqlite;

namespace Smooth.Pearls.Storage;

/// <summary>The prepared statements an import runs once per record.</summary>
internal sealed class ImportCommands : IDisposable
{
    public ImportCommands(SqliteConnection db, SqliteTransaction tx)
    {
        InsertPearl = new ReusableCommand(db, tx,
            "INSERT INTO pearls (id, title, description, status, priority, type, assignee, parent_id, outputs, created_at, updated_at, closed_at) " +
            "VALUES (@id, @title, @description, @status, @priority, @type, @assignee, @parent, @outputs, @created, @updated, @closed)",
            "id", "title", "description", "status", "priority", "type", "assignee", "parent", "outputs", "created", "updated", "closed");
        InsertLabel = new ReusableCommand(db, tx, "INSERT INTO pearl_labels (pearl_id, label) VALUES (@id, @label)", "id", "label");
        InsertComment = new ReusableCommand(db, tx,
            "INSERT INTO pearl_comments (id, pearl_id, author, body, created_at) VALUES (@id, @pearl, @author, @body, @at) ON CONFLICT(id) DO NOTHING",
            "id", "pearl", "author", "body", "at");
        InsertHistory = new ReusableCommand(db, tx,
            "INSERT INTO pearl_history (pearl_id, field, old_value, new_value, actor, at) VALUES (@pearl, @field, @old, @new, @actor, @at)",
            "pearl", "field", "old", "new", "actor", "at");
        DeleteEdges = new ReusableCommand(db, tx, "DELETE FROM pearl_deps WHERE pearl_id = @id", "id");
        InsertEdge = new ReusableCommand(db, tx,
            "INSERT INTO pearl_deps (pearl_id, depends_on, kind, created_at) VALUES (@pearl, @target, @kind, @at)", "pearl", "target", "kind", "at");
    }

    public ReusableCommand InsertPearl { get; }
    public ReusableCommand InsertLabel { get; }
    public ReusableCommand InsertComment { get; }
    public ReusableCommand InsertHistory { get; }
    public ReusableCommand DeleteEdges { get; }
    public ReusableCommand InsertEdge { get; }

    public void Dispose()
    {
        InsertPearl.Dispose();
        InsertLabel.Dispose();
        InsertComment.Dispose();
        InsertHistory.Dispose();
        DeleteEdges.Dispose();
        InsertEdge.Dispose();
    }
}
