using System.Text;

namespace Smooth.Egress;

/// <summary>
/// Writes the head the proxy sends upstream for a plain HTTP request: origin-form target, the client's fields minus the
/// hop-by-hop proxy ones, straight into a byte buffer (no intermediate strings).
/// </summary>
internal static class RequestHead
{
    /// <summary>The byte length of the head <see cref="Write"/> produces for the same arguments.</summary>
    public static int Length(HttpHead head, string method, string originForm, string version, string? addHost)
    {
        var n = method.Length + 1 + originForm.Length + 1 + version.Length + 2 + 2;
        if (addHost is not null) n += "Host: ".Length + addHost.Length + 2;
        for (var i = 0; i < head.Count; i++)
        {
            if (Forwarded(head.Name(i))) n += head.Name(i).Length + 2 + head.Value(i).Length + 2;
        }
        return n;
    }

    /// <summary>Writes the head into <paramref name="destination"/>, which holds at least <see cref="Length"/> bytes; returns the length.</summary>
    public static int Write(HttpHead head, string method, string originForm, string version, string? addHost, Span<byte> destination)
    {
        var at = 0;
        Put(method, destination, ref at);
        Put(" ", destination, ref at);
        Put(originForm, destination, ref at);
        Put(" ", destination, ref at);
        Put(version, destination, ref at);
        Put("\r\n", destination, ref at);
        if (addHost is not null)
        {
            Put("Host: ", destination, ref at);
            Put(addHost, destination, ref at);
            Put("\r\n", destination, ref at);
        }
        for (var i = 0; i < head.Count; i++)
        {
            var name = head.Name(i);
            if (!Forwarded(name)) continue;
            Put(name, destination, ref at);
            Put(": ", destination, ref at);
            Put(head.Value(i), destination, ref at);
            Put("\r\n", destination, ref at);
        }
        Put("\r\n", destination, ref at);
        return at;
    }

    // Proxy-* fields are for this hop only; Proxy-Authorization must never reach the origin.
    private static bool Forwarded(ReadOnlySpan<char> name) =>
        !name.StartsWith("Proxy-", StringComparison.OrdinalIgnoreCase) && !name.Equals("Keep-Alive", StringComparison.OrdinalIgnoreCase);

    // The head was decoded as Latin-1, so every character is one byte again.
    private static void Put(ReadOnlySpan<char> text, Span<byte> destination, ref int at) =>
        at += Encoding.Latin1.GetBytes(text, destination[at..]);
}
