using System.Text;

namespace Smooth.Egress;

/// <summary>
/// An upstream response head as the fast path sees it: status, framing and whether the upstream closes. <see cref="TryParse"/>
/// accepts HTTP/1.1 final responses framed by Content-Length or chunked coding (or without a body); interim and upgrade
/// responses, read-until-close bodies and anything unusual go to the asynchronous path.
/// </summary>
internal struct FastResponse
{
    /// <summary>The status code.</summary>
    public int Status;
    /// <summary>How the body is framed.</summary>
    public BodyFraming Framing;
    /// <summary>The body's length for <see cref="BodyFraming.Length"/>.</summary>
    public long ContentLength;
    /// <summary>The upstream closes the connection after this response.</summary>
    public bool UpstreamClose;

    /// <summary>Scans <paramref name="head"/> (through its blank line); <paramref name="noBody"/> for a HEAD request's response.</summary>
    public static bool TryParse(ReadOnlySpan<byte> head, bool noBody, out FastResponse r)
    {
        r = default;
        var startEnd = head.IndexOf("\r\n"u8);
        var start = head[..startEnd];
        if (start.Length < 12 || !start.StartsWith("HTTP/1.1 "u8) || (start.Length > 12 && start[12] != ' ')) return false;
        var code = start[9..12];
        if (code.IndexOfAnyExceptInRange((byte)'0', (byte)'9') >= 0) return false;
        r.Status = ((code[0] - '0') * 100) + ((code[1] - '0') * 10) + (code[2] - '0');
        if (r.Status < 200) return false;

        var lengths = 0;
        var codings = 0;
        var chunked = false;
        var pos = startEnd + 2;
        while (pos < head.Length - 2)
        {
            var lineEnd = head[pos..].IndexOf("\r\n"u8);
            var line = head.Slice(pos, lineEnd);
            pos += lineEnd + 2;
            if (!HeadBytes.TrySplitField(line, out var name, out var value)) return false;
            if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (++lengths > 1 || !HeadBytes.TryParseLength(value, out r.ContentLength)) return false;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8))
            {
                codings++;
                chunked = Ascii.EqualsIgnoreCase(value, "chunked"u8);
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8) && HeadBytes.HasToken(value, "close"u8))
            {
                r.UpstreamClose = true;
            }
        }
        if (lengths + codings > 1 || (codings == 1 && !chunked)) return false;
        if (noBody || r.Status is 204 or 304)
        {
            r.Framing = BodyFraming.None;
            r.ContentLength = 0;
            return true;
        }
        if (chunked) r.Framing = BodyFraming.Chunked;
        else if (lengths == 1) r.Framing = BodyFraming.Length;
        else return false; // read until close: left to the asynchronous path
        return true;
    }
}
