using Smooth.Core.Events;

namespace Smooth.Audit.Scribe;

/// <summary>Where the Scribe forwards batches: the Archivist in-process, or over the daemon's API.</summary>
public interface IAuditForwarder
{
    /// <summary>Stores one batch durably, in order. Throws when it could not (the Scribe retries).</summary>
    Task ForwardAsync(IReadOnlyList<SmoothEvent> batch, CancellationToken ct);
}
