using System.Net;
using Smooth.Core;

namespace Smooth.Egress;

/// <summary>What the in-sandbox bridge is asked to do: where the proxy is, where to listen, and the command to run.</summary>
public sealed record BridgeLaunch
{
    /// <summary>The default HTTP proxy address inside the sandbox.</summary>
    public const string DefaultListen = "127.0.0.1:3128";

    /// <summary>The default SOCKS5 address inside the sandbox.</summary>
    public const string DefaultSocks = "127.0.0.1:1080";

    /// <summary>The proxy's Unix socket as mounted in the sandbox.</summary>
    public required string SocketPath { get; init; }

    /// <summary>The HTTP proxy listener (loopback).</summary>
    public required IPEndPoint Http { get; init; }

    /// <summary>The SOCKS5 listener (loopback), or null for none.</summary>
    public IPEndPoint? Socks { get; init; }

    /// <summary>The proxy's hand-over socket, or null to relay every connection.</summary>
    public string? HandoverPath { get; init; }

    /// <summary>The command and its arguments.</summary>
    public required IReadOnlyList<string> Command { get; init; }

    /// <summary>Parses a loopback IP:PORT for <paramref name="option"/>; anything else is a clear error.</summary>
    public static IPEndPoint ParseLoopback(string text, string option)
    {
        if (!IPEndPoint.TryParse(text, out var endPoint) || endPoint.Port == 0 && !text.EndsWith(":0", StringComparison.Ordinal))
        {
            throw new SmoothException($"{option} '{text}' is not an IP:PORT address", $"e.g. {option} 127.0.0.1:3128", ExitCodes.BadInput);
        }
        if (!IPAddress.IsLoopback(endPoint.Address))
        {
            throw new SmoothException($"{option} '{text}' is not a loopback address", "the proxy and bridge only listen on loopback (127.0.0.1 or [::1])", ExitCodes.BadInput);
        }
        return endPoint;
    }

    /// <summary>Parses the SOCKS option: an address, or <c>off</c>.</summary>
    public static IPEndPoint? ParseSocks(string text) =>
        text.Equals("off", StringComparison.OrdinalIgnoreCase) ? null : ParseLoopback(text, "--socks");
}
