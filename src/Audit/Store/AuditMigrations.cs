using Smooth.Core.Storage;

namespace Smooth.Audit.Store;

/// <summary>Schema of the audit log. Triggers refuse UPDATE and DELETE so the table is append-only through SQL.</summary>
internal static class AuditMigrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "audit events table, append-only", """
            CREATE TABLE audit_events (
                seq INTEGER PRIMARY KEY,
                time TEXT NOT NULL,
                type TEXT NOT NULL,
                source TEXT NOT NULL,
                trace_parent TEXT,
                attributes TEXT NOT NULL,
                prev_hash TEXT NOT NULL,
                hash TEXT NOT NULL
            );
            CREATE INDEX audit_events_type ON audit_events(type, seq);
            CREATE TRIGGER audit_events_no_update BEFORE UPDATE ON audit_events
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            CREATE TRIGGER audit_events_no_delete BEFORE DELETE ON audit_events
                BEGIN SELECT RAISE(ABORT, 'the audit log is append-only'); END;
            """),
    ];
}
