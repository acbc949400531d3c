using Smooth.Audit.Store;
using Smooth.Core.Events;

namespace Smooth.Audit.Scribe;

/// <summary>
/// The event sink a <c>th</c> process uses for one project: a Scribe writing into the project's audit log. Several
/// processes may hold one at once; the store keeps a single chain. Disposing flushes every event emitted.
/// </summary>
public sealed class ProjectAuditSink : IEventSink, IAsyncDisposable
{
    private readonly AuditStore _store;
    private readonly ScribeSink _scribe;

    private ProjectAuditSink(AuditStore store, IAuditForwarder forwarder)
    {
        _store = store;
        _scribe = new ScribeSink(forwarder);
    }

    /// <summary>Opens the audit log in <paramref name="stateDir"/>; <paramref name="wrap"/> may add export or redaction around storing.</summary>
    public static async Task<ProjectAuditSink> OpenAsync(string stateDir, CancellationToken ct, Func<IAuditForwarder, IAuditForwarder>? wrap = null)
    {
        var store = await AuditStore.OpenAsync(stateDir, ct);
        IAuditForwarder forwarder = new StoreForwarder(store);
        return new ProjectAuditSink(store, wrap?.Invoke(forwarder) ?? forwarder);
    }

    /// <inheritdoc />
    public void Emit(SmoothEvent e) => _scribe.Emit(e);

    /// <summary>Waits until everything emitted so far is stored.</summary>
    public Task FlushAsync(CancellationToken ct) => _scribe.FlushAsync(ct);

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        await _scribe.DisposeAsync();
        await _store.DisposeAsync();
    }
}
