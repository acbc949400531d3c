using Smooth.Audit.Store;
using Smooth.Orchestrator.Api;

namespace Smooth.Orchestrator.Daemon;

/// <summary>Checks the audit log: readable, and how many records it holds.</summary>
internal sealed class AuditProbe(AuditStore store, Uri? archivist) : IStatusProbe
{
    public async Task<PartStatus> ProbeAsync(CancellationToken ct)
    {
        try
        {
            var newest = await store.QueryAsync(new AuditQuery(Limit: 1, Newest: true), ct);
            var seq = newest.Count > 0 ? newest[0].Seq : 0;
            return new PartStatus("audit", "Scribe + Archivist", "ok", $"{seq} records; SSE at {archivist}events");
        }
        catch (Exception e) when (e is not OperationCanceledException)
        {
            return new PartStatus("audit", "Scribe + Archivist", "down", e.Message);
        }
    }
}
