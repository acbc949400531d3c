using System.Text;

namespace Smooth.Egress;

/// <summary>
/// A plain HTTP request head as the fast path sees it: positions in the received bytes, found without decoding them.
/// <see cref="TryParse"/> accepts only the common shape (an upper-case method other than CONNECT, an absolute
/// <c>http://host[:port]/path</c> target, HTTP/1.1, one Host field written exactly as the target's authority, no body or
/// a Content-Length one, no Transfer-Encoding, Expect or Upgrade); anything else goes to the full parser and the
/// asynchronous path, which answers it as before.
/// </summary>
internal struct FastRequest
{
    /// <summary>Bytes of the method, which starts the head.</summary>
    public int MethodLength;
    /// <summary>Where the target's authority starts, and its length.</summary>
    public int AuthorityStart, AuthorityLength;
    /// <summary>Where the origin-form (path and query) starts, its length, and the length of its path part.</summary>
    public int OriginStart, OriginLength, PathLength;
    /// <summary>Where the field lines start (after the start line's CRLF).</summary>
    public int FieldsStart;
    /// <summary>How many field lines there are.</summary>
    public int FieldCount;
    /// <summary>The body's length (0 without a Content-Length).</summary>
    public long ContentLength;
    /// <summary>Whether a Content-Length field was present (a request without one has no body and may be retried).</summary>
    public bool HasContentLength;
    /// <summary>The client asked to close after this response (<c>Connection: close</c>).</summary>
    public bool ClientClose;

    private const int MaxMethod = 16;

    /// <summary>Scans <paramref name="head"/> (through its blank line); false when the request is not of the fast path's shape.</summary>
    public static bool TryParse(ReadOnlySpan<byte> head, out FastRequest r)
    {
        r = default;
        var startEnd = head.IndexOf("\r\n"u8);
        var start = head[..startEnd];
        var sp1 = start.IndexOf((byte)' ');
        if (sp1 is <= 0 or > MaxMethod || start[..sp1].IndexOfAnyExceptInRange((byte)'A', (byte)'Z') >= 0 || start[..sp1].SequenceEqual("CONNECT"u8))
        {
            return false;
        }
        var rest = start[(sp1 + 1)..];
        var sp2 = rest.IndexOf((byte)' ');
        if (sp2 <= 0 || !rest[(sp2 + 1)..].SequenceEqual("HTTP/1.1"u8)) return false;
        var target = rest[..sp2];
        // Visible ASCII only, no fragment: the full parser handles the rest.
        if (target.IndexOfAnyExceptInRange((byte)'!', (byte)'~') >= 0 || target.Contains((byte)'#') || !target.StartsWith("http://"u8)) return false;
        var afterScheme = target[7..];
        var authorityEnd = afterScheme.IndexOfAny((byte)'/', (byte)'?');
        if (authorityEnd <= 0 || afterScheme[authorityEnd] != '/' || afterScheme[..authorityEnd].Contains((byte)'@')) return false;
        r.MethodLength = sp1;
        r.AuthorityStart = sp1 + 1 + 7;
        r.AuthorityLength = authorityEnd;
        r.OriginStart = r.AuthorityStart + authorityEnd;
        r.OriginLength = target.Length - 7 - authorityEnd;
        var query = afterScheme[authorityEnd..].IndexOf((byte)'?');
        r.PathLength = query < 0 ? r.OriginLength : query;
        r.FieldsStart = startEnd + 2;

        var authority = head.Slice(r.AuthorityStart, r.AuthorityLength);
        var hosts = 0;
        var lengths = 0;
        var pos = r.FieldsStart;
        while (pos < head.Length - 2)
        {
            var lineEnd = head[pos..].IndexOf("\r\n"u8);
            var line = head.Slice(pos, lineEnd);
            pos += lineEnd + 2;
            r.FieldCount++;
            if (!HeadBytes.TrySplitField(line, out var name, out var value)) return false;
            if (Ascii.EqualsIgnoreCase(name, "Host"u8))
            {
                if (++hosts > 1 || !value.SequenceEqual(authority)) return false;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Content-Length"u8))
            {
                if (++lengths > 1 || !HeadBytes.TryParseLength(value, out r.ContentLength)) return false;
                r.HasContentLength = true;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Connection"u8))
            {
                if (HeadBytes.HasToken(value, "close"u8)) r.ClientClose = true;
                if (HeadBytes.HasToken(value, "upgrade"u8)) return false;
            }
            else if (Ascii.EqualsIgnoreCase(name, "Transfer-Encoding"u8) || Ascii.EqualsIgnoreCase(name, "Expect"u8)
                || Ascii.EqualsIgnoreCase(name, "Upgrade"u8))
            {
                return false;
            }
        }
        return hosts == 1;
    }

    /// <summary>The most bytes <see cref="WriteUpstream"/> writes for this head (a field may gain the space after its colon).</summary>
    public readonly int UpstreamBound(int headLength) => headLength + FieldCount;

    /// <summary>
    /// Writes the head the proxy sends upstream: origin-form target, the fields as <see cref="RequestHead"/> writes them
    /// (name, colon, space, trimmed value), without <c>Proxy-*</c> and <c>Keep-Alive</c>; returns the length.
    /// </summary>
    public readonly int WriteUpstream(ReadOnlySpan<byte> head, Span<byte> destination)
    {
        var at = 0;
        Put(head[..MethodLength], destination, ref at);
        Put(" "u8, destination, ref at);
        Put(head.Slice(OriginStart, OriginLength), destination, ref at);
        Put(" HTTP/1.1\r\n"u8, destination, ref at);
        var pos = FieldsStart;
        while (pos < head.Length - 2)
        {
            var lineEnd = head[pos..].IndexOf("\r\n"u8);
            HeadBytes.TrySplitField(head.Slice(pos, lineEnd), out var name, out var value);
            pos += lineEnd + 2;
            // Proxy-* fields are for this hop only; Proxy-Authorization must never reach the origin.
            if (name.Length >= 6 && Ascii.EqualsIgnoreCase(name[..6], "Proxy-"u8)) continue;
            if (Ascii.EqualsIgnoreCase(name, "Keep-Alive"u8)) continue;
            Put(name, destination, ref at);
            Put(": "u8, destination, ref at);
            Put(value, destination, ref at);
            Put("\r\n"u8, destination, ref at);
        }
        Put("\r\n"u8, destination, ref at);
        return at;
    }

    private static void Put(ReadOnlySpan<byte> bytes, Span<byte> destination, ref int at)
    {
        bytes.CopyTo(destination[at..]);
        at += bytes.Length;
    }
}
