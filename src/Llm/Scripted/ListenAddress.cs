using System.Globalization;
using System.Net;
using Smooth.Core;

namespace Smooth.Llm.Scripted;

/// <summary>Where a server listens: <c>host:port</c> (port 0 picks a free one) or <c>unix:PATH</c>.</summary>
public sealed record ListenAddress
{
    /// <summary>The Unix socket path, or null for TCP.</summary>
    public string? UnixSocketPath { get; init; }
    /// <summary>The TCP address.</summary>
    public IPAddress Address { get; init; } = IPAddress.Loopback;
    /// <summary>The TCP port (0: any free one).</summary>
    public int Port { get; init; }

    /// <summary>127.0.0.1 on a free port.</summary>
    public static ListenAddress Loopback { get; } = new();

    /// <summary>A Unix socket at <paramref name="path"/>.</summary>
    public static ListenAddress Unix(string path) => new() { UnixSocketPath = Path.GetFullPath(path) };

    /// <summary>Parses <c>host:port</c> or <c>unix:PATH</c>.</summary>
    public static ListenAddress Parse(string text)
    {
        if (text.StartsWith("unix:", StringComparison.Ordinal) && text.Length > 5)
        {
            return Unix(text[5..]);
        }
        var colon = text.LastIndexOf(':');
        if (colon > 0 && int.TryParse(text[(colon + 1)..], NumberStyles.None, CultureInfo.InvariantCulture, out var port) && port <= 65535)
        {
            var host = text[..colon].Trim('[', ']');
            if (host == "localhost") return new ListenAddress { Address = IPAddress.Loopback, Port = port };
            if (IPAddress.TryParse(host, out var ip)) return new ListenAddress { Address = ip, Port = port };
        }
        throw new SmoothException($"'{text}' is not a listen address", "use host:port (for example 127.0.0.1:8085) or unix:/path/to.sock", ExitCodes.BadInput);
    }
}
