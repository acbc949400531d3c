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
                closed_at TEXT
            );
            -- The ready set walks open pearls in (priority, age) order straight from this index.
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
            CREATE INDEX pearl_deps_by_target ON pearl_deps(depends_on, pearl_id);

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
