using Smooth.Core.Storage;

namespace Smooth.Orchestrator.Runs;

/// <summary>Schema of the run queue. One active run per pearl is enforced by a partial unique index.</summary>
internal static class RunMigrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "runs table with leases", """
            CREATE TABLE runs (
                id TEXT PRIMARY KEY,
                pearl_id TEXT NOT NULL,
                state TEXT NOT NULL,
                attempt INTEGER NOT NULL DEFAULT 1,
                owner TEXT,
                lease_until TEXT,
                checkpoint TEXT,
                result TEXT,
                created_at TEXT NOT NULL,
                ended_at TEXT
            );
            CREATE UNIQUE INDEX runs_one_active_per_pearl ON runs(pearl_id) WHERE state IN ('Queued', 'Running');
            CREATE INDEX runs_state ON runs(state, created_at);
            """),
        new(2, "progress columns for th operators", """
            ALTER TABLE runs ADD COLUMN turn INTEGER NOT NULL DEFAULT 0;
            ALTER TABLE runs ADD COLUMN cost_usd REAL NOT NULL DEFAULT 0;
            ALTER TABLE runs ADD COLUMN activity TEXT;
            """),
    ];
}
