using System.Net;

namespace Smooth.Egress;

/// <summary>Resolves names with the operating system's resolver (getaddrinfo).</summary>
public sealed class SystemHostResolver : IHostResolver
{
    /// <summary>The shared instance.</summary>
    public static SystemHostResolver Instance { get; } = new();

    /// <inheritdoc />
    public async ValueTask<IReadOnlyList<IPAddress>> ResolveAsync(string host, CancellationToken ct) =>
        await Dns.GetHostAddressesAsync(host, ct);
}
