using System.Net.Http.Headers;
using System.Net.Http.Json;
using Smooth.Audit.Server;
using Smooth.Core.Events;

namespace Smooth.Audit.Scribe;

/// <summary>Forwards batches to an Archivist in another process over HTTP (TCP or a Unix socket via the given client).</summary>
public sealed class HttpForwarder(HttpClient client, string token) : IAuditForwarder
{
    /// <inheritdoc />
    public async Task ForwardAsync(IReadOnlyList<SmoothEvent> batch, CancellationToken ct)
    {
        var wire = new AppendBatch(batch.Select(e => new WireEvent(e.Type, e.Source, e.Time, e.Attributes.ToDictionary(), e.TraceParent)).ToList());
        using var request = new HttpRequestMessage(HttpMethod.Post, "/events")
        {
            Content = JsonContent.Create(wire, ServerJson.Default.AppendBatch),
        };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        using var response = await client.SendAsync(request, ct);
        response.EnsureSuccessStatusCode();
    }
}
