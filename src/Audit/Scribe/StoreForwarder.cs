using Smooth.Audit.Store;
using Smooth.Core.Events;

namespace Smooth.Audit.Scribe;

/// <summary>Forwards batches straight into an <see cref="AuditStore"/> in the same process.</summary>
public sealed class StoreForwarder(AuditStore store) : IAuditForwarder
{
    /// <inheritdoc />
    public Task ForwardAsync(IReadOnlyList<SmoothEvent> batch, CancellationToken ct) => store.AppendAsync(batch, ct);
}
