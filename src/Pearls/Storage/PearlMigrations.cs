using Smooth.Core.Storage;

namespace Smooth.Pearls.Storage;

/// <summary>The pearl store's schema steps, component "pearls" in <c>schema_versions</c>.</summary>
public static class PearlMigrations
{
    /// <summary>The component name under which the schema version is recorded.</summary>
    public const string Component = "pearls";

    /// <summary>All steps, in order.</summary>
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "pearls, labels, dependencies, comments, history, memories", """
            CREATE TABLE pearls (
                id TEXT PRIMARY KEY,
                title TEXT NOT NULL,
                description TEXT NOT NULL DEFAULT '',
                status TEXT NOT NULL CHECK (status IN ('open','in_progress','review','blocked','deferred','closed')),
                priority INTEGER NOT NULL CHECK (priority BETWEEN 0 AND 4),
                type TEXT NOT NULL CHECK (type IN ('task','bug','feature','epic')),
                assignee TEXT,
                parent_id TEXT REFERENCES pearls(id) DEFERRABLE INITIALLY DEFERRED,
                outputs TEXT,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                closed_at TEXT,
                -- How many 'blocks' dependencies are not closed yet; kept by the triggers below, so the ready set
                -- (status open, no open blocker) is one ordered range of pearls_ready instead of a graph walk.
                open_blockers INTEGER NOT NULL DEFAULT 0
            );
            CREATE INDEX pearls_ready ON pearls(status, open_blockers, priority, created_at, id);
            CREATE INDEX pearls_by_status ON pearls(status, priority, created_at, id);
            CREATE INDEX pearls_by_parent ON pearls(parent_id) WHERE parent_id IS NOT NULL;

            CREATE TABLE pearl_labels (
                pearl_id TEXT NOT NULL REFERENCES pearls(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                label TEXT NOT NULL,
                PRIMARY KEY (pearl_id, label)
            ) WITHOUT ROWID;
            CREATE INDEX pearl_labels_by_label ON pearl_labels(label, pearl_id);

            CREATE TABLE pearl_deps (
                pearl_id TEXT NOT NULL REFERENCES pearls(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                depends_on TEXT NOT NULL REFERENCES pearls(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                kind TEXT NOT NULL CHECK (kind IN ('blocks','related')),
                created_at TEXT NOT NULL,
                PRIMARY KEY (pearl_id, depends_on),
                CHECK (pearl_id <> depends_on)
            ) WITHOUT ROWID;
            CREATE INDEX pearl_deps_by_target ON pearl_deps(depends_on, kind, pearl_id);

            CREATE TRIGGER pearl_deps_counted_on_insert AFTER INSERT ON pearl_deps WHEN NEW.kind = 'blocks' BEGIN
                UPDATE pearls SET open_blockers = open_blockers + 1
                WHERE id = NEW.pearl_id AND (SELECT b.status FROM pearls b WHERE b.id = NEW.depends_on) <> 'closed';
            END;
            CREATE TRIGGER pearl_deps_counted_on_delete AFTER DELETE ON pearl_deps WHEN OLD.kind = 'blocks' BEGIN
                UPDATE pearls SET open_blockers = open_blockers - 1
                WHERE id = OLD.pearl_id AND (SELECT b.status FROM pearls b WHERE b.id = OLD.depends_on) <> 'closed';
            END;
            CREATE TRIGGER pearl_deps_counted_on_kind AFTER UPDATE OF kind ON pearl_deps WHEN OLD.kind <> NEW.kind BEGIN
                UPDATE pearls SET open_blockers = open_blockers + (CASE WHEN NEW.kind = 'blocks' THEN 1 ELSE -1 END)
                WHERE id = NEW.pearl_id AND (SELECT b.status FROM pearls b WHERE b.id = NEW.depends_on) <> 'closed';
            END;
            CREATE TRIGGER pearls_blockers_on_status AFTER UPDATE OF status ON pearls
            WHEN (OLD.status = 'closed') <> (NEW.status = 'closed') BEGIN
                UPDATE pearls SET open_blockers = open_blockers + (CASE WHEN NEW.status = 'closed' THEN -1 ELSE 1 END)
                WHERE id IN (SELECT d.pearl_id FROM pearl_deps d WHERE d.depends_on = NEW.id AND d.kind = 'blocks');
            END;

            CREATE TABLE pearl_comments (
                id TEXT PRIMARY KEY,
                pearl_id TEXT NOT NULL REFERENCES pearls(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                author TEXT NOT NULL,
                body TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX pearl_comments_by_pearl ON pearl_comments(pearl_id, created_at);

            CREATE TABLE pearl_history (
                seq INTEGER PRIMARY KEY AUTOINCREMENT,
                pearl_id TEXT NOT NULL REFERENCES pearls(id) ON DELETE CASCADE DEFERRABLE INITIALLY DEFERRED,
                field TEXT NOT NULL,
                old_value TEXT,
                new_value TEXT,
                actor TEXT NOT NULL,
                at TEXT NOT NULL
            );
            CREATE INDEX pearl_history_by_pearl ON pearl_history(pearl_id, at, seq);

            CREATE TABLE memories (
                id TEXT PRIMARY KEY,
                content TEXT NOT NULL,
                source TEXT NOT NULL,
                created_at TEXT NOT NULL
            );
            CREATE INDEX memories_by_time ON memories(created_at, id);
            CREATE INDEX memories_by_source ON memories(source, created_at, id);
            """),
    ];
}
