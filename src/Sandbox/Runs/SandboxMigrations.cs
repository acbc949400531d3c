using Smooth.Core.Storage;

namespace Smooth.Sandbox.Runs;

/// <summary>Schema of the sandbox table.</summary>
internal static class SandboxMigrations
{
    public static readonly IReadOnlyList<Migration> All =
    [
        new(1, "sandboxes table", """
            CREATE TABLE sandboxes (
                run_id TEXT NOT NULL,
                sandbox_id TEXT NOT NULL,
                provider TEXT NOT NULL,
                status TEXT NOT NULL,
                base_ref TEXT,
                command TEXT NOT NULL,
                exit_code INTEGER,
                limit_hit TEXT,
                message TEXT,
                review_state TEXT NOT NULL DEFAULT 'none',
                review_message TEXT,
                files_changed INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                updated_at TEXT NOT NULL,
                PRIMARY KEY (run_id, sandbox_id)
            );
            CREATE INDEX sandboxes_status ON sandboxes(status);
            """),
    ];
}
