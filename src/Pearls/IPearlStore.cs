using Smooth.Pearls.Model;
using Smooth.Pearls.Sync;

namespace Smooth.Pearls;

/// <summary>
/// The pearl store: work items, their dependencies and history, and memories.
/// Every write is atomic and records who made it; bad input throws a <see cref="Smooth.Core.SmoothException"/> and changes nothing.
/// </summary>
public interface IPearlStore : IAsyncDisposable
{
    /// <summary>Files a new pearl with a fresh, collision-checked id.</summary>
    Task<Pearl> CreateAsync(NewPearl pearl, CancellationToken ct);

    /// <summary>The pearl with <paramref name="id"/>; throws (exit code NotFound) when there is none.</summary>
    Task<Pearl> GetAsync(string id, CancellationToken ct);

    /// <summary>The pearl with its dependencies, dependents, children, comments and, when <paramref name="closureDepth"/> &gt; 0, its dependency closure.</summary>
    Task<PearlDetails> ShowAsync(string id, int closureDepth, CancellationToken ct);

    /// <summary>Changes the given fields; records one history entry per field that actually changed.</summary>
    Task<Pearl> UpdateAsync(string id, PearlUpdate update, CancellationToken ct);

    /// <summary>Closes the pearl; a <paramref name="reason"/> is kept as a comment.</summary>
    Task<Pearl> CloseAsync(string id, string? reason, CancellationToken ct);

    /// <summary>Sets a closed (or any other) pearl back to open.</summary>
    Task<Pearl> ReopenAsync(string id, CancellationToken ct);

    /// <summary>Makes <paramref name="id"/> depend on <paramref name="dependsOn"/>; a <c>blocks</c> edge closing a cycle is refused.</summary>
    Task<PearlDependency> AddDependencyAsync(string id, string dependsOn, DependencyKind kind, CancellationToken ct);

    /// <summary>Removes the edge from <paramref name="id"/> to <paramref name="dependsOn"/>; throws when there is none.</summary>
    Task RemoveDependencyAsync(string id, string dependsOn, CancellationToken ct);

    /// <summary>Adds a comment.</summary>
    Task<PearlComment> AddCommentAsync(string id, string body, CancellationToken ct);

    /// <summary>Every recorded change of the pearl, oldest first.</summary>
    Task<IReadOnlyList<PearlChange>> HistoryAsync(string id, CancellationToken ct);

    /// <summary>The ready set: open pearls whose every <c>blocks</c> dependency is closed, by priority then age.</summary>
    Task<IReadOnlyList<Pearl>> ReadyAsync(int? limit, CancellationToken ct);

    /// <summary>The pearls reachable from <paramref name="id"/> by dependency edges (both kinds) in at most <paramref name="depth"/> steps.</summary>
    Task<IReadOnlyList<ClosureEntry>> ClosureAsync(string id, int depth, CancellationToken ct);

    /// <summary>The direct sub-pearls of <paramref name="id"/>.</summary>
    Task<IReadOnlyList<Pearl>> ChildrenAsync(string id, CancellationToken ct);

    /// <summary>Pearls matching every criterion of <paramref name="filter"/>, by priority then age.</summary>
    Task<IReadOnlyList<Pearl>> SearchAsync(PearlFilter filter, CancellationToken ct);

    /// <summary>Stores a memory.</summary>
    Task<Memory> RememberAsync(string content, string source, CancellationToken ct);

    /// <summary>The most recent memories, newest first; only those from <paramref name="source"/> when given.</summary>
    Task<IReadOnlyList<Memory>> RecallRecentAsync(int limit, string? source, CancellationToken ct);

    /// <summary>Every pearl and memory as JSONL records, in the file's stable order (pearls by id, then memories by id).</summary>
    Task<IReadOnlyList<JsonlRecord>> ExportAsync(CancellationToken ct);

    /// <summary>Merges records into the store by id and update time, in one transaction; idempotent.</summary>
    Task<ImportReport> ImportAsync(IReadOnlyList<JsonlRecord> records, CancellationToken ct);
}
