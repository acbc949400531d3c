using System.Security.Cryptography;
using Dapper;
using Microsoft.Data.Sqlite;
using Smooth.Core;
using Smooth.Core.IO;
using Smooth.Core.Storage;
using Smooth.Core.Threading;

namespace Smooth.Policy.Access;

/// <summary>
/// Access requests in <c>.smooth/pearls.db</c>. Only the host can decide them: this store is reached through the
/// project's state directory, which is never mounted into a sandbox, and the operator API has no route to it.
/// </summary>
public sealed class AccessRequestStore : IAsyncDisposable
{
    private static readonly IReadOnlyList<Migration> Migrations =
    [
        new(1, "access requests", """
            CREATE TABLE access_requests (
                id TEXT PRIMARY KEY,
                run_id TEXT NOT NULL,
                kind TEXT NOT NULL,
                resource TEXT NOT NULL,
                reason TEXT NOT NULL,
                status TEXT NOT NULL,
                scope TEXT,
                used INTEGER NOT NULL DEFAULT 0,
                created_at TEXT NOT NULL,
                decided_at TEXT
            );
            CREATE INDEX access_requests_run ON access_requests(run_id, resource);
            """),
    ];

    private const string Select = "SELECT id AS Id, run_id AS RunId, kind AS Kind, resource AS Resource, reason AS Reason, status AS Status, scope AS Scope, created_at AS CreatedAt, decided_at AS DecidedAt FROM access_requests";
    private readonly SqliteConnection _db;
    private readonly SemaphoreSlim _lock = new(1, 1);

    private AccessRequestStore(SqliteConnection db, string projectRoot)
    {
        _db = db;
        ProjectRoot = projectRoot;
    }

    /// <summary>The project.</summary>
    public string ProjectRoot { get; }

    /// <summary>Opens the store of <paramref name="projectRoot"/>.</summary>
    public static async Task<AccessRequestStore> OpenAsync(string projectRoot, CancellationToken ct) =>
        new(await SqliteDatabase.OpenAsync(Path.Combine(ProjectLocator.StateDir(projectRoot), "pearls.db"), "access", Migrations, ct), projectRoot);

    /// <summary>Files a pending request, or returns the pending one already filed for the same run, kind and resource.</summary>
    public Task<AccessRequest> FileAsync(string runId, string kind, string resource, string reason, CancellationToken ct) => Locked(async () =>
    {
        var existing = await _db.QueryFirstOrDefaultAsync<AccessRequest>(new CommandDefinition(
            Select + " WHERE run_id = @runId AND kind = @kind AND resource = @resource AND status = 'pending'", new { runId, kind, resource }, cancellationToken: ct));
        if (existing is not null) return existing;
        return await InsertAsync(runId, kind, resource, reason, "pending", null, ct);
    }, ct);

    /// <summary>
    /// Records a request the policy's <c>auto_approve</c> list granted for the run without a person (kept for the audit
    /// trail and <c>th access</c>; once per run, kind and resource).
    /// </summary>
    public Task<AccessRequest> RecordAutoApprovedAsync(string runId, string kind, string resource, string reason, CancellationToken ct) => Locked(async () =>
    {
        var existing = await _db.QueryFirstOrDefaultAsync<AccessRequest>(new CommandDefinition(
            Select + " WHERE run_id = @runId AND kind = @kind AND resource = @resource AND status = 'approved' AND scope = 'run'", new { runId, kind, resource }, cancellationToken: ct));
        return existing ?? await InsertAsync(runId, kind, resource, reason, "approved", "run", ct);
    }, ct);

    /// <summary>
    /// True when a person granted <paramref name="resource"/> of <paramref name="kind"/> to <paramref name="runId"/> for the
    /// run, or once and not yet used (a once-grant is used up by this call). Project and user grants live in the policy
    /// files instead.
    /// </summary>
    public Task<bool> TryConsumeGrantAsync(string runId, string kind, string resource, CancellationToken ct) => Locked(async () =>
    {
        if (await _db.ExecuteScalarAsync<long>(new CommandDefinition(
                "SELECT count(*) FROM access_requests WHERE run_id = @runId AND kind = @kind AND resource = @resource AND status = 'approved' AND scope = 'run'",
                new { runId, kind, resource }, cancellationToken: ct)) > 0) return true;
        return await _db.ExecuteAsync(new CommandDefinition(
            "UPDATE access_requests SET used = 1 WHERE id = (SELECT id FROM access_requests WHERE run_id = @runId AND kind = @kind AND resource = @resource AND status = 'approved' AND scope = 'once' AND used = 0 LIMIT 1)",
            new { runId, kind, resource }, cancellationToken: ct)) == 1;
    }, ct);

    private async Task<AccessRequest> InsertAsync(string runId, string kind, string resource, string reason, string status, string? scope, CancellationToken ct)
    {
        var id = "ar-" + Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(4));
        var now = DateTimeOffset.UtcNow.ToString("O");
        await _db.ExecuteAsync(new CommandDefinition(
            "INSERT INTO access_requests (id, run_id, kind, resource, reason, status, scope, created_at, decided_at) VALUES (@id, @runId, @kind, @resource, @reason, @status, @scope, @now, @decided)",
            new { id, runId, kind, resource, reason, status, scope, now, decided = status == "pending" ? null : now }, cancellationToken: ct));
        return await _db.QuerySingleAsync<AccessRequest>(new CommandDefinition(Select + " WHERE id = @id", new { id }, cancellationToken: ct));
    }

    /// <summary>The status of one request.</summary>
    public Task<AccessRequest?> GetAsync(string id, CancellationToken ct) => Locked(async () =>
        await _db.QueryFirstOrDefaultAsync<AccessRequest>(new CommandDefinition(Select + " WHERE id = @id", new { id }, cancellationToken: ct)), ct);

    /// <summary>Grants in force for <paramref name="runId"/>: approved for the run, or once and not yet used.</summary>
    public Task<IReadOnlyList<AccessRequest>> ListGrantsAsync(string runId, CancellationToken ct) => Locked(async () =>
        (IReadOnlyList<AccessRequest>)(await _db.QueryAsync<AccessRequest>(new CommandDefinition(
            Select + " WHERE run_id = @runId AND status = 'approved' AND (scope = 'run' OR (scope = 'once' AND used = 0)) ORDER BY created_at",
            new { runId }, cancellationToken: ct))).ToList(), ct);

    /// <summary>Requests waiting for a person, oldest first.</summary>
    public Task<IReadOnlyList<AccessRequest>> ListPendingAsync(CancellationToken ct) => Locked(async () =>
        (IReadOnlyList<AccessRequest>)(await _db.QueryAsync<AccessRequest>(new CommandDefinition(Select + " WHERE status = 'pending' ORDER BY created_at", cancellationToken: ct))).ToList(), ct);

    /// <summary>
    /// Approves a pending request. <c>once</c> and <c>run</c> grants are kept here; <c>project</c> and <c>user</c> grants
    /// add a network allow rule to that layer's policy file (written atomically; hot reload applies it at once).
    /// </summary>
    public async Task<AccessRequest> ApproveAsync(string id, string scope, CancellationToken ct)
    {
        if (scope is not ("once" or "run" or "project" or "user"))
        {
            throw new SmoothException($"unknown scope '{scope}'", "use --scope once, run, project or user", ExitCodes.BadInput);
        }
        var request = await PendingAsync(id, ct);
        if (scope is "project" or "user")
        {
            var section = AllowSection(request.Kind) ?? throw new SmoothException(
                $"a {request.Kind} request can only be granted once or for the run: no policy rule can name it",
                $"use th access approve {id} --scope once (or run)", ExitCodes.BadInput);
            var file = scope == "project" ? PolicyLayers.ProjectFile(ProjectRoot) : PolicyLayers.UserFile();
            await AppendAllowRuleAsync(file, section, request.Resource, id, ct);
        }
        await Locked(() => _db.ExecuteAsync(new CommandDefinition(
            "UPDATE access_requests SET status = 'approved', scope = @scope, decided_at = @now WHERE id = @id",
            new { id, scope, now = DateTimeOffset.UtcNow.ToString("O") }, cancellationToken: ct)), ct);
        return (await GetAsync(id, ct))!;
    }

    /// <summary>Denies a pending request.</summary>
    public async Task<AccessRequest> DenyAsync(string id, CancellationToken ct)
    {
        await PendingAsync(id, ct);
        await Locked(() => _db.ExecuteAsync(new CommandDefinition(
            "UPDATE access_requests SET status = 'denied', decided_at = @now WHERE id = @id", new { id, now = DateTimeOffset.UtcNow.ToString("O") }, cancellationToken: ct)), ct);
        return (await GetAsync(id, ct))!;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _db.DisposeAsync();
        _lock.Dispose();
    }

    private async Task<AccessRequest> PendingAsync(string id, CancellationToken ct)
    {
        var request = await GetAsync(id, ct) ?? throw new SmoothException($"no access request '{id}'", "list them with th access pending", ExitCodes.NotFound);
        if (request.Status != "pending") throw new SmoothException($"access request {id} is already {request.Status}", null, ExitCodes.Conflict);
        return request;
    }

    /// <summary>The policy section a lasting grant of <paramref name="kind"/> is written to, or null when none can hold it.</summary>
    internal static string? AllowSection(string kind) => kind switch
    {
        "network" => "network.allow",
        "tool" => "tools.allow",
        "mcp" => "mcp.allow",
        _ => null,
    };

    private static async Task AppendAllowRuleAsync(string file, string section, string resource, string id, CancellationToken ct)
    {
        var text = File.Exists(file) ? await File.ReadAllTextAsync(file, ct) : "";
        var rules = text.Length == 0 ? [] : PolicyDocument.Parse(text, "policy", file, denyOnly: false).ToList();
        rules.Add(new PolicyRule(section, resource, $"access request {id}"));
        // Rewritten from the parsed rules, so the file stays valid whatever it held; the grant is commented.
        var yaml = PolicyWriter.Write(rules, $"granted by access request {id}: {resource}");
        PolicyDocument.Parse(yaml, "policy", file, denyOnly: false);
        Directory.CreateDirectory(Path.GetDirectoryName(file)!);
        await AtomicFile.WriteAllTextAsync(file, yaml, ct);
    }

    private Task<T> Locked<T>(Func<Task<T>> action, CancellationToken ct) => _lock.RunExclusiveAsync(action, ct);
}
