using Smooth.Core.Threading;
using Smooth.Pearls.Model;
using Smooth.Pearls.Sync;

namespace Smooth.Pearls;

/// <summary>
/// Makes one store safe to share between concurrent callers (the daemon's runs, the operator API): calls take turns.
/// A SQLite connection allows one transaction at a time, so a shared store without this fails under load.
/// </summary>
public sealed class SerializedPearlStore(IPearlStore inner) : IPearlStore
{
    private readonly SemaphoreSlim _gate = new(1, 1);

    private Task<T> Turn<T>(Func<Task<T>> call, CancellationToken ct) => _gate.RunExclusiveAsync(call, ct);

    private Task Turn(Func<Task> call, CancellationToken ct) => _gate.RunExclusiveAsync(call, ct);

    /// <inheritdoc />
    public Task<Pearl> CreateAsync(NewPearl pearl, CancellationToken ct) => Turn(() => inner.CreateAsync(pearl, ct), ct);
    /// <inheritdoc />
    public Task<Pearl> GetAsync(string id, CancellationToken ct) => Turn(() => inner.GetAsync(id, ct), ct);
    /// <inheritdoc />
    public Task<PearlDetails> ShowAsync(string id, int closureDepth, CancellationToken ct) => Turn(() => inner.ShowAsync(id, closureDepth, ct), ct);
    /// <inheritdoc />
    public Task<Pearl> UpdateAsync(string id, PearlUpdate update, CancellationToken ct) => Turn(() => inner.UpdateAsync(id, update, ct), ct);
    /// <inheritdoc />
    public Task<Pearl> CloseAsync(string id, string? reason, CancellationToken ct) => Turn(() => inner.CloseAsync(id, reason, ct), ct);
    /// <inheritdoc />
    public Task<Pearl> ReopenAsync(string id, CancellationToken ct) => Turn(() => inner.ReopenAsync(id, ct), ct);
    /// <inheritdoc />
    public Task<PearlDependency> AddDependencyAsync(string id, string dependsOn, DependencyKind kind, CancellationToken ct) => Turn(() => inner.AddDependencyAsync(id, dependsOn, kind, ct), ct);
    /// <inheritdoc />
    public Task RemoveDependencyAsync(string id, string dependsOn, CancellationToken ct) => Turn(() => inner.RemoveDependencyAsync(id, dependsOn, ct), ct);
    /// <inheritdoc />
    public Task<PearlComment> AddCommentAsync(string id, string body, CancellationToken ct) => Turn(() => inner.AddCommentAsync(id, body, ct), ct);
    /// <inheritdoc />
    public Task<IReadOnlyList<PearlChange>> HistoryAsync(string id, CancellationToken ct) => Turn(() => inner.HistoryAsync(id, ct), ct);
    /// <inheritdoc />
    public Task<IReadOnlyList<Pearl>> ReadyAsync(int? limit, CancellationToken ct) => Turn(() => inner.ReadyAsync(limit, ct), ct);
    /// <inheritdoc />
    public Task<IReadOnlyList<ClosureEntry>> ClosureAsync(string id, int depth, CancellationToken ct) => Turn(() => inner.ClosureAsync(id, depth, ct), ct);
    /// <inheritdoc />
    public Task<IReadOnlyList<Pearl>> ChildrenAsync(string id, CancellationToken ct) => Turn(() => inner.ChildrenAsync(id, ct), ct);
    /// <inheritdoc />
    public Task<IReadOnlyList<Pearl>> SearchAsync(PearlFilter filter, CancellationToken ct) => Turn(() => inner.SearchAsync(filter, ct), ct);
    /// <inheritdoc />
    public Task<Memory> RememberAsync(string content, string source, CancellationToken ct) => Turn(() => inner.RememberAsync(content, source, ct), ct);
    /// <inheritdoc />
    public Task<IReadOnlyList<Memory>> RecallRecentAsync(int limit, string? source, CancellationToken ct) => Turn(() => inner.RecallRecentAsync(limit, source, ct), ct);
    /// <inheritdoc />
    public Task<IReadOnlyList<JsonlRecord>> ExportAsync(CancellationToken ct) => Turn(() => inner.ExportAsync(ct), ct);
    /// <inheritdoc />
    public Task<ImportReport> ImportAsync(IReadOnlyList<JsonlRecord> records, CancellationToken ct) => Turn(() => inner.ImportAsync(records, ct), ct);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await inner.DisposeAsync();
        _gate.Dispose();
    }
}
