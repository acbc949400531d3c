using System.Net;

namespace Smooth.Egress;

/// <summary>How the proxy turns a host name into addresses. Production uses <see cref="SystemHostResolver"/>; tests map names.</summary>
public interface IHostResolver
{
    /// <summary>Resolves <paramref name="host"/>; an empty list or a <see cref="System.Net.Sockets.SocketException"/> means no such host.</summary>
    ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken ct);
}
